import ArgumentParser
import Foundation
import TwoHatsContent
import TwoHatsDefaultPack
import TwoHatsStore

/// The options every command takes: where the data lives, which content pack, colour. Each
/// falls back on the environment and then on the config file (see `Settings`).
struct GlobalOptions: ParsableArguments {
    @Option(name: .customLong("content"), help: ArgumentHelp("Use the content pack in DIR instead of the built-in one.", valueName: "DIR"))
    var contentDirectory: String?

    @Option(name: .customLong("data-dir"), help: ArgumentHelp("Keep notes in DIR (default: $XDG_DATA_HOME/twohats).", valueName: "DIR"))
    var dataDirectory: String?

    @Flag(name: .customLong("no-color"), help: "Draw without colour (also when NO_COLOR is set).")
    var noColor = false

    var environment: [String: String] { ProcessEnvironment.current }

    /// Refuses a config file with an unknown key or a value of the wrong kind before any
    /// command runs, so that `settings` can read it without throwing.
    func validate() throws {
        do {
            _ = try ConfigFile.load(environment: environment)
        } catch {
            throw ValidationError(error.description)
        }
    }

    /// Reads the environment and the config file each time: a command that needs several
    /// settings takes them from one `Settings`.
    var settings: Settings {
        settings(environment: environment)
    }

    func settings(environment: [String: String]) -> Settings {
        Settings.resolve(
            contentFlag: contentDirectory, dataDirectoryFlag: dataDirectory, noColorFlag: noColor,
            environment: environment, file: (try? ConfigFile.load(environment: environment)) ?? ConfigFile()
        )
    }

    var dataFolder: String { settings.dataFolder }

    var useColour: Bool { settings.useColour }

    /// The pack named by `--content` or the config file, else the one built into the binary.
    /// An invalid pack is refused on one line that names its first problem and how to see all.
    func pack() throws -> ContentPack {
        try Self.pack(directory: settings.contentDirectory)
    }

    static func pack(directory: String?) throws -> ContentPack {
        guard let directory else { return PackLoader.defaultPack() }
        guard FileManager.default.isFolder(atPath: directory) else {
            throw Failure(message: "there is no content pack folder at \(directory) (from --content or the config file)", exitCode: Failure.usage)
        }
        do {
            return try PackLoader.load(directory: URL(fileURLWithPath: directory))
        } catch {
            let first = error.issues.first.map { $0.located(in: directory).description } ?? ""
            let more = error.issues.count > 1 ? " (and \(error.issues.count - 1) more)" : ""
            throw Failure(
                message: "the content pack in \(directory) is not valid: \(first)\(more); 'twohats content check \(directory)' lists every problem",
                exitCode: Failure.usage
            )
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
