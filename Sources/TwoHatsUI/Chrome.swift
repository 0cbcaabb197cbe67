import TwoHatsCore

/// The frame around every screen: a title bar, a rule, a status line and the key footer.
enum Chrome {
    static let bodyTop = 2
    static let reservedRows = 4

    static func bodyHeight(_ size: Size) -> Int { max(0, size.rows - reservedRows) }

    static func draw(_ grid: inout Grid, state: AppState, title: String, position: String? = nil, more: Bool = false) {
        let columns = grid.size.columns
        grid.paste(header(pack: state.pack.title, title: title, position: position, columns: columns), y: 0)

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
        grid.paste(footer(KeyHints.hints(for: state), columns: columns), y: grid.size.rows - 1)
    }

    /// The title bar with its rule, and the key footer, come out the same from one frame to
    /// the next; laying the footer's hints out again was a tenth of the work of a key.
    private static let bands = Memo<Band, [Cell]>(capacity: 256)

    private enum Band: Hashable {
        case header(pack: String, title: String, position: String?, columns: Int)
        case footer([KeyHints.Hint], columns: Int)

        /// Hashing the text of every hint was most of a lookup's cost (3.4 k of its
        /// instructions, 2 k now); a screen's hints are told apart by their number and the
        /// first of them, and `==` still compares them all.
        func hash(into hasher: inout Hasher) {
            switch self {
            case let .header(pack, title, position, columns):
                hasher.combine(0)
                hasher.combine(pack)
                hasher.combine(title)
                hasher.combine(position)
                hasher.combine(columns)
            case let .footer(hints, columns):
                hasher.combine(1)
                hasher.combine(hints.count)
                hasher.combine(hints.first)
                hasher.combine(columns)
            }
        }
    }

    private static func header(pack: String, title: String, position: String?, columns: Int) -> [Cell] {
        bands.value(for: .header(pack: pack, title: title, position: position, columns: columns)) {
            var band = Grid(size: Size(columns: columns, rows: 2))
            // The position ("2 of 5") is worth more than the end of a long title.
            let positionWidth = position.map { DisplayWidth.of($0) + 1 } ?? 0
            let x = band.put(" \(pack)", x: 0, y: 0, style: .title)
            if !title.isEmpty {
                let room = columns - x - positionWidth - 1
                band.put(TextWrap.truncate(" · \(title)", to: position == nil ? columns - x : room), x: x, y: 0, style: .muted)
            }
            if let position, columns - positionWidth > x + 1 {
                band.put(position, x: columns - positionWidth, y: 0, style: .muted)
            }
            band.fill("─", x: 0, y: 1, count: columns, style: .muted)
            return band.cells
        }
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
    private static func footer(_ hints: [KeyHints.Hint], columns: Int) -> [Cell] {
        bands.value(for: .footer(hints, columns: columns)) {
            var band = Grid(size: Size(columns: columns, rows: 1))
            let hints = hints.map { (hint: $0, width: width(of: $0), isEssential: isEssential($0)) }
            let reserved = hints.reduce(0) { $1.isEssential ? $0 + $1.width + 2 : $0 }
            var x = 1
            for item in hints where !item.isEssential {
                guard x + item.width + reserved <= columns else { break }
                x = put(item.hint, &band, x: x)
            }
            for item in hints where item.isEssential && x + item.width <= columns {
                x = put(item.hint, &band, x: x)
            }
            return band.cells
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

    private static func put(_ hint: KeyHints.Hint, _ band: inout Grid, x: Int) -> Int {
        let x = x + band.put(hint.keys, x: x, y: 0, style: .key)
        return x + band.put(" \(hint.action)", x: x, y: 0, style: .muted) + 2
    }
}
