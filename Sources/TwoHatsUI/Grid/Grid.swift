import TwoHatsContent
import TwoHatsCore

/// One terminal cell. A wide character fills its first cell and leaves the next one as a
/// continuation (`width == 0`, empty text) so that the grid and the terminal stay aligned.
public struct Cell: Hashable, Sendable {
    /// One spacing scalar followed by any zero-width scalars, or "" for a continuation.
    public var text: String
    public var width: Int
    public var style: Style

    public init(text: String, width: Int, style: Style) {
        self.text = text
        self.width = width
        self.style = style
    }

    public static let blank = Cell(text: " ", width: 1, style: .plain)
}

/// A screenful of cells, drawn by pure code and painted by the terminal module.
public struct Grid: Equatable, Sendable {
    public static func == (lhs: Grid, rhs: Grid) -> Bool {
        lhs.size == rhs.size && lhs.cells == rhs.cells && lhs.cursor?.x == rhs.cursor?.x && lhs.cursor?.y == rhs.cursor?.y
    }

    public let size: Size
    public private(set) var cells: [Cell]
    /// Where the terminal's cursor should blink: set only while a text field has focus.
    public var cursor: (x: Int, y: Int)?

    public init(size: Size) {
        self.size = Size(columns: max(0, size.columns), rows: max(0, size.rows))
        cells = Array(repeating: .blank, count: self.size.columns * self.size.rows)
    }

    public subscript(x: Int, y: Int) -> Cell {
        cells[y * size.columns + x]
    }

    /// Writes `text` on row `y` from column `x`, stopping at `limit` columns or the edge.
    /// Returns the columns used. Unsafe control characters are drawn as visible placeholders.
    @discardableResult
    public mutating func put(_ text: some StringProtocol, x: Int, y: Int, style: Style, limit: Int = .max) -> Int {
        guard y >= 0, y < size.rows, x >= 0 else { return 0 }
        let end = min(size.columns, x &+ min(limit, size.columns))
        var column = x
        for unit in CellUnits(text) {
            guard column + unit.width <= end else {
                if unit.width == 2, column < end { set(column, y, Cell(text: " ", width: 1, style: style)); column += 1 }
                break
            }
            set(column, y, Cell(text: unit.text, width: unit.width, style: style))
            if unit.width == 2 { set(column + 1, y, Cell(text: "", width: 0, style: style)) }
            column += unit.width
        }
        return column - x
    }

    /// Sets the style of `count` cells from `x` on row `y`, e.g. to extend a selection bar.
    public mutating func paint(x: Int, y: Int, count: Int, style: Style) {
        guard y >= 0, y < size.rows else { return }
        for column in max(0, x)..<min(size.columns, max(0, x + count)) {
            cells[y * size.columns + column].style = style
        }
    }

    private mutating func set(_ x: Int, _ y: Int, _ cell: Cell) {
        let index = y * size.columns + x
        // Overwriting half of a wide character must not leave the other half dangling.
        if cells[index].width == 2, x + 1 < size.columns { cells[index + 1] = Cell(text: " ", width: 1, style: cells[index].style) }
        if cells[index].width == 0, x > 0, cells[index - 1].width == 2 { cells[index - 1] = Cell(text: " ", width: 1, style: cells[index - 1].style) }
        cells[index] = cell
    }

    /// The text of each row, for tests and plain output.
    public var lines: [String] {
        (0..<size.rows).map { y in
            (0..<size.columns).reduce(into: "") { line, x in line += self[x, y].text }
        }
    }
}

/// Splits text into what one call to ncurses' `setcchar` can draw: a spacing scalar and the
/// zero-width scalars after it. Controls and bidi overrides become inert placeholders.
struct CellUnits<Text: StringProtocol>: Sequence, IteratorProtocol {
    private var scalars: Text.UnicodeScalarView.Iterator
    private var pending: Unicode.Scalar?

    init(_ text: Text) {
        scalars = text.unicodeScalars.makeIterator()
        pending = scalars.next()
    }

    mutating func next() -> (text: String, width: Int)? {
        while let scalar = pending {
            pending = scalars.next()
            if let placeholder = TextSafety.placeholder(for: scalar) { return (String(placeholder), 1) }
            let width = DisplayWidth.of(scalar)
            // A zero-width scalar with nothing to attach to is dropped.
            guard width > 0 else { continue }
            var text = String(Character(scalar))
            while let mark = pending, TextSafety.placeholder(for: mark) == nil, DisplayWidth.of(mark) == 0 {
                text.unicodeScalars.append(mark)
                pending = scalars.next()
            }
            return (text, width)
        }
        return nil
    }
}
