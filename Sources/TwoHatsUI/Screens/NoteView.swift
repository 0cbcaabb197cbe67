import TwoHatsCore

/// Writing a note: a title, one line of guidance, and the field.
enum NoteView {
    static func draw(_ grid: inout Grid, _ state: AppState) {
        guard let session = state.note else { return }
        let title = state.pack.contrasts.first { $0.id == session.note.contrastID }?.title ?? "General"
        Chrome.draw(&grid, state: state, title: "Note · \(title)")
        grid.put(" Saved as you type. Esc or Ctrl-S when you are done.", x: 0, y: Chrome.bodyTop, style: .muted)
        let field = field(state.size)
        TextFieldView.draw(session.editor, into: &grid, x: field.x, y: field.y, size: field.size, placeholder: "Write your note here.")
    }

    static func field(_ size: Size) -> (x: Int, y: Int, size: Size) {
        (2, Chrome.bodyTop + 2, Size(columns: max(1, size.columns - 4), rows: max(1, Chrome.bodyHeight(size) - 2)))
    }
}
