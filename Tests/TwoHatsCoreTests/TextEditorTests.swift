import Testing
@testable import TwoHatsCore

/// Applies keys at a given field size and returns the editor, so that expectations read as
/// "these keys on this text give that state".
private func pressing(
    _ keys: [Key], on start: TextEditor, width: Int = 40, height: Int = 10
) -> TextEditor {
    var editor = start
    for key in keys {
        let handled = editor.apply(key, width: width, height: height)
        #expect(handled)
    }
    return editor
}

private func typing(_ text: String, on start: TextEditor = TextEditor(), width: Int = 40) -> TextEditor {
    pressing(text.map { $0 == "\n" ? Key.enter : Key.character($0) }, on: start, width: width)
}

private func rows(_ editor: TextEditor, width: Int) -> [String] {
    editor.layout(width: width).rows.map(\.text)
}

private func at(_ line: Int, _ column: Int) -> TextCursor {
    TextCursor(line: line, column: column)
}

@Suite struct TextEditorEditingTests {
    @Test func startsWithOneEmptyLine() {
        let editor = TextEditor()
        #expect(editor.lines == [""])
        #expect(editor.text == "")
        #expect(editor.cursor == at(0, 0))
        #expect(editor.scroll == 0)
    }

    @Test func clampsTheInitialCursorAndCleansTheText() {
        #expect(TextEditor(text: "ab\ncd", line: 9, column: 9).cursor == at(1, 2))
        #expect(TextEditor(text: "ab\ncd", line: -1, column: -3).cursor == at(0, 0))
        #expect(TextEditor(text: "ab\r\ncd\u{1B}\te").lines == ["ab", "cde"])
    }

    @Test func typingInsertsAtTheCursor() {
        let editor = typing("helo")
        #expect(editor.text == "helo")
        #expect(editor.cursor == at(0, 4))
        let fixed = pressing([.left, .left, .character("l")], on: editor)
        #expect(fixed.text == "hello")
        #expect(fixed.cursor == at(0, 3))
    }

    @Test func enterSplitsTheLineAndNeverSubmits() {
        let editor = pressing([.enter], on: TextEditor(text: "abcd", column: 2))
        #expect(editor.lines == ["ab", "cd"])
        #expect(editor.cursor == at(1, 0))
    }

    @Test func backspaceDeletesBeforeTheCursorAndJoinsAtALineStart() {
        let start = TextEditor(text: "ab\ncd", line: 1, column: 1)
        let once = pressing([.backspace], on: start)
        #expect(once.lines == ["ab", "d"])
        #expect(once.cursor == at(1, 0))
        let twice = pressing([.backspace], on: once)
        #expect(twice.lines == ["abd"])
        #expect(twice.cursor == at(0, 2))
        let atStart = TextEditor(text: "ab")
        #expect(pressing([.backspace], on: atStart) == atStart)
    }

    @Test func deleteRemovesAtTheCursorAndJoinsAtALineEnd() {
        let start = TextEditor(text: "ab\ncd", column: 1)
        let once = pressing([.delete], on: start)
        #expect(once.lines == ["a", "cd"])
        #expect(once.cursor == at(0, 1))
        let twice = pressing([.delete], on: once)
        #expect(twice.lines == ["acd"])
        #expect(twice.cursor == at(0, 1))
        let atEnd = TextEditor(text: "ab", column: 2)
        #expect(pressing([.delete], on: atEnd) == atEnd)
    }

    @Test func controlWDeletesTheWordBeforeTheCursor() {
        let start = TextEditor(text: "say foo-bar  ", column: 13)
        let once = pressing([.control("w")], on: start)
        #expect(once.text == "say ")
        #expect(once.cursor == at(0, 4))
        #expect(pressing([.control("w")], on: once).text == "")
        let middle = pressing([.control("w")], on: TextEditor(text: "one two", column: 5))
        #expect(middle.text == "one wo")
        #expect(middle.cursor == at(0, 4))
    }

    @Test func controlWAtALineStartRemovesOnlyTheLineBreak() {
        let editor = pressing([.control("w")], on: TextEditor(text: "one\n\ntwo", line: 2))
        #expect(editor.lines == ["one", "two"])
        #expect(editor.cursor == at(1, 0))
    }

    @Test func controlUDeletesToTheLineStart() {
        let editor = pressing([.control("u")], on: TextEditor(text: "x\nabc def", line: 1, column: 5))
        #expect(editor.lines == ["x", "ef"])
        #expect(editor.cursor == at(1, 0))
        #expect(pressing([.control("u")], on: editor) == editor)
    }

    @Test func pasteNormalisesLineBreaksAndDropsControls() {
        var editor = TextEditor(text: "<>", column: 1)
        editor.insert("a\r\nb\rc\u{1B}[31md\u{07}e\u{202E}f\tg\n", width: 40, height: 10)
        #expect(editor.lines == ["<a", "b", "c[31mdefg", ">"])
        #expect(editor.cursor == at(3, 0))
    }

    @Test func controlCharactersTypedAsKeysAreDropped() {
        let editor = pressing([.character("\u{7}"), .character("\u{202E}"), .character("a")], on: TextEditor())
        #expect(editor.text == "a")
        #expect(editor.cursor == at(0, 1))
    }

    @Test(arguments: [
        Key.tab, .backTab, .escape, .control("s"), .control("e"), .control("a"), .control("c"),
        .function(1),
    ])
    func leavesOtherKeysToTheScreen(key: Key) {
        var editor = TextEditor(text: "ab", column: 1)
        let before = editor
        let handled = editor.apply(key, width: 10, height: 3)
        #expect(!handled)
        #expect(editor == before)
    }

    @Test func equalityIgnoresTheRowCountCache() {
        let typed = pressing([.end], on: TextEditor(text: "ab"))
        #expect(typed.rowCounts != nil)
        #expect(typed == TextEditor(text: "ab", column: 2))
    }
}

@Suite struct TextEditorMovementTests {
    @Test func leftAndRightCrossLineEnds() {
        let start = TextEditor(text: "ab\ncd", column: 2)
        #expect(pressing([.right], on: start).cursor == at(1, 0))
        #expect(pressing([.right, .left], on: start).cursor == at(0, 2))
        #expect(pressing([.left], on: TextEditor(text: "ab")).cursor == at(0, 0))
        #expect(pressing([.right], on: TextEditor(text: "ab", column: 2)).cursor == at(0, 2))
    }

    @Test func homeAndEndGoToTheLogicalLineEnds() {
        let start = TextEditor(text: "one two three four\nx", column: 9)
        #expect(pressing([.home], on: start, width: 5).cursor == at(0, 0))
        #expect(pressing([.end], on: start, width: 5).cursor == at(0, 18))
    }

    @Test func wordMovesStopAtAlphanumericBoundariesLikeReadline() {
        let text = "foo-bar  baz\n  qux"
        let end = TextEditor(text: text, line: 1, column: 5)
        let backs = [at(1, 2), at(0, 9), at(0, 4), at(0, 0), at(0, 0)]
        var editor = end
        for expected in backs {
            editor = pressing([.wordLeft], on: editor)
            #expect(editor.cursor == expected)
        }
        let forwards = [at(0, 3), at(0, 7), at(0, 12), at(1, 5), at(1, 5)]
        for expected in forwards {
            editor = pressing([.wordRight], on: editor)
            #expect(editor.cursor == expected)
        }
    }

    @Test func upAndDownMoveByVisualRowAndKeepTheGoalColumn() {
        // At width 10: "0123456789" | "abcdef" | "xy" | "0123456789".
        let start = TextEditor(text: "0123456789abcdef\nxy\n0123456789", column: 8)
        #expect(rows(start, width: 10) == ["0123456789", "abcdef", "xy", "0123456789"])
        var editor = start
        for expected in [at(0, 16), at(1, 2), at(2, 8)] {
            editor = pressing([.down], on: editor, width: 10)
            #expect(editor.cursor == expected)
        }
        for expected in [at(1, 2), at(0, 16), at(0, 8)] {
            editor = pressing([.up], on: editor, width: 10)
            #expect(editor.cursor == expected)
        }
        #expect(pressing([.up], on: editor, width: 10).cursor == at(0, 8))
    }

    @Test func anyOtherKeyForgetsTheGoalColumn() {
        let start = TextEditor(text: "0123456789\nxy\n0123456789", column: 8)
        let editor = pressing([.down, .left, .down], on: start)
        #expect(editor.cursor == at(2, 1))
    }

    @Test func upIntoAWrappedRowStopsBeforeItsLastGrapheme() {
        // At width 6: "abcd " | "efghij"; the end of the first row shows on the second.
        let start = TextEditor(text: "abcd efghij", column: 10)
        #expect(rows(start, width: 6) == ["abcd ", "efghij"])
        let up = pressing([.up], on: start, width: 6)
        #expect(up.cursor == at(0, 4))
        #expect(pressing([.down], on: up, width: 6).cursor == at(0, 10))
    }

    @Test func verticalMovesLandOnTheWideCharacterHoldingTheGoal() {
        let start = TextEditor(text: "a中b\nxyz", line: 1, column: 2)
        #expect(pressing([.up], on: start).cursor == at(0, 1))
        let fromThirdCell = TextEditor(text: "a中b\nxyzw", line: 1, column: 3)
        #expect(pressing([.up], on: fromThirdCell).cursor == at(0, 2))
    }

    @Test func pageKeysMoveByTheHeightLessOneAndScrollAlong() {
        let text = (0..<20).map { "line \($0)" }.joined(separator: "\n")
        let start = TextEditor(text: text, column: 3)
        let down = pressing([.pageDown], on: start, height: 5)
        #expect(down.cursor == at(4, 3))
        #expect(down.scroll == 4)
        let twice = pressing([.pageDown], on: down, height: 5)
        #expect(twice.cursor == at(8, 3))
        #expect(twice.scroll == 8)
        let back = pressing([.pageUp], on: twice, height: 5)
        #expect(back.cursor == at(4, 3))
        #expect(back.scroll == 4)
        let end = pressing(Array(repeating: .pageDown, count: 9), on: start, height: 5)
        #expect(end.cursor == at(19, 3))
        #expect(end.scroll == 15)
    }

    @Test func scrollFollowsTheCursor() {
        let text = (0..<10).map(String.init).joined(separator: "\n")
        var editor = TextEditor(text: text)
        editor = pressing(Array(repeating: .down, count: 5), on: editor, height: 3)
        #expect(editor.cursor == at(5, 0))
        #expect(editor.scroll == 3)
        editor = pressing(Array(repeating: .up, count: 3), on: editor, height: 3)
        #expect(editor.scroll == 2)
        editor = pressing([.backspace, .backspace, .backspace], on: editor, height: 3)
        #expect(editor.cursor == at(0, 1))
        #expect(editor.scroll == 0)
    }

    @Test func scrollCountsWrappedRows() {
        let editor = pressing([.end], on: TextEditor(text: "aaaa bbbb cccc dddd"), width: 5, height: 2)
        #expect(rows(editor, width: 5) == ["aaaa ", "bbbb ", "cccc ", "dddd"])
        #expect(editor.cursorPlacement(width: 5) == (row: 3, column: 4))
        #expect(editor.scroll == 2)
    }

    @Test func revealKeepsTheCursorInViewAfterAResize() {
        var editor = TextEditor(text: "aaaa bbbb cccc dddd", column: 19)
        editor.reveal(width: 20, height: 2)
        #expect(editor.scroll == 0)
        editor.reveal(width: 5, height: 2)
        #expect(editor.scroll == 2)
        editor.reveal(width: 20, height: 2)
        #expect(editor.scroll == 0)
    }
}

@Suite struct TextEditorWrapTests {
    @Test func breaksAfterTheLastSpaceThatFits() {
        let editor = TextEditor(text: "the quick brown fox")
        #expect(rows(editor, width: 10) == ["the quick ", "brown fox"])
        #expect(rows(editor, width: 9) == ["the ", "quick ", "brown fox"])
    }

    @Test func breaksALongWordBetweenGraphemes() {
        #expect(rows(TextEditor(text: "ab abcdefgh"), width: 4) == ["ab ", "abcd", "efgh"])
    }

    @Test func keepsEmptyLinesAsRows() {
        let layout = TextEditor(text: "a\n\nb").layout(width: 5)
        #expect(layout.rows == [
            VisualRow(line: 0, range: 0..<1, text: "a"),
            VisualRow(line: 1, range: 0..<0, text: ""),
            VisualRow(line: 2, range: 0..<1, text: "b"),
        ])
    }

    @Test func putsAWideCharacterOnTheNextRowRatherThanSplittingIt() {
        #expect(rows(TextEditor(text: "abc中d"), width: 4) == ["abc", "中d"])
        #expect(rows(TextEditor(text: "中文字"), width: 5) == ["中文", "字"])
    }

    @Test func aCharacterWiderThanTheRowSitsAloneOnIt() {
        #expect(rows(TextEditor(text: "a中b"), width: 1) == ["a", "中", "b"])
        #expect(rows(TextEditor(text: "x👩‍💻y"), width: 3) == ["x", "👩‍💻", "y"])
    }

    @Test func theEndOfAWrappedRowShowsOnTheNextRow() {
        let editor = TextEditor(text: "abcdefgh", column: 5)
        #expect(editor.cursorPlacement(width: 5) == (row: 1, column: 0))
        let end = TextEditor(text: "abcdefgh", column: 8)
        #expect(end.cursorPlacement(width: 5) == (row: 1, column: 3))
        let full = TextEditor(text: "abcde\nx", column: 5)
        #expect(full.cursorPlacement(width: 5) == (row: 0, column: 5))
    }

    @Test func aRangeOfRowsMatchesTheFullLayout() {
        let text = "the quick brown fox\n\njumps over 中文 the lazy dog"
        var editor = TextEditor(text: text)
        let full = editor.layout(width: 7).rows
        for cached in [false, true] {
            if cached { editor.reveal(width: 7, height: 3) }
            for start in 0...full.count {
                for end in start...full.count + 1 {
                    let expected = Array(full[start..<min(end, full.count)])
                    #expect(editor.layout(width: 7, rows: start..<end).rows == expected)
                }
            }
        }
    }
}

@Suite struct TextEditorUnicodeTests {
    @Test(arguments: ["👍🏽", "👩‍💻", "🇳🇿", "e\u{301}", "中"])
    func movesAndDeletesWholeGraphemes(grapheme: String) {
        let start = TextEditor(text: "a\(grapheme)b", column: 1)
        #expect(start.lines[0].count == 3)
        let right = pressing([.right], on: start)
        #expect(right.cursor == at(0, 2))
        #expect(pressing([.backspace], on: right).text == "ab")
        #expect(pressing([.delete], on: start).text == "ab")
        let width = DisplayWidth.of(Character(grapheme))
        #expect(right.cursorPlacement(width: 40) == (row: 0, column: 1 + width))
    }

    @Test func aCombiningMarkTypedAfterALetterJoinsIt() {
        let editor = typing("e\u{301}x")
        #expect(editor.lines == ["\u{E9}x"])
        #expect(editor.lines[0].count == 2)
        #expect(editor.cursor == at(0, 2))
        #expect(editor.cursorPlacement(width: 40) == (row: 0, column: 2))
    }

    @Test func typingTheSecondHalfOfAFlagCompletesIt() {
        let editor = typing("🇳🇿")
        #expect(editor.lines[0].count == 1)
        #expect(editor.cursor == at(0, 1))
    }

    @Test func wrapsMixedTextByDisplayWidth() {
        let editor = TextEditor(text: "hi 中文 👍🏽 é🇳🇿 done")
        let layout = rows(editor, width: 6)
        #expect(layout == ["hi ", "中文 ", "👍🏽 ", "é🇳🇿 ", "done"])
        for row in layout { #expect(DisplayWidth.of(row) <= 6) }
    }

    @Test func verticalMovesNeverSplitAGrapheme() {
        // The goal column 1 lies inside the 4-cell ZWJ sequence, which the cursor lands before.
        let start = TextEditor(text: "x👩‍💻y\nab", line: 1, column: 2)
        let up = pressing([.up], on: start)
        #expect(up.cursor == at(0, 1))
        #expect(pressing([.down], on: up).cursor == at(1, 2))
    }

    @Test func wordMovesTreatCJKAndAccentedLettersAsWords() {
        let start = TextEditor(text: "café 中文 👍🏽 x", column: 0)
        var editor = start
        for expected in [at(0, 4), at(0, 7), at(0, 11)] {
            editor = pressing([.wordRight], on: editor)
            #expect(editor.cursor == expected)
        }
    }
}

@Suite struct TextEditorLongTextTests {
    /// A long answer keeps its lines through edits near its end (speed is measured in `make bench`).
    @Test func editsNearTheEndOfAFiveThousandLineAnswer() {
        let line = "the quick brown fox jumps over the lazy dog, 中文 and 👍🏽 too"
        let text = Array(repeating: line, count: 5_000).joined(separator: "\n")
        var editor = TextEditor(text: text, line: 4_990)
        for _ in 0..<200 {
            editor.apply(.character("x"), width: 30, height: 20)
            editor.apply(.down, width: 30, height: 20)
            editor.apply(.up, width: 30, height: 20)
            editor.apply(.enter, width: 30, height: 20)
            editor.apply(.backspace, width: 30, height: 20)
        }
        #expect(editor.lines.count == 5_000)
        #expect(editor.lines[4_990].hasPrefix(String(repeating: "x", count: 200)))
    }
}

@Suite struct TextEditorRevisionTests {
    @Test("the revision goes up with every change of the lines and with nothing else")
    func revisionFollowsTheLines() {
        var editor = TextEditor(text: "one\ntwo", line: 1, column: 0)
        var seen = [editor.revision]
        // Moves, Ctrl-U at the start of a line and Delete at the end of the text change nothing.
        for key in [Key.left, .right, .up, .control("u"), .end, .down, .delete] {
            editor.apply(key, width: 20, height: 5)
        }
        #expect(editor.revision == seen[0])
        for key in [Key.character("x"), .enter, .backspace, .backspace] {
            let lines = editor.lines
            editor.apply(key, width: 20, height: 5)
            #expect(editor.lines != lines && editor.revision > seen.last!, "\(key)")
            seen.append(editor.revision)
        }
        editor.replaceAll(with: editor.text)
        #expect(editor.revision == seen.last!, "the same text again is no change")
        editor.replaceAll(with: "new\u{1B}[31m text")
        #expect(editor.revision > seen.last! && editor.lines == ["new[31m text"])
        #expect(editor.cursor == TextCursor(line: 0, column: 12))
    }

    @Test func isEmptyWithoutJoiningTheText() {
        #expect(TextEditor().isEmpty)
        #expect(!TextEditor(text: "\n").isEmpty)
        #expect(!TextEditor(text: " ").isEmpty)
    }

    @Test("a window of rows far down a long text is the same as the whole layout's")
    func layoutWindowMatchesTheWholeLayout() {
        let text = (1...3_000).map { "line \($0) " + String(repeating: "word ", count: $0 % 9) }.joined(separator: "\n")
        var editor = TextEditor(text: text, line: 2_500)
        editor.reveal(width: 17, height: 6)
        let whole = editor.layout(width: 17).rows
        for start in [0, 1, 2_000, whole.count - 6] {
            #expect(editor.layout(width: 17, rows: start..<start + 6).rows == Array(whole[start..<start + 6]))
        }
    }
}
