import ArgumentParser
import Testing
@testable import TwoHatsCommands

@Suite("The quick start of the app")
struct QuickStartTests {
    /// What the app reads from its options, whichever parser read them.
    static func reading(_ app: AppCommand) -> [String?] {
        [app.global.contentDirectory, app.global.dataDirectory, "\(app.global.noColor)", "\(app.plain)"]
    }

    @Test("reads the app's own options as ArgumentParser does", arguments: [
        [], ["--data-dir", "/tmp/x"], ["--data-dir=/tmp/with space"], ["--content", "pack", "--no-color"],
        ["--plain", "--data-dir", "d", "--content=c"], ["--no-color", "--plain"], ["--data-dir", "a", "--data-dir", "b"],
    ])
    func sameAsArgumentParser(arguments: [String]) throws {
        let quick = try #require(QuickStart.app(arguments))
        let parsed = try #require(try TwoHatsCommand.parseAsRoot(arguments) as? AppCommand)
        #expect(Self.reading(quick) == Self.reading(parsed))
    }

    @Test("leaves everything else to ArgumentParser", arguments: [
        ["--help"], ["-h"], ["--version"], ["list"], ["app"], ["--data-dir"], ["--data-dir", "--no-color"],
        ["--no-color=yes"], ["--frobnicate"], ["--"], ["--generate-completion-script", "bash"], ["show", "1"],
    ])
    func fallsBack(arguments: [String]) {
        #expect(QuickStart.app(arguments) == nil)
    }
}
