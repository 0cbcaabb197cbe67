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
    /// Everything the user wrote, newest first, in five queries however large the store is.
    /// With `since`, only the reflections and notes changed at or after that moment.
    public func userData(since: Date? = nil) throws(StoreError) -> UserData {
        let path = path
        return try read { db in try TransferReader(db: db, since: since, path: path).read() }
    }

    /// Brings `data` in, in one transaction: an item whose id is new is added; one already here
    /// is replaced when the incoming copy was updated later, and kept otherwise. A reflection
    /// travels whole, its ratings, answers and commitment with it. Merging the same data twice
    /// therefore changes nothing the second time.
    public func merge(_ data: UserData) throws(StoreError) -> MergeResult {
        try bulkWrite { db in try TransferWriter(db: db).merge(data) }
    }
}

/// The reads behind `userData(since:)`: each table once, children attached by reflection id.
private struct TransferReader {
    let db: Database
    let since: Date?
    let path: String

    /// Sorts before every stored date, so no `since` means everything.
    private var from: String { since?.databaseText ?? "" }

    func read() throws -> UserData {
        var reflections: [ArchivedReflection] = []
        var position: [String: Int] = [:]
        try BulkStatement(db, """
            SELECT id, packID, packVersion, createdAt, updatedAt, completedAt, step, cursorLine, cursorColumn
            FROM reflection WHERE updatedAt >= ? ORDER BY updatedAt DESC, rowid DESC
            """).forEachRow(.text(from)) { row in
            let id = row.text(0)
            position[id] = reflections.count
            reflections.append(ArchivedReflection(
                id: try uuid(id), packID: row.text(1), packVersion: row.int(2), createdAt: try date(row.text(3)),
                updatedAt: try date(row.text(4)), completedAt: try row.optionalText(5).map(date),
                position: ArchivedPosition(step: row.int(6), line: row.int(7), column: row.int(8)),
                ratings: [], answers: [], commitment: nil
            ))
        }
        try children("SELECT reflectionID, contrastID, value, updatedAt FROM rating") { row in
            try attach(row, to: &reflections, position) {
                $0.ratings.append(ArchivedRating(contrastID: row.text(1), value: row.int(2), updatedAt: try date(row.text(3))))
            }
        }
        try children("SELECT reflectionID, id, contrastID, promptIndex, promptText, text, createdAt, updatedAt FROM answer") { row in
            try attach(row, to: &reflections, position) {
                $0.answers.append(ArchivedAnswer(
                    id: try uuid(row.text(1)), contrastID: row.text(2), promptIndex: row.int(3), prompt: row.text(4),
                    text: row.text(5), createdAt: try date(row.text(6)), updatedAt: try date(row.text(7))
                ))
            }
        }
        try children("SELECT reflectionID, id, contrastID, text, dueDate, createdAt, updatedAt FROM commitment") { row in
            try attach(row, to: &reflections, position) {
                $0.commitment = ArchivedCommitment(
                    id: try uuid(row.text(1)), contrastID: row.text(2), text: row.text(3), dueDate: try date(row.text(4)),
                    createdAt: try date(row.text(5)), updatedAt: try date(row.text(6))
                )
            }
        }
        var notes: [ArchivedNote] = []
        try BulkStatement(db, """
            SELECT id, contrastID, text, createdAt, updatedAt FROM note
            WHERE updatedAt >= ? ORDER BY updatedAt DESC, rowid DESC
            """).forEachRow(.text(from)) { row in
            notes.append(ArchivedNote(
                id: try uuid(row.text(0)), contrastID: row.optionalText(1), text: row.text(2),
                createdAt: try date(row.text(3)), updatedAt: try date(row.text(4))
            ))
        }
        return UserData(reflections: reflections, notes: notes)
    }

    /// The rows of a child table whose reflection is in the selection, in the order they were
    /// first written (which an import keeps). The `+` keeps SQLite from going through the
    /// reflectionID index: that reads each row out of rowid order and sorts them afterwards,
    /// three times slower than one scan of the table when most reflections are wanted.
    private func children(_ select: String, _ body: (BulkRow) throws -> Void) throws {
        try BulkStatement(db, """
            \(select) WHERE +reflectionID IN (SELECT id FROM reflection WHERE updatedAt >= ?) ORDER BY rowid
            """).forEachRow(.text(from), body: body)
    }

    private func attach(
        _ row: BulkRow, to reflections: inout [ArchivedReflection], _ position: [String: Int],
        _ change: (inout ArchivedReflection) throws -> Void
    ) throws {
        guard let index = position[row.text(0)] else { throw StoreError.corrupt(path: path) }
        try change(&reflections[index])
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

        var known = try updatedAt(of: "reflection")
        // Oldest first, so that rowids, which break ties in the history's order, keep the archive's order.
        for reflection in data.reflections.reversed() {
            let id = reflection.id.databaseText
            let updatedAt = reflection.updatedAt.databaseText
            let row: (BulkStatement) throws -> Void = {
                try $0.run(
                    .text(id), .text(reflection.packID), .int(reflection.packVersion), .text(reflection.createdAt.databaseText),
                    .text(updatedAt), .init(reflection.completedAt?.databaseText), .int(reflection.position.step),
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
            for rating in reflection.ratings {
                try insertRating.run(.text(id), .text(rating.contrastID), .int(rating.value), .text(rating.updatedAt.databaseText))
            }
            for answer in reflection.answers {
                try insertAnswer.run(
                    .text(answer.id.databaseText), .text(id), .text(answer.contrastID), .int(answer.promptIndex),
                    .text(answer.prompt), .text(answer.text), .text(answer.createdAt.databaseText), .text(answer.updatedAt.databaseText)
                )
            }
            if let commitment = reflection.commitment {
                try insertCommitment.run(
                    .text(commitment.id.databaseText), .text(id), .text(commitment.contrastID), .text(commitment.text),
                    .text(commitment.dueDate.databaseText), .text(commitment.createdAt.databaseText),
                    .text(commitment.updatedAt.databaseText)
                )
            }
        }
        result.notes = try mergeNotes(data.notes)
        return result
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
                try $0.run(.text(id), .init(note.contrastID), .text(note.text), .text(note.createdAt.databaseText), .text(updatedAt))
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
