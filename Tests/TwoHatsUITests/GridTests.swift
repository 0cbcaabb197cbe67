import Testing
import TwoHatsCore
import TwoHatsUI

@Suite("Grid")
struct GridTests {
    /// The cells of row `y` as (text, width) pairs.
    private func row(_ grid: Grid, _ y: Int = 0) -> [String] {
        (0..<grid.size.columns).map { x in
            let cell = grid[x, y]
            return cell.width == 0 ? "<cont>" : cell.text
        }
    }

    @Test func startsBlank() {
        let grid = Grid(size: Size(columns: 3, rows: 2))
        #expect(grid.cells.count == 6)
        #expect(grid.cells.allSatisfy { $0 == .blank })
        #expect(grid.lines == ["   ", "   "])
    }

    @Test func negativeSizesBecomeEmpty() {
        let grid = Grid(size: Size(columns: -3, rows: 4))
        #expect(grid.size == Size(columns: 0, rows: 4))
        #expect(grid.cells.isEmpty)
        #expect(grid.lines == ["", "", "", ""])
    }

    @Test func asciiTextFillsOneCellPerCharacter() {
        var grid = Grid(size: Size(columns: 6, rows: 2))
        #expect(grid.put("abc", x: 1, y: 1, style: .title) == 3)
        #expect(grid.lines == ["      ", " abc  "])
        #expect(grid[1, 1] == Cell(text: "a", width: 1, style: .title))
        #expect(grid[4, 1] == .blank)
    }

    @Test func textStopsAtTheEdge() {
        var grid = Grid(size: Size(columns: 5, rows: 1))
        #expect(grid.put("abcdefgh", x: 2, y: 0, style: .plain) == 3)
        #expect(grid.lines == ["  abc"])
    }

    @Test func textStopsAtTheLimit() {
        var grid = Grid(size: Size(columns: 8, rows: 1))
        #expect(grid.put("abcdef", x: 1, y: 0, style: .plain, limit: 3) == 3)
        #expect(grid.lines == [" abc    "])
        #expect(grid.put("xyz", x: 0, y: 0, style: .plain, limit: 0) == 0)
        #expect(grid.put("xyz", x: 0, y: 0, style: .plain, limit: -4) == 0)
        #expect(grid.lines == [" abc    "])
    }

    @Test func placesOutsideTheGridDrawNothing() {
        var grid = Grid(size: Size(columns: 4, rows: 2))
        #expect(grid.put("a", x: 0, y: -1, style: .plain) == 0)
        #expect(grid.put("a", x: 0, y: 2, style: .plain) == 0)
        #expect(grid.put("a", x: -1, y: 0, style: .plain) == 0)
        #expect(grid.put("a", x: 4, y: 0, style: .plain) == 0)
        #expect(grid.put("a", x: 1000, y: 0, style: .plain, limit: .max) == 0)
        #expect(grid == Grid(size: Size(columns: 4, rows: 2)))
    }

    // MARK: Wide characters

    @Test func cjkTakesTwoCellsWithAContinuation() {
        var grid = Grid(size: Size(columns: 6, rows: 1))
        #expect(grid.put("中文x", x: 0, y: 0, style: .leader) == 5)
        #expect(row(grid) == ["中", "<cont>", "文", "<cont>", "x", " "])
        #expect(grid[1, 0] == Cell(text: "", width: 0, style: .leader))
        #expect(grid.lines == ["中文x "])
        #expect(grid.tears.isEmpty)
    }

    @Test func wideCharacterThatDoesNotFitAtTheRowEndBecomesASpace() {
        var grid = Grid(size: Size(columns: 5, rows: 1))
        #expect(grid.put("ab中", x: 2, y: 0, style: .accent) == 3)
        #expect(row(grid) == [" ", " ", "a", "b", " "])
        #expect(grid[4, 0] == Cell(text: " ", width: 1, style: .accent))
        #expect(grid.tears.isEmpty)
    }

    @Test func wideCharacterThatExactlyFitsIsDrawn() {
        var grid = Grid(size: Size(columns: 4, rows: 1))
        #expect(grid.put("ab中", x: 0, y: 0, style: .plain) == 4)
        #expect(row(grid) == ["a", "b", "中", "<cont>"])
    }

    @Test func wideCharacterThatDoesNotFitTheLimitBecomesASpace() {
        var grid = Grid(size: Size(columns: 8, rows: 1))
        #expect(grid.put("a中b", x: 0, y: 0, style: .plain, limit: 2) == 2)
        #expect(row(grid) == ["a", " ", " ", " ", " ", " ", " ", " "])
    }

    @Test func wideCharacterInAOneColumnGrid() {
        var grid = Grid(size: Size(columns: 1, rows: 1))
        #expect(grid.put("中", x: 0, y: 0, style: .plain) == 1)
        #expect(grid[0, 0] == Cell(text: " ", width: 1, style: .plain))
    }

    @Test func emojiTakeTwoCells() {
        var grid = Grid(size: Size(columns: 6, rows: 1))
        #expect(grid.put("👍🎩", x: 0, y: 0, style: .plain) == 4)
        #expect(row(grid) == ["👍", "<cont>", "🎩", "<cont>", " ", " "])
    }

    @Test func emojiAtTheRowEndBecomesASpace() {
        var grid = Grid(size: Size(columns: 3, rows: 1))
        #expect(grid.put("a👍b", x: 1, y: 0, style: .plain) == 2)
        #expect(row(grid) == [" ", "a", " "])
        #expect(grid.tears.isEmpty)
    }

    @Test func variationSelectorStaysWithItsCharacter() {
        var grid = Grid(size: Size(columns: 3, rows: 1))
        #expect(grid.put("\u{2764}\u{FE0F}x", x: 0, y: 0, style: .plain) == 2)
        #expect(grid[0, 0].text == "\u{2764}\u{FE0F}")
        #expect(grid[1, 0].text == "x")
    }

    @Test func overwritingEitherHalfOfAWideCharacterClearsTheOtherHalf() {
        var grid = Grid(size: Size(columns: 4, rows: 1))
        grid.put("中文", x: 0, y: 0, style: .leader)
        grid.put("x", x: 1, y: 0, style: .plain)
        #expect(row(grid) == [" ", "x", "文", "<cont>"])
        #expect(grid[0, 0].style == .leader, "the cleared half keeps its style")
        grid.put("y", x: 2, y: 0, style: .plain)
        #expect(row(grid) == [" ", "x", "y", " "])
        #expect(grid.tears.isEmpty)
    }

    @Test func wideCharacterOverlappingAnotherClearsItsOtherHalf() {
        var grid = Grid(size: Size(columns: 6, rows: 1))
        grid.put("ab中", x: 0, y: 0, style: .plain)
        grid.put("文", x: 3, y: 0, style: .plain)
        #expect(row(grid) == ["a", "b", " ", "文", "<cont>", " "])
        grid.put("字", x: 2, y: 0, style: .plain)
        #expect(row(grid) == ["a", "b", "字", "<cont>", " ", " "])
        #expect(grid.tears.isEmpty)
    }

    // MARK: Combining marks

    @Test func combiningMarksJoinTheCharacterBefore() {
        var grid = Grid(size: Size(columns: 4, rows: 1))
        #expect(grid.put("e\u{301}a\u{308}\u{323}", x: 0, y: 0, style: .plain) == 2)
        #expect(grid[0, 0] == Cell(text: "e\u{301}", width: 1, style: .plain))
        #expect(grid[1, 0].text.unicodeScalars.map(\.value) == [0x61, 0x308, 0x323])
        #expect(grid[2, 0] == .blank)
    }

    @Test func combiningMarkOnTheLastColumnStaysWithItsBase() {
        var grid = Grid(size: Size(columns: 3, rows: 1))
        #expect(grid.put("abe\u{301}z", x: 0, y: 0, style: .plain) == 3)
        #expect(grid[2, 0].text == "e\u{301}")
    }

    @Test func combiningMarkOnAWideCharacter() {
        var grid = Grid(size: Size(columns: 3, rows: 1))
        #expect(grid.put("中\u{301}", x: 0, y: 0, style: .plain) == 2)
        #expect(grid[0, 0] == Cell(text: "中\u{301}", width: 2, style: .plain))
    }

    @Test func combiningMarkWithNothingToAttachToIsDropped() {
        var grid = Grid(size: Size(columns: 3, rows: 1))
        #expect(grid.put("\u{301}\u{200B}x", x: 0, y: 0, style: .plain) == 1)
        #expect(grid.lines == ["x  "])
    }

    // MARK: Control characters

    @Test func c0ControlsAreDrawnAsTheirControlPictures() {
        var grid = Grid(size: Size(columns: 10, rows: 1))
        #expect(grid.put("a\u{1B}[31mb\u{7}", x: 0, y: 0, style: .plain) == 8)
        #expect(grid.lines == ["a␛[31mb␇  "])
    }

    @Test func lineBreakTabAndDeleteAreVisible() {
        var grid = Grid(size: Size(columns: 5, rows: 1))
        grid.put("\n\t\r\u{7F}\u{0}", x: 0, y: 0, style: .plain)
        #expect(grid.lines == ["␊␉␍␡␀"])
    }

    @Test func bidiOverridesAndC1ControlsBecomeReplacementCharacters() {
        var grid = Grid(size: Size(columns: 8, rows: 1))
        #expect(grid.put("a\u{202E}b\u{2066}c\u{9B}d", x: 0, y: 0, style: .plain) == 7)
        #expect(grid.lines == ["a\u{FFFD}b\u{FFFD}c\u{FFFD}d "])
    }

    @Test func controlCharacterDoesNotSwallowAFollowingMark() {
        // The placeholder is its own cell; a combining mark after a control has no base.
        var grid = Grid(size: Size(columns: 4, rows: 1))
        #expect(grid.put("\u{1B}\u{301}x", x: 0, y: 0, style: .plain) == 2)
        #expect(grid.lines == ["␛x  "])
    }

    // MARK: Paint

    @Test func paintRestylesCellsWithinTheRow() {
        var grid = Grid(size: Size(columns: 5, rows: 2))
        grid.put("hello", x: 0, y: 1, style: .plain)
        grid.paint(x: 3, y: 1, count: 10, style: .selection)
        grid.paint(x: -2, y: 1, count: 3, style: .muted)
        grid.paint(x: 0, y: 5, count: 3, style: .error)
        #expect(grid.styleLines == [".....", "m..SS"])
        #expect(grid.lines == ["     ", "hello"])
    }
}
