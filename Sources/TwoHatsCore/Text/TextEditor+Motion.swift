/// Where movement keys take the cursor, computed without changing the editor.
extension TextEditor {
    func position(before position: TextCursor) -> TextCursor {
        if position.column > 0 { return TextCursor(line: position.line, column: position.column - 1) }
        if position.line > 0 { return TextCursor(line: position.line - 1, column: lines[position.line - 1].count) }
        return position
    }

    func position(after position: TextCursor) -> TextCursor {
        if position.column < lines[position.line].count {
            return TextCursor(line: position.line, column: position.column + 1)
        }
        if position.line + 1 < lines.count { return TextCursor(line: position.line + 1, column: 0) }
        return position
    }

    /// readline's backward-word: back over anything that is not a word (line breaks
    /// included), then over the word.
    func wordStart(before position: TextCursor) -> TextCursor {
        var line = position.line
        var characters = Array(lines[line])
        var column = position.column
        while column == 0 || !Self.isWordCharacter(characters[column - 1]) {
            if column > 0 {
                column -= 1
            } else if line > 0 {
                line -= 1
                characters = Array(lines[line])
                column = characters.count
            } else {
                return TextCursor(line: 0, column: 0)
            }
        }
        while column > 0 && Self.isWordCharacter(characters[column - 1]) { column -= 1 }
        return TextCursor(line: line, column: column)
    }

    /// readline's forward-word: over anything that is not a word, then to the word's end.
    func wordEnd(after position: TextCursor) -> TextCursor {
        var line = position.line
        var characters = Array(lines[line])
        var column = position.column
        while column == characters.count || !Self.isWordCharacter(characters[column]) {
            if column < characters.count {
                column += 1
            } else if line + 1 < lines.count {
                line += 1
                characters = Array(lines[line])
                column = 0
            } else {
                return TextCursor(line: line, column: column)
            }
        }
        while column < characters.count && Self.isWordCharacter(characters[column]) { column += 1 }
        return TextCursor(line: line, column: column)
    }

    /// Where Ctrl-W starts deleting, as readline's unix-word-rubout: back over spaces, then
    /// over everything up to the previous space. It stays on the line; joining lines is
    /// left to the caller so that one key never removes more than one line break.
    func unixWordStart(before position: TextCursor) -> Int {
        let characters = Array(lines[position.line])
        var column = position.column
        while column > 0 && characters[column - 1].isWhitespace { column -= 1 }
        while column > 0 && !characters[column - 1].isWhitespace { column -= 1 }
        return column
    }

    static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber
    }

    /// Moves the cursor `delta` visual rows (negative is up), as far as the text allows,
    /// aiming for display column `goal` (the cursor's own when nil). Returns the goal to keep
    /// for the next vertical move and how many rows the cursor actually moved.
    func verticalMove(by delta: Int, goal: Int?, width: Int) -> (cursor: TextCursor, goal: Int, moved: Int) {
        var line = cursor.line
        var wrapped = WrappedLine(lines[line], width: width)
        var row = wrapped.row(containing: cursor.column)
        let goal = goal ?? wrapped.displayColumn(of: cursor.column, inRow: row)
        var moved = 0
        while moved < delta {
            if row + 1 < wrapped.rows.count {
                row += 1
            } else if line + 1 < lines.count {
                line += 1
                wrapped = WrappedLine(lines[line], width: width)
                row = 0
            } else {
                break
            }
            moved += 1
        }
        while moved > delta {
            if row > 0 {
                row -= 1
            } else if line > 0 {
                line -= 1
                wrapped = WrappedLine(lines[line], width: width)
                row = wrapped.rows.count - 1
            } else {
                break
            }
            moved -= 1
        }
        guard moved != 0 else { return (cursor, goal, 0) }
        return (TextCursor(line: line, column: wrapped.column(atDisplay: goal, inRow: row)), goal, moved)
    }
}
