/// The editor seen through soft wrap at a given width.
extension TextEditor {
    /// Every visual row of the text.
    public func layout(width: Int) -> TextLayout {
        layout(width: width, rows: 0..<Int.max)
    }

    /// Only the visual rows in `rows`, e.g. `scroll..<scroll + height` for what the field
    /// shows; with the editor's row counts at this width the lines above are not re-wrapped.
    public func layout(width: Int, rows: Range<Int>) -> TextLayout {
        let width = max(1, width)
        var result: [VisualRow] = []
        var first = 0
        var start = 0
        // Lines wholly above the rows are skipped by their counts alone, a chunk of lines at a time.
        if let counts = cachedRowCounts(width: width) {
            (start, first) = counts.firstLine(reaching: rows.lowerBound)
        }
        for index in lines.indices[start...] {
            guard first < rows.upperBound else { break }
            let visual = WrappedLine(lines[index], width: width).visualRows(line: index)
            for (offset, row) in visual.enumerated() where rows.contains(first + offset) {
                result.append(row)
            }
            first += visual.count
        }
        return TextLayout(rows: result)
    }

    /// The cursor's visual row (counted from the top of the text, not of the view) and its
    /// display column in that row. At the end of a logical line that fills its last row
    /// exactly, the column equals `width`: the field needs a spare cell there, or clamps.
    public func cursorPlacement(width: Int) -> (row: Int, column: Int) {
        let width = max(1, width)
        let wrapped = WrappedLine(lines[cursor.line], width: width)
        let row = wrapped.row(containing: cursor.column)
        return (rows(before: cursor.line, width: width) + row, wrapped.displayColumn(of: cursor.column, inRow: row))
    }

    /// All visual rows of the text at `width`.
    public func totalRows(width: Int) -> Int {
        let width = max(1, width)
        if let counts = cachedRowCounts(width: width) { return counts.total }
        return rows(before: lines.count, width: width)
    }

    private func rows(before line: Int, width: Int) -> Int {
        if let counts = cachedRowCounts(width: width) { return counts.rows(before: line) }
        return lines[..<line].reduce(0) { $0 + WrappedLine($1, width: width).rows.count }
    }

    private func cachedRowCounts(width: Int) -> RowCounts? {
        rowCounts?.width == width ? rowCounts : nil
    }
}
