import PropertyBased
import Testing
@testable import TwoHatsCore

/// Texts of hundreds of lines, so that the lines and their row counts span many chunks and
/// edits cut, merge and split them.
private let longKeys: [Key] = [.enter, .backspace, .delete, .up, .down, .pageUp, .pageDown, .home, .end, .control("u")]

private enum LongEdit: Sendable, CustomStringConvertible {
    case key(Key)
    case paste(lines: Int)

    var description: String {
        switch self {
        case let .key(key): "key(\(key))"
        case let .paste(lines): "paste(\(lines) lines)"
        }
    }
}

private let longEdit = zip(Gen.int(in: 0...9), Gen.int(in: 0...999)).map { kind, seed -> LongEdit in
    switch kind {
    case 0...1: .key(.character("x"))
    case 2: .paste(lines: seed % 600)
    default: .key(longKeys[seed % longKeys.count])
    }
}

/// Line `index`: from empty to several rows wide at the widths below.
private func line(_ index: Int) -> String {
    String(repeating: "word \(index) ", count: index * 7 % 13)
}

@Suite struct LongTextLayoutTests {
    @Test func aLongTextLaysOutAfterEditsAsTheSameTextOpenedAfresh() async {
        await propertyCheck(
            count: 8,
            input: zip(Gen.int(in: 520...900), Gen.int(in: 0...900)),
            zip(Gen.int(in: 10...60), Gen.int(in: 1...20)),
            longEdit.array(of: 1...20)
        ) { start, size, edits in
            let (width, height) = size
            var editor = TextEditor(text: (0..<start.0).map(line).joined(separator: "\n"), line: start.1, column: 0)
            editor.reveal(width: width, height: height)
            for edit in edits {
                switch edit {
                case let .key(key): editor.apply(key, width: width, height: height)
                case let .paste(lines): editor.insert((0..<lines).map(line).joined(separator: "\n"), width: width, height: height)
                }
                var fresh = TextEditor(text: editor.text, line: editor.cursor.line, column: editor.cursor.column)
                fresh.reveal(width: width, height: height)
                let view = editor.scroll..<editor.scroll + height
                #expect(editor.totalRows(width: width) == fresh.totalRows(width: width), "after \(edit)")
                #expect(editor.cursorPlacement(width: width) == fresh.cursorPlacement(width: width), "after \(edit)")
                #expect(editor.layout(width: width, rows: view) == fresh.layout(width: width, rows: view), "after \(edit)")
            }
            // Without row counts, every line is wrapped again: the slow way, as a reference.
            let uncounted = TextEditor(text: editor.text, line: editor.cursor.line, column: editor.cursor.column)
            let all = uncounted.layout(width: width).rows
            let view = editor.scroll..<min(all.count, editor.scroll + height)
            #expect(editor.layout(width: width, rows: view).rows == Array(all[view]))
            #expect(editor.cursorPlacement(width: width) == uncounted.cursorPlacement(width: width))
        }
    }
}
