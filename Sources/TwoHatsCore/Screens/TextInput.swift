import Foundation

/// Typing, pasting and external edits for whichever text field is on screen, and the save
/// each change produces.
enum TextInput {
    static func key(_ key: Key, in state: inout AppState, measure: Measure) -> [Effect] {
        edit(&state, measure: measure) { editor, field in
            _ = editor.apply(key, width: field.columns, height: field.rows)
        }
    }

    static func paste(_ text: String, into state: inout AppState, measure: Measure) -> [Effect] {
        if state.route == .history, state.history.isFiltering {
            state.history.filter += text.filter { $0 != "\n" }
            return HistoryScreen.refilter(&state)
        }
        guard state.isEditingText else { return [] }
        return edit(&state, measure: measure) { editor, field in
            editor.insert(text, width: field.columns, height: field.rows)
        }
    }

    static func replace(with text: String, in state: inout AppState, measure: Measure) -> [Effect] {
        guard state.isEditingText else { return [] }
        return edit(&state, measure: measure) { editor, _ in
            editor.replaceAll(with: text)
        }
    }

    /// Runs `change` on the current field and saves what changed.
    private static func edit(
        _ state: inout AppState, measure: Measure, _ change: (inout TextEditor, Size) -> Void
    ) -> [Effect] {
        let field = measure(state).field
        // The session is taken out of the state while it changes, so its lines have one owner
        // and an edit changes them in place instead of copying every line of a long text.
        switch state.route {
        case .note:
            guard var session = state.note else { return [] }
            state.note = nil
            let before = session.editor.revision
            change(&session.editor, field)
            guard session.editor.revision != before else {
                state.note = session
                return []
            }
            state.note = session
            return [.save(.note(id: session.note.id, lines: session.editor.lines))]
        case .reflection:
            guard var session = state.reflection else { return [] }
            state.reflection = nil
            let before = (revision: session.editor.revision, cursor: session.editor.cursor)
            change(&session.editor, field)
            var effects: [Effect] = []
            if session.editor.revision != before.revision {
                effects.append(save(session.editor.text, in: &session, pack: state))
            }
            if session.editor.cursor != before.cursor || !effects.isEmpty {
                effects.append(.save(.position(reflection: session.reflection.id, session.position)))
            }
            state.reflection = session
            return effects
        default:
            return []
        }
    }

    private static func save(_ text: String, in session: inout ReflectionSession, pack state: AppState) -> Effect {
        let reflection = session.reflection.id
        switch session.currentStep {
        case let .answer(contrast, prompt):
            let item = state.pack.contrasts[contrast]
            let key = AnswerKey(contrastID: item.id, prompt: prompt)
            session.reflection.answers[key] = text
            return .save(.answer(reflection: reflection, key: key, prompt: item.prompts[prompt], text: text))
        default:
            var commitment = session.reflection.commitment ?? session.commitment(focus: session.focusSelection, in: state.pack)
            commitment.text = text
            session.reflection.commitment = commitment
            return .save(.commitment(reflection: reflection, commitment))
        }
    }
}
