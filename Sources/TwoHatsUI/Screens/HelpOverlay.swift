import TwoHatsCore

/// A box over the current screen listing all of its keys: one a line when they fit, else
/// several to a line, so a small terminal still shows every key.
enum HelpOverlay {
    static func draw(_ grid: inout Grid, _ state: AppState) {
        let hints = KeyHints.hints(for: state)
        let keyWidth = hints.map { DisplayWidth.of($0.keys) }.max() ?? 0
        let width = min(grid.size.columns - 2, 54)
        let inner = width - 2
        let isFlowed = hints.count + 6 > grid.size.rows
        let rows = isFlowed ? flowed(hints, width: inner - 2) : hints.map { [$0] }
        let closing = rows.count + 4 <= grid.size.rows - 2
        let height = min(grid.size.rows - 2, rows.count + (closing ? 4 : 2))
        let left = (grid.size.columns - width) / 2
        let top = (grid.size.rows - height) / 2
        grid.put("┌" + String(repeating: "─", count: inner) + "┐", x: left, y: top, style: .title)
        for row in 1..<(height - 1) {
            grid.put("│" + String(repeating: " ", count: inner) + "│", x: left, y: top + row, style: .title)
        }
        grid.put("└" + String(repeating: "─", count: inner) + "┘", x: left, y: top + height - 1, style: .title)
        grid.put(" Keys ", x: left + 2, y: top, style: .title)
        for (index, row) in rows.prefix(height - 2).enumerated() {
            let y = top + 1 + index
            if !isFlowed, let hint = row.first {
                grid.put(hint.keys, x: left + 2, y: y, style: .key, limit: inner - 2)
                grid.put(hint.action, x: left + 4 + keyWidth, y: y, style: .plain, limit: max(0, inner - keyWidth - 4))
                continue
            }
            var x = left + 2
            let end = left + 1 + inner
            for hint in row {
                x += grid.put(hint.keys, x: x, y: y, style: .key, limit: max(0, end - x)) + 1
                x += grid.put(hint.action, x: x, y: y, style: .plain, limit: max(0, end - x)) + 2
            }
        }
        if closing {
            grid.put("Any key closes this.", x: left + 2, y: top + height - 2, style: .muted, limit: inner - 2)
        }
    }

    /// Hints side by side, as many to a row as fit in `width`.
    private static func flowed(_ hints: [KeyHints.Hint], width: Int) -> [[KeyHints.Hint]] {
        var rows: [[KeyHints.Hint]] = []
        var used = 0
        for hint in hints {
            let size = DisplayWidth.of(hint.keys) + 1 + DisplayWidth.of(hint.action)
            if let last = rows.indices.last, used + 2 + size <= width {
                rows[last].append(hint)
                used += 2 + size
            } else {
                rows.append([hint])
                used = size
            }
        }
        return rows
    }
}
