import Foundation
import GRDB
import TwoHatsCore

/// A row as SQLite holds it, for reading: writes are SQL that binds the texts of
/// StorageFormat.swift. Dates read back to the whole millisecond they were written from.
protocol StoredRecord: Decodable, FetchableRecord, TableRecord {}

extension StoredRecord {
    static func databaseDateDecodingStrategy(for column: String) -> DatabaseDateDecodingStrategy {
        .custom { Date.fromDatabaseValue($0)?.asStored }
    }
}

/// The newest first, with the later insert first among equal timestamps.
var newestFirst: [any SQLOrderingTerm] { [Column("updatedAt").desc, Column.rowID.desc] }

struct ReflectionRow: StoredRecord {
    static let databaseTableName = "reflection"
    var id: UUID
    var packID: String
    var packVersion: Int
    var createdAt: Date
    var updatedAt: Date
    var completedAt: Date?
    var step: Int
    var cursorLine: Int
    var cursorColumn: Int

    func summary(ratings: [String: Int]) -> ReflectionSummary {
        ReflectionSummary(
            id: id, createdAt: createdAt, updatedAt: updatedAt, completedAt: completedAt,
            ratings: ratings, step: step
        )
    }

    func reflection(ratings: [RatingRow], answers: [AnswerRow], commitment: CommitmentRow?) -> Reflection {
        Reflection(
            id: id, packID: packID, packVersion: packVersion, createdAt: createdAt, updatedAt: updatedAt,
            completedAt: completedAt,
            ratings: ratings.byContrast,
            answers: Dictionary(uniqueKeysWithValues: answers.map {
                (AnswerKey(contrastID: $0.contrastID, prompt: $0.promptIndex), $0.text)
            }),
            commitment: commitment.map {
                Commitment(contrastID: $0.contrastID, text: $0.text, dueDate: $0.dueDate)
            },
            position: Position(step: step, line: cursorLine, column: cursorColumn)
        )
    }
}

struct RatingRow: StoredRecord {
    static let databaseTableName = "rating"
    var reflectionID: UUID
    var contrastID: String
    var value: Int
}

extension [RatingRow] {
    /// Contrast id to rating, as the domain types hold them (the primary key makes ids unique).
    var byContrast: [String: Int] { Dictionary(uniqueKeysWithValues: map { ($0.contrastID, $0.value) }) }
}

struct AnswerRow: StoredRecord {
    static let databaseTableName = "answer"
    var contrastID: String
    var promptIndex: Int
    var text: String
}

struct CommitmentRow: StoredRecord {
    static let databaseTableName = "commitment"
    var contrastID: String
    var text: String
    var dueDate: Date
}

struct NoteRow: StoredRecord {
    static let databaseTableName = "note"
    var id: UUID
    var contrastID: String?
    var text: String
    var createdAt: Date
    var updatedAt: Date
}
