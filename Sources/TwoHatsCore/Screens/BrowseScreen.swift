enum BrowseScreen {
    static func reduce(_ state: inout AppState, _ key: Key) -> [Effect] {
        let last = state.pack.contrasts.count - 1
        switch key {
        case .up, .character("k"):
            state.browseSelection = max(0, state.browseSelection - 1)
        case .down, .character("j"):
            state.browseSelection = min(last, state.browseSelection + 1)
        case .home, .pageUp:
            state.browseSelection = 0
        case .end, .pageDown:
            state.browseSelection = last
        case .enter, .right, .character("l"):
            state.openDetail(state.browseSelection)
        case .escape, .left, .character("h"):
            return state.back()
        default:
            if let index = state.contrastIndex(for: key) {
                state.openDetail(index)
            }
        }
        return []
    }
}
