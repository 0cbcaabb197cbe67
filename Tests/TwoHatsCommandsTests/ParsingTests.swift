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
}
