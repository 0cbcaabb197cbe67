import TwoHatsContent

/// A position in a text field: a logical line and a grapheme (Character) index within it.
public struct TextCursor: Equatable, Sendable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}

/// The multi-line text field: logical lines, a cursor by grapheme, soft wrap by display
/// width. Every key takes the field's size because wrapping, vertical moves and scrolling
/// depend on it and the UI, not Core, owns the layout.
public struct TextEditor: Equatable, Sendable {
    /// Never empty: empty text is one empty line.
    public private(set) var lines: TextLines
    public private(set) var cursor: TextCursor
    /// The first visible visual row.
    public private(set) var scroll: Int
    /// The display column up/down aim for, kept across consecutive vertical moves so that
    /// passing a short row does not pull the cursor to the left for good.
    private var goalColumn: Int?
    /// Derived from `lines` and kept in step with every edit; not part of equality.
    private(set) var rowCounts: RowCounts?
    /// Goes up whenever `lines` changes, so a caller can tell that a key edited the text
    /// without keeping a copy of the lines, which would make the edit copy all of them.
    /// Not part of equality.
    public private(set) var revision = 0

    /// The text is cleaned like a paste; the cursor is clamped into it.
    public init(text: String = "", line: Int = 0, column: Int = 0) {
        lines = TextLines(splitting: Self.sanitized(text))
        let line = min(max(0, line), lines.count - 1)
        cursor = TextCursor(line: line, column: min(max(0, column), lines[line].count))
        scroll = 0
    }

    public static func == (lhs: TextEditor, rhs: TextEditor) -> Bool {
        lhs.lines == rhs.lines && lhs.cursor == rhs.cursor && lhs.scroll == rhs.scroll
            && lhs.goalColumn == rhs.goalColumn
    }

    /// True for the empty text, without joining the lines as `text` would.
    public var isEmpty: Bool {
        lines.count == 1 && lines[0].isEmpty
    }

    /// The whole text, joined: a long note's saves carry `lines` instead and join them only
    /// when the save queue writes.
    public var text: String { lines.text }

    /// Applies an editing or movement key; returns true when the key belongs to the editor
    /// (even if nothing changed, e.g. ← at the start), false for keys it does not handle
    /// (Tab, Esc, Ctrl-S, Ctrl-E, F1, ...), which then belong to the screen.
    @discardableResult
    public mutating func apply(_ key: Key, width: Int, height: Int) -> Bool {
        let width = max(1, width)
        let height = max(1, height)
        prepareRowCounts(width: width)
        var isVertical = false
        var scrollShift = 0
        switch key {
        case let .character(character): insertClean(Self.sanitized(String(character)))
        case .enter: insertClean("\n")
        case .left: cursor = position(before: cursor)
        case .right: cursor = position(after: cursor)
        case .home: cursor.column = 0
        case .end: cursor.column = lines[cursor.line].count
        case .wordLeft: cursor = wordStart(before: cursor)
        case .wordRight: cursor = wordEnd(after: cursor)
        case .up, .down, .pageUp, .pageDown:
            let page = max(1, height - 1)
            let rows = switch key {
            case .up: -1
            case .down: 1
            case .pageUp: -page
            default: page
            }
            let move = verticalMove(by: rows, goal: goalColumn, width: width)
            cursor = move.cursor
            goalColumn = move.goal
            isVertical = true
            // A page turn scrolls with the cursor so that it keeps its place on screen.
            if key == .pageUp || key == .pageDown { scrollShift = move.moved }
        case .backspace: deleteBackward()
        case .delete: deleteForward()
        case .control("w"):
            if cursor.column == 0 {
                deleteBackward()
            } else {
                removeGraphemes(unixWordStart(before: cursor)..<cursor.column)
            }
        case .control("u"): removeGraphemes(0..<cursor.column)
        default: return false
        }
        if !isVertical { goalColumn = nil }
        revealCursor(width: width, height: height, shift: scrollShift)
        return true
    }

    /// Typed or pasted text. Line breaks of any convention become "\n"; tabs, other control
    /// characters and bidi controls are dropped, since the field shows text raw on a terminal.
    public mutating func insert(_ text: String, width: Int, height: Int) {
        let width = max(1, width)
        prepareRowCounts(width: width)
        insertClean(Self.sanitized(text))
        goalColumn = nil
        revealCursor(width: width, height: max(1, height), shift: 0)
    }

    /// Keeps the cursor in view without editing: for the first draw and after a resize.
    public mutating func reveal(width: Int, height: Int) {
        let width = max(1, width)
        prepareRowCounts(width: width)
        revealCursor(width: width, height: max(1, height), shift: 0)
    }

    static func sanitized(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        var afterReturn = false
        for scalar in text.unicodeScalars {
            defer { afterReturn = scalar == "\r" }
            switch scalar {
            case "\r": scalars.append("\n")
            case "\n": if !afterReturn { scalars.append(scalar) }
            default: if !TextSafety.isUnsafe(scalar) { scalars.append(scalar) }
            }
        }
        return String(scalars)
    }

    // MARK: Edits

    /// `text` is already sanitized. The new cursor is counted on the joined text because
    /// graphemes can merge across the seam (a combining mark after a letter, two flags' halves).
    private mutating func insertClean(_ text: String) {
        guard !text.isEmpty else { return }
        let line = lines[cursor.line]
        let split = line.index(line.startIndex, offsetBy: cursor.column)
        var parts = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let head = String(line[..<split]) + parts[0]
        let tail = String(line[split...])
        let first = cursor.line
        if parts.count == 1 {
            replaceLines(first..<first + 1, with: [head + tail])
            cursor.column = min(head.count, lines[first].count)
        } else {
            let last = parts.removeLast()
            parts[0] = head
            replaceLines(first..<first + 1, with: parts + [last + tail])
            cursor.line = first + parts.count
            cursor.column = min(last.count, lines[cursor.line].count)
        }
    }

    private mutating func deleteBackward() {
        if cursor.column > 0 {
            removeGraphemes(cursor.column - 1..<cursor.column)
        } else if cursor.line > 0 {
            joinLine(cursor.line - 1)
        }
    }

    private mutating func deleteForward() {
        if cursor.column < lines[cursor.line].count {
            removeGraphemes(cursor.column..<cursor.column + 1)
        } else if cursor.line + 1 < lines.count {
            joinLine(cursor.line)
        }
    }

    /// Removes graphemes of the cursor's line and leaves the cursor where they started.
    private mutating func removeGraphemes(_ range: Range<Int>) {
        guard !range.isEmpty else { return }
        var line = lines[cursor.line]
        let start = line.index(line.startIndex, offsetBy: range.lowerBound)
        line.removeSubrange(start..<line.index(start, offsetBy: range.count))
        replaceLines(cursor.line..<cursor.line + 1, with: [line])
        cursor.column = min(range.lowerBound, line.count)
    }

    /// Joins line `index` with the next one and puts the cursor at the seam.
    private mutating func joinLine(_ index: Int) {
        let seam = lines[index].count
        let joined = lines[index] + lines[index + 1]
        replaceLines(index..<index + 2, with: [joined])
        cursor = TextCursor(line: index, column: min(seam, joined.count))
    }

    /// The only way lines change, so the row counts and the revision always match them.
    private mutating func replaceLines(_ range: Range<Int>, with newLines: [String]) {
        guard !lines[range].elementsEqual(newLines) else { return }
        lines.replaceSubrange(range, with: newLines)
        rowCounts?.replace(range, with: newLines)
        revision += 1
    }

    /// All of the text replaced by `text` (an external edit), cleaned like a paste, with the
    /// cursor at its end; the revision goes up only if the text changed.
    public mutating func replaceAll(with text: String) {
        var replaced = TextEditor(text: text, line: .max, column: .max)
        replaced.revision = replaced.lines == lines ? revision : revision + 1
        self = replaced
    }

    // MARK: Scrolling

    private mutating func prepareRowCounts(width: Int) {
        if rowCounts?.width != width {
            rowCounts = RowCounts(lines: lines, width: width)
        }
    }

    /// Moves `scroll` by `shift` rows, no further than the last full page, then just enough
    /// for the cursor's row to be visible.
    private mutating func revealCursor(width: Int, height: Int, shift: Int) {
        let row = cursorPlacement(width: width).row
        var top = max(0, min(scroll + shift, totalRows(width: width) - height))
        if row < top {
            top = row
        } else if row >= top + height {
            top = row - height + 1
        }
        scroll = top
    }
}
