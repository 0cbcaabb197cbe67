import ArgumentParser
import Testing
@testable import TwoHatsCommands

@Suite("Command line parsing")
struct ParsingTests {
    @Test("no subcommand runs the full-screen app with the global options")
    func defaultIsTheApp() throws {
        let command = try TwoHatsCommand.parseAsRoot(["--data-dir", "/tmp/x", "--no-color"])
        let app = try #require(command as? AppCommand)
        #expect(app.global.dataDirectory == "/tmp/x")
        #expect(app.global.noColor)
    }

    @Test("--plain asks the app for the line-by-line reflection")
    func plain() throws {
        let plain = try #require(try TwoHatsCommand.parseAsRoot(["--plain", "--data-dir", "/tmp/x"]) as? AppCommand)
        #expect(plain.plain)
        let app = try #require(try TwoHatsCommand.parseAsRoot([]) as? AppCommand)
        #expect(!app.plain)
    }

    @Test("the resume hint repeats the options that point at the same data, quoted for a shell")
    func resumeCommand() throws {
        let app = try #require(try TwoHatsCommand.parseAsRoot(["--plain", "--data-dir", "/tmp/my notes", "--content", "pack"]) as? AppCommand)
        #expect(PlainSession.resumeCommand(app.global) == "twohats --plain --data-dir '/tmp/my notes' --content pack")
    }

    @Test("an unknown flag is a usage error, exit status 2")
    func unknownFlag() {
        do {
            _ = try TwoHatsCommand.parseAsRoot(["--frobnicate"])
            Issue.record("--frobnicate was accepted")
        } catch {
            #expect(TwoHatsCommand.exitCode(for: error) == .validationFailure)
            #expect(TwoHatsCommand.fullMessage(for: error).contains("frobnicate"))
        }
    }

    @Test("a usage error is one line naming the help to read", arguments: [
        (["--frobnicate"], "Unknown option '--frobnicate'; see 'twohats --help'"),
        (["show"], "Missing expected argument '<n|id>'; see 'twohats show --help'"),
        (["content", "check", "a", "b"], "Unexpected argument 'b'; see 'twohats content check --help'"),
    ])
    func usageErrorIsOneLine(arguments: [String], expected: String) {
        do {
            _ = try TwoHatsCommand.parseAsRoot(arguments)
            Issue.record("\(arguments) was accepted")
        } catch {
            #expect(TwoHatsCommand.usageLine(for: error) == expected)
        }
    }
}
