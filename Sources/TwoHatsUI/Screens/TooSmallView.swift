import TwoHatsCore

enum TooSmallView {
    static func draw(_ grid: inout Grid, _ state: AppState) {
        let size = grid.size
        let minimum = Size.minimum
        let message = "Please enlarge the terminal to at least \(minimum.columns)×\(minimum.rows) (now \(size.columns)×\(size.rows)). q quits."
        let lines = TextWrap.wrap(message, width: size.columns)
        let top = max(0, (size.rows - lines.count) / 2)
        for (index, line) in lines.enumerated() {
            let x = max(0, (size.columns - DisplayWidth.of(line)) / 2)
            grid.put(line, x: x, y: top + index, style: index == 0 ? .heading : .plain)
        }
    }
}
