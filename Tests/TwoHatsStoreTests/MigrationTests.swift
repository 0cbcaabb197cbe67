import Foundation
import GRDB
import Testing
import TwoHatsCore
import TwoHatsStore

@Suite("Migrations")
struct MigrationTests {
    static let tables = ["answer", "commitment", "grdb_migrations", "note", "rating", "reflection"]

    @Test func anEmptyFileIsInitialisedInWALMode() throws {
        try withTemporaryFolder { folder in
            let file = folder.appending(path: "empty.sqlite")
            #expect(FileManager.default.createFile(atPath: file.path, contents: Data()))
            let store = try Store.open(file: file)
            _ = try store.createNote(id: UUID(), contrastID: nil, at: moment())

            #expect(try appliedMigrations(file) == ["v1", "v2"])
            let tables = try rawRows(file, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            #expect(tables.map { $0["name"] as String } == Self.tables)
            #expect(try rawRows(file, "PRAGMA journal_mode").first?[0] as String? == "wal")
            #expect(try store.notes().count == 1)
        }
    }

    @Test("a new file gets 16 KiB pages; one made with SQLite's default keeps its 4 KiB")
    func pageSizes() throws {
        try withTemporaryFolder { folder in
            let new = folder.appending(path: "new")
            _ = try Store.open(folder: new)
            #expect(try rawRows(new.appending(path: Store.fileName), "PRAGMA page_size").first?[0] as Int? == 16_384)

            let earlier = folder.appending(path: "earlier")
            try FileManager.default.createDirectory(at: earlier, withIntermediateDirectories: false)
            let file = earlier.appending(path: Store.fileName)
            try makeDatabase(at: file, "PRAGMA journal_mode = WAL; CREATE TABLE scratch (x); DROP TABLE scratch;")
            let store = try Store.open(folder: earlier)
            _ = try store.createNote(id: UUID(), contrastID: nil, at: moment())
            #expect(try rawRows(file, "PRAGMA page_size").first?[0] as Int? == 4_096)
            #expect(try store.notes().count == 1)
        }
    }

    @Test("the WAL is copied back into the file every 4 MB of it")
    func checkpointsEveryFourMegabytes() throws {
        try withStore { store, file in
            let id = UUID()
            _ = try store.createNote(id: id, contrastID: nil, at: moment())
            // Each save writes the note's pages and its index's: 300 of them make some 10 MB of
            // frames, which would all stay in the WAL until SQLite's default of 1,000 pages.
            for save in 0..<300 {
                try store.saveNote(id: id, text: String(repeating: "\(save) ", count: 400), at: moment(Int64(save) + 1))
            }
            let wal = try FileManager.default.attributesOfItem(atPath: file.path + "-wal")[.size] as? Int ?? 0
            #expect(wal > 0 && wal <= 5 << 20, "WAL of \(wal) bytes")
        }
    }

    @Test func aDatabaseWithNoTablesIsInitialised() throws {
        // What a first run leaves if it stops after setting up WAL and before migrating.
        try withTemporaryFolder { folder in
            let file = folder.appending(path: Store.fileName)
            try makeDatabase(at: file, "PRAGMA journal_mode = WAL; CREATE TABLE scratch (x); DROP TABLE scratch;")
            #expect(try rawRows(file, "PRAGMA journal_mode").first?[0] as String? == "wal")
            let store = try Store.open(folder: folder)
            #expect(try store.notes().isEmpty)
            #expect(try appliedMigrations(file) == ["v1", "v2"])
        }
    }

    @Test func aV1DatabaseFromAnEarlierRunReopensIntact() throws {
        try withTemporaryFolder { folder in
            let reflection = UUID(), note = UUID()
            var saved: Reflection?
            do {
                let store = try Store.open(folder: folder)
                _ = try store.createReflection(id: reflection, packID: "default", packVersion: 2, at: moment())
                try store.saveRating(reflection: reflection, contrastID: "vision", value: 3, at: moment(1))
                try store.saveAnswer(
                    reflection: reflection, key: AnswerKey(contrastID: "vision", prompt: 1), promptText: "?", text: "kept",
                    at: moment(2)
                )
                try store.savePosition(reflection: reflection, position: Position(step: 2, line: 1, column: 4), at: moment(3))
                _ = try store.createNote(id: note, contrastID: "vision", at: moment(4))
                try store.saveNote(id: note, text: "still here", at: moment(5))
                saved = try store.reflection(id: reflection)
            }
            let file = folder.appending(path: Store.fileName)
            let migrationsBefore = try appliedMigrations(file)

            let reopened = try Store.open(folder: folder)
            #expect(try reopened.reflection(id: reflection) == saved)
            #expect(saved?.answers.count == 1)
            #expect(try reopened.notes().map(\.text) == ["still here"])
            #expect(try appliedMigrations(file) == migrationsBefore)
        }
    }

    /// A crash leaves the last saves in the -wal (and the -shm beside it, or not): copying the
    /// files of a store that is still open gives the same state.
    @Test(arguments: [["-wal", "-shm"], ["-wal"]])
    func aStoreLeftByACrashReopensWithItsLastSaves(journals: [String]) throws {
        try withTemporaryFolder { folder in
            let live = folder.appending(path: "live")
            let crashed = folder.appending(path: "crashed")
            try FileManager.default.createDirectory(at: crashed, withIntermediateDirectories: false)
            let store = try Store.open(folder: live)
            let id = UUID()
            _ = try store.createNote(id: id, contrastID: "sell", at: moment())
            try store.saveNote(id: id, text: "saved just before the crash", at: moment(1))
            let file = live.appending(path: Store.fileName)
            #expect(try Data(contentsOf: URL(filePath: file.path + "-wal")).count > 0)
            for suffix in [""] + journals {
                try FileManager.default.copyItem(
                    atPath: file.path + suffix, toPath: crashed.appending(path: Store.fileName).path + suffix
                )
            }

            let reopened = try Store.open(folder: crashed)
            #expect(try reopened.notes().map(\.text) == ["saved just before the crash"])
            #expect(try store.notes() == reopened.notes())
        }
    }
}
