import CNcurses
import TwoHatsUI

/// Paints grids through ncurses, sending only the cells that changed since the last frame.
struct Painter {
    private let useColour: Bool
    private var last: Grid?
    /// A blank ncurses cell per style, its attributes and colour pair set by `setcchar`; a
    /// cell to draw is a copy with its scalars filled in.
    private var blanks: [(style: Style, blank: cchar_t)] = []
    private var run: [cchar_t] = []

    init(theme: Theme, useColour: Bool) {
        self.useColour = useColour
        if useColour {
            for (index, colour) in Self.colours.enumerated() {
                init_pair(Int16(index + 1), Self.code(colour), -1)
            }
        }
        for style in Style.allCases {
            let look = look(theme.appearance(style))
            var blank = cchar_t()
            setcchar(&blank, [wchar_t(0x20), 0], look.attr, look.pair, nil)
            blanks.append((style, blank))
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
        var run = self.run
        var style: Style?
        var blank = cchar_t()
        grid.forEachChange(since: last) { x, y, cells in
            run.removeAll(keepingCapacity: true)
            // A wide character's second cell is ncurses' to fill, as it is ours in the grid.
            for cell in cells where cell.width > 0 {
                if cell.style != style {
                    style = cell.style
                    blank = blanks.first { $0.style == cell.style }?.blank ?? cchar_t()
                }
                var character = blank
                let scalars = cell.glyph.scalars
                character.chars = (wchar_t(bitPattern: scalars.0), wchar_t(bitPattern: scalars.1), wchar_t(bitPattern: scalars.2),
                                   wchar_t(bitPattern: scalars.3), wchar_t(bitPattern: scalars.4))
                run.append(character)
            }
            // The first cell of a run can be the second half of a wide character restyled
            // alone; there is nothing of its own to draw.
            guard !run.isEmpty else { return }
            mvwadd_wchnstr(window, Int32(y), Int32(x + cells.prefix { $0.width == 0 }.count), run, Int32(run.count))
        }
        self.run = run
        last = grid
        if let cursor = grid.cursor {
            leaveok(window, false)
            curs_set(1)
            wmove(window, Int32(cursor.y), Int32(cursor.x))
        } else {
            // A hidden cursor can stay wherever the last change left it: no move to park it.
            leaveok(window, true)
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
