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
        var decoder = KeyDecoder(codes: session.codes)
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
        if let input = session.read(milliseconds: Self.pollMilliseconds) {
            decoded += decoder.feed(input)
            // Drain what arrived together so escape sequences and pastes are read whole; a
            // resize stops the draining, so the new frame follows at once even inside a paste.
            var resized = decoded.contains(.resize)
            while !resized, let more = session.read(milliseconds: decoder.isInPaste ? Self.pollMilliseconds : 0) {
                let next = decoder.feed(more)
                resized = next.contains(.resize)
                decoded += next
            }
        }
        decoded += decoder.flush()
        var events: [Event] = []
        if Signals.take() != nil { events.append(.interrupt) }
        for item in decoded {
            switch item {
            case .resize:
                events.append(.resize(session.size))
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
