import Testing
import TwoHatsCore
import TwoHatsUI

@Suite("Frame encoding")
struct FrameEncoderTests {
    /// Readable stand-ins for the terminal's sequences: <C> clears, <row,column> moves, <p> is
    /// plain text, <t> the (coloured) title style, <s> the selection, <o> colour off.
    private func encoder(canWriteLastCell: Bool = true) -> FrameEncoder {
        FrameEncoder(controls: FrameEncoder.Controls(
            clear: Array("<C>".utf8),
            styles: [.plain: Array("<p>".utf8), .title: Array("<t>".utf8), .selection: Array("<s>".utf8)],
            coloured: [.title],
            colourOff: Array("<o>".utf8),
            canWriteLastCell: canWriteLastCell,
            cursorAddress: { row, column in Array("<\(row),\(column)>".utf8) }
        ))
    }

    private func encoded(_ grid: Grid, since previous: Grid?, canWriteLastCell: Bool = true) -> String {
        var bytes: [UInt8] = []
        encoder(canWriteLastCell: canWriteLastCell).encode(grid, since: previous, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `grid` drawn on a blank screen of its size.
    private func encodedOnBlank(_ grid: Grid, canWriteLastCell: Bool = true) -> String {
        encoded(grid, since: Grid(size: grid.size), canWriteLastCell: canWriteLastCell)
    }

    private func grid(columns: Int, rows: Int, _ texts: (x: Int, y: Int, text: String, style: Style)...) -> Grid {
        var grid = Grid(size: Size(columns: columns, rows: rows))
        for item in texts { grid.put(item.text, x: item.x, y: item.y, style: item.style) }
        return grid
    }

    @Test func aFirstFrameClearsAndSendsOnlyWhatIsNotBlank() {
        let frame = grid(columns: 20, rows: 2, (0, 0, "ab", .plain), (15, 0, "c", .plain), (1, 1, "d", .plain))
        #expect(encoded(frame, since: nil) == "<C><0,0>ab<0,15>c<1,1>d")
    }

    @Test func aFrameOfAnotherSizeIsSentAsAFirstFrame() {
        let frame = grid(columns: 4, rows: 1, (0, 0, "ab", .plain))
        #expect(encoded(frame, since: Grid(size: Size(columns: 5, rows: 1))) == "<C><0,0>ab")
    }

    @Test func anUnchangedFrameSendsNothing() {
        let frame = grid(columns: 8, rows: 2, (0, 0, "abc", .title))
        #expect(encoded(frame, since: frame).isEmpty)
    }

    @Test func aShortGapIsWrittenAgainAndALongOneIsMovedOver() {
        let old = grid(columns: 20, rows: 1, (0, 0, "a-b-------------c", .plain))
        let new = grid(columns: 20, rows: 1, (0, 0, "A-B-------------C", .plain))
        #expect(encoded(new, since: old) == "<0,0>A-B<0,16>C")
    }

    @Test func stylesChangeOnlyWhereTheyDifferAndTheFrameEndsPlain() {
        let frame = grid(columns: 10, rows: 1, (0, 0, "ab", .selection), (2, 0, "cd", .selection), (4, 0, "e", .plain))
        #expect(encodedOnBlank(frame) == "<0,0><s>abcd<p>e")
        let selected = grid(columns: 10, rows: 1, (0, 0, "ab", .selection))
        #expect(encodedOnBlank(selected) == "<0,0><s>ab<p>")
    }

    @Test func leavingAColouredStyleTurnsTheColourOff() {
        let frame = grid(columns: 10, rows: 1, (0, 0, "T", .title), (1, 0, "s", .selection))
        #expect(encodedOnBlank(frame) == "<0,0><t>T<o><s>s<p>")
    }

    @Test func aWideCharacterMovesTheCursorTwoColumns() {
        let frame = grid(columns: 10, rows: 1, (0, 0, "a日本b", .plain))
        #expect(encodedOnBlank(frame) == "<0,0>a日本b")
    }

    @Test func theSecondHalfOfAWideCharacterIsNotDrawnOnItsOwn() {
        let old = grid(columns: 6, rows: 1, (0, 0, "日x", .plain))
        var new = old
        new.paint(x: 1, y: 0, count: 1, style: .selection)
        #expect(encoded(new, since: old).isEmpty)
        new.paint(x: 2, y: 0, count: 1, style: .selection)
        #expect(encoded(new, since: old) == "<0,2><s>x<p>")
    }

    @Test func combiningMarksTravelWithTheirCharacter() {
        let frame = grid(columns: 4, rows: 1, (0, 0, "e\u{301}", .plain))
        #expect(encodedOnBlank(frame) == "<0,0>e\u{301}")
    }

    @Test func theBottomRightCellIsLeftAloneWhereWritingItWouldScroll() {
        let frame = grid(columns: 3, rows: 2, (0, 1, "xyz", .plain))
        #expect(encodedOnBlank(frame, canWriteLastCell: false) == "<1,0>xy")
        #expect(encodedOnBlank(frame) == "<1,0>xyz")
    }

    @Test func afterTheLastColumnTheNextRowIsAlwaysMovedTo() {
        let frame = grid(columns: 3, rows: 2, (0, 0, "abc", .plain), (0, 1, "d", .plain))
        #expect(encodedOnBlank(frame) == "<0,0>abc<1,0>d")
    }

    @Test func theCursorEndsWhereTheGridWantsIt() {
        var frame = grid(columns: 10, rows: 2, (0, 0, "ab", .plain))
        frame.cursor = (x: 2, y: 0)
        #expect(encodedOnBlank(frame) == "<0,0>ab<0,2>")
    }

    @Test func homeIsPlainTextInTheTopLeftCorner() {
        #expect(String(decoding: encoder().home, as: UTF8.self) == "<o><p><0,0>")
    }
}
