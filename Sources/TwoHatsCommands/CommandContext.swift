import ArgumentParser
import Foundation

/// What a command takes from the machine besides its arguments: where its output goes (and
/// how wide it may be), the time and the time zone. Tests run commands in-process with their own.
struct CommandContext {
    var console: Console
    var now: Date
    var timeZone: TimeZone

    static var live: CommandContext {
        CommandContext(console: .standard(), now: Date(), timeZone: .current)
    }
}

/// A command that runs against a `CommandContext`; `run()` gives it the real one.
protocol ContextualCommand: ParsableCommand {
    func run(in context: CommandContext) throws
}

extension ContextualCommand {
    func run() throws {
        try run(in: .live)
    }
}
