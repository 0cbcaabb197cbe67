import TwoHatsCore
import TwoHatsUI

/// Carries out the effects the reducer asks for, answering with events.
public protocol EffectHandler: AnyObject {
    /// Every effect except `.quit`.
    func perform(_ effect: Effect) -> [Event]
    /// Called once, right after the first frame is painted: work that would delay that frame
    /// (opening the store), answered with events that are reduced before any key.
    func start() -> [Event]
    /// Called after every turn's frame (at least every `RunLoop.pollMilliseconds`): time-based work.
    func idle() -> [Event]
}

/// Model/Update/View around a terminal: read input, reduce, perform effects, paint.
public struct RunLoop {
    /// How long a read waits before the loop looks at signals and timers again.
    public static let pollMilliseconds: Int32 = 100
    /// How long the rest of an escape sequence may take to arrive (over ssh its bytes can come
    /// apart) before an Esc on its own is taken as the Esc key.
    static let escapeMilliseconds: Int32 = 25

    private let session: TerminalSession
    private let reducer: AppReducer
    private let handler: EffectHandler

    public init(session: TerminalSession, reducer: AppReducer, handler: EffectHandler) {
        self.session = session
        self.reducer = reducer
        self.handler = handler
    }

    /// Runs until an effect asks to quit; returns the final state.
    public func run(_ initial: AppState) -> AppState {
        var state = initial
        var decoder = KeyDecoder(sequences: session.keySequences)
        var queue: [Event] = [.resize(session.size)]
        var started = false
        while true {
            // The frame is a function of the state alone, so a turn with no events (input
            // paused, no timer due) has nothing new to draw.
            let hasEvents = !queue.isEmpty
            while !queue.isEmpty {
                let event = queue.removeFirst()
                // An effect's answers go before keys typed ahead: "n" then text at once
                // must find the note open, not the detail screen.
                var answers: [Event] = []
                for effect in reducer.reduce(&state, event) {
                    if effect == .quit { return state }
                    answers += handler.perform(effect)
                }
                queue = answers + queue
            }
            if hasEvents { session.paint(Renderer.render(state)) }
            if !started {
                started = true
                queue = handler.start()
                continue
            }
            // Time-based work (a due save, a look for changes written elsewhere) comes after
            // the frame, so a key's frame never waits behind a write; it still runs on every
            // turn, so saves keep their deadline while keys keep coming.
            queue = handler.idle()
            if queue.isEmpty { queue = nextEvents(&decoder) }
        }
    }

    private func nextEvents(_ decoder: inout KeyDecoder) -> [Event] {
        var decoded: [Decoded] = []
        var closed = false
        var wait = Self.pollMilliseconds
        // One read takes all that arrived together; more reads only finish an escape sequence
        // or a paste. A resize ends them, so the new frame follows at once even inside a paste.
        while true {
            let read = session.read(milliseconds: wait)
            if read == .closed { closed = true }
            guard case let .scalars(scalars) = read else { break }
            for scalar in scalars { decoded += decoder.feed(scalar) }
            if Signals.isResizePending { break }
            if decoder.isInPaste { wait = Self.pollMilliseconds }
            else if decoder.isInEscape { wait = Self.escapeMilliseconds }
            else { break }
        }
        decoded += decoder.flush()
        var events: [Event] = []
        if Signals.take() != nil || closed { events.append(.interrupt) }
        if Signals.takeResize() {
            session.takeNewSize()
            events.append(.resize(session.size))
        }
        for item in decoded {
            switch item {
            case .key(.control("z")):
                session.suspend()
                events.append(.resize(session.size))
            case let .key(key):
                events.append(.key(key))
            case let .paste(text):
                events.append(.paste(text))
            }
        }
        return events
    }
}
