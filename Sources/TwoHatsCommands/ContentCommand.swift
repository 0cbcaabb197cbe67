import ArgumentParser

/// `twohats content`: work on content packs, the YAML folders that hold TwoHats' words.
struct ContentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "content",
        abstract: "Check a content pack, or start a new one from the built-in pack.",
        discussion: """
        A content pack is a folder with pack.yaml and one file per contrast in contrasts/ \
        (the format is described in Content/SCHEMA.md). Start with 'twohats content init DIR', \
        edit the files, check them with 'twohats content check DIR', then run TwoHats, \
        'twohats list' or 'twohats show' with '--content DIR'.
        """,
        subcommands: [ContentCheckCommand.self, ContentInitCommand.self]
    )
}
