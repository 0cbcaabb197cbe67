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

    func merge(_ data: UserData) throws -> MergeResult {
        var result = MergeResult()
        let insertReflection = try BulkStatement(db, """
            INSERT INTO reflection (id, packID, packVersion, createdAt, updatedAt, completedAt, step, cursorLine, cursorColumn)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let updateReflection = try BulkStatement(db, """
            UPDATE reflection SET packID = ?2, packVersion = ?3, createdAt = ?4, updatedAt = ?5, completedAt = ?6,
                step = ?7, cursorLine = ?8, cursorColumn = ?9
            WHERE id = ?1
            """)
        let clearChildren = try ["rating", "answer", "commitment"].map {
            try BulkStatement(db, "DELETE FROM \($0) WHERE reflectionID = ?")
        }
        let hadAnswers = try count("answer") > 0

        var known = try updatedAt(of: "reflection")
        // The reflections whose children are to be written, by id; the last version merged wins.
        var written: [String: Int] = [:]
        // Oldest first, so that rowids, which break ties in the history's order, keep the archive's order.
        for (index, reflection) in data.reflections.enumerated().reversed() {
            let id = reflection.id.databaseText
            let updatedAt = reflection.updatedAt.databaseText
            let row: (BulkStatement) throws -> Void = {
                try $0.run(
                    .text(id), .text(reflection.packID), .int(reflection.packVersion), .date(reflection.createdAt),
                    .text(updatedAt), .init(reflection.completedAt), .int(reflection.position.step),
                    .int(reflection.position.line), .int(reflection.position.column)
                )
            }
            if let stored = known[id] {
                guard updatedAt > stored else {
                    result.reflections.unchanged += 1
                    continue
                }
                try row(updateReflection)
                for statement in clearChildren { try statement.run(.text(id)) }
                result.reflections.updated += 1
            } else {
                try row(insertReflection)
                result.reflections.added += 1
            }
            known[id] = updatedAt
            written[id] = index
        }
        // Children go in by reflection id, so that the indexes keyed by reflectionID grow at
        // their end instead of everywhere at once; a reflection's own children keep their order,
        // which is all their rowids have to keep.
        try insertChildren(of: written.sorted { $0.key < $1.key }.map { (id: $0.key, reflection: data.reflections[$0.value]) })
        if hadAnswers && !written.isEmpty { try requireUniqueAnswerIDs() }
        result.notes = try mergeNotes(data.notes)
        return result
    }

    private func insertChildren(of reflections: [(id: String, reflection: ArchivedReflection)]) throws {
        let insertRating = try BulkStatement(db, """
            INSERT INTO rating (reflectionID, contrastID, value, updatedAt) VALUES (?, ?, ?, ?)
            """)
        let insertAnswer = try BulkStatement(db, """
            INSERT INTO answer (id, reflectionID, contrastID, promptIndex, promptText, text, createdAt, updatedAt)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let insertCommitment = try BulkStatement(db, """
            INSERT INTO commitment (id, reflectionID, contrastID, text, dueDate, createdAt, updatedAt)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        for (id, reflection) in reflections {
            for rating in reflection.ratings {
                try insertRating.run(.text(id), .text(rating.contrastID), .int(rating.value), .date(rating.updatedAt))
            }
            for answer in reflection.answers {
                try insertAnswer.run(
                    .uuid(answer.id), .text(id), .text(answer.contrastID), .int(answer.promptIndex),
                    .text(answer.prompt), .text(answer.text), .date(answer.createdAt), .date(answer.updatedAt)
                )
            }
            if let commitment = reflection.commitment {
                try insertCommitment.run(
                    .uuid(commitment.id), .text(id), .text(commitment.contrastID), .text(commitment.text),
                    .date(commitment.dueDate), .date(commitment.createdAt), .date(commitment.updatedAt)
                )
            }
        }
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

    private func mergeNotes(_ notes: [ArchivedNote]) throws -> MergeCounts {
        var counts = MergeCounts()
        let insert = try BulkStatement(db, """
            INSERT INTO note (id, contrastID, text, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?)
            """)
        let update = try BulkStatement(db, """
            UPDATE note SET contrastID = ?2, text = ?3, createdAt = ?4, updatedAt = ?5 WHERE id = ?1
            """)
        var known = try updatedAt(of: "note")
        for note in notes.reversed() {
            let id = note.id.databaseText
            let updatedAt = note.updatedAt.databaseText
            let row: (BulkStatement) throws -> Void = {
                try $0.run(.text(id), .init(note.contrastID), .text(note.text), .date(note.createdAt), .text(updatedAt))
            }
            if let stored = known[id] {
                guard updatedAt > stored else {
                    counts.unchanged += 1
                    continue
                }
                try row(update)
                counts.updated += 1
            } else {
                try row(insert)
                counts.added += 1
            }
            known[id] = updatedAt
        }
        return counts
    }

    /// Each row's id mapped to its updatedAt, as stored text (which sorts in time order).
    private func updatedAt(of table: String) throws -> [String: String] {
        var map: [String: String] = [:]
        try BulkStatement(db, "SELECT id, updatedAt FROM \(table)").forEachRow { map[$0.text(0)] = $0.text(1) }
        return map
    }
}
