import Foundation

/// The app's only place of behaviour: `reduce(&state, event) -> [Effect]`, pure and total.
public struct AppReducer: Sendable {
    public let measure: Measure

    public init(measure: @escaping Measure) {
        self.measure = measure
    }

    public func reduce(_ state: inout AppState, _ event: Event) -> [Effect] {
        let effects = handle(&state, event)
        keepInView(&state)
        return effects
    }

    private func handle(_ state: inout AppState, _ event: Event) -> [Effect] {
        switch event {
        case .interrupt:
            return state.keepPosition() + [.flush] + NoteScreen.discardIfEmpty(state) + [.quit]
        case let .resize(size):
            state.size = size
            return state.route == .history ? HistoryScreen.follow(state) : []
        case let .paste(text):
            return TextInput.paste(text, into: &state, measure: measure)
        case let .key(key):
            return reduce(&state, key)
        case let .reflectionReady(reflection):
            return ReflectionScreen.open(reflection, in: &state)
        case let .reflectionLoaded(reflection):
            return HistoryScreen.show(.reflection(reflection), in: &state)
        case let .historyLoaded(page):
            return HistoryScreen.load(page, into: &state)
        case let .statsLoaded(stats):
            state.stats = stats
            return []
        case let .resumableLoaded(summary):
            state.resumable = summary
            return []
        case let .noteReady(note):
            state.note = NoteSession(note: note)
            state.push(.note)
            return []
        case let .storeFailed(message):
            state.storeProblem = message
            return []
        case .storeRecovered:
            state.storeProblem = nil
            return []
        case .changedElsewhere:
            state.status = Status("Another copy of TwoHats saved changes; this window shows the latest.")
            return [.loadStats, .loadResumable] + (state.route == .history ? [HistoryScreen.reload(state)] : [])
        case let .timeZoneFound(zone):
            state.timeZone = zone
            return []
        case let .externalEditFinished(text):
            return TextInput.replace(with: text, in: &state, measure: measure)
        case let .externalEditFailed(message):
            state.status = Status(message, tone: .error)
            return []
        }
    }

    private func reduce(_ state: inout AppState, _ key: Key) -> [Effect] {
        if case let .alt(character) = key {
            // Alt-b / Alt-f move by word in a text field; anywhere else it was Esc typed fast.
            if state.isEditingText, character == "b" || character == "f" {
                return reduce(&state, character == "b" ? .wordLeft : .wordRight)
            }
            return reduce(&state, .escape) + reduce(&state, .character(character))
        }
        state.status = nil
        if key == .control("c") { return handle(&state, .interrupt) }
        guard state.size.isUsable else {
            return key == .character("q") && !state.isEditingText ? handle(&state, .interrupt) : []
        }
        if state.isHelpShown {
            state.isHelpShown = false
            return []
        }
        if key == .function(1) || (key == .character("?") && !state.isEditingText) {
            state.isHelpShown = true
            return []
        }
        if key == .character("q") && !state.isEditingText && !state.history.confirmingDelete {
            return handle(&state, .interrupt)
        }
        switch state.route {
        case .home: return HomeScreen.reduce(&state, key)
        case .browse: return BrowseScreen.reduce(&state, key)
        case .detail: return DetailScreen.reduce(&state, key, measure: measure)
        case .about: return AboutScreen.reduce(&state, key, measure: measure)
        case .reflection: return ReflectionScreen.reduce(&state, key, measure: measure)
        case .history: return HistoryScreen.reduce(&state, key)
        case .entry: return HistoryScreen.reduceEntry(&state, key, measure: measure)
        case .note: return NoteScreen.reduce(&state, key, measure: measure)
        }
    }

    /// After any event: a resize (also one that happened on another screen), a new field or
    /// new text can leave a scroll offset past the end or the cursor out of view.
    private func keepInView(_ state: inout AppState) {
        let viewport = measure(state)
        switch state.route {
        case .detail: state.detail.scroll = min(state.detail.scroll, viewport.maxScroll)
        case .about: state.aboutScroll = min(state.aboutScroll, viewport.maxScroll)
        case .entry: state.history.scroll = min(state.history.scroll, viewport.maxScroll)
        case .note: state.note?.editor.reveal(width: viewport.field.columns, height: viewport.field.rows)
        case .reflection:
            if state.reflection?.currentStep.isText == true {
                state.reflection?.editor.reveal(width: viewport.field.columns, height: viewport.field.rows)
            } else if let scroll = state.reflection?.scroll {
                state.reflection?.scroll = min(scroll, viewport.maxScroll)
            }
        case .home, .browse, .history: break
        }
    }
}

extension AppState {
    mutating func push(_ route: Route) {
        routes.append(route)
    }

    /// Esc: one level back; from home it leaves the app.
    mutating func back() -> [Effect] {
        guard routes.count > 1 else { return [.quit] }
        routes.removeLast()
        return []
    }

    mutating func openDetail(_ index: Int) {
        detail = DetailState(index: index)
        browseSelection = index
        if route != .detail { push(.detail) }
    }

    /// The contrast index for a digit key, when the pack has that many.
    func contrastIndex(for key: Key) -> Int? {
        guard case let .character(character) = key, let number = character.wholeNumberValue,
              let index = pack.contrasts.firstIndex(where: { $0.number == number }) else { return nil }
        return index
    }

    /// Before leaving: remember where the cursor is in an open reflection.
    func keepPosition() -> [Effect] {
        guard let session = reflection, routes.contains(.reflection) else { return [] }
        return [.save(.position(reflection: session.reflection.id, session.position))]
    }
}
