import TwoHatsCore

/// Writing a note: a title, one line of guidance, and the field.
enum NoteView {
    static func draw(_ grid: inout Grid, _ state: AppState) {
        guard let session = state.note else { return }
        let title = state.pack.contrasts.first { $0.id == session.note.contrastID }?.title ?? "General"
        Chrome.draw(&grid, state: state, title: "Note · \(title)")
        grid.put(guidance(width: state.size.columns), x: 0, y: Chrome.bodyTop, style: .muted)
        let field = field(state.size)
        TextFieldView.draw(session.editor, into: &grid, x: field.x, y: field.y, size: field.size, placeholder: "Write your note here.")
    }

    /// The line under the title, shortened rather than cut off in a narrow window.
    private static func guidance(width: Int) -> String {
        let full = " Saved as you type. Esc or Ctrl-S when you are done."
        let short = " Saved as you type. Esc when done."
        return DisplayWidth.of(full) <= width ? full : TextWrap.truncate(short, to: width)
    }

    static func field(_ size: Size) -> (x: Int, y: Int, size: Size) {
        (2, Chrome.bodyTop + 2, Size(columns: max(1, size.columns - 4), rows: max(1, Chrome.bodyHeight(size) - 2)))
    }
}
