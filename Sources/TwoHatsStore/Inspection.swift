import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Decides, through a read-only connection, whether a file may be opened for writing. Opening
/// for writing is not harmless by itself: switching to WAL rewrites the header and migrating
/// adds tables, so a file that is not understood must be refused before that. The read-only
/// connection never writes the file, though on a file in WAL mode SQLite may leave an empty
/// -wal and a -shm beside it, as any reader does.
enum Inspection {
    /// Every SQLite database starts with these 16 bytes.
    private static let header = Data("SQLite format 3\u{0}".utf8)

    static func check(_ path: String, lockWait: TimeInterval) throws(StoreError) {
        // lstat rather than Foundation's resource values, which also look up the owner's name
        // (a socket to nscd, or a directory server, for every open). A symlink is not ours.
        var status = stat()
        guard lstat(path, &status) == 0 else {
            throw .writeFailed("TwoHats could not read \(path). Check that the file is yours.")
        }
        guard (status.st_mode & S_IFMT) == S_IFREG else { throw .foreign(path: path) }
        // A new file, created by us or by an earlier run that stopped before writing anything.
        guard status.st_size > 0 else { return }
        // Anything else is refused before SQLite sees it, so nothing is created beside it.
        guard try startsWithHeader(path) else { throw .corrupt(path: path) }

        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(lockWait)
        let verdict: Verdict
        do {
            let reader = try DatabaseQueue(path: path, configuration: configuration)
            verdict = try reader.read(judge)
        } catch {
            throw StoreError(error, path: path)
        }
        switch verdict {
        case .ours: return
        case .corrupt: throw .corrupt(path: path)
        case .foreign: throw .foreign(path: path)
        case .future: throw .futureVersion(path: path)
        }
    }

    private static func startsWithHeader(_ path: String) throws(StoreError) -> Bool {
        do {
            let file = try FileHandle(forReadingFrom: URL(filePath: path))
            defer { try? file.close() }
            return try file.read(upToCount: header.count) == header
        } catch {
            throw .writeFailed("TwoHats could not read \(path). Check that the file is yours.")
        }
    }

    private enum Verdict { case ours, corrupt, foreign, future }

    private static func judge(_ db: Database) throws -> Verdict {
        // quick_check reads every page, so damage inside a page is caught here and not halfway
        // through a migration. It costs a second for ten thousand reflections, so a large file
        // skips it: SQLite still reports a truncated file or a damaged page when it reads it,
        // and TwoHats never rewrites the file to repair it.
        if try fileSize(db) <= quickCheckLimit {
            guard try String.fetchAll(db, sql: "PRAGMA quick_check") == ["ok"] else { return .corrupt }
        }
        let tables = try userTables(db)
        // A file with no tables holds nothing to lose: an earlier run set WAL mode and then stopped.
        if tables.isEmpty { return .ours }
        guard tables.contains("grdb_migrations") else { return .foreign }

        let migrator = Migrations.migrator
        let applied = try migrator.appliedIdentifiers(db)
        let known = Set(migrator.migrations)
        // Another GRDB app's file shares the bookkeeping table but none of our identifiers.
        if !applied.isEmpty && applied.isDisjoint(with: known) { return .foreign }
        if !applied.isSubset(of: known) { return .future }
        // "v1" is also the name GRDB's own examples use, so the identifiers alone do not prove
        // the file is ours: its tables must be among the ones our migrations create.
        return tables.isSubset(of: Migrations.tables) ? .ours : .foreign
    }

    /// Below this size a full page check takes a few milliseconds.
    static let quickCheckLimit = 4 << 20

    private static func fileSize(_ db: Database) throws -> Int {
        let pages = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0
        let size = try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 0
        return pages * size
    }

    static func userTables(_ db: Database) throws -> Set<String> {
        try String.fetchSet(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    }
}
