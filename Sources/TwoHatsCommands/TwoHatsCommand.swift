import ArgumentParser
import Foundation
import TwoHatsContent

/// The `twohats` command: the full-screen app by default, and the home of every subcommand.
public struct TwoHatsCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "twohats",
        abstract: "See where you lead and where you manage, reflect on it, and keep your notes.",
        usage: """
        twohats [--plain] [--data-dir <DIR>] [--content <DIR>] [--no-color]
        twohats <subcommand> [<options>]
        """,
        discussion: """
        Without a subcommand, opens the full-screen app: browse the five contrasts between \
        leadership and management, take a guided reflection, and keep your notes on this computer. \
        With --plain, the reflection is asked line by line on stdin and stdout instead, for screen \
        readers, pipes and terminals where full screen does not work.

        Options for the app and every command (before or after the subcommand):
          --data-dir <DIR>   Keep notes in DIR (default: $XDG_DATA_HOME/twohats).
          --content <DIR>    Use the content pack in DIR instead of the built-in one.
          --no-color         Draw without colour (also when NO_COLOR is set).
        The app alone also takes --plain.

        Exit status: 0 done, 1 a runtime failure, 2 a usage error or bad input.
        """,
        version: TwoHatsVersion.current,
        subcommands: [
            AppCommand.self, ListCommand.self, ShowCommand.self, HistoryCommand.self,
            ExportCommand.self, ImportCommand.self, ContentCommand.self, DebugCommand.self,
        ],
        defaultSubcommand: AppCommand.self
    )

    public init() {}

    /// Runs the command line and exits: 0 on success, 1 on a runtime failure, 2 on a usage
    /// error or bad input. Errors are one clear line on stderr, never a stack trace.
    public static func main(_ arguments: [String]? = nil) -> Never {
        // A file that outgrows `ulimit -f` is then a write that fails and is reported, as on a
        // full disk, instead of a signal that kills the app before it can save or restore the tty.
        signal(SIGXFSZ, SIG_IGN)
        do {
            let given = arguments ?? Array(CommandLine.arguments.dropFirst())
            var command: any ParsableCommand
            if let app = QuickStart.app(given) {
                // ArgumentParser validates what it parses; this start skipped it.
                try app.global.validate()
                command = app
            } else {
                let names = Set(configuration.subcommands.map { $0._commandName })
                command = try parseAsRoot(ArgumentOrder.subcommandFirst(given, subcommands: names))
            }
            try command.run()
            Foundation.exit(0)
        } catch let failure as Failure {
            errorLine(failure.message)
            Foundation.exit(failure.exitCode)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            if let line = usageLine(for: error) {
                errorLine(line)
            }
            Foundation.exit(code == .validationFailure ? Failure.usage : code.rawValue)
        }
    }

    private static func errorLine(_ message: String) {
        FileHandle.standardError.write(Data(errorText(message).utf8))
    }

    /// A message can quote a path or a value the user gave, so it is made inert like any output;
    /// that also keeps it on one line.
    static func errorText(_ message: String) -> String {
        "twohats: \(TextSafety.inert(message))\n"
    }

    /// A usage error as one line: what is wrong and which help to read, without the usage
    /// summary that would push the message off a small screen.
    static func usageLine(for error: any Error) -> String? {
        let message = message(for: error).split(separator: "\n").first.map(String.init) ?? ""
        guard !message.isEmpty else { return nil }
        // A problem in the config file names its line; a command's help would not fix it.
        if message.hasPrefix(ConfigFile.path(environment: ProcessEnvironment.current)) { return message }
        let full = fullMessage(for: error)
        let see = full.range(of: "See '").map { full[$0.upperBound...].prefix { $0 != "'" } }
        // The app is the default subcommand; its help is the root's.
        return see.map { "\(message); see '\($0.replacingOccurrences(of: "twohats app ", with: "twohats "))'" } ?? message
    }
}

enum TwoHatsVersion {
    static let current = "0.2.0"
}
