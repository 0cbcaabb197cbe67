import ArgumentParser
import Foundation
import TwoHatsContent
import TwoHatsCore
import TwoHatsStore
import TwoHatsTerminal
import TwoHatsUI

/// The `twohats` command: the full-screen app, and the home of every subcommand.
public struct TwoHatsCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "twohats",
        abstract: "See where you lead and where you manage, reflect on it, and keep your notes.",
        discussion: """
        Opens the full-screen app: browse the five contrasts between leadership and \
        management, take a guided reflection, and keep your notes on this computer.
        """,
        version: "0.1.0"
    )

    @Option(name: .customLong("content"), help: ArgumentHelp("Use the content pack in DIR instead of the built-in one.", valueName: "DIR"))
    var contentDirectory: String?

    @Option(name: .customLong("data-dir"), help: ArgumentHelp("Keep notes in DIR (default: $XDG_DATA_HOME/twohats).", valueName: "DIR"))
    var dataDirectory: String?

    @Flag(name: .customLong("no-color"), help: "Draw without colour (also when NO_COLOR is set).")
    var noColor = false

    public init() {}

    public func run() throws {
        let pack = try loadPack()
        let session: TerminalSession
        do {
            session = try TerminalSession(colour: !noColor && ProcessInfo.processInfo.environment["NO_COLOR"] == nil)
        } catch {
            throw Failure(message: error.description)
        }
        let environment = ProcessInfo.processInfo.environment
        let folder = DataFolder.path(override: dataDirectory)
        let store = Result { () throws(StoreError) -> Store in try Store.open(folder: URL(fileURLWithPath: folder)) }
        let editor = ExternalEditor(folder: DataFolder.scratch(dataFolder: folder, environment: environment), environment: environment)
        editor.cleanLeftovers()
        let runner = EffectRunner(store: store, pack: pack, session: session, editor: editor)
        let state = AppState(pack: pack, size: session.size, dataFolder: folder, timeZone: .current)
        _ = RunLoop(session: session, reducer: AppReducer(measure: Renderer.measure), handler: runner)
            .run(state, events: runner.startEvents())
        let events = runner.flush()
        session.restore()
        if case let .storeFailed(message)? = events.first {
            throw Failure(message: "Some of your last changes could not be saved: \(message)")
        }
    }

    private func loadPack() throws -> ContentPack {
        do {
            if let contentDirectory {
                return try PackLoader.load(directory: URL(fileURLWithPath: contentDirectory))
            }
            return try PackLoader.defaultPack()
        } catch {
            throw Failure(message: "the content pack is not valid:\n" + error.description)
        }
    }
}

/// A failure the user can act on: printed as one clear message, never a stack trace.
struct Failure: Error, CustomStringConvertible {
    var message: String
    var exitCode: Int32 = 1

    var description: String { message }
}
