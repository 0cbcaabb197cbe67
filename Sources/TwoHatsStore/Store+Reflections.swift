import Foundation
import GRDB
import TwoHatsCore

extension Store {
    public func createReflection(id: UUID, packID: String, packVersion: Int, at: Date) throws(StoreError) -> Reflection {
        try write { db in
            try db.execute(literal: """
                INSERT INTO reflection (id, packID, packVersion, createdAt, updatedAt)
                VALUES (\(id.databaseText), \(packID), \(packVersion), \(at.databaseText), \(at.databaseText))
                """)
        }
        return Reflection(id: id, packID: packID, packVersion: packVersion, createdAt: at.asStored)
    }

    /// The whole reflection: ratings, answers, commitment and position.
    public func reflection(id: UUID) throws(StoreError) -> Reflection? {
        try read { db in
            guard let row = try ReflectionRow.fetchOne(db, key: id.databaseText) else { return nil }
            let belongs = Column("reflectionID") == id.databaseText
            return row.reflection(
                ratings: try RatingRow.filter(belongs).fetchAll(db),
                answers: try AnswerRow.filter(belongs).fetchAll(db),
                commitment: try CommitmentRow.filter(belongs).fetchOne(db)
            )
        }
    }

    public func saveRating(reflection: UUID, contrastID: String, value: Int, at: Date) throws(StoreError) {
        try write { db in
            try touch(reflection, at: at, db)
            try db.execute(literal: """
                INSERT INTO rating (reflectionID, contrastID, value, updatedAt)
                VALUES (\(reflection.databaseText), \(contrastID), \(value), \(at.databaseText))
                ON CONFLICT (reflectionID, contrastID)
                DO UPDATE SET value = excluded.value, updatedAt = excluded.updatedAt
                """)
        }
    }

    /// Inserts or replaces the answer to one prompt; the row keeps the id and createdAt of its first save.
    public func saveAnswer(reflection: UUID, key: AnswerKey, promptText: String, text: String, at: Date) throws(StoreError) {
        try write { db in
            try touch(reflection, at: at, db)
            try db.execute(literal: """
                INSERT INTO answer (id, reflectionID, contrastID, promptIndex, promptText, text, createdAt, updatedAt)
                VALUES (\(UUID().databaseText), \(reflection.databaseText), \(key.contrastID), \(key.prompt),
                        \(promptText), \(text), \(at.databaseText), \(at.databaseText))
                ON CONFLICT (reflectionID, contrastID, promptIndex)
                DO UPDATE SET promptText = excluded.promptText, text = excluded.text, updatedAt = excluded.updatedAt
                """)
        }
    }

    public func savePosition(reflection: UUID, position: Position, at: Date) throws(StoreError) {
        try write { db in
            try db.execute(literal: """
                UPDATE reflection
                SET step = \(position.step), cursorLine = \(position.line), cursorColumn = \(position.column),
                    updatedAt = \(at.databaseText)
                WHERE id = \(reflection.databaseText)
                """)
            try requireReflection(reflection, db)
        }
    }

    /// Sets the reflection's one commitment; the row keeps the id and createdAt of its first save.
    public func saveCommitment(reflection: UUID, commitment: Commitment, at: Date) throws(StoreError) {
        try write { db in
            try touch(reflection, at: at, db)
            try db.execute(literal: """
                INSERT INTO commitment (id, reflectionID, contrastID, text, dueDate, createdAt, updatedAt)
                VALUES (\(UUID().databaseText), \(reflection.databaseText), \(commitment.contrastID),
                        \(commitment.text), \(commitment.dueDate.databaseText), \(at.databaseText), \(at.databaseText))
                ON CONFLICT (reflectionID)
                DO UPDATE SET contrastID = excluded.contrastID, text = excluded.text,
                              dueDate = excluded.dueDate, updatedAt = excluded.updatedAt
                """)
        }
    }

    public func complete(reflection: UUID, at: Date) throws(StoreError) {
        try write { db in
            try db.execute(literal: """
                UPDATE reflection SET completedAt = \(at.databaseText), updatedAt = \(at.databaseText)
                WHERE id = \(reflection.databaseText)
                """)
            try requireReflection(reflection, db)
        }
    }

    /// Deletes the reflection with its ratings, answers and commitment (by cascade); a missing one is no error.
    public func deleteReflection(id: UUID) throws(StoreError) {
        try write { db in
            _ = try ReflectionRow.deleteOne(db, key: id.databaseText)
        }
    }

    /// The reflection to offer for resuming: the most recently touched one not yet complete.
    public func latestUnfinished() throws(StoreError) -> ReflectionSummary? {
        try read { db in
            guard let row = try ReflectionRow.filter(Column("completedAt") == nil).order(newestFirst).fetchOne(db)
            else { return nil }
            let ratings = try RatingRow.filter(Column("reflectionID") == row.id.databaseText).fetchAll(db)
            return row.summary(ratings: ratings.byContrast)
        }
    }

    /// Moves the reflection to the top of the history, and makes sure it exists before a child
    /// row is written for it.
    private func touch(_ reflection: UUID, at: Date, _ db: Database) throws {
        try db.execute(literal: """
            UPDATE reflection SET updatedAt = \(at.databaseText) WHERE id = \(reflection.databaseText)
            """)
        try requireReflection(reflection, db)
    }

    /// Fails the write when the statement before it changed no reflection.
    private func requireReflection(_ reflection: UUID, _ db: Database) throws {
        guard db.changesCount > 0 else { throw missing("reflection", reflection) }
    }
}
