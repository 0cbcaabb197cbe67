import Testing
import TwoHatsCore
import TwoHatsUI

@Suite("Grid changes and glyphs")
struct GridChangesTests {
    private struct Change: Equatable {
        var x: Int, y: Int, text: String
    }

    private func changes(_ grid: Grid, since previous: Grid?) -> [Change] {
        var found: [Change] = []
        grid.forEachChange(since: previous) { x, y, cells in
            found.append(Change(x: x, y: y, text: cells.map { $0.width == 0 ? "~" : $0.text }.joined()))
        }
        return found
    }

    private func grid(_ lines: String...) -> Grid {
        var grid = Grid(size: Size(columns: lines.map(\.count).max() ?? 0, rows: lines.count))
        for (y, line) in lines.enumerated() { grid.put(line, x: 0, y: y, style: .plain) }
        return grid
    }

    @Test func withoutAPreviousFrameEveryRowIsOneChange() {
        #expect(changes(grid("ab", "cd"), since: nil) == [Change(x: 0, y: 0, text: "ab"), Change(x: 0, y: 1, text: "cd")])
    }

    @Test func aFrameOfAnotherSizeCountsAsNoPreviousFrame() {
        let old = Grid(size: Size(columns: 3, rows: 2))
        #expect(changes(grid("ab", "cd"), since: old).count == 2)
    }

    @Test func anUnchangedFrameHasNoChanges() {
        #expect(changes(grid("abc", "def"), since: grid("abc", "def")).isEmpty)
    }

    @Test func onlyTheCellsThatDifferAreReportedInRunsPerRow() {
        let old = grid("abcdef", "ghijkl", "mnopqr")
        let new = grid("aXYdeZ", "ghijkl", "Wnopqr")
        #expect(changes(new, since: old) == [Change(x: 1, y: 0, text: "XY"), Change(x: 5, y: 0, text: "Z"), Change(x: 0, y: 2, text: "W")])
    }

    @Test func aChangeOfStyleAloneIsAChange() {
        let old = grid("abc")
        var new = old
        new.paint(x: 1, y: 0, count: 1, style: .selection)
        #expect(changes(new, since: old) == [Change(x: 1, y: 0, text: "b")])
    }

    @Test func aWideCharacterChangesWithItsSecondHalf() {
        #expect(changes(grid("中b"), since: grid("ab ")) == [Change(x: 0, y: 0, text: "中~")])
    }

    @Test func aGlyphKeepsWhatOneTerminalCellCanHold() {
        let marks = "a\u{301}\u{302}\u{303}\u{304}\u{305}\u{306}"
        let glyph = Glyph(marks)
        #expect(glyph.text.unicodeScalars.count == Glyph.capacity)
        #expect(glyph.text == String(marks.unicodeScalars.prefix(Glyph.capacity).map(Character.init)))
        #expect(Glyph("e\u{301}") != Glyph("e"))
        #expect(Glyph("e\u{301}") == Glyph("e\u{301}"))
    }

    @Test func fillRepeatsOneCharacterAndIgnoresWideOnes() {
        var grid = Grid(size: Size(columns: 5, rows: 1))
        grid.fill("─", x: 1, y: 0, count: 3, style: .muted)
        #expect(grid.lines == [" ─── "])
        #expect(grid[2, 0].style == .muted)
        grid.fill("中", x: 0, y: 0, count: 5, style: .plain)
        #expect(grid.lines == [" ─── "])
    }
}
