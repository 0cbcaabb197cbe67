import TwoHatsContent
import TwoHatsCore

/// One terminal cell. A wide character fills its first cell and leaves the next one as a
/// continuation (`width == 0`, empty text) so that the grid and the terminal stay aligned.
/// Cells hold no references: a frame of them is created, compared and copied without
/// touching the heap or reference counts, which is most of the cost of a frame per key.
public struct Cell: Hashable, Sendable {
    public var glyph: Glyph
    private var columns: UInt8
    public var style: Style

    public init(glyph: Glyph, width: Int, style: Style) {
        self.glyph = glyph
        columns = UInt8(clamping: width)
        self.style = style
    }

    public init(text: some StringProtocol, width: Int, style: Style) {
        self.init(glyph: Glyph(text), width: width, style: style)
    }

    /// One spacing scalar followed by any zero-width scalars, or "" for a continuation.
    public var text: String { glyph.text }

    public var width: Int {
        get { Int(columns) }
        set { columns = UInt8(clamping: newValue) }
    }

    public static let blank = Cell(glyph: .space, width: 1, style: .plain)

    public static func == (lhs: Cell, rhs: Cell) -> Bool {
        lhs.columns == rhs.columns && lhs.style == rhs.style && lhs.glyph == rhs.glyph
    }
}

/// What ncurses can draw in one cell: a spacing scalar and up to four zero-width scalars
/// after it (its `CCHARW_MAX` is five), kept inline and zero-padded.
public struct Glyph: Hashable, Sendable {
    public static let capacity = 5
    public private(set) var scalars: (UInt32, UInt32, UInt32, UInt32, UInt32) = (0, 0, 0, 0, 0)

    public static let space = Glyph(scalar: " ")
    public static let none = Glyph()

    init() {}

    init(scalar: Unicode.Scalar) {
        scalars.0 = scalar.value
    }

    /// The first `capacity` scalars of `text`; marks past what a cell can hold are dropped.
    public init(_ text: some StringProtocol) {
        for scalar in text.unicodeScalars.prefix(Self.capacity) { append(scalar) }
    }

    /// Adds a scalar after the last one held; does nothing when the glyph is full.
    mutating func append(_ scalar: Unicode.Scalar) {
        withUnsafeMutableBytes(of: &scalars) { raw in
            for offset in stride(from: 0, to: raw.count, by: 4) where raw.load(fromByteOffset: offset, as: UInt32.self) == 0 {
                raw.storeBytes(of: scalar.value, toByteOffset: offset, as: UInt32.self)
                return
            }
        }
    }

    /// Calls `body` with each scalar held, in order.
    public func forEachScalar(_ body: (UInt32) -> Void) {
        withUnsafeBytes(of: scalars) { raw in
            for offset in stride(from: 0, to: raw.count, by: 4) {
                let value = raw.load(fromByteOffset: offset, as: UInt32.self)
                guard value != 0 else { return }
                body(value)
            }
        }
    }

    public var text: String {
        var view = String.UnicodeScalarView()
        forEachScalar { value in
            if let scalar = Unicode.Scalar(value) { view.append(scalar) }
        }
        return String(view)
    }

    public static func == (lhs: Glyph, rhs: Glyph) -> Bool {
        let (a, b) = (lhs.scalars, rhs.scalars)
        return a.0 == b.0 && a.1 == b.1 && a.2 == b.2 && a.3 == b.3 && a.4 == b.4
    }

    public func hash(into hasher: inout Hasher) {
        forEachScalar { hasher.combine($0) }
    }
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
        let columns = size.columns
        let end = min(columns, x &+ min(limit, columns))
        var column = x
        // Every frame puts every visible character, so the cells are written through one
        // buffer access per call rather than a checked array access per cell.
        cells.withUnsafeMutableBufferPointer { cells in
            let row = Row(cells: cells, start: y * columns, columns: columns)
            // Most text is printable ASCII, a cell per byte with nothing to measure.
            let isASCII = text.utf8.withContiguousStorageIfAvailable { bytes in
                for byte in bytes where byte < 0x20 || byte >= 0x7F { return false }
                for byte in bytes {
                    guard column < end else { return true }
                    row.set(column, Cell(glyph: Glyph(scalar: Unicode.Scalar(byte)), width: 1, style: style))
                    column += 1
                }
                return true
            }
            if isASCII == true { return }
            for unit in CellUnits(text) {
                guard column + unit.width <= end else {
                    if unit.width == 2, column < end { row.set(column, Cell(glyph: .space, width: 1, style: style)); column += 1 }
                    return
                }
                row.set(column, Cell(glyph: unit.glyph, width: unit.width, style: style))
                if unit.width == 2 { row.set(column + 1, Cell(glyph: .none, width: 0, style: style)) }
                column += unit.width
            }
        }
        return column - x
    }

    /// Writes `count` copies of a one-column character on row `y` from column `x`, as a rule
    /// or a cleared line: the character is measured once, not once per cell.
    public mutating func fill(_ character: Unicode.Scalar, x: Int, y: Int, count: Int, style: Style) {
        var units = CellUnits(String(character))
        guard y >= 0, y < size.rows, let unit = units.next(), unit.width == 1 else { return }
        let columns = size.columns
        cells.withUnsafeMutableBufferPointer { cells in
            let row = Row(cells: cells, start: y * columns, columns: columns)
            for column in max(0, x)..<min(columns, max(0, x + count)) {
                row.set(column, Cell(glyph: unit.glyph, width: 1, style: style))
            }
        }
    }

    /// Replaces whole rows from row `y` with `band`, rows of this grid's width drawn earlier
    /// (and kept) on a grid of their own.
    mutating func paste(_ band: [Cell], y: Int) {
        let start = y * size.columns
        guard y >= 0, size.columns > 0, band.count % size.columns == 0, start + band.count <= cells.count else { return }
        cells.replaceSubrange(start..<(start + band.count), with: band)
    }

    /// Sets the style of `count` cells from `x` on row `y`, e.g. to extend a selection bar.
    public mutating func paint(x: Int, y: Int, count: Int, style: Style) {
        guard y >= 0, y < size.rows else { return }
        for column in max(0, x)..<min(size.columns, max(0, x + count)) {
            cells[y * size.columns + column].style = style
        }
    }

    /// One row of the cells, written in place.
    private struct Row {
        let cells: UnsafeMutableBufferPointer<Cell>
        let start: Int
        let columns: Int

        func set(_ x: Int, _ cell: Cell) {
            let index = start + x
            let old = cells[index]
            // Overwriting half of a wide character must not leave the other half dangling.
            if old.width == 2, x + 1 < columns { cells[index + 1] = Cell(glyph: .space, width: 1, style: old.style) }
            if old.width == 0, x > 0, cells[index - 1].width == 2 { cells[index - 1] = Cell(glyph: .space, width: 1, style: cells[index - 1].style) }
            cells[index] = cell
        }
    }

    /// The text of each row, for tests and plain output.
    public var lines: [String] {
        (0..<size.rows).map { y in
            (0..<size.columns).reduce(into: "") { line, x in line += self[x, y].text }
        }
    }
}

/// Splits text into what one ncurses cell can draw: a spacing scalar and the zero-width
/// scalars after it. Controls and bidi overrides become inert placeholders.
struct CellUnits<Text: StringProtocol>: Sequence, IteratorProtocol {
    private var scalars: Text.UnicodeScalarView.Iterator
    private var pending: Unicode.Scalar?

    init(_ text: Text) {
        scalars = text.unicodeScalars.makeIterator()
        pending = scalars.next()
    }

    mutating func next() -> (glyph: Glyph, width: Int)? {
        while let scalar = pending {
            pending = scalars.next()
            // Printable ASCII is one column and never a placeholder; only a mark can follow.
            let isPrintableASCII = Self.isPrintableASCII(scalar)
            if !isPrintableASCII, let placeholder = TextSafety.placeholder(for: scalar) { return (Glyph(scalar: placeholder), 1) }
            let width = isPrintableASCII ? 1 : DisplayWidth.of(scalar)
            // A zero-width scalar with nothing to attach to is dropped.
            guard width > 0 else { continue }
            var glyph = Glyph(scalar: scalar)
            while let mark = pending, !Self.isPrintableASCII(mark), TextSafety.placeholder(for: mark) == nil, DisplayWidth.of(mark) == 0 {
                glyph.append(mark)
                pending = scalars.next()
            }
            return (glyph, width)
        }
        return nil
    }

    private static func isPrintableASCII(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x20 && scalar.value < 0x7F
    }
}
