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

    // MARK: The guided reflection, notes and history

    static let answer = "Last week I told the team the deadline, not why it mattered. 日本語 and 👍🏽 too.\nNext time: the why first."

    /// Keys for a reflection up to its first answer, typed.
    static let toFirstAnswer: [Event] = [.key(.character("r")), .key(.enter), .key(.right), .key(.enter), .paste(answer)]

    /// Keys for a whole reflection: every rating and answer, the focus and the commitment.
    static let wholeReflection: [Event] = {
        var events: [Event] = [.key(.character("r")), .key(.enter)]
        for contrast in 0..<5 {
            events += Array(repeating: Event.key(.left), count: contrast % 3) + [.key(.enter)]
            for prompt in 0..<4 { events += [.paste("Answer \(contrast + 1).\(prompt + 1): \(answer)"), .key(.tab)] }
        }
        return events
    }()

    @Test(arguments: sizes) func reflectionIntro(size: Size) {
        assertScreen(Screens.session(size, [.key(.character("r"))]))
    }

    @Test(arguments: sizes) func reflectionRating(size: Size) {
        assertScreen(Screens.session(size, [.key(.character("r")), .key(.enter), .key(.right)]))
    }

    @Test(arguments: sizes) func reflectionAnswerWithUnicode(size: Size) {
        assertScreen(Screens.session(size, Self.toFirstAnswer))
    }

    @Test(arguments: sizes) func reflectionReview(size: Size) {
        assertScreen(Screens.session(size, Self.wholeReflection + [.key(.down), .key(.down)]))
    }

    @Test(arguments: sizes) func reflectionFocus(size: Size) {
        assertScreen(Screens.session(size, Self.wholeReflection + [.key(.tab)]))
    }

    @Test(arguments: sizes) func reflectionCommitment(size: Size) {
        assertScreen(Screens.session(size, Self.wholeReflection + [.key(.tab), .key(.enter), .paste("Ask why before how in every one-to-one.")]))
    }

    @Test(arguments: sizes) func reflectionSummary(size: Size) {
        assertScreen(Screens.session(size, Self.wholeReflection + [.key(.tab), .key(.enter), .paste("Ask why before how in every one-to-one."), .key(.tab)]))
    }

    @Test(arguments: sizes) func pausedWithResumeOffer(size: Size) {
        assertScreen(Screens.session(size, Self.toFirstAnswer + [.key(.escape)]))
    }

    @Test(arguments: sizes) func historyWithAReflectionAndANote(size: Size) {
        let note: [Event] = [.key(.character("b")), .key(.character("2")), .key(.character("n")), .paste("Coach, do not tell."), .key(.escape), .key(.escape), .key(.escape)]
        assertScreen(Screens.session(size, Self.toFirstAnswer + [.key(.escape)] + note + [.key(.character("h"))]))
    }

    @Test(arguments: sizes) func historyEntryOfAReflection(size: Size) {
        assertScreen(Screens.session(size, Self.toFirstAnswer + [.key(.escape), .key(.character("h")), .key(.enter)]))
    }

    @Test(arguments: sizes) func noteEditor(size: Size) {
        assertScreen(Screens.session(size, [.key(.character("3")), .key(.character("n")), .paste("Trust first.\nThen the process: é, 中文.")]))
    }

    @Test(arguments: sizes) func storageProblem(size: Size) {
        assertScreen(Screens.session(size, [.storeFailed("The notes database at /home/ada/.local/share/twohats/twohats.sqlite is damaged, so TwoHats left it untouched. Move it aside to start afresh.")]))
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
