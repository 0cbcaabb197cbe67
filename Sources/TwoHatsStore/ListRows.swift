import Foundation
import GRDB
import TwoHatsExport

/// Hand decoding for the reads that cover every row (the history list). Through Codable,
/// Foundation's UUID parser (sscanf underneath) and GRDB's date parser a row cost tens of
/// microseconds, so ten thousand reflections and notes took most of a second to list.
enum ListRows {
    /// A lowercase or uppercase UUID as `databaseText` writes it.
    static func uuid(_ row: Row, _ column: Int, path: String) throws -> UUID {
        guard let id = UUIDText.parse(row[column]) else { throw StoreError.corrupt(path: path) }
        return id
    }

    /// A stored date ("yyyy-MM-dd HH:mm:ss.SSS", UTC), to the millisecond as `asStored` gives it.
    static func date(_ row: Row, _ column: Int, path: String) throws -> Date {
        guard let date = try optionalDate(row, column, path: path) else { throw StoreError.corrupt(path: path) }
        return date
    }

    static func optionalDate(_ row: Row, _ column: Int, path: String) throws -> Date? {
        guard let text: String = row[column] else { return nil }
        guard let date = Timestamp.parse(text, unzoned: .utc) else { throw StoreError.corrupt(path: path) }
        return date.asStored
    }
}
