import ArgumentParser
import Foundation

/// The `twohats` command: the full-screen app by default, and the home of every subcommand.
public struct TwoHatsCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "twohats",
        abstract: "See where you lead and where you manage, reflect on it, and keep your notes.",
        discussion: """
        Without a subcommand, opens the full-screen app: browse the five contrasts between \
        leadership and management, take a guided reflection, and keep your notes on this computer.
        """,
        version: TwoHatsVersion.current,
        subcommands: [AppCommand.self, HistoryCommand.self, ExportCommand.self, ImportCommand.self, DebugCommand.self],
        defaultSubcommand: AppCommand.self
    )

    public init() {}

    /// Runs the command line and exits: 0 on success, 1 on a runtime failure, 2 on a usage
    /// error or bad input. Errors are one clear line on stderr, never a stack trace.
    public static func main(_ arguments: [String]? = nil) -> Never {
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            Foundation.exit(0)
        } catch let failure as Failure {
            FileHandle.standardError.write(Data("twohats: \(failure.message)\n".utf8))
            Foundation.exit(failure.exitCode)
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                print(message)
                Foundation.exit(0)
            }
            if !message.isEmpty {
                FileHandle.standardError.write(Data("\(message)\n".utf8))
            }
            Foundation.exit(code == .validationFailure ? Failure.usage : code.rawValue)
        }
    }
}

enum TwoHatsVersion {
    static let current = "0.2.0"
}
