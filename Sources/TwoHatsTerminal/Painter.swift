import CNcurses
import TwoHatsUI

/// Paints grids through ncurses, sending only the cells that changed since the last frame.
struct Painter {
    private let theme: Theme
    private let useColour: Bool
    private var last: Grid?
    private var looks: [Style: (attr: attr_t, pair: Int16)] = [:]

    init(theme: Theme, useColour: Bool) {
        self.theme = theme
        self.useColour = useColour
        if useColour {
            for (index, colour) in Self.colours.enumerated() {
                init_pair(Int16(index + 1), Self.code(colour), -1)
            }
        }
        for style in Style.allCases {
            looks[style] = look(theme.appearance(style))
        }
    }

    /// The next paint redraws every cell (after a resize or a suspend).
    mutating func invalidate() {
        last = nil
    }

    mutating func paint(_ grid: Grid) {
        let window = twohats_stdscr()
        if last?.size != grid.size {
            werase(window)
            last = nil
        }
        // Runs once per key over every cell: the previous cells are unwrapped once, the look
        // is looked up only when the style changes, and one scalar buffer is reused.
        let previous = last?.cells
        let cells = grid.cells
        let columns = grid.size.columns
        var character = cchar_t()
        var wide: [wchar_t] = []
        var style: Style?
        var look = (attr: twohats_a_normal(), pair: Int16(0))
        for index in cells.indices {
            let cell = cells[index]
            if cell.width == 0 || previous?[index] == cell { continue }
            if cell.style != style {
                style = cell.style
                look = looks[cell.style] ?? (twohats_a_normal(), 0)
            }
            wide.removeAll(keepingCapacity: true)
            for scalar in cell.text.unicodeScalars { wide.append(wchar_t(bitPattern: scalar.value)) }
            wide.append(0)
            setcchar(&character, wide, look.attr, look.pair, nil)
            mvwadd_wch(window, Int32(index / columns), Int32(index % columns), &character)
        }
        last = grid
        if let cursor = grid.cursor {
            curs_set(1)
            wmove(window, Int32(cursor.y), Int32(cursor.x))
        } else {
            curs_set(0)
        }
        wnoutrefresh(window)
        doupdate()
    }

    private func look(_ appearance: Appearance) -> (attr: attr_t, pair: Int16) {
        var attr = twohats_a_normal()
        if appearance.bold { attr |= twohats_a_bold() }
        if appearance.reverse { attr |= twohats_a_reverse() }
        if appearance.dim { attr |= twohats_a_dim() }
        if appearance.underline { attr |= twohats_a_underline() }
        guard useColour, let colour = appearance.colour, let index = Self.colours.firstIndex(of: colour) else {
            return (attr, 0)
        }
        return (attr, Int16(index + 1))
    }

    private static let colours: [Colour] = [.red, .green, .yellow, .blue, .magenta, .cyan]

    private static func code(_ colour: Colour) -> Int16 {
        switch colour {
        case .red: Int16(COLOR_RED)
        case .green: Int16(COLOR_GREEN)
        case .yellow: Int16(COLOR_YELLOW)
        case .blue: Int16(COLOR_BLUE)
        case .magenta: Int16(COLOR_MAGENTA)
        case .cyan: Int16(COLOR_CYAN)
        }
    }
}
