@testable import TwoHatsCore

/// The editor's text and cursor as the simplest thing that could work: one array of
/// graphemes with line breaks in it and an integer cursor. Every edit re-segments the
/// whole text, since deleting or inserting can merge graphemes across the seam.
struct PlainTextModel {
    private(set) var characters: [Character]
    var cursor: Int

    init(text: String, cursor: Int) {
        characters = Array(text)
        self.cursor = cursor
    }

    var text: String { String(characters) }

    /// What the editor should keep of typed or pasted text, written independently of it.
    static func cleaned(_ text: String) -> String {
        let bidi: [ClosedRange<UInt32>] = [0x202A...0x202E, 0x2066...0x2069, 0x200E...0x200F, 0x061C...0x061C]
        let unified = text.replacing("\r\n", with: "\n").unicodeScalars.map { $0 == "\r" ? "\n" : $0 }
        let kept = unified.filter { scalar in
            scalar == "\n"
                || !(scalar.properties.generalCategory == .control || bidi.contains { $0.contains(scalar.value) })
        }
        return String(String.UnicodeScalarView(kept))
    }

    mutating func insert(_ raw: String) {
        let head = String(characters[..<cursor]) + Self.cleaned(raw)
        characters = Array(head + String(characters[cursor...]))
        cursor = min(head.count, characters.count)
    }

    /// Applies a key the model knows; nil for the vertical moves, which depend on layout.
    mutating func apply(_ key: Key) -> Bool? {
        switch key {
        case let .character(character): insert(String(character))
        case .enter: insert("\n")
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(characters.count, cursor + 1)
        case .home: cursor = lineStart
        case .end: cursor = lineEnd
        case .wordLeft:
            while cursor > 0 && !isWord(characters[cursor - 1]) { cursor -= 1 }
            while cursor > 0 && isWord(characters[cursor - 1]) { cursor -= 1 }
        case .wordRight:
            while cursor < characters.count && !isWord(characters[cursor]) { cursor += 1 }
            while cursor < characters.count && isWord(characters[cursor]) { cursor += 1 }
        case .backspace: if cursor > 0 { remove(cursor - 1..<cursor) }
        case .delete: if cursor < characters.count { remove(cursor..<cursor + 1) }
        case .control("w"):
            let start = lineStart
            if cursor == start { return apply(.backspace) }
            var column = cursor
            while column > start && characters[column - 1].isWhitespace { column -= 1 }
            while column > start && !characters[column - 1].isWhitespace { column -= 1 }
            remove(column..<cursor)
        case .control("u"): remove(lineStart..<cursor)
        case .up, .down, .pageUp, .pageDown: return nil
        default: return false
        }
        return true
    }

    private var lineStart: Int {
        characters[..<cursor].lastIndex(of: "\n").map { $0 + 1 } ?? 0
    }

    private var lineEnd: Int {
        characters[cursor...].firstIndex(of: "\n") ?? characters.count
    }

    private func isWord(_ character: Character) -> Bool {
        character.isLetter || character.isNumber
    }

    private mutating func remove(_ range: Range<Int>) {
        characters.removeSubrange(range)
        characters = Array(String(characters))
        cursor = min(range.lowerBound, characters.count)
    }
}

extension TextEditor {
    /// The cursor as an offset into the whole text's graphemes, line breaks included.
    var flatCursor: Int {
        lines[..<cursor.line].reduce(0) { $0 + $1.count + 1 } + cursor.column
    }
}
