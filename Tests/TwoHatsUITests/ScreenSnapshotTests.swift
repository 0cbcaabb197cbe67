import SnapshotTesting
import Testing
import TwoHatsCore
import TwoHatsUI

/// Golden snapshots of every screen, text and styles, in `__Snapshots__/ScreenSnapshotTests/`.
/// To re-record after an intended change: delete the files and run the tests twice.
@Suite("Screen snapshots")
struct ScreenSnapshotTests {
    static let sizes: [Size] = [.standard, .large, .narrow]

    @Test(arguments: sizes) func home(size: Size) {
        assertScreen(Screens.state(size))
    }

    @Test(arguments: sizes) func browseMiddleSelection(size: Size) {
        assertScreen(Screens.state(size, typing: "bjj"))
    }

    @Test(arguments: sizes) func detailOfContrastOne(size: Size) {
        assertScreen(Screens.state(size, typing: "1"))
    }

    @Test(arguments: sizes) func detailOfContrastOneScrolled(size: Size) {
        assertScreen(Screens.state(size, keys: [.character("1"), .pageDown]))
    }

    @Test(arguments: sizes) func detailOfContrastThree(size: Size) {
        assertScreen(Screens.state(size, typing: "3"))
    }

    @Test(arguments: sizes) func about(size: Size) {
        assertScreen(Screens.state(size, typing: "a"))
    }

    @Test(arguments: sizes) func aboutScrolledToTheEnd(size: Size) {
        assertScreen(Screens.state(size, keys: [.character("a"), .end]))
    }

    @Test(arguments: sizes) func helpOverDetail(size: Size) {
        assertScreen(Screens.state(size, typing: "2?"))
    }

    @Test(arguments: sizes) func statusAfterReflect(size: Size) {
        assertScreen(Screens.state(size, typing: "r"))
    }

    @Test(arguments: [Size(columns: 30, rows: 8), Size(columns: 1, rows: 1)])
    func pleaseEnlarge(size: Size) {
        assertScreen(Screens.state(size))
    }

    private func assertScreen(
        _ state: AppState,
        fileID: StaticString = #fileID, filePath: StaticString = #filePath,
        testName: String = #function, line: UInt = #line, column: UInt = #column
    ) {
        let grid = Renderer.render(state)
        #expect(grid.size == state.size)
        #expect(grid.tears.isEmpty, "\(grid.tears)")
        assertSnapshot(
            of: grid, as: .grid, named: "\(state.size)",
            fileID: fileID, file: filePath, testName: testName, line: line, column: column
        )
    }
}
