/// Turns a frame into the bytes a terminal needs to show it, given the frame it shows now:
/// each run of changed cells is a cursor move, a style where it changes and the cells' UTF-8.
/// A frame starts and ends in plain text, so no style carries over from one to the next. The
/// control sequences come from the terminal's description (the Terminal module reads them
/// from terminfo), which keeps this pure and testable without a terminal.
public struct FrameEncoder {
    public struct Controls {
        /// Clears the screen; sent before a frame with nothing to compare against.
        public var clear: [UInt8]
        /// Each style from any other: its attributes (all set afresh) and its colour.
        /// Plain text's is the reset.
        public var styles: [Style: [UInt8]]
        /// The styles that set a colour, and what gives the terminal's own colour back: sent
        /// only when a style without colour follows one with it.
        public var coloured: Set<Style>
        public var colourOff: [UInt8]
        /// False on a terminal that scrolls when its bottom-right cell is written.
        public var canWriteLastCell: Bool
        /// Moves the cursor to a row and a column, both counted from 0.
        public var cursorAddress: (_ row: Int, _ column: Int) -> [UInt8]

        public init(
            clear: [UInt8], styles: [Style: [UInt8]], coloured: Set<Style> = [], colourOff: [UInt8] = [],
            canWriteLastCell: Bool, cursorAddress: @escaping (_ row: Int, _ column: Int) -> [UInt8]
        ) {
            self.clear = clear
            self.styles = styles
            self.coloured = coloured
            self.colourOff = colourOff
            self.canWriteLastCell = canWriteLastCell
            self.cursorAddress = cursorAddress
        }
    }

    public let controls: Controls
    /// `controls.styles` and `controls.coloured` by `Style.ordinal`.
    private let styleBytes: [[UInt8]]
    private let isColoured: [Bool]

    public init(controls: Controls) {
        self.controls = controls
        styleBytes = Style.allCases.map { controls.styles[$0] ?? [] }
        isColoured = Style.allCases.map { controls.coloured.contains($0) }
    }

    /// Appends to `bytes` what turns `previous` (nil: an unknown screen, cleared first) into
    /// `grid`, and leaves the cursor on `grid.cursor` when it has one.
    public func encode(_ grid: Grid, since previous: Grid?, into bytes: inout [UInt8]) {
        let isCleared = previous?.size != grid.size
        if isCleared { bytes += controls.clear }
        let lastRow = grid.size.rows - 1, lastColumn = grid.size.columns - 1
        var pen = Pen()
        grid.forEachChange(since: isCleared ? nil : previous) { x, y, cells in
            // A run can start on the second half of a wide character restyled alone; the
            // first half, unchanged, is what draws it. A cleared screen already shows blanks.
            for (offset, cell) in cells.enumerated() where cell.width > 0 && !(isCleared && cell == .blank) {
                let column = x + offset
                if y == lastRow, column == lastColumn, !controls.canWriteLastCell { break }
                if let from = pen.at, from.row == y, from.column < column, column - from.column <= Self.longestGap,
                   (from.column..<column).allSatisfy({ grid[$0, y].width == 1 }) {
                    // A few unchanged cells cost fewer bytes written again than a move over them.
                    for gap in from.column..<column { put(grid[gap, y], with: &pen, into: &bytes) }
                } else if pen.at.map({ $0 != (y, column) }) ?? true {
                    bytes += controls.cursorAddress(y, column)
                }
                put(cell, with: &pen, into: &bytes)
                // After the last column the cursor waits to wrap, which terminals differ on.
                pen.at = column + cell.width > lastColumn ? nil : (y, column + cell.width)
            }
        }
        if pen.style != .plain { switchStyle(of: &pen, to: .plain, into: &bytes) }
        if let cursor = grid.cursor { bytes += controls.cursorAddress(cursor.y, cursor.x) }
    }

    /// What the terminal is left with partway through a frame. A struct passed along rather
    /// than variables captured by local functions, which Swift boxes and checks for
    /// exclusive access at every cell.
    private struct Pen {
        var style = Style.plain
        /// Where the terminal's cursor is, when known: a run that starts there needs no move.
        var at: (row: Int, column: Int)?
    }

    private func put(_ cell: Cell, with pen: inout Pen, into bytes: inout [UInt8]) {
        if cell.style != pen.style { switchStyle(of: &pen, to: cell.style, into: &bytes) }
        Self.appendUTF8(cell.glyph, to: &bytes)
    }

    private func switchStyle(of pen: inout Pen, to next: Style, into bytes: inout [UInt8]) {
        if isColoured[pen.style.ordinal], !isColoured[next.ordinal] { bytes += controls.colourOff }
        pen.style = next
        bytes += styleBytes[next.ordinal]
    }

    /// About the length of a cursor move ("ESC [ 12 ; 40 H").
    static let longestGap = 6

    /// Plain text in the terminal's own colours and the cursor in the top-left corner, where
    /// a cleared screen leaves it.
    public var home: [UInt8] {
        controls.colourOff + (controls.styles[.plain] ?? []) + controls.cursorAddress(0, 0)
    }

    private static func appendUTF8(_ glyph: Glyph, to bytes: inout [UInt8]) {
        let scalars = glyph.scalars
        // Most cells hold one ASCII character.
        if scalars.0 < 0x80, scalars.1 == 0 {
            if scalars.0 != 0 { bytes.append(UInt8(truncatingIfNeeded: scalars.0)) }
            return
        }
        // Unused places are zero; a glyph's scalars are valid by construction.
        guard appendUTF8(scalars.0, to: &bytes), appendUTF8(scalars.1, to: &bytes), appendUTF8(scalars.2, to: &bytes),
              appendUTF8(scalars.3, to: &bytes) else { return }
        _ = appendUTF8(scalars.4, to: &bytes)
    }

    /// Appends one scalar's UTF-8; false for the zero that ends a glyph.
    private static func appendUTF8(_ value: UInt32, to bytes: inout [UInt8]) -> Bool {
        switch value {
        case 0:
            return false
        case ..<0x80:
            bytes.append(UInt8(value))
        case ..<0x800:
            bytes.append(UInt8(0xC0 | value >> 6))
            bytes.append(UInt8(0x80 | value & 0x3F))
        case ..<0x10000:
            bytes.append(UInt8(0xE0 | value >> 12))
            bytes.append(UInt8(0x80 | value >> 6 & 0x3F))
            bytes.append(UInt8(0x80 | value & 0x3F))
        default:
            bytes.append(UInt8(0xF0 | value >> 18))
            bytes.append(UInt8(0x80 | value >> 12 & 0x3F))
            bytes.append(UInt8(0x80 | value >> 6 & 0x3F))
            bytes.append(UInt8(0x80 | value & 0x3F))
        }
        return true
    }
}
