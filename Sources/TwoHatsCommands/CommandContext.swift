import ArgumentParser
import Foundation

/// What a command takes from the machine besides its arguments: where its output goes, the
/// time and the time zone. Tests run commands in-process with their own.
struct CommandContext {
    var write: (String) -> Void
    var now: Date
    var timeZone: TimeZone

    static var live: CommandContext {
        CommandContext(write: { FileHandle.standardOutput.write(Data($0.utf8)) }, now: Date(), timeZone: .current)
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
