import ArgumentParser

/// `twohats list`: the contrasts, one a line.
struct ListCommand: ContextualCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the five contrasts, one a line.",
        discussion: """
        Each line holds the contrast's number, its title and the names of its leader and \
        manager sides. The number or the id of a contrast opens it with 'twohats show'.

        Examples:
          twohats list
          twohats list --content ./my-pack
        """
    )

    @OptionGroup var global: GlobalOptions

    func run(in context: CommandContext) throws {
        let console = context.console
        console.lines(ContrastText.list(try global.pack(), width: console.width))
    }
}
