import Foundation
import GRDB
import TwoHatsCore

extension Store {
    /// Every note, the most recently edited first.
    public func notes() throws(StoreError) -> [Note] {
        try read { db in
            var notes: [Note] = []
            let rows = try Row.fetchCursor(db, sql: """
                SELECT id, contrastID, text, createdAt, updatedAt FROM note ORDER BY updatedAt DESC, rowid DESC
                """)
            while let row = try rows.next() {
                notes.append(Note(
                    id: try ListRows.uuid(row, 0, path: path), contrastID: row[1], text: row[2],
                    createdAt: try ListRows.date(row, 3, path: path), updatedAt: try ListRows.date(row, 4, path: path)
                ))
            }
            return notes
        }
    }

    /// An empty note, about `contrastID` or (nil) about nothing in particular.
    public func createNote(id: UUID, contrastID: String?, at: Date) throws(StoreError) -> Note {
        try write { db in
            try db.execute(literal: """
                INSERT INTO note (id, contrastID, text, createdAt, updatedAt)
                VALUES (\(id.databaseText), \(contrastID), '', \(at.databaseText), \(at.databaseText))
                """)
        }
        return Note(id: id, contrastID: contrastID, text: "", createdAt: at.asStored)
    }

    public func saveNote(id: UUID, text: String, at: Date) throws(StoreError) {
        try write { db in
            try db.execute(literal: """
                UPDATE note SET text = \(text), updatedAt = \(at.databaseText) WHERE id = \(id.databaseText)
                """)
            guard db.changesCount > 0 else { throw missing("note", id) }
        }
    }

    /// A missing note is no error: the user wanted it gone, and it is.
    public func deleteNote(id: UUID) throws(StoreError) {
        try write { db in
            _ = try NoteRow.deleteOne(db, key: id.databaseText)
        }
    }

    /// Per contrast id: how many notes are about it, and its rating in the most recently
    /// updated reflection that rated it. Contrasts with neither are absent.
    public func stats() throws(StoreError) -> [String: ContrastStats] {
        try read { db in
            var stats: [String: ContrastStats] = [:]
            let counts = try Row.fetchAll(db, sql: """
                SELECT contrastID, COUNT(*) AS count FROM note WHERE contrastID IS NOT NULL GROUP BY contrastID
                """)
            for row in counts {
                stats[row["contrastID"], default: ContrastStats()].noteCount = row["count"]
            }
            // Ties in updatedAt go to the later insert, as in the history list. Per contrast, the
            // reflections are walked newest first through their index and the walk stops at the
            // first rating, so a long history is not sorted as a whole (0.6 s at 10,000).
            let latest = try Row.fetchAll(db, sql: """
                SELECT contrast.contrastID, (
                    SELECT rating.value FROM reflection
                    JOIN rating ON rating.reflectionID = reflection.id AND rating.contrastID = contrast.contrastID
                    ORDER BY reflection.updatedAt DESC, reflection.rowid DESC
                    LIMIT 1
                ) AS value
                FROM (SELECT DISTINCT contrastID FROM rating) AS contrast
                """)
            for row in latest {
                stats[row["contrastID"], default: ContrastStats()].lastRating = row["value"]
            }
            return stats
        }
    }
}
