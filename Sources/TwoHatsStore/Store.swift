import Foundation
import GRDB
import GRDBSQLite

/// The user's reflections and notes in one SQLite file, and the only code that touches it.
/// Every call is synchronous and each save is one small transaction: a save that returned
/// survives the app crashing, and a crash mid-save loses only that save.
public final class Store: Sendable {
    public static let fileName = "twohats.sqlite"
    /// How long a call waits for another connection (a second TwoHats) to release the file.
    public static let busyTimeout: TimeInterval = 5
    /// The size of a page in a new file, four times SQLite's default: an import of ten thousand
    /// reflections wrote a quarter as many pages, with a quarter of the system calls, and took
    /// 0.72 s instead of 0.87 (the median of eight each, interleaved); a save of an answer took
    /// 0.07 ms instead of 0.09.
    static let pageSize = 16_384

    let path: String
    private let queue: DatabaseQueue

    private init(path: String, queue: DatabaseQueue) {
        self.path = path
        self.queue = queue
    }

    /// Opens `folder/twohats.sqlite`, creating the folder (0700) and the file (0600) if missing.
    /// Every call waits up to `lockWait` for a lock another connection holds.
    public static func open(folder: URL, lockWait: TimeInterval = busyTimeout) throws(StoreError) -> Store {
        try FileSafety.prepareFolder(folder.path)
        return try open(file: folder.appending(path: fileName), lockWait: lockWait)
    }

    /// Opens the database at `file` in a folder that must exist. A file that is not a TwoHats
    /// database this build understands is refused and left byte for byte as it was.
    public static func open(file: URL, lockWait: TimeInterval = busyTimeout) throws(StoreError) -> Store {
        let path = file.path
        let folder = file.deletingLastPathComponent().path
        try FileSafety.requireWritableFolder(folder)
        try FileSafety.createIfMissing(path, folder: folder)
        try Inspection.check(path, lockWait: lockWait)

        var configuration = Configuration()
        configuration.journalMode = .wal
        configuration.busyMode = .timeout(lockWait)
        // GRDB's default, spelled out because deletes rely on the cascades.
        configuration.foreignKeysEnabled = true
        // The page size takes effect only in a file that has no pages yet; one made earlier
        // keeps its own. Statement journals (a statement's undo copy within a transaction) and
        // sorts stay in memory: with 16 KiB pages the migrations outgrew the 64 KiB SQLite keeps
        // before spilling to a file in TMPDIR, which put what the user wrote outside the data
        // folder. A checkpoint still comes every 4 MB of WAL, as with 4 KiB pages.
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA page_size = \(pageSize); PRAGMA temp_store = MEMORY")
            let size = try Int.fetchOne(db, sql: "PRAGMA page_size") ?? pageSize
            try db.execute(sql: "PRAGMA wal_autocheckpoint = \(4 << 20 / size)")
        }
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
            try Migrations.migrator.migrate(queue)
        } catch {
            throw StoreError(error, path: path)
        }
        try FileSafety.restrictToOwner(path)
        return Store(path: path, queue: queue)
    }

    /// Takes back what `open(folder:)` made of a folder that did not exist before, for a command
    /// refused once the store was open (an import's file is read while it is merged): the
    /// database and the files SQLite keeps beside it, then the folder, which stays if anything
    /// else is in it. Only after every Store of the folder has been released.
    public static func removeNew(folder: URL) {
        let file = folder.appending(path: fileName).path
        // Another copy of TwoHats may have started in the new folder meanwhile: what it wrote stays.
        guard (try? holdsNothing(file)) == true else { return }
        for path in [file, file + "-wal", file + "-shm", file + "-journal"] { unlink(path) }
        rmdir(folder.path)
    }

    private static func holdsNothing(_ path: String) throws -> Bool {
        var configuration = Configuration()
        configuration.readonly = true
        return try DatabaseQueue(path: path, configuration: configuration).read { db in
            try Int.fetchOne(db, sql: "SELECT (SELECT COUNT(*) FROM reflection) + (SELECT COUNT(*) FROM note)") == 0
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try queue.read(body)
        } catch {
            throw StoreError(error, path: path)
        }
    }

    /// `read` for a body that also throws errors of its own (an export whose file could not be
    /// written), which pass through as they are; the database's become a StoreError.
    func readPassingErrors<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try queue.read(body)
        } catch let error as DatabaseError {
            throw StoreError(error, path: path)
        }
    }

    func write<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try queue.write(body)
        } catch {
            throw StoreError(error, path: path)
        }
    }

    /// `write` for a bulk import: SQLite's default page cache (2 MB) is far smaller than the
    /// indexes ten thousand reflections touch, and a transaction that outgrows it spills pages
    /// and reads them back, so the cache grows for this one transaction. In WAL mode a page
    /// that leaves the cache is a frame the checkpoint copies again, so it grows to 64 MB. Into
    /// an empty store (the rollback journal, below) a page that leaves it goes straight to its
    /// place in the file, where the commit would have written it anyway, so 24 MB, which holds
    /// the indexes of ten thousand reflections, is enough: the 40 MB more cost more in fresh
    /// memory than they saved (an import of ten thousand reflections, alone: 1.32 -> 1.11 s at
    /// the median of four, peak memory 217 -> 170 MB; onto two thousand, 64 MB kept 1.87 s
    /// against 2.00 s).
    /// Foreign keys are not checked meanwhile: the merge writes every child's reflection in the
    /// same transaction (a new one after its children, Store+Transfer.swift) and deletes
    /// children itself, and the lookups cost a tenth of the time.
    ///
    /// Into an empty store the transaction goes through SQLite's rollback journal instead of the
    /// WAL (see `withRollbackJournal`).
    func bulkWrite<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try bulkWritePassingErrors(body)
        } catch {
            throw StoreError(error, path: path)
        }
    }

    /// `bulkWrite` for a body that also throws errors of its own (a file refused while it was
    /// being merged), which undo the transaction and pass through as they are.
    func bulkWritePassingErrors<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try queue.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA foreign_keys = OFF")
                defer { try? db.execute(sql: "PRAGMA foreign_keys = ON") }
                let empty = try Self.isEmpty(db)
                return try Self.withCache(db, megabytes: empty ? 24 : 64) {
                    try withRollbackJournal(db, onlyIf: empty) {
                        var result: T?
                        try db.inTransaction {
                            result = try body(db)
                            return .commit
                        }
                        guard let result else { preconditionFailure("a committed transaction returned nothing") }
                        return result
                    }
                }
            }
        } catch let error as DatabaseError {
            throw StoreError(error, path: path)
        }
    }

    /// Runs `body` with a page cache of `megabytes` instead of SQLite's 2 MB, for work that
    /// goes through more of the file than that holds.
    static func withCache<T>(_ db: Database, megabytes: Int, _ body: () throws -> T) throws -> T {
        let cacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
        try db.execute(sql: "PRAGMA cache_size = \(-1024 * megabytes)")
        defer { try? db.execute(sql: "PRAGMA cache_size = \(cacheSize)") }
        return try body()
    }

    /// Runs `body` with the file in rollback-journal mode, then back in WAL mode. In WAL mode
    /// every page of a large import is written twice, to the WAL and then by the checkpoint
    /// into the file, each with an fsync (two thirds of a second for ten thousand reflections);
    /// the rollback journal writes new pages once, straight into the file, and journals only
    /// the few pages that were there. It is as durable: fsync stays on (synchronous FULL), the
    /// journal is synced before the file is touched, and a crash midway leaves a hot journal
    /// that the next open rolls back. It is used only for an empty store, where nothing a user
    /// wrote is at stake and the imported file itself is still there, and only when no other
    /// connection has the file open: leaving WAL mode needs the file to itself, and is tried
    /// without waiting, so another copy of TwoHats keeps the usual road.
    private func withRollbackJournal<T>(_ db: Database, onlyIf wanted: Bool, _ body: () throws -> T) throws -> T {
        guard wanted else { return try body() }
        sqlite3_busy_timeout(db.sqliteConnection, 0)
        let switched = (try? String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE")) == "delete"
        if case let .timeout(wait) = db.configuration.busyMode {
            sqlite3_busy_timeout(db.sqliteConnection, CInt(wait * 1000))
        }
        // Back to WAL even when the body failed; should that fail, the next open sets it.
        defer { if switched { _ = try? String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") } }
        return try body()
    }

    private static func isEmpty(_ db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT NOT EXISTS (SELECT 1 FROM reflection) AND NOT EXISTS (SELECT 1 FROM note)") ?? false
    }

    /// A save whose row is gone: the user deleted it, perhaps in another copy of TwoHats.
    func missing(_ kind: String, _ id: UUID) -> StoreError {
        .writeFailed("""
            TwoHats found no \(kind) \(id.databaseText) in \(path) to save to; \
            another copy of TwoHats may have deleted it.
            """)
    }
}
