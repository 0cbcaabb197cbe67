/// One visual row of a text field after soft wrap: part of a logical line.
public struct VisualRow: Equatable, Sendable {
    /// The logical line the row belongs to.
    public var line: Int
    /// Grapheme (Character) indices within that line.
    public var range: Range<Int>
    public var text: String

    public init(line: Int, range: Range<Int>, text: String) {
        self.line = line
        self.range = range
        self.text = text
    }
}

/// The visual rows of a text field, top to bottom.
public struct TextLayout: Equatable, Sendable {
    public var rows: [VisualRow]

    public init(rows: [VisualRow]) {
        self.rows = rows
    }
}

/// One logical line cut into visual rows of at most `width` cells.
///
/// A row breaks after the last space that fits, or between graphemes when a word is wider
/// than the row; a wide grapheme never straddles a row end. The one exception to the width:
/// a grapheme wider than the whole row (a 2-cell character at width 1) sits alone on its row.
struct WrappedLine {
    let characters: [Character]
    let widths: [Int]
    /// Never empty: an empty line is one empty row.
    let rows: [Range<Int>]

    init(_ line: String, width: Int) {
        characters = Array(line)
        widths = characters.map(DisplayWidth.of)
        rows = Self.breakRows(characters, widths: widths, width: max(1, width))
    }

    private static func breakRows(_ characters: [Character], widths: [Int], width: Int) -> [Range<Int>] {
        var rows: [Range<Int>] = []
        var start = 0
        var used = 0
        // The index just after the last space on the current row.
        var afterSpace: Int?
        var index = 0
        while index < characters.count {
            if index > start && used + widths[index] > width {
                let end = afterSpace ?? index
                rows.append(start..<end)
                start = end
                used = widths[start..<index].reduce(0, +)
                afterSpace = nil
                continue
            }
            used += widths[index]
            index += 1
            if characters[index - 1] == " " { afterSpace = index }
        }
        rows.append(start..<characters.count)
        return rows
    }

    /// The row a cursor at `column` shows on: the end of a row that wrapped belongs to the
    /// start of the next one, the end of the line to the last row.
    func row(containing column: Int) -> Int {
        rows.firstIndex { column < $0.upperBound } ?? rows.count - 1
    }

    /// Cells from the start of `row` to `column`.
    func displayColumn(of column: Int, inRow row: Int) -> Int {
        widths[rows[row].lowerBound..<column].reduce(0, +)
    }

    /// Where up/down land in `row` when aiming for display column `goal`: before the
    /// grapheme whose cells contain it, so a wide character is never split, or at the row's
    /// end when the row is shorter (before its last grapheme when the row wrapped, since
    /// the position after it shows on the next row).
    func column(atDisplay goal: Int, inRow row: Int) -> Int {
        let range = rows[row]
        var cells = 0
        for index in range {
            if goal < cells + widths[index] { return index }
            cells += widths[index]
        }
        return row == rows.count - 1 ? range.upperBound : range.upperBound - 1
    }

    func visualRows(line: Int) -> [VisualRow] {
        rows.map { VisualRow(line: line, range: $0, text: String(characters[$0])) }
    }
}

/// How many visual rows each logical line takes at one width, so that finding the cursor's
/// visual row sums integers instead of re-wrapping the whole text on every key. The counts
/// are chunked like the lines, with a total per chunk, so the rows above a line are summed a
/// chunk at a time: a key at the end of a long text adds a few hundred numbers, not one per line.
struct RowCounts: Sendable {
    let width: Int
    private var counts: ChunkedArray<Int>
    /// The rows of each chunk of `counts`.
    private var chunkRows: [Int]
    private(set) var total: Int

    init(lines: TextLines, width: Int) {
        self.width = width
        counts = ChunkedArray(lines.map { WrappedLine($0, width: width).rows.count })
        chunkRows = counts.chunks.map { $0.reduce(0, +) }
        total = chunkRows.reduce(0, +)
    }

    /// Follows `lines.replaceSubrange(range, with: newLines)`, re-wrapping only the new lines.
    mutating func replace(_ range: Range<Int>, with newLines: [String]) {
        let newCounts = newLines.map { WrappedLine($0, width: width).rows.count }
        total += newCounts.reduce(0, +) - counts[range].reduce(0, +)
        let change = counts.replace(range, with: newCounts)
        chunkRows.replaceSubrange(change.replaced, with: change.inserted.map { counts.chunks[$0].reduce(0, +) })
    }

    func rows(before line: Int) -> Int {
        guard line < counts.count else { return total }
        let (chunk, offset) = counts.position(of: line)
        return chunkRows[..<chunk].reduce(0, +) + counts.chunks[chunk][..<offset].reduce(0, +)
    }

    /// The first line that shows on visual row `row` or below it, and the rows above that line.
    func firstLine(reaching row: Int) -> (line: Int, rowsAbove: Int) {
        var line = 0
        var above = 0
        for (chunk, rows) in chunkRows.enumerated() {
            if above + rows <= row {
                above += rows
                line += counts.chunks[chunk].count
                continue
            }
            for count in counts.chunks[chunk] {
                if above + count > row { return (line, above) }
                above += count
                line += 1
            }
        }
        return (line, above)
    }
}
