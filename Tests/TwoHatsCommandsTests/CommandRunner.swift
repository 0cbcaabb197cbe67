import Foundation
import Testing
@testable import TwoHatsCommands

/// Runs plain-text commands in process and collects what they print.
enum CommandRunner {
    /// What a command printed and, when it failed, its failure.
    struct Outcome {
        var output: String
        var failure: Failure?
    }

    static func run(_ arguments: [String], width: Int = 80) throws -> Outcome {
        let command = try #require(try TwoHatsCommand.parseAsRoot(arguments) as? any ContextualCommand)
        let output = Output()
        do {
            try command.run(in: CommandContext(console: Console(width: width) { output.text += $0 }, now: testNow, timeZone: testZone))
            return Outcome(output: output.text)
        } catch let failure as Failure {
            return Outcome(output: output.text, failure: failure)
        }
    }

    private final class Output {
        var text = ""
    }
}

/// Files kept beside the tests and read through `#filePath`.
enum Fixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(path: "Fixtures")
    static let brokenPacks = folder.appending(path: "broken-packs")

    /// Compares `text` with the golden file `name`; `TWOHATS_RECORD_GOLDEN=1` rewrites it instead.
    static func expectGolden(_ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = folder.appending(path: "golden").appending(path: name)
        if ProcessInfo.processInfo.environment["TWOHATS_RECORD_GOLDEN"] != nil {
            try Data(text.utf8).write(to: url)
            return
        }
        let golden = try String(contentsOf: url, encoding: .utf8)
        #expect(text == golden, "differs from golden file \(name)", sourceLocation: sourceLocation)
    }

    /// A new pack written by `content init`, with one piece of text in one file replaced.
    /// The caller removes the folder.
    static func initialisedPack(changing path: String, replacing old: String, with new: String) throws -> URL {
        let folder = temporaryFolder()
        _ = try CommandRunner.run(["content", "init", folder.path])
        let file = folder.appending(path: path)
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains(old))
        try text.replacingOccurrences(of: old, with: new).write(to: file, atomically: true, encoding: .utf8)
        return folder
    }

    static func temporaryFolder() -> URL {
        FileManager.default.temporaryDirectory.appending(path: "twohats-cli-\(UUID().uuidString)", directoryHint: .isDirectory)
    }
}
