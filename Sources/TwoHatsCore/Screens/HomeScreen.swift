enum HomeScreen {
    static func reduce(_ state: inout AppState, _ key: Key) -> [Effect] {
        let items = MenuItem.allCases
        switch key {
        case .up, .character("k"):
            state.homeSelection = items[max(0, state.homeSelection.rawValue - 1)]
        case .down, .character("j"):
            state.homeSelection = items[min(items.count - 1, state.homeSelection.rawValue + 1)]
        case .home:
            state.homeSelection = items[0]
        case .end:
            state.homeSelection = items[items.count - 1]
        case .enter:
            return choose(state.homeSelection, &state)
        case .escape:
            return [.quit]
        case let .character(character):
            if let item = items.first(where: { $0.shortcut == character }) {
                state.homeSelection = item
                return choose(item, &state)
            }
            if let index = state.contrastIndex(for: key) {
                state.push(.browse)
                state.openDetail(index)
            }
        default:
            break
        }
        return []
    }

    private static func choose(_ item: MenuItem, _ state: inout AppState) -> [Effect] {
        switch item {
        case .browse:
            state.push(.browse)
        case .reflect:
            if let resumable = state.resumable {
                return [.loadReflection(resumable.id, forReading: false)]
            }
            return [.startReflection]
        case .history:
            return HistoryScreen.open(&state)
        case .about:
            state.aboutScroll = 0
            state.push(.about)
        case .quit:
            return [.quit]
        }
        return []
    }
}
