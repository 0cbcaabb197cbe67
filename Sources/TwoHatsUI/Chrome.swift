import TwoHatsCore

/// The frame around every screen: a title bar, a rule, a status line and the key footer.
enum Chrome {
    static let bodyTop = 2
    static let reservedRows = 4

    static func bodyHeight(_ size: Size) -> Int { max(0, size.rows - reservedRows) }

    static func draw(_ grid: inout Grid, state: AppState, title: String, position: String? = nil, more: Bool = false) {
        let columns = grid.size.columns
        // The position ("2 of 5") is worth more than the end of a long title.
        let positionWidth = position.map { DisplayWidth.of($0) + 1 } ?? 0
        let x = grid.put(" \(state.pack.title)", x: 0, y: 0, style: .title)
        if !title.isEmpty {
            let room = columns - x - positionWidth - 1
            grid.put(TextWrap.truncate(" · \(title)", to: position == nil ? columns - x : room), x: x, y: 0, style: .muted)
        }
        if let position, columns - positionWidth > x + 1 {
            grid.put(position, x: columns - positionWidth, y: 0, style: .muted)
        }
        grid.fill("─", x: 0, y: 1, count: columns, style: .muted)

        let statusRow = grid.size.rows - 2
        if let problem = state.storeProblem {
            // A storage problem says what to do, so it gets up to five lines over the body.
            message(problem, lines: 5, style: .error, above: statusRow, in: &grid)
        } else if let status = state.status {
            message(status.text, lines: 2, style: status.tone == .error ? .error : .accent, above: statusRow, in: &grid)
        } else if more {
            let label = "more ↓"
            grid.put(label, x: max(0, columns - DisplayWidth.of(label) - 1), y: statusRow, style: .muted)
        }
        footer(&grid, state: state)
    }

    /// A message wrapped to the width, its last line on `row`, drawn over the body above it.
    private static func message(_ text: String, lines limit: Int, style: Style, above row: Int, in grid: inout Grid) {
        let columns = grid.size.columns
        let lines = TextWrap.wrap(text, width: max(1, columns - 2)).prefix(max(1, min(limit, grid.size.rows - 4)))
        for (index, line) in lines.enumerated() {
            let y = row - lines.count + 1 + index
            grid.fill(" ", x: 0, y: y, count: columns, style: .plain)
            grid.put(line, x: 1, y: y, style: style)
        }
    }

    /// As many hints as fit, in order, always keeping room for help (which lists them all)
    /// and quit.
    private static func footer(_ grid: inout Grid, state: AppState) {
        let row = grid.size.rows - 1
        // Drawn every frame, so each hint is measured once.
        let hints = KeyHints.hints(for: state).map { (hint: $0, width: width(of: $0), isEssential: isEssential($0)) }
        let reserved = hints.reduce(0) { $1.isEssential ? $0 + $1.width + 2 : $0 }
        var x = 1
        for item in hints where !item.isEssential {
            guard x + item.width + reserved <= grid.size.columns else { break }
            x = put(item.hint, &grid, x: x, y: row)
        }
        for item in hints where item.isEssential && x + item.width <= grid.size.columns {
            x = put(item.hint, &grid, x: x, y: row)
        }
    }

    private static func isEssential(_ hint: KeyHints.Hint) -> Bool {
        switch hint.keys {
        case "?", "F1", "q": true
        default: false
        }
    }

    private static func width(of hint: KeyHints.Hint) -> Int {
        DisplayWidth.of(hint.keys) + 1 + DisplayWidth.of(hint.action)
    }

    private static func put(_ hint: KeyHints.Hint, _ grid: inout Grid, x: Int, y: Int) -> Int {
        var x = x + grid.put(hint.keys, x: x, y: y, style: .key)
        // Two puts rather than one of a joined string: the footer is drawn on every frame.
        x += grid.put(" ", x: x, y: y, style: .muted)
        x += grid.put(hint.action, x: x, y: y, style: .muted)
        return x + 2
    }
}
