import Foundation
import GRDB
import Testing
@testable import TwoHatsStore
#if canImport(Glibc)
import Glibc
#endif

/// A file the store does not understand is refused, and left exactly as it was.
@Suite("File safety")
struct FileSafetyTests {
    /// Opens the store on `file` (the default file name in its folder) and returns the error,
    /// after checking that the file and its folder are as they were.
    func refusal(of file: URL) throws -> StoreError {
        let before = try FileSnapshot(file)
        let error = try #require(throws: StoreError.self) {
            try Store.open(folder: file.deletingLastPathComponent())
        }
        #expect(try FileSnapshot(file) == before)
        return error
    }

    @Test func randomBytesAreCorrupt() throws {
        try withTemporaryFolder { folder in
            let file = folder.appending(path: Store.fileName)
            var generator = SystemRandomNumberGenerator()
            try Data((0..<8192).map { _ in UInt8.random(in: 0...255, using: &generator) }).write(to: file)
            #expect(try refusal(of: file) == .corrupt(path: file.path))
            #expect(try siblings(of: file).isEmpty)
        }
    }

    @Test func aTruncatedStoreIsCorrupt() throws {
        try withTemporaryFolder { folder in
            do {
                let store = try Store.open(folder: folder)
                for index in 0..<60 {
                    let id = UUID()
                    _ = try store.createNote(id: id, contrastID: "vision", at: moment(Int64(index)))
                    let text = String(repeating: "leading and managing ", count: 20)
                    try store.saveNote(id: id, text: text, at: moment(Int64(index)))
                }
            }
            let file = folder.appending(path: Store.fileName)
            let whole = try Data(contentsOf: file)
            #expect(whole.count > 8 * 4096)
            try whole.prefix(whole.count / 2).write(to: file)
            #expect(try refusal(of: file) == .corrupt(path: file.path))
        }
    }

    @Test func aLargeTruncatedStoreIsCorruptWithoutThePageCheck() throws {
        try withTemporaryFolder { folder in
            do {
                let store = try Store.open(folder: folder)
                let text = String(repeating: "a long note about leading and managing ", count: 16_000)
                for index in 0..<8 {
                    let id = UUID()
                    _ = try store.createNote(id: id, contrastID: nil, at: moment(Int64(index)))
                    try store.saveNote(id: id, text: text, at: moment(Int64(index)))
                }
            }
            let file = folder.appending(path: Store.fileName)
            let whole = try Data(contentsOf: file)
            // Large enough that the open skips the page-by-page check.
            #expect(whole.count > Inspection.quickCheckLimit)
            try whole.prefix(whole.count / 2).write(to: file)
            #expect(try refusal(of: file) == .corrupt(path: file.path))
        }
    }

    @Test func anotherProgramsDatabaseIsForeign() throws {
        try withTemporaryFolder { folder in
            let file = folder.appending(path: Store.fileName)
            try makeDatabase(at: file, "CREATE TABLE song (title TEXT); INSERT INTO song VALUES ('Two Hats Blues');")
            #expect(try refusal(of: file) == .foreign(path: file.path))
            #expect(try siblings(of: file).isEmpty)
        }
    }

    @Test func anotherGRDBAppsDatabaseIsForeign() throws {
        // GRDB's own examples name their first migration "v1" too.
        try withTemporaryFolder { folder in
            let file = folder.appending(path: Store.fileName)
            try makeDatabase(at: file, """
                CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
                INSERT INTO grdb_migrations VALUES ('v1');
                CREATE TABLE player (id INTEGER PRIMARY KEY, name TEXT);
                """)
            #expect(try refusal(of: file) == .foreign(path: file.path))
        }
    }

    @Test func aGRDBDatabaseWithNoneOfOurMigrationsIsForeign() throws {
        try withTemporaryFolder { folder in
            let file = folder.appending(path: Store.fileName)
            try makeDatabase(at: file, """
                CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
                INSERT INTO grdb_migrations VALUES ('createPlayers');
                CREATE TABLE player (id INTEGER PRIMARY KEY);
                """)
            #expect(try refusal(of: file) == .foreign(path: file.path))
        }
    }

    @Test func aNewerStoresDatabaseIsRefusedUntouched() throws {
        try withTemporaryFolder { folder in
            do {
                let store = try Store.open(folder: folder)
                _ = try store.createNote(id: UUID(), contrastID: nil, at: moment())
            }
            let file = folder.appending(path: Store.fileName)
            let queue = try DatabaseQueue(path: file.path)
            try queue.write { db in try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v3')") }
            try queue.close()
            #expect(try refusal(of: file) == .futureVersion(path: file.path))
        }
    }

    @Test func aFolderWhereTheFileShouldBeIsForeign() throws {
        try withTemporaryFolder { folder in
            let file = folder.appending(path: Store.fileName)
            try FileManager.default.createDirectory(at: file, withIntermediateDirectories: false)
            let error = try #require(throws: StoreError.self) { try Store.open(folder: folder) }
            #expect(error == .foreign(path: file.path))
            #expect(try FileManager.default.contentsOfDirectory(atPath: file.path).isEmpty)
        }
    }

    @Test func aFileWhereTheFolderShouldBeIsNotAFolder() throws {
        try withTemporaryFolder { folder in
            let notFolder = folder.appending(path: "data")
            try Data("mine".utf8).write(to: notFolder)
            let error = try #require(throws: StoreError.self) { try Store.open(folder: notFolder) }
            #expect(error == .notAFolder(path: notFolder.path))
            #expect(try Data(contentsOf: notFolder) == Data("mine".utf8))
        }
    }

    @Test func aFolderThatCannotBeCreatedIsNotWritable() throws {
        // A file in the way of a parent folder stops even root, so this runs for every user.
        try withTemporaryFolder { folder in
            let blocker = folder.appending(path: "blocker")
            try Data().write(to: blocker)
            let wanted = blocker.appending(path: "twohats")
            let error = try #require(throws: StoreError.self) { try Store.open(folder: wanted) }
            #expect(error == .folderNotWritable(path: wanted.path))
        }
    }

    @Test(.enabled(if: getuid() != 0, "root writes into a 0500 folder regardless of its mode"))
    func aReadOnlyFolderIsNotWritable() throws {
        try withTemporaryFolder { folder in
            let data = folder.appending(path: "data")
            try FileManager.default.createDirectory(at: data, withIntermediateDirectories: false)
            try FileManager.default.setAttributes([.posixPermissions: 0o500], ofItemAtPath: data.path)
            defer { try? FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: data.path) }
            let error = try #require(throws: StoreError.self) { try Store.open(folder: data) }
            #expect(error == .folderNotWritable(path: data.path))
            #expect(try FileManager.default.contentsOfDirectory(atPath: data.path).isEmpty)
        }
    }

    @Test func theFolderIsCreated0700AndTheFiles0600() throws {
        try withTemporaryFolder { folder in
            let data = folder.appending(path: "share/twohats")
            let store = try Store.open(folder: data)
            _ = try store.createNote(id: UUID(), contrastID: nil, at: moment())
            let file = data.appending(path: Store.fileName)

            #expect(try mode(of: data.path) == 0o700)
            #expect(try mode(of: folder.appending(path: "share").path) == 0o700)
            #expect(try mode(of: file.path) == 0o600)
            for journal in ["-wal", "-shm"] {
                let path = file.path + journal
                #expect(FileManager.default.fileExists(atPath: path), "\(journal)")
                #expect(try mode(of: path) == 0o600, "\(journal)")
            }
        }
    }

    @Test func anExistingStoreIsMadePrivateAgain() throws {
        try withTemporaryFolder { folder in
            do { _ = try Store.open(folder: folder) }
            let file = folder.appending(path: Store.fileName)
            try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file.path)
            _ = try Store.open(folder: folder)
            #expect(try mode(of: file.path) == 0o600)
        }
    }

    @Test func descriptionsAreOneLineNamingThePath() {
        let path = "/home/someone/.local/share/twohats/twohats.sqlite"
        let errors: [StoreError] = [
            .folderNotWritable(path: path), .notAFolder(path: path), .corrupt(path: path),
            .foreign(path: path), .futureVersion(path: path), .busy(path: path),
        ]
        for error in errors {
            #expect(error.description.contains(path), "\(error)")
            #expect(!error.description.contains("\n"), "\(error)")
        }
        #expect(StoreError.corrupt(path: path).description
            == "The notes database at \(path) is damaged, so TwoHats left it untouched. Move it aside to start afresh.")
        #expect(StoreError.writeFailed("The disk is full.").description == "The disk is full.")
    }
}
