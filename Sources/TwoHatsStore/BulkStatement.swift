import GRDB
import GRDBSQLite

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

    /// A value to bind: text, a whole number, or null.
    enum Value {
        case text(String)
        case int(Int)
        case null

        init(_ text: String?) {
            self = text.map(Value.text) ?? .null
        }
    }

    /// Binds `values` to the parameters in order, runs the statement to its end, and resets it.
    func run(_ values: Value...) throws {
        let handle = statement.sqliteStatement
        defer { sqlite3_reset(handle) }
        try bind(values)
        let code = sqlite3_step(handle)
        guard code == SQLITE_DONE else { throw failure(code) }
    }

    /// Binds `values`, then hands each row of the result to `body`, and resets the statement.
    func forEachRow(_ values: Value..., body: (BulkRow) throws -> Void) throws {
        let handle = statement.sqliteStatement
        defer { sqlite3_reset(handle) }
        try bind(values)
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else { throw failure(code) }
            try body(BulkRow(handle: handle))
        }
    }

    private func bind(_ values: [Value]) throws {
        let handle = statement.sqliteStatement
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let code = switch value {
            case let .text(text): sqlite3_bind_text(handle, index, text, -1, transient)
            case let .int(number): sqlite3_bind_int64(handle, index, Int64(number))
            case .null: sqlite3_bind_null(handle, index)
            }
            guard code == SQLITE_OK else { throw failure(code) }
        }
    }

    private func failure(_ code: Int32) -> DatabaseError {
        DatabaseError(
            resultCode: ResultCode(rawValue: code),
            message: connection.map { String(cString: sqlite3_errmsg($0)) },
            sql: statement.sql
        )
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
        sqlite3_column_text(handle, column).map { String(cString: $0) } ?? ""
    }

    func optionalText(_ column: Int32) -> String? {
        sqlite3_column_type(handle, column) == SQLITE_NULL ? nil : text(column)
    }
}

/// Tells SQLite to copy a bound text, since Swift's C string lives only for the call.
private let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)
