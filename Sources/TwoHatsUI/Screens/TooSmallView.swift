import TwoHatsCore

enum TooSmallView {
    static func draw(_ grid: inout Grid, _ state: AppState) {
        let size = grid.size
        let minimum = Size.minimum
        // In a text field q is a letter like any other; only Ctrl-C leaves from there.
        let quit = state.isEditingText ? "Ctrl-C" : "q"
        let message = "Please enlarge the terminal to at least \(minimum.columns)×\(minimum.rows) (now \(size.columns)×\(size.rows)). \(quit) quits."
        let lines = TextWrap.wrap(message, width: size.columns)
        let top = max(0, (size.rows - lines.count) / 2)
        for (index, line) in lines.enumerated() {
            let x = max(0, (size.columns - DisplayWidth.of(line)) / 2)
            grid.put(line, x: x, y: top + index, style: index == 0 ? .heading : .plain)
        }
    }
}
