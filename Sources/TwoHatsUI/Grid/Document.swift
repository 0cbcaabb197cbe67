import TwoHatsCore

/// A run of styled text placed at a column of a line.
public struct Span: Equatable, Sendable {
    public var x: Int
    public var text: String
    public var style: Style

    public init(x: Int = 0, _ text: String, _ style: Style = .plain) {
        self.x = x
        self.text = text
        self.style = style
    }
}

/// Scrollable content laid out for one width: a list of lines of spans.
public struct Document: Equatable, Sendable {
    public var lines: [[Span]] = []

    public init() {}

    public mutating func blank() {
        lines.append([])
    }

    public mutating func line(_ spans: Span...) {
        lines.append(spans)
    }

    public mutating func paragraph(_ text: String, width: Int, style: Style = .plain, indent: Int = 0) {
        for line in TextWrap.wrap(text, width: width - indent) {
            lines.append([Span(x: indent, line, style)])
        }
    }

    /// A bulleted item whose continuation lines hang under its first word.
    public mutating func bullet(_ text: String, width: Int, marker: String = "•", style: Style = .plain, indent: Int = 0) {
        let hang = indent + DisplayWidth.of(marker) + 1
        for (index, line) in TextWrap.wrap(text, width: width - hang).enumerated() {
            var spans = [Span(x: hang, line, style)]
            if index == 0 { spans.insert(Span(x: indent, marker, .muted), at: 0) }
            lines.append(spans)
        }
    }

    /// Places `other` beside this document, starting at column `x`.
    public mutating func merge(_ other: Document, x: Int) {
        for (index, spans) in other.lines.enumerated() {
            let shifted = spans.map { Span(x: $0.x + x, $0.text, $0.style) }
            if index < lines.count { lines[index] += shifted } else { lines.append(shifted) }
        }
    }

    /// Drops the blank lines when the content is taller than `height`: spacing goes first.
    public func fitting(_ height: Int) -> Document {
        guard lines.count > height else { return self }
        var copy = self
        copy.lines.removeAll { $0.isEmpty }
        return copy
    }

    /// The first `height` lines; when some are left out the last one kept ends in "…",
    /// so a cut text reads as cut.
    public func cut(to height: Int, width: Int) -> Document {
        guard lines.count > height, height > 0 else { return self }
        var copy = self
        copy.lines = Array(lines.prefix(height))
        if let row = copy.lines.lastIndex(where: { !$0.isEmpty }), var last = copy.lines[row].last {
            last.text = TextWrap.truncate(last.text + " …", to: max(1, width - last.x))
            copy.lines[row][copy.lines[row].count - 1] = last
        }
        return copy
    }

    public mutating func append(_ other: Document) {
        lines += other.lines
    }

    /// Draws rows `offset...` into the grid's rows `top..<top+height`, between `left` and `left+width`.
    public func draw(into grid: inout Grid, top: Int, left: Int, width: Int, height: Int, offset: Int) {
        for row in 0..<max(0, height) {
            let index = offset + row
            guard index < lines.count else { break }
            for span in lines[index] where span.x < width {
                grid.put(span.text, x: left + span.x, y: top + row, style: span.style, limit: width - span.x)
            }
        }
    }
}
