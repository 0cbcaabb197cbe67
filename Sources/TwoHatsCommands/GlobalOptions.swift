import ArgumentParser
import Foundation
import TwoHatsContent
import TwoHatsStore

/// The options every command takes: where the data lives, which content pack, colour.
struct GlobalOptions: ParsableArguments {
    @Option(name: .customLong("content"), help: ArgumentHelp("Use the content pack in DIR instead of the built-in one.", valueName: "DIR"))
    var contentDirectory: String?

    @Option(name: .customLong("data-dir"), help: ArgumentHelp("Keep notes in DIR (default: $XDG_DATA_HOME/twohats).", valueName: "DIR"))
    var dataDirectory: String?

    @Flag(name: .customLong("no-color"), help: "Draw without colour (also when NO_COLOR is set).")
    var noColor = false

    var environment: [String: String] { ProcessInfo.processInfo.environment }

    var dataFolder: String { DataFolder.path(override: dataDirectory, environment: environment) }

    var useColour: Bool { !noColor && environment["NO_COLOR"] == nil }

    /// The pack named by `--content`, else the one built into the binary.
    func pack() throws -> ContentPack {
        do {
            if let contentDirectory {
                return try PackLoader.load(directory: URL(fileURLWithPath: contentDirectory))
            }
            return try PackLoader.defaultPack()
        } catch {
            throw Failure(message: "the content pack is not valid:\n" + error.description, exitCode: Failure.usage)
        }
    }

    /// Opens the store for a command that needs it; a problem becomes a one-line failure.
    func openStore() throws -> Store {
        do {
            return try Store.open(folder: URL(fileURLWithPath: dataFolder))
        } catch {
            throw Failure(message: error.description)
        }
    }
}
