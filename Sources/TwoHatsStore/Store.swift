import Foundation
import GRDB

/// The user's reflections and notes in one SQLite file, and the only code that touches it.
/// Every call is synchronous and each save is one small transaction: a save that returned
/// survives the app crashing, and a crash mid-save loses only that save.
public final class Store: Sendable {
    public static let fileName = "twohats.sqlite"
    /// How long a call waits for another connection (a second TwoHats) to release the file.
    public static let busyTimeout: TimeInterval = 5

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

    func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try queue.read(body)
        } catch {
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
    /// to the journal and reads them back, so the cache grows to 64 MB for this one transaction.
    /// Foreign keys are not checked meanwhile: the merge writes each reflection before its
    /// children and deletes children itself, and the lookups cost a tenth of the time.
    func bulkWrite<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try queue.writeWithoutTransaction { db in
                let cacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
                try db.execute(sql: "PRAGMA cache_size = -65536; PRAGMA foreign_keys = OFF")
                defer { try? db.execute(sql: "PRAGMA cache_size = \(cacheSize); PRAGMA foreign_keys = ON") }
                var result: T?
                try db.inTransaction {
                    result = try body(db)
                    return .commit
                }
                guard let result else { preconditionFailure("a committed transaction returned nothing") }
                return result
            }
        } catch {
            throw StoreError(error, path: path)
        }
    }

    /// A save whose row is gone: the user deleted it, perhaps in another copy of TwoHats.
    func missing(_ kind: String, _ id: UUID) -> StoreError {
        .writeFailed("""
            TwoHats found no \(kind) \(id.databaseText) in \(path) to save to; \
            another copy of TwoHats may have deleted it.
            """)
    }
}
