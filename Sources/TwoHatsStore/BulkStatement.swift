import Foundation
import GRDB
import GRDBSQLite
import TwoHatsExport

/// A prepared statement bound and stepped through SQLite's C API. At the volume of an import
/// (over two hundred thousand rows for ten thousand reflections), GRDB's StatementArguments,
/// which box every value, cost more than SQLite's own work.
struct BulkStatement {
    private let statement: Statement
    private let connection: SQLiteConnection?

    init(_ db: Database, _ sql: String) throws {
        statement = try db.cachedStatement(sql: sql)
        connection = db.sqliteConnection
    }

    /// A value to bind: text, a whole number, or null; ids and dates are written as their
    /// stored text (StorageFormat.swift) straight into the statement, with no String between.
    enum Value {
        case text(String)
        case int(Int)
        case null
        case uuid(UUID)
        case date(Date)

        init(_ text: String?) {
            self = text.map(Value.text) ?? .null
        }

        init(_ date: Date?) {
            self = date.map(Value.date) ?? .null
        }
    }

    /// Binds `values` to the parameters in order, runs the statement to its end, and resets it.
    func run(_ values: Value...) throws {
        try run(values[...])
    }

    func run(_ values: ArraySlice<Value>) throws {
        let handle = statement.sqliteStatement
        defer { sqlite3_reset(handle) }
        try bind(values, from: values.startIndex) {
            let code = sqlite3_step(handle)
            guard code == SQLITE_DONE else { throw failure(code) }
        }
    }

    /// Binds `values`, then hands each row of the result to `body`, and resets the statement.
    func forEachRow(_ values: Value..., body: (BulkRow) throws -> Void) throws {
        let handle = statement.sqliteStatement
        defer { sqlite3_reset(handle) }
        try bind(values[...], from: 0) {
            while true {
                let code = sqlite3_step(handle)
                if code == SQLITE_DONE { return }
                guard code == SQLITE_ROW else { throw failure(code) }
                try body(BulkRow(handle: handle))
            }
        }
    }

    /// Binds the first of `values` (parameter 1 is the value at `start`), then the rest within
    /// its scope, and runs `body` with all of them bound. Texts are bound where they lie
    /// (SQLITE_STATIC) instead of being copied by SQLite, since each stays alive and unchanged
    /// until `body` returns, and the statement is reset and bound afresh before it runs again.
    private func bind(_ values: ArraySlice<Value>, from start: Int, _ body: () throws -> Void) throws {
        guard let value = values.first else { return try body() }
        let handle = statement.sqliteStatement
        let index = Int32(values.startIndex - start + 1)
        let rest = values.dropFirst()
        switch value {
        case var .text(text):
            try text.withUTF8 { utf8 in
                // A null pointer would bind NULL, not the empty text.
                try check(utf8.isEmpty ? sqlite3_bind_text(handle, index, "", 0, transient) : bindText(handle, index, utf8))
                try bind(rest, from: start, body)
            }
        case let .int(number):
            try check(sqlite3_bind_int64(handle, index, Int64(number)))
            try bind(rest, from: start, body)
        case .null:
            try check(sqlite3_bind_null(handle, index))
            try bind(rest, from: start, body)
        case let .uuid(id):
            try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: UUIDText.length) { buffer in
                try check(bindText(handle, index, buffer, UUIDText.write(id, into: buffer.baseAddress!)))
                try bind(rest, from: start, body)
            }
        case let .date(date):
            try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Timestamp.storageLength) { buffer in
                try check(bindText(handle, index, buffer, Timestamp.writeStorage(date, into: buffer.baseAddress!)))
                try bind(rest, from: start, body)
            }
        }
    }

    private func check(_ code: Int32) throws {
        guard code == SQLITE_OK else { throw failure(code) }
    }

    private func bindText(_ handle: OpaquePointer, _ index: Int32, _ utf8: UnsafeBufferPointer<UInt8>) -> Int32 {
        // No destructor is SQLITE_STATIC: SQLite reads the text where it lies.
        utf8.withMemoryRebound(to: CChar.self) { sqlite3_bind_text(handle, index, $0.baseAddress, Int32(utf8.count), nil) }
    }

    private func bindText(_ handle: OpaquePointer, _ index: Int32, _ buffer: UnsafeMutableBufferPointer<UInt8>, _ count: Int) -> Int32 {
        bindText(handle, index, UnsafeBufferPointer(rebasing: buffer[..<count]))
    }

    private func failure(_ code: Int32) -> DatabaseError {
        DatabaseError(
            resultCode: ResultCode(rawValue: code),
            message: connection.map { String(cString: sqlite3_errmsg($0)) },
            sql: statement.sql
        )
    }
}

/// An INSERT of many rows, up to `BulkInsert.rows` to a statement: per statement SQLite opens
/// and closes the table's and each index's cursors and ends the statement, which was a third
/// of its work for a row of an import.
struct BulkInsert {
    static let rows = 16
    private let width: Int
    /// The statement for n rows at n - 1.
    private let statements: [BulkStatement]

    init(_ db: Database, into table: String, _ columns: [String]) throws {
        width = columns.count
        let row = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        statements = try (1...Self.rows).map { count in
            try BulkStatement(db, """
                INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES \(Array(repeating: row, count: count).joined(separator: ", "))
                """)
        }
    }

    /// Inserts the rows whose values follow each other in `values`, in their order.
    func insert(_ values: [BulkStatement.Value]) throws {
        var start = values.startIndex
        while start < values.endIndex {
            let count = min(values.endIndex - start, width * Self.rows)
            try statements[count / width - 1].run(values[start..<start + count])
            start += count
        }
    }
}

/// One row of a result, read column by column (numbered from 0) while the statement is on it.
struct BulkRow {
    fileprivate let handle: OpaquePointer

    func int(_ column: Int32) -> Int {
        Int(sqlite3_column_int64(handle, column))
    }

    /// The text of a column; empty for null, which the columns read this way never hold.
    func text(_ column: Int32) -> String {
        // The length SQLite already knows, rather than strlen's scan of every text.
        guard let text = sqlite3_column_text(handle, column) else { return "" }
        return String(decoding: UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(handle, column))), as: UTF8.self)
    }

    func optionalText(_ column: Int32) -> String? {
        sqlite3_column_type(handle, column) == SQLITE_NULL ? nil : text(column)
    }
}

/// Tells SQLite to copy a bound text, for the one literal whose storage lives only for the call.
private let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)
