/// Writing a free note about a contrast.
enum NoteScreen {
    static func reduce(_ state: inout AppState, _ key: Key, measure: Measure) -> [Effect] {
        guard let session = state.note else { return state.back() }
        switch key {
        case .escape, .control("s"):
            state.note = nil
            let effects = state.back()
            if state.route == .history {
                return effects + [.flush, .loadHistory, .loadStats]
            }
            state.status = Status("Note saved.")
            return effects + [.flush, .loadStats]
        case .control("e"):
            return [.editExternally(session.editor.text)]
        default:
            return TextInput.key(key, in: &state, measure: measure)
        }
    }
}
