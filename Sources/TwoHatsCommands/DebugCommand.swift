import ArgumentParser

/// `twohats debug`: hidden tools for developing and measuring TwoHats.
struct DebugCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "debug",
        abstract: "Tools for developing TwoHats.",
        shouldDisplay: false,
        subcommands: [DebugSeedCommand.self]
    )
}
