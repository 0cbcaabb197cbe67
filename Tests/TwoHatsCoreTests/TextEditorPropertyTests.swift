import PropertyBased
import Testing
@testable import TwoHatsCore

/// Text that exercises the awkward parts: graphemes that merge with their neighbours
/// (combining marks, skin tones, ZWJ, flag halves), wide and zero-width characters,
/// every line-break convention, and controls that must never get in.
private let pool: [String] = [
    "a", "b", "Z", "7", " ", "  ", "-", "_", ".", "hello", "x y", "one two three", "café",
    "\u{E9}", "e\u{301}", "\u{301}", "ünïcödé", "中", "文字", "漢字かな", "ｆｕｌｌ", "👍", "👍🏽", "🏽",
    "👩‍💻", "\u{200D}", "💻", "🇳", "🇿", "🇳🇿", "\u{200B}", "\n", "\r\n", "\r", "a\nb", "\n\n",
    "line one\r\nline two", "\t", "\u{1B}[31m", "\u{7}", "\u{202E}", "\u{7F}", "\u{85}",
    "a long word: abcdefghijklmnopqrstuvwxyz", "中文中文中文中文中文中文",
]

private let typedCharacters: [Character] = pool.flatMap(Array.init)

private let editorKeys: [Key] = [
    .enter, .left, .right, .up, .down, .home, .end, .wordLeft, .wordRight, .pageUp, .pageDown,
    .backspace, .delete, .control("w"), .control("u"),
]

private let foreignKeys: [Key] = [.tab, .backTab, .escape, .control("e"), .control("a"), .control("s"), .function(1)]

private enum Operation: Sendable, CustomStringConvertible {
    case key(Key)
    case paste(String)
    case resize(width: Int, height: Int)

    var description: String {
        switch self {
        case let .key(key): "key(\(key))"
        case let .paste(text): "paste(\(text.debugDescription))"
        case let .resize(width, height): "resize(\(width)x\(height))"
        }
    }
}

private let operation = zip(Gen.int(in: 0...19), Gen.int(in: 0...9_999)).map { kind, seed -> Operation in
    switch kind {
    case 0...3: .paste(pool[seed % pool.count])
    case 4...7: .key(.character(typedCharacters[seed % typedCharacters.count]))
    case 8...17: .key(editorKeys[seed % editorKeys.count])
    case 18: .key(foreignKeys[seed % foreignKeys.count])
    default: .resize(width: 1 + seed % 60, height: 1 + seed / 60 % 20)
    }
}

private let startingText = Gen.int(in: 0...(pool.count - 1)).array(of: 0...6).map { $0.map { pool[$0] }.joined() }

@Suite struct TextEditorPropertyTests {
    @Test func randomEditsMatchAPlainModelAndKeepTheLayoutSound() async {
        await propertyCheck(
            count: 400,
            input: zip(startingText, Gen.int(in: -1...4), Gen.int(in: -1...12)),
            zip(Gen.int(in: 1...60), Gen.int(in: 1...20)),
            operation.array(of: 0...60)
        ) { start, size, operations in
            var (width, height) = size
            var editor = TextEditor(text: start.0, line: start.1, column: start.2)
            // As the field does on its first draw.
            editor.reveal(width: width, height: height)
            #expect(editor.text.unicodeScalars.elementsEqual(PlainTextModel.cleaned(start.0).unicodeScalars))
            var model = PlainTextModel(text: editor.text, cursor: editor.flatCursor)
            var goal: Int?
            for operation in operations {
                let before = editor
                switch operation {
                case let .resize(newWidth, newHeight):
                    (width, height) = (newWidth, newHeight)
                    editor.reveal(width: width, height: height)
                case let .paste(text):
                    editor.insert(text, width: width, height: height)
                    model.insert(text)
                    goal = nil
                case let .key(key):
                    let handled = editor.apply(key, width: width, height: height)
                    switch model.apply(key) {
                    case let expected?:
                        #expect(handled == expected)
                        if expected { goal = nil } else { #expect(editor == before) }
                    case nil:
                        #expect(handled)
                        checkVerticalMove(key, from: before, to: editor, goal: &goal, width: width, height: height)
                        model.cursor = editor.flatCursor
                    }
                }
                #expect(editor.text.unicodeScalars.elementsEqual(model.text.unicodeScalars), "after \(operation)")
                #expect(editor.flatCursor == model.cursor, "after \(operation)")
                try checkInvariants(editor, width: width, height: height)
            }
        }
    }
}

/// A vertical move changes the visual row by exactly the step, as far as the text allows,
/// and never lands right of the column the run of vertical moves started from; with
/// nowhere to go the cursor stays put.
private func checkVerticalMove(
    _ key: Key, from before: TextEditor, to after: TextEditor, goal: inout Int?, width: Int, height: Int
) {
    let start = before.cursorPlacement(width: width)
    let end = after.cursorPlacement(width: width)
    let page = max(1, height - 1)
    let step = switch key {
    case .up: -1
    case .down: 1
    case .pageUp: -page
    default: page
    }
    let lastRow = before.totalRows(width: width) - 1
    #expect(end.row == min(max(0, start.row + step), lastRow), "\(key) from row \(start.row)")
    let aim = goal ?? start.column
    if end.row == start.row {
        #expect(after.cursor == before.cursor)
    } else {
        #expect(end.column <= aim, "\(key) aiming for column \(aim)")
    }
    goal = aim
}

private func checkInvariants(_ editor: TextEditor, width: Int, height: Int) throws {
    let cursor = editor.cursor
    try #require(editor.lines.indices.contains(cursor.line))
    try #require((0...editor.lines[cursor.line].count).contains(cursor.column))
    for line in editor.lines {
        #expect(!line.unicodeScalars.contains { $0.properties.generalCategory == .control })
    }

    let layout = editor.layout(width: width)
    #expect(layout.rows.count == editor.totalRows(width: width))
    for row in layout.rows {
        // The one exception to the width: a single grapheme wider than the row.
        #expect(DisplayWidth.of(row.text) <= width || row.range.count == 1, "row \(row.text.debugDescription)")
    }
    for (index, line) in editor.lines.enumerated() {
        let rows = layout.rows.filter { $0.line == index }
        #expect(rows.map(\.text).joined() == line)
        #expect(rows.first?.range.lowerBound == 0 && rows.last?.range.upperBound == line.count)
        #expect(zip(rows, rows.dropFirst()).allSatisfy { $0.range.upperBound == $1.range.lowerBound })
    }

    let placement = editor.cursorPlacement(width: width)
    let uncached = TextEditor(text: editor.text, line: cursor.line, column: cursor.column)
    #expect(uncached.cursorPlacement(width: width) == placement)
    #expect(editor.scroll >= 0 && editor.scroll <= max(0, layout.rows.count - height))
    #expect(editor.scroll <= placement.row && placement.row < editor.scroll + height)
    let visible = editor.layout(width: width, rows: editor.scroll..<editor.scroll + height).rows
    #expect(visible == Array(layout.rows[editor.scroll..<min(layout.rows.count, editor.scroll + height)]))
}
