import Foundation
import Testing
import TwoHatsContent
import TwoHatsDefaultPack
@testable import TwoHatsCommands

@Suite("content check and content init")
struct ContentCommandTests {
    static let brokenPacks: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: Fixtures.brokenPacks.path)) ?? []
        return names.sorted()
    }()

    @Test("the corpus holds at least ten broken packs")
    func corpusSize() {
        #expect(Self.brokenPacks.count >= 10)
    }

    @Test("content check prints exactly the expected problems of a broken pack, and exits 2", arguments: brokenPacks)
    func brokenPack(name: String) throws {
        let folder = Fixtures.brokenPacks.appending(path: name)
        let expected = try String(contentsOf: folder.appending(path: "expected.txt"), encoding: .utf8)
        let outcome = try CommandRunner.run(["content", "check", folder.path])
        let printed = outcome.output.split(separator: "\n").map { line in
            line.hasPrefix(folder.path + "/") ? String(line.dropFirst(folder.path.count + 1)) : String(line)
        }
        #expect(printed == expected.split(separator: "\n").map(String.init))
        let failure = try #require(outcome.failure)
        #expect(failure.exitCode == Failure.usage)
        #expect(failure.message.hasSuffix(printed.count == 1 ? "1 problem; the pack is not valid" : "\(printed.count) problems; the pack is not valid"))
    }

    @Test("every broken pack fails for a reason of its own")
    func everyCaseDiffers() throws {
        let expectations = try Self.brokenPacks.map {
            try String(contentsOf: Fixtures.brokenPacks.appending(path: "\($0)/expected.txt"), encoding: .utf8)
        }
        #expect(Set(expectations).count == expectations.count)
    }

    @Test("a pack written by content init passes content check")
    func initThenCheck() throws {
        let folder = Fixtures.temporaryFolder().appending(path: "nested/pack")
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent().deletingLastPathComponent()) }
        let written = try CommandRunner.run(["content", "init", folder.path])
        #expect(written.failure == nil)
        #expect(written.output.contains("Wrote \(PackLoader.defaultFiles.count) files"))
        for file in PackLoader.defaultFiles {
            #expect(try String(contentsOf: folder.appending(path: file.path), encoding: .utf8) == file.text)
        }
        let checked = try CommandRunner.run(["content", "check", folder.path])
        #expect(checked.failure == nil)
        #expect(checked.output == "\(folder.path): pack 'default' version 1 is valid, with 5 contrasts.\n")
    }

    @Test("the repository's Content folder passes content check")
    func defaultPackFolder() throws {
        let content = Fixtures.folder.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appending(path: "Content")
        let checked = try CommandRunner.run(["content", "check", content.path + "/"])
        #expect(checked.failure == nil)
        #expect(checked.output == "\(content.path): pack 'default' version 1 is valid, with 5 contrasts.\n")
    }

    @Test("content init refuses a folder that is not empty, unless --force")
    func initRefusesNonEmptyFolder() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("mine\n".utf8).write(to: folder.appending(path: "notes.txt"))
        let refused = try CommandRunner.run(["content", "init", folder.path])
        #expect(refused.failure?.exitCode == Failure.usage)
        #expect(refused.failure?.message.contains("--force") == true)
        #expect(!FileManager.default.fileExists(atPath: folder.appending(path: "pack.yaml").path))

        let forced = try CommandRunner.run(["content", "init", "--force", folder.path])
        #expect(forced.failure == nil)
        #expect(FileManager.default.fileExists(atPath: folder.appending(path: "pack.yaml").path))
        #expect(try String(contentsOf: folder.appending(path: "notes.txt"), encoding: .utf8) == "mine\n")
    }

    @Test("content init refuses a path that is a file; content check refuses one that is not a folder")
    func pathsThatAreNotFolders() throws {
        let file = Fixtures.temporaryFolder().appendingPathExtension("txt")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data("x".utf8).write(to: file)
        #expect(try CommandRunner.run(["content", "init", file.path]).failure?.exitCode == Failure.usage)
        #expect(try CommandRunner.run(["content", "check", file.path]).failure?.exitCode == Failure.usage)
        #expect(try CommandRunner.run(["content", "check", file.path + "-missing"]).failure?.exitCode == Failure.usage)
    }

    @Test("a control character in a pack is printed as a visible placeholder, never raw")
    func problemsArePrintedInert() throws {
        let folder = try Fixtures.initialisedPack(
            changing: "contrasts/01-vision-goals.yaml", replacing: "id: vision-goals\n", with: "id: \"vision\\e]52;c;aGk=\\agoals\"\n"
        )
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = try CommandRunner.run(["content", "check", folder.path]).output
        #expect(output.contains("vision␛]52;c;aGk=␇goals"))
        #expect(!output.unicodeScalars.contains { $0 != "\n" && TextSafety.isUnsafe($0) })
    }
}
