import Foundation
import GRDB
import TwoHatsExport

/// What a merge did, per kind of item.
public struct MergeCounts: Equatable, Sendable {
    public var added = 0
    public var updated = 0
    /// Already here as they are, or here in a newer edit that was kept.
    public var unchanged = 0

    public init(added: Int = 0, updated: Int = 0, unchanged: Int = 0) {
        self.added = added
        self.updated = updated
        self.unchanged = unchanged
    }
}

public struct MergeResult: Equatable, Sendable {
    public var reflections = MergeCounts()
    public var notes = MergeCounts()

    public init(reflections: MergeCounts = MergeCounts(), notes: MergeCounts = MergeCounts()) {
        self.reflections = reflections
        self.notes = notes
    }
}

extension Store {
    /// Everything the user wrote, newest first. With `since`, only the reflections and notes
    /// changed at or after that moment.
    public func userData(since: Date? = nil) throws(StoreError) -> UserData {
        let path = path
        return try read { db in
            let source = StoredArchive(db: db, since: since, path: path)
            var data = UserData()
            try source.forEachReflection(oldestFirst: false, ratingsOnly: false) { data.reflections.append($0) }
            try source.forEachNote { data.notes.append($0) }
            return data
        }
    }

    /// The same, read a reflection or note at a time while `body` writes it out, all from one
    /// snapshot of the file, so an export never holds the whole of it. What `body` throws
    /// passes through; the database's own errors are thrown as StoreError.
    public func withUserData<T>(since: Date? = nil, _ body: (any ArchiveSource) throws -> T) throws -> T {
        let path = path
        return try readPassingErrors { db in
            // Each reflection's children are looked up through their indexes, all over the file.
            // Through SQLite's page cache that meant a read(2) per page once the indexes outgrew
            // it, and a hundred thousand reflections took half again as long per reflection as
            // ten thousand; mapped, the pages are read where the system keeps them. Mapping only
            // reads: SQLite still writes with write(2), and the file never shrinks under a reader
            // (TwoHats does not vacuum, and the rollback journal of an import into an empty store
            // is taken only while no other connection has the file open).
            try db.execute(sql: "PRAGMA mmap_size = \(Self.mappedBytes)")
            defer { try? db.execute(sql: "PRAGMA mmap_size = 0") }
            return try body(StoredArchive(db: db, since: since, path: path))
        }
    }

    /// As much of the file as SQLite maps (it caps this at its own limit, 2 GB by default).
    static let mappedBytes = 1 << 40

    /// Brings `data` in, in one transaction: an item whose id is new is added; one already here
    /// is replaced when the incoming copy was updated later, and kept otherwise. A reflection
    /// travels whole, its ratings, answers and commitment with it. Merging the same data twice
    /// therefore changes nothing the second time.
    public func merge(_ data: UserData) throws(StoreError) -> MergeResult {
        let path = path
        return try bulkWrite { db in try TransferWriter(db: db, path: path).merge(data) }
    }

    /// The same from a source that is read while it is merged (ArchiveJSON.merge): the
    /// transaction commits only after the source's last call has returned, and what the source
    /// throws undoes it and passes through as it is.
    public func merge(_ source: any ArchiveSource) throws -> MergeResult {
        let path = path
        return try bulkWritePassingErrors { db in try TransferWriter(db: db, path: path).merge(source) }
    }
}

/// The reads behind `withUserData`: the reflections in their order, each with its ratings,
/// answers and commitment read through their reflectionID indexes, in the order they were
/// first written (which an import keeps).
private struct StoredArchive: ArchiveSource {
    let db: Database
    let since: Date?
    let path: String

    /// Sorts before every stored date, so no `since` means everything.
    private var from: String { since?.databaseText ?? "" }

    func counts() throws -> (reflections: Int, notes: Int) {
        var counts = (reflections: 0, notes: 0)
        try BulkStatement(db, """
            SELECT (SELECT COUNT(*) FROM reflection WHERE updatedAt >= ?1), (SELECT COUNT(*) FROM note WHERE updatedAt >= ?1)
            """).forEachRow(.text(from)) { counts = ($0.int(0), $0.int(1)) }
        return counts
    }

    func forEachReflection(oldestFirst: Bool, ratingsOnly: Bool, _ body: (ArchivedReflection) throws -> Void) throws {
        let order = oldestFirst ? "ASC" : "DESC"
        // Children come in index order and are put back in rowid order here: a few per
        // reflection, where SQLite's ORDER BY would open a sorter for every one.
        let ratings = try BulkStatement(db, "SELECT rowid, contrastID, value, updatedAt FROM rating WHERE reflectionID = ?")
        let answers = try BulkStatement(db, """
            SELECT rowid, id, contrastID, promptIndex, promptText, text, createdAt, updatedAt FROM answer
            WHERE reflectionID = ?
            """)
        let commitment = try BulkStatement(db, """
            SELECT id, contrastID, text, dueDate, createdAt, updatedAt FROM commitment WHERE reflectionID = ?
            """)
        try BulkStatement(db, """
            SELECT id, packID, packVersion, createdAt, updatedAt, completedAt, step, cursorLine, cursorColumn
            FROM reflection WHERE updatedAt >= ? ORDER BY updatedAt \(order), rowid \(order)
            """).forEachRow(.text(from)) { row in
            let id = row.text(0)
            var reflection = ArchivedReflection(
                id: try uuid(id), packID: row.text(1), packVersion: row.int(2), createdAt: try date(row.text(3)),
                updatedAt: try date(row.text(4)), completedAt: try row.optionalText(5).map(date),
                position: ArchivedPosition(step: row.int(6), line: row.int(7), column: row.int(8)),
                ratings: [], answers: [], commitment: nil
            )
            reflection.ratings = try inRowidOrder(ratings, id) { row in
                ArchivedRating(contrastID: row.text(1), value: row.int(2), updatedAt: try date(row.text(3)))
            }
            if !ratingsOnly {
                reflection.answers = try inRowidOrder(answers, id) { row in
                    ArchivedAnswer(
                        id: try uuid(row.text(1)), contrastID: row.text(2), promptIndex: row.int(3), prompt: row.text(4),
                        text: row.text(5), createdAt: try date(row.text(6)), updatedAt: try date(row.text(7))
                    )
                }
                try commitment.forEachRow(.text(id)) { row in
                    reflection.commitment = ArchivedCommitment(
                        id: try uuid(row.text(0)), contrastID: row.text(1), text: row.text(2), dueDate: try date(row.text(3)),
                        createdAt: try date(row.text(4)), updatedAt: try date(row.text(5))
                    )
                }
            }
            try body(reflection)
        }
    }

    /// The rows of `statement` for reflection `id`, whose first column is the rowid, made into
    /// items and ordered by rowid.
    private func inRowidOrder<Item>(_ statement: BulkStatement, _ id: String, _ item: (BulkRow) throws -> Item) throws -> [Item] {
        var rows: [(rowid: Int, item: Item)] = []
        try statement.forEachRow(.text(id)) { rows.append((rowid: $0.int(0), item: try item($0))) }
        if zip(rows, rows.dropFirst()).contains(where: { $0.rowid > $1.rowid }) {
            rows.sort { $0.rowid < $1.rowid }
        }
        return rows.map(\.item)
    }

    func forEachNote(_ body: (ArchivedNote) throws -> Void) throws {
        try BulkStatement(db, """
            SELECT id, contrastID, text, createdAt, updatedAt FROM note
            WHERE updatedAt >= ? ORDER BY updatedAt DESC, rowid DESC
            """).forEachRow(.text(from)) { row in
            try body(ArchivedNote(
                id: try uuid(row.text(0)), contrastID: row.optionalText(1), text: row.text(2),
                createdAt: try date(row.text(3)), updatedAt: try date(row.text(4))
            ))
        }
    }

    private func uuid(_ text: String) throws -> UUID {
        guard let id = UUIDText.parse(text) else { throw StoreError.corrupt(path: path) }
        return id
    }

    private func date(_ text: String) throws -> Date {
        guard let date = Timestamp.parse(text, unzoned: .utc) else { throw StoreError.corrupt(path: path) }
        return date
    }
}

/// The writes behind `merge(_:)`, through statements prepared once for the whole batch.
private struct TransferWriter {
    let db: Database
    let path: String

    /// Takes the reflections and notes in the source's order, newest first. Children and
    /// changes to stored rows are written as they come; new rows wait for the end (Arrivals).
    func merge(_ source: any ArchiveSource) throws -> MergeResult {
        var result = MergeResult()
        let insertReflections = try BulkInsert(db, into: "reflection", [
            "id", "packID", "packVersion", "createdAt", "updatedAt", "completedAt", "step", "cursorLine", "cursorColumn",
        ])
        let updateReflection = try BulkStatement(db, """
            UPDATE reflection SET packID = ?2, packVersion = ?3, createdAt = ?4, updatedAt = ?5, completedAt = ?6,
                step = ?7, cursorLine = ?8, cursorColumn = ?9
            WHERE id = ?1
            """)
        let clearChildren = try ["rating", "answer", "commitment"].map {
            try BulkStatement(db, "DELETE FROM \($0) WHERE reflectionID = ?")
        }
        let children = try ChildWriter(db)
        let hadAnswers = try count("answer") > 0
        // In the order of the insert's columns and of the update's numbered parameters.
        let row: (Arrival<ArchivedReflection>) -> [BulkStatement.Value] = { arrival in
            let reflection = arrival.item
            return [
                .text(arrival.id), .text(reflection.packID), .int(reflection.packVersion), .date(reflection.createdAt),
                .text(arrival.updatedAt), .init(reflection.completedAt), .int(reflection.position.step),
                .int(reflection.position.line), .int(reflection.position.column),
            ]
        }

        var known = try updatedAt(of: "reflection")
        var arrivals = Arrivals<ArchivedReflection>()
        var wroteChildren = false
        try source.forEachReflection(oldestFirst: false, ratingsOnly: false) { reflection in
            var header = reflection
            (header.ratings, header.answers, header.commitment) = ([], [], nil)
            let arrival = Arrival(header, id: reflection.id.databaseText, updatedAt: reflection.updatedAt.databaseText)
            let taken = try arrivals.merge(arrival, known: &known, counts: &result.reflections) { stored in
                if stored { try updateReflection.run(row(arrival)[...]) }
                for statement in clearChildren { try statement.run(.text(arrival.id)) }
            }
            guard taken else { return }
            try children.insert(of: reflection, id: arrival.id)
            wroteChildren = true
        }
        try insertReflections.insert(arrivals.oldestFirst.flatMap(row))
        if hadAnswers && wroteChildren { try requireUniqueAnswerIDs() }
        result.notes = try mergeNotes(source)
        return result
    }

    /// Answer ids have no unique index (Migrations.v2), so an incoming answer that takes the id
    /// of one in another reflection is caught here, and the whole merge is undone: an export
    /// holding an id twice could not be imported again.
    private func requireUniqueAnswerIDs() throws {
        var seen = Set<String>(minimumCapacity: try count("answer"))
        try BulkStatement(db, "SELECT id FROM answer").forEachRow { row in
            let id = row.text(0)
            guard seen.insert(id).inserted else {
                throw StoreError.writeFailed("""
                    TwoHats imported nothing into \(path): answer \(id) is already in another reflection there.
                    """)
            }
        }
    }

    private func count(_ table: String) throws -> Int {
        var count = 0
        try BulkStatement(db, "SELECT COUNT(*) FROM \(table)").forEachRow { count = $0.int(0) }
        return count
    }

    private func mergeNotes(_ source: any ArchiveSource) throws -> MergeCounts {
        var counts = MergeCounts()
        let insert = try BulkInsert(db, into: "note", ["id", "contrastID", "text", "createdAt", "updatedAt"])
        let update = try BulkStatement(db, """
            UPDATE note SET contrastID = ?2, text = ?3, createdAt = ?4, updatedAt = ?5 WHERE id = ?1
            """)
        let row: (Arrival<ArchivedNote>) -> [BulkStatement.Value] = { arrival in
            let note = arrival.item
            return [.text(arrival.id), .init(note.contrastID), .text(note.text), .date(note.createdAt), .text(arrival.updatedAt)]
        }
        var known = try updatedAt(of: "note")
        var arrivals = Arrivals<ArchivedNote>()
        try source.forEachNote { note in
            let arrival = Arrival(note, id: note.id.databaseText, updatedAt: note.updatedAt.databaseText)
            _ = try arrivals.merge(arrival, known: &known, counts: &counts) { stored in
                if stored { try update.run(row(arrival)[...]) }
            }
        }
        try insert.insert(arrivals.oldestFirst.flatMap(row))
        return counts
    }

    /// Each row's id mapped to its updatedAt, as stored text (which sorts in time order).
    private func updatedAt(of table: String) throws -> [String: String] {
        var map: [String: String] = [:]
        try BulkStatement(db, "SELECT id, updatedAt FROM \(table)").forEachRow { map[$0.text(0)] = $0.text(1) }
        return map
    }
}

/// The rows of a merge that are new to the store. The source hands them over newest first;
/// they go in at the end, oldest first, so that rowids, which break ties in the history's order,
/// keep the archive's order.
private struct Arrivals<Item> {
    private var items: [Arrival<Item>] = []
    private var positions: [String: Int] = [:]

    var oldestFirst: ReversedCollection<[Arrival<Item>]> { items.reversed() }

    /// Takes `arrival` as the rules of a merge say: an id not yet `known` is new and waits
    /// here; one already known is replaced only by a later edit, and `replace` is told whether
    /// the one it replaces is stored (else it is still waiting here, and replaced in place).
    /// Returns whether the arrival was taken.
    mutating func merge(
        _ arrival: Arrival<Item>, known: inout [String: String], counts: inout MergeCounts, replace: (_ stored: Bool) throws -> Void
    ) rethrows -> Bool {
        if let stored = known[arrival.id] {
            guard arrival.updatedAt > stored else {
                counts.unchanged += 1
                return false
            }
            let position = positions[arrival.id]
            try replace(position == nil)
            if let position { items[position] = arrival }
            counts.updated += 1
        } else {
            positions[arrival.id] = items.count
            items.append(arrival)
            counts.added += 1
        }
        known[arrival.id] = arrival.updatedAt
        return true
    }
}

/// An item with its id and updatedAt as stored text (which sorts in time order).
private struct Arrival<Item> {
    let item: Item
    let id: String
    let updatedAt: String

    init(_ item: Item, id: String, updatedAt: String) {
        self.item = item
        self.id = id
        self.updatedAt = updatedAt
    }
}

/// The inserts of a reflection's ratings, answers and commitment, prepared once for a merge.
/// They go in as each reflection comes, in its own order, which is all their rowids have to keep.
private struct ChildWriter {
    private let ratings: BulkInsert
    private let answers: BulkInsert
    private let commitment: BulkStatement

    init(_ db: Database) throws {
        ratings = try BulkInsert(db, into: "rating", ["reflectionID", "contrastID", "value", "updatedAt"])
        answers = try BulkInsert(db, into: "answer", [
            "id", "reflectionID", "contrastID", "promptIndex", "promptText", "text", "createdAt", "updatedAt",
        ])
        commitment = try BulkStatement(db, """
            INSERT INTO commitment (id, reflectionID, contrastID, text, dueDate, createdAt, updatedAt)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
    }

    func insert(of reflection: ArchivedReflection, id: String) throws {
        // One array of values each, filled in place: an array per row cost more than its insert's binding.
        var values: [BulkStatement.Value] = []
        values.reserveCapacity(max(reflection.ratings.count * 4, reflection.answers.count * 8))
        for rating in reflection.ratings {
            values.append(.text(id))
            values.append(.text(rating.contrastID))
            values.append(.int(rating.value))
            values.append(.date(rating.updatedAt))
        }
        try ratings.insert(values)
        values.removeAll(keepingCapacity: true)
        for answer in reflection.answers {
            values.append(.uuid(answer.id))
            values.append(.text(id))
            values.append(.text(answer.contrastID))
            values.append(.int(answer.promptIndex))
            values.append(.text(answer.prompt))
            values.append(.text(answer.text))
            values.append(.date(answer.createdAt))
            values.append(.date(answer.updatedAt))
        }
        try answers.insert(values)
        if let commitment = reflection.commitment {
            try self.commitment.run(
                .uuid(commitment.id), .text(id), .text(commitment.contrastID), .text(commitment.text),
                .date(commitment.dueDate), .date(commitment.createdAt), .date(commitment.updatedAt)
            )
        }
    }
}
