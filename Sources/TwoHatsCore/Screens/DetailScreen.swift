enum DetailScreen {
    static func reduce(_ state: inout AppState, _ key: Key, measure: Measure) -> [Effect] {
        let last = state.pack.contrasts.count - 1
        switch key {
        case .left, .character("h"):
            if state.detail.index > 0 { state.openDetail(state.detail.index - 1) }
        case .right, .character("l"):
            if state.detail.index < last { state.openDetail(state.detail.index + 1) }
        case .escape:
            return state.back()
        case .character("n"):
            return [.createNote(contrastID: state.pack.contrasts[state.detail.index].id)]
        default:
            if let index = state.contrastIndex(for: key) {
                state.openDetail(index)
            } else if let offset = measure(state).scroll(state.detail.scroll, by: key) {
                state.detail.scroll = offset
            }
        }
        return []
    }
}
