/// The app's only place of behaviour: `reduce(&state, event) -> [Effect]`, pure and total.
public struct AppReducer: Sendable {
    public let measure: Measure

    public init(measure: @escaping Measure) {
        self.measure = measure
    }

    public func reduce(_ state: inout AppState, _ event: Event) -> [Effect] {
        switch event {
        case .interrupt:
            return [.quit]
        case let .resize(size):
            state.size = size
            clampScroll(&state)
            return []
        case .paste:
            // No screen of the browse path takes text; a paste must never fire key bindings.
            return []
        case let .key(key):
            state.status = nil
            if key == .control("c") { return [.quit] }
            guard state.size.isUsable else {
                return key == .character("q") ? [.quit] : []
            }
            if state.isHelpShown {
                state.isHelpShown = false
                return []
            }
            if key == .character("?") || key == .function(1) {
                state.isHelpShown = true
                return []
            }
            switch state.route {
            case .home: return HomeScreen.reduce(&state, key)
            case .browse: return BrowseScreen.reduce(&state, key)
            case .detail: return DetailScreen.reduce(&state, key, measure: measure)
            case .about: return AboutScreen.reduce(&state, key, measure: measure)
            }
        }
    }

    /// A resize can shrink the content's height below the current offset.
    private func clampScroll(_ state: inout AppState) {
        switch state.route {
        case .detail: state.detail.scroll = min(state.detail.scroll, measure(state).maxScroll)
        case .about: state.aboutScroll = min(state.aboutScroll, measure(state).maxScroll)
        case .home, .browse: break
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
}
