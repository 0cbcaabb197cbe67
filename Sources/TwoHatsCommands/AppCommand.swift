import ArgumentParser
import Foundation
import TwoHatsContent
import TwoHatsCore
import TwoHatsStore
import TwoHatsTerminal
import TwoHatsUI

/// `twohats` with no subcommand: the full-screen app.
struct AppCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "app",
        abstract: "Open the full-screen app (the default).",
        shouldDisplay: false
    )

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Ask the reflection's questions as plain lines on stdin and stdout (for screen readers, pipes and any terminal).")
    var plain = false

    func run() throws {
        let environment = global.environment
        let settings = global.settings(environment: environment)
        let pack = try GlobalOptions.pack(directory: settings.contentDirectory)
        if plain {
            return try PlainSession(global: global, pack: pack).run()
        }
        let session: TerminalSession
        do {
            session = try TerminalSession(colour: settings.useColour)
        } catch {
            throw Failure(message: error.description + " Or run twohats --plain, which asks the reflection line by line anywhere.")
        }
        let folder = settings.dataFolder
        // A save waiting for a lock freezes the screen, so the app waits briefly and retries later.
        let store = { Result { () throws(StoreError) -> Store in
            try Store.open(folder: URL(fileURLWithPath: folder), lockWait: SaveQueue.delay)
        } }
        let editor = ExternalEditor(
            folder: DataFolder.scratch(dataFolder: folder, environment: environment), environment: environment,
            configured: settings.editor
        )
        let runner = EffectRunner(store: store, pack: pack, session: session, editor: editor)
        let state = AppState(pack: pack, size: session.size, dataFolder: folder)
        _ = RunLoop(session: session, reducer: AppReducer(measure: Renderer.measure), handler: runner)
            .run(state)
        let events = runner.flush()
        session.restore()
        if case let .storeFailed(message)? = events.first {
            throw Failure(message: "Some of your last changes could not be saved: \(message)")
        }
    }
}
