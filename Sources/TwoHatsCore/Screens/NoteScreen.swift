/// Writing a free note about a contrast.
enum NoteScreen {
    static func reduce(_ state: inout AppState, _ key: Key, measure: Measure) -> [Effect] {
        guard let session = state.note else { return state.back() }
        switch key {
        case .escape, .control("s"):
            let discard = discardIfEmpty(state)
            state.note = nil
            var effects = state.back() + [.flush] + discard
            if state.route == .entry {
                // The entry it was opened from shows the note as it is now, or closes with it.
                state.history.open = discard.isEmpty ? .note(session.current) : nil
                if !discard.isEmpty { effects = state.back() + effects }
            }
            if state.route == .history || state.route == .entry {
                return effects + [HistoryScreen.reload(state), .loadStats]
            }
            state.status = Status(discard.isEmpty ? "Note saved." : "The note was empty, so it was not kept.")
            return effects + [.loadStats]
        case .control("e"):
            return [.editExternally(session.editor.text)]
        default:
            return TextInput.key(key, in: &state, measure: measure)
        }
    }

    /// A note left with nothing but blanks would only clutter the history, so leaving it
    /// deletes it.
    static func discardIfEmpty(_ state: AppState) -> [Effect] {
        guard state.route == .note, let session = state.note,
              session.editor.text.allSatisfy(\.isWhitespace) else { return [] }
        return [.deleteNote(session.note.id)]
    }
}
