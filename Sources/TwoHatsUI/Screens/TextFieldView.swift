import TwoHatsCore

/// Draws a text editor in a rectangle and places the terminal cursor in it.
enum TextFieldView {
    static func draw(_ editor: TextEditor, into grid: inout Grid, x: Int, y: Int, size: Size, placeholder: String) {
        guard size.rows > 0, size.columns > 0 else { return }
        if editor.isEmpty {
            grid.put(placeholder, x: x, y: y, style: .muted, limit: size.columns)
        } else {
            let rows = editor.layout(width: size.columns, rows: editor.scroll..<editor.scroll + size.rows).rows
            for (row, visual) in rows.enumerated() {
                grid.put(visual.text, x: x, y: y + row, style: .plain, limit: size.columns)
            }
        }
        let placement = editor.cursorPlacement(width: size.columns)
        let row = placement.row - editor.scroll
        if row >= 0, row < size.rows {
            grid.cursor = (x + min(placement.column, size.columns - 1), y + row)
        }
    }
}
