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

        /// The bytes of the text bound for this value.
        var textLength: Int {
            switch self {
            case .int, .null: 0
            case let .text(text): text.utf8.count
            case .uuid: UUIDText.length
            case .date: Timestamp.storageLength
            }
        }
    }

    /// Binds `values` to the parameters in order, runs the statement to its end, and resets it.
    func run(_ values: Value...) throws {
        try run(values[...])
    }

    func run(_ values: ArraySlice<Value>) throws {
        let handle = statement.sqliteStatement
        defer { sqlite3_reset(handle) }
        try bind(values) {
            let code = sqlite3_step(handle)
            guard code == SQLITE_DONE else { throw failure(code) }
        }
    }

    /// Binds `values`, then hands each row of the result to `body`, and resets the statement.
    func forEachRow(_ values: Value..., body: (BulkRow) throws -> Void) throws {
        let handle = statement.sqliteStatement
        defer { sqlite3_reset(handle) }
        try bind(values[...]) {
            while true {
                let code = sqlite3_step(handle)
                if code == SQLITE_DONE { return }
                guard code == SQLITE_ROW else { throw failure(code) }
                try body(BulkRow(handle: handle))
            }
        }
    }

    /// Binds `values` to the parameters in order and runs `body` with them bound. Every text
    /// (ids and dates written out) is copied into one buffer that lives until `body` returns,
    /// and bound where it lies there (SQLITE_STATIC) instead of being copied by SQLite; the
    /// statement is reset and bound afresh before it runs again. Binding each text in place
    /// took a closure scope per value, nested, whose reference counting cost more than the copy.
    private func bind(_ values: ArraySlice<Value>, _ body: () throws -> Void) throws {
        let handle = statement.sqliteStatement
        let bytes = values.reduce(0) { $0 + $1.textLength }
        try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(bytes, 1)) { buffer in
            var end = buffer.baseAddress!
            for (offset, value) in values.enumerated() {
                let index = Int32(offset + 1)
                let count: Int
                switch value {
                case let .int(number):
                    try check(sqlite3_bind_int64(handle, index, Int64(number)))
                    continue
                case .null:
                    try check(sqlite3_bind_null(handle, index))
                    continue
                case var .text(text):
                    count = text.withUTF8 { utf8 in
                        if let start = utf8.baseAddress { end.update(from: start, count: utf8.count) }
                        return utf8.count
                    }
                case let .uuid(id):
                    count = UUIDText.write(id, into: end)
                case let .date(date):
                    count = Timestamp.writeStorage(date, into: end)
                }
                // No destructor is SQLITE_STATIC. The pointer is never null, which would bind
                // NULL instead of an empty text.
                try check(end.withMemoryRebound(to: CChar.self, capacity: count) { sqlite3_bind_text(handle, index, $0, Int32(count), nil) })
                end += count
            }
            try body()
        }
    }

    private func check(_ code: Int32) throws {
        guard code == SQLITE_OK else { throw failure(code) }
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
///
/// A refused row fails the statement without undoing the rows it already wrote (OR FAIL):
/// every bulk write runs in one transaction that a failure rolls back whole, and undoing a
/// single statement needs SQLite's statement journal, a temporary file that took a copy of
/// each page the statement changed: 25,600 page writes and 13,800 small ones in an import of
/// ten thousand reflections, more than the 22,100 pages of the database itself.
struct BulkInsert {
    static let rows = 16
    private let width: Int
    /// The statement for n rows at n - 1.
    private let statements: [BulkStatement]

    init(_ db: Database, into table: String, _ columns: [String]) throws {
        // Outside a transaction OR FAIL would keep the rows before a refused one.
        precondition(db.isInsideTransaction, "a bulk insert outside a transaction")
        width = columns.count
        let row = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        statements = try (1...Self.rows).map { count in
            try BulkStatement(db, """
                INSERT OR FAIL INTO \(table) (\(columns.joined(separator: ", "))) VALUES \(Array(repeating: row, count: count).joined(separator: ", "))
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
