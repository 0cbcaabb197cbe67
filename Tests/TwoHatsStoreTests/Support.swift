import Foundation
import GRDB
import Testing
import TwoHatsStore

/// Runs `body` with a new, empty folder under the temporary directory, removed afterwards
/// (after making it writable again, for the tests that took that away).
func withTemporaryFolder<T>(_ body: (URL) throws -> T) throws -> T {
    let folder = FileManager.default.temporaryDirectory.appending(path: "twohats-store-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer {
        try? FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: folder.path)
        try? FileManager.default.removeItem(at: folder)
    }
    return try body(folder)
}

/// Opens a store in a new temporary folder.
func withStore<T>(_ body: (Store, URL) throws -> T) throws -> T {
    try withTemporaryFolder { folder in
        try body(try Store.open(folder: folder), folder.appending(path: Store.fileName))
    }
}

/// A date on a whole millisecond, the precision the database keeps.
func date(_ milliseconds: Int64) -> Date {
    Date(timeIntervalSince1970: Double(milliseconds) / 1000)
}

/// 2025-11-22 07:30:00.123 UTC and the moments after it, a millisecond-aligned base for tests.
func moment(_ offsetSeconds: Int64 = 0) -> Date {
    date(1_763_796_600_123 + offsetSeconds * 1000)
}

func milliseconds(_ date: Date) -> Int64 {
    Int64((date.timeIntervalSince1970 * 1000).rounded())
}

/// What a test needs to prove a file was not written: every byte, the modification time, and
/// the WAL beside it, where a write in WAL mode would land first. (A reader may create an empty
/// -wal and a -shm index beside a WAL-mode file; neither holds data.)
struct FileSnapshot: Equatable {
    var bytes: Data
    var modified: Date?
    var wal: Data

    init(_ file: URL) throws {
        bytes = try Data(contentsOf: file)
        modified = try FileManager.default.attributesOfItem(atPath: file.path)[.modificationDate] as? Date
        wal = (try? Data(contentsOf: URL(filePath: file.path + "-wal"))) ?? Data()
    }
}

/// The files beside `file` whose names start with its name.
func siblings(of file: URL) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: file.deletingLastPathComponent().path)
        .filter { $0.hasPrefix(file.lastPathComponent) && $0 != file.lastPathComponent }
}

/// Creates a SQLite file at `file` with `sql`, outside the store, and closes it.
func makeDatabase(at file: URL, _ sql: String) throws {
    let queue = try DatabaseQueue(path: file.path)
    // Outside a transaction, so that a PRAGMA such as journal_mode takes effect.
    try queue.writeWithoutTransaction { db in try db.execute(sql: sql) }
    try queue.close()
}

/// A raw connection to the store's file, for checking what the store wrote.
func rawRows(_ file: URL, _ sql: String) throws -> [Row] {
    let queue = try DatabaseQueue(path: file.path)
    defer { try? queue.close() }
    return try queue.read { db in try Row.fetchAll(db, sql: sql) }
}

func appliedMigrations(_ file: URL) throws -> [String] {
    try rawRows(file, "SELECT identifier FROM grdb_migrations ORDER BY identifier").map { $0["identifier"] }
}

func mode(of path: String) throws -> Int {
    let permissions = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber
    return try #require(permissions).intValue & 0o777
}
