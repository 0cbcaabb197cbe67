import ArgumentParser
import Foundation
import Testing
@testable import TwoHatsCommands

@Suite("Man page and shell completions")
struct ManPageAndCompletionTests {
    static let committedPage = Fixtures.folder.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appending(path: "docs/twohats.1")
    static let commands = ["list", "show", "content", "check", "init"]

    /// `make install` installs docs/twohats.1; it must be what the command line now says.
    /// `TWOHATS_RECORD_GOLDEN=1` rewrites it after a change to a command.
    @Test("docs/twohats.1 is the page the current command line generates")
    func manPageIsCurrent() throws {
        let page = try ManPage.render()
        if ProcessInfo.processInfo.environment["TWOHATS_RECORD_GOLDEN"] != nil {
            try Data(page.utf8).write(to: Self.committedPage)
        }
        #expect(page == (try String(contentsOf: Self.committedPage, encoding: .utf8)), "regenerate with TWOHATS_RECORD_GOLDEN=1")
    }

    @Test("the man page names every command, the global options and the exit codes")
    func manPageContents() throws {
        let page = try ManPage.render()
        #expect(page.hasPrefix(".TH TWOHATS 1 "))
        for command in ["twohats list", "twohats show", "twohats content check", "twohats content init"] {
            #expect(page.contains("\\fB\(command)\\fR"), "\(command)")
        }
        for option in ["\\-\\-data\\-dir", "\\-\\-content", "\\-\\-no\\-color", "\\-\\-force", "\\-\\-version"] {
            #expect(page.contains(option), "\(option)")
        }
        #expect(!page.contains("twohats app"), "the default command is the page itself")
        #expect(page.contains(".SH EXIT STATUS") && page.contains("config.yaml"))
    }

    @Test("the completion scripts complete every command", arguments: CompletionShell.allCases)
    func completions(shell: CompletionShell) {
        let script = TwoHatsCommand.completionScript(for: shell)
        for command in Self.commands {
            #expect(script.contains(command), "\(shell) script lacks \(command)")
        }
        #expect(script.contains("data-dir") && script.contains("no-color"))
    }
}
