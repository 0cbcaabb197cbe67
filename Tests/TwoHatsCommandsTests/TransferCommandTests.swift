import Foundation
import SnapshotTesting
import Testing
import TwoHatsExport
import TwoHatsStore
@testable import TwoHatsCommands

/// history, export and import against a seeded store in a temporary data folder. Golden files
/// are under __Snapshots__; after an intended change, delete them and run twice.
@Suite("history, export and import")
struct TransferCommandTests {
    /// A data folder seeded with sample data, plus a note about a contrast the pack does not have.
    private func withFixture<T>(_ body: (URL, String) throws -> T) throws -> T {
        try withFolder { (folder: URL) throws in
            let data = folder.appending(path: "data")
            let seeded = try run(["debug", "seed", "--data-dir", data.path, "--reflections", "4", "--notes", "3", "--seed", "5"])
            #expect(seeded.contains("reflections 4 added"))
            let store = try Store.open(folder: data)
            _ = try store.merge(UserData(notes: [ArchivedNote(
                id: UUID(uuidString: "00000000-0000-4000-8000-000000000099")!, contrastID: "retired-contrast",
                text: "From an older pack.\nSecond line.", createdAt: testNow.addingTimeInterval(-86_400 * 200),
                updatedAt: testNow.addingTimeInterval(-86_400 * 200)
            )]))
            return try body(folder, data.path)
        }
    }

    @Test func historyGolden() throws {
        try withFixture { (_: URL, data: String) throws in
            assertSnapshot(of: try run(["history", "--data-dir", data]), as: .lines)
        }
    }

    @Test func historyJSONGolden() throws {
        try withFixture { (_: URL, data: String) throws in
            assertSnapshot(of: try run(["history", "--json", "--data-dir", data]), as: .lines)
        }
    }

    @Test("export golden files", arguments: ["markdown", "json", "csv"])
    func exportGolden(_ format: String) throws {
        try withFixture { (_: URL, data: String) throws in
            assertSnapshot(of: try run(["export", "--format", format, "--data-dir", data]), as: .lines, named: format)
        }
    }

    @Test("an empty store has an empty history")
    func emptyHistory() throws {
        try withFolder { (folder: URL) throws in
            #expect(try run(["history", "--data-dir", folder.path]) == "No reflections or notes yet.\n")
            #expect(try run(["history", "--json", "--data-dir", folder.path]) == "[]\n")
        }
    }

    @Test("export to a file, import into an empty store: the same data, and a second import changes nothing")
    func roundTrip() throws {
        try withFixture { (folder: URL, data: String) throws in
            let file = folder.appending(path: "all.json").path
            #expect(try run(["export", "--format", "json", "--output", file, "--data-dir", data]) == "")
            let copy = folder.appending(path: "copy")
            let first = try run(["import", file, "--data-dir", copy.path])
            #expect(first == "Imported \(file).\nReflections: 4 added, 0 updated, 0 unchanged.\nNotes: 4 added, 0 updated, 0 unchanged.\n")
            let original = try Store.open(folder: URL(fileURLWithPath: data)).userData()
            #expect(try Store.open(folder: copy).userData() == original)
            #expect(try run(["history", "--data-dir", copy.path]) == (try run(["history", "--data-dir", data])))

            let second = try run(["import", file, "--data-dir", copy.path])
            #expect(second.contains("Reflections: 0 added, 0 updated, 4 unchanged."))
            #expect(second.contains("Notes: 0 added, 0 updated, 4 unchanged."))
            // Every row of every table, in rowid order: the second import wrote nothing.
            #expect(try Store.open(folder: copy).userData() == original)
        }
    }

    @Test("an import brings a newer edit in and skips an older one")
    func newerWins() throws {
        try withFixture { (folder: URL, data: String) throws in
            let store = try Store.open(folder: URL(fileURLWithPath: data))
            let original = try store.userData()
            var newer = Archive(exportedAt: testNow, appVersion: "1", data: original)
            newer.data.notes[0].text = "Edited on the laptop."
            newer.data.notes[0].updatedAt = original.notes[0].updatedAt.addingTimeInterval(60)
            var older = Archive(exportedAt: testNow, appVersion: "1", data: original)
            older.data.reflections[1].answers = []
            older.data.reflections[1].updatedAt = original.reflections[1].updatedAt.addingTimeInterval(-60)
            let newerFile = folder.appending(path: "newer.json"), olderFile = folder.appending(path: "older.json")
            try ArchiveJSON.encode(newer).write(to: newerFile, atomically: true, encoding: .utf8)
            try ArchiveJSON.encode(older).write(to: olderFile, atomically: true, encoding: .utf8)

            #expect(try run(["import", olderFile.path, "--data-dir", data]).contains("Reflections: 0 added, 0 updated, 4 unchanged."))
            #expect(try store.userData() == original)
            let output = try run(["import", newerFile.path, "--data-dir", data])
            #expect(output.contains("Notes: 0 added, 1 updated, 3 unchanged."))
            let after = try store.userData()
            #expect(after.notes.first { $0.id == original.notes[0].id }?.text == "Edited on the laptop.")
            #expect(after.reflections == original.reflections)
        }
    }

    @Test("a malformed, mistyped or future file is refused with exit status 2 and the database is untouched", arguments: [
        ("{\"schemaVersion\": 1, \"reflections\": [", "not valid JSON"),
        ("{\"schemaVersion\": 1, \"exportedAt\": 5}", "exportedAt: expected text"),
        ("{\"schemaVersion\": 7, \"anything\": []}", "schemaVersion: 7 is from a newer TwoHats"),
        ("", "not valid JSON"),
    ])
    func refusals(_ text: String, _ expected: String) throws {
        try withFixture { (folder: URL, data: String) throws in
            let file = folder.appending(path: "bad.json")
            try text.write(to: file, atomically: true, encoding: .utf8)
            let before = databaseBytes(URL(fileURLWithPath: data))
            let refused = try #require(failure(["import", file.path, "--data-dir", data]))
            #expect(refused.exitCode == Failure.usage)
            #expect(refused.message.contains(expected), "\(refused.message)")
            #expect(refused.message.contains("nothing was written"))
            #expect(!refused.message.contains("\n"))
            #expect(databaseBytes(URL(fileURLWithPath: data)) == before)
            // Nor is a data folder created for a file that is refused.
            let fresh = folder.appending(path: "fresh")
            #expect(failure(["import", file.path, "--data-dir", fresh.path])?.exitCode == Failure.usage)
            #expect(!FileManager.default.fileExists(atPath: fresh.path))
        }
    }

    @Test("a file refused only at its end, once the merge has begun, writes nothing and leaves no new data folder")
    func lateRefusal() throws {
        try withFixture { (folder: URL, data: String) throws in
            let store = try Store.open(folder: URL(fileURLWithPath: data))
            var archive = Archive(exportedAt: testNow, appVersion: "1", data: try store.userData())
            archive.data.notes.append(archive.data.notes[0])
            let file = folder.appending(path: "late.json")
            try Data(ArchiveJSON.encodedBytes(archive)).write(to: file)
            let before = databaseBytes(URL(fileURLWithPath: data))
            let refused = try #require(failure(["import", file.path, "--data-dir", data]))
            #expect(refused.exitCode == Failure.usage)
            #expect(refused.message.contains("is used twice"), "\(refused.message)")
            #expect(databaseBytes(URL(fileURLWithPath: data)) == before)
            let fresh = folder.appending(path: "fresh")
            #expect(failure(["import", file.path, "--data-dir", fresh.path])?.exitCode == Failure.usage)
            #expect(!FileManager.default.fileExists(atPath: fresh.path))
            // The same file without the copy goes in whole, and the fresh folder holds it.
            archive.data.notes.removeLast()
            try Data(ArchiveJSON.encodedBytes(archive)).write(to: file)
            #expect(try run(["import", file.path, "--data-dir", fresh.path]).contains("Reflections: 4 added"))
            #expect(try Store.open(folder: fresh).userData() == archive.data)
        }
    }

    @Test("a missing file to import is a usage error")
    func missingFile() throws {
        try withFolder { (folder: URL) throws in
            let refused = failure(["import", folder.appending(path: "nope.json").path, "--data-dir", folder.path])
            #expect(refused?.exitCode == Failure.usage)
            #expect(refused?.message.contains("could not read") == true)
        }
    }

    @Test("a file is written whole and private, and replaced only with --force")
    func atomicWriteAndForce() throws {
        try withFixture { (folder: URL, data: String) throws in
            let out = folder.appending(path: "out")
            try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
            let file = out.appending(path: "ratings.csv").path
            _ = try run(["export", "--format", "csv", "-o", file, "--data-dir", data])
            let csv = try String(contentsOfFile: file, encoding: .utf8)
            #expect(csv == (try run(["export", "--format", "csv", "--data-dir", data])))
            let mode = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? NSNumber
            #expect(mode?.intValue == 0o600)

            let refused = try #require(failure(["export", "--format", "markdown", "-o", file, "--data-dir", data]))
            #expect(refused.exitCode == Failure.usage)
            #expect(refused.message == "\(file) already exists; pass --force to replace it.")
            #expect(try String(contentsOfFile: file, encoding: .utf8) == csv)

            _ = try run(["export", "--format", "markdown", "-o", file, "--force", "--data-dir", data])
            #expect(try String(contentsOfFile: file, encoding: .utf8).hasPrefix("# TwoHats"))
            // No temporary file is left beside it.
            #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == ["ratings.csv"])
        }
    }

    @Test("a file that cannot be written is a runtime failure and leaves nothing behind")
    func unwritableFolder() throws {
        try withFixture { (folder: URL, data: String) throws in
            let missing = folder.appending(path: "no/such/folder/x.json").path
            #expect(failure(["export", "--format", "json", "-o", missing, "--data-dir", data])?.exitCode == Failure.runtime)
        }
    }

    @Test("--since keeps what changed on or after the date, as a day or a full time")
    func since() throws {
        try withFixture { (_: URL, data: String) throws in
            let all = try Store.open(folder: URL(fileURLWithPath: data)).userData()
            let cut = all.reflections[1].updatedAt
            let text = try run(["export", "--format", "json", "--since", Timestamp.iso8601(cut), "--data-dir", data])
            let archive = try ArchiveJSON.decode(Data(text.utf8))
            #expect(archive.since == cut)
            #expect(archive.data.reflections == Array(all.reflections.prefix(2)))
            #expect(archive.data.notes == all.notes.filter { $0.updatedAt >= cut })

            let day = try run(["export", "--format", "csv", "--since", "2026-05-31", "--data-dir", data])
            let midnight = try #require(Timestamp.parse("2026-05-31", unzoned: .local(testZone)))
            let expectedRows = all.reflections.filter { $0.updatedAt >= midnight }.map(\.ratings.count).reduce(0, +)
            #expect(day.components(separatedBy: "\r\n").count - 2 == expectedRows)
            #expect(expectedRows > 0 && expectedRows < all.reflections.map(\.ratings.count).reduce(0, +))
        }
    }

    @Test("a date that is no date is a usage error", arguments: ["yesterday", "2026-13-01", "31.05.2026", ""])
    func badSince(_ text: String) throws {
        try withFolder { (folder: URL) throws in
            let refused = failure(["export", "--format", "json", "--since", text, "--data-dir", folder.path])
            #expect(refused?.exitCode == Failure.usage)
            #expect(refused?.message.contains("--since") == true)
        }
    }

    @Test("an unknown format is a usage error")
    func unknownFormat() {
        #expect(throws: (any Error).self) { try TwoHatsCommand.parseAsRoot(["export", "--format", "pdf"]) }
        do {
            _ = try TwoHatsCommand.parseAsRoot(["export", "--format", "pdf"])
        } catch {
            #expect(TwoHatsCommand.exitCode(for: error) == .validationFailure)
        }
    }

    @Test("the seed is deterministic and goes through the merge, so seeding twice adds nothing")
    func seed() throws {
        try withFolder { (folder: URL) throws in
            let arguments = ["debug", "seed", "--reflections", "3", "--notes", "2", "--seed", "9"]
            _ = try run(arguments + ["--data-dir", folder.appending(path: "a").path])
            _ = try run(arguments + ["--data-dir", folder.appending(path: "b").path])
            let again = try run(arguments + ["--data-dir", folder.appending(path: "b").path])
            #expect(again.contains("reflections 0 added, 0 updated, 3 unchanged; notes 0 added, 0 updated, 2 unchanged"))
            let a = try Store.open(folder: folder.appending(path: "a")).userData()
            #expect(a == (try Store.open(folder: folder.appending(path: "b")).userData()))
            #expect(a.reflections.count == 3 && a.notes.count == 2)
        }
    }
}
