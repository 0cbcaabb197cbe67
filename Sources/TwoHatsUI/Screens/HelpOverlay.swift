import TwoHatsCore

/// A box over the current screen listing all of its keys.
enum HelpOverlay {
    static func draw(_ grid: inout Grid, _ state: AppState) {
        let hints = KeyHints.hints(for: state)
        let keyWidth = hints.map { DisplayWidth.of($0.keys) }.max() ?? 0
        let width = min(grid.size.columns - 2, 54)
        let height = min(grid.size.rows - 2, hints.count + 4)
        let left = (grid.size.columns - width) / 2
        let top = (grid.size.rows - height) / 2
        let inner = width - 2
        grid.put("┌" + String(repeating: "─", count: inner) + "┐", x: left, y: top, style: .title)
        for row in 1..<(height - 1) {
            grid.put("│" + String(repeating: " ", count: inner) + "│", x: left, y: top + row, style: .title)
        }
        grid.put("└" + String(repeating: "─", count: inner) + "┘", x: left, y: top + height - 1, style: .title)
        grid.put(" Keys ", x: left + 2, y: top, style: .title)
        for (index, hint) in hints.prefix(height - 4).enumerated() {
            let y = top + 1 + index
            grid.put(hint.keys, x: left + 2, y: y, style: .key, limit: inner - 2)
            grid.put(hint.action, x: left + 4 + keyWidth, y: y, style: .plain, limit: max(0, inner - keyWidth - 4))
        }
        grid.put("Any key closes this.", x: left + 2, y: top + height - 2, style: .muted, limit: inner - 2)
    }
}
