enum AboutScreen {
    static func reduce(_ state: inout AppState, _ key: Key, measure: Measure) -> [Effect] {
        switch key {
        case .escape:
            return state.back()
        default:
            if let offset = measure(state).scroll(state.aboutScroll, by: key) {
                state.aboutScroll = offset
            }
        }
        return []
    }
}
