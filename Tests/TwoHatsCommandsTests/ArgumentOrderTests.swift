import Testing
@testable import TwoHatsCommands

@Suite("Global options before the subcommand")
struct ArgumentOrderTests {
    let names: Set<String> = ["history", "export", "content"]

    @Test("global options before a subcommand move behind it, in their order")
    func moved() {
        #expect(ArgumentOrder.subcommandFirst(["--data-dir", "/d", "--no-color", "history", "--json"], subcommands: names)
            == ["history", "--json", "--data-dir", "/d", "--no-color"])
        #expect(ArgumentOrder.subcommandFirst(["--content=/p", "content", "check", "x"], subcommands: names)
            == ["content", "check", "x", "--content=/p"])
    }

    @Test("they stay before a -- that ends the options")
    func beforeTerminator() {
        #expect(ArgumentOrder.subcommandFirst(["--data-dir", "/d", "export", "--", "-file"], subcommands: names)
            == ["export", "--data-dir", "/d", "--", "-file"])
    }

    @Test("without a subcommand, or with other options first, nothing moves")
    func untouched() {
        for arguments in [["--data-dir", "/d"], ["--plain", "--data-dir", "/d"], ["--data-dir"], ["history", "--data-dir", "/d"], ["--data-dir", "history"]] {
            #expect(ArgumentOrder.subcommandFirst(arguments, subcommands: names) == arguments)
        }
    }

    @Test("the app reads the global options given before a subcommand")
    func parsed() throws {
        let command = try TwoHatsCommand.parseAsRoot(ArgumentOrder.subcommandFirst(["--data-dir", "/tmp/x", "list"], subcommands: ["list"]))
        let list = try #require(command as? ListCommand)
        #expect(list.global.dataDirectory == "/tmp/x")
    }
}
