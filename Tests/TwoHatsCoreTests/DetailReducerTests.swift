import Testing
import TwoHatsCore

/// With `Fixtures.fixedMeasure` the detail scrolls over 0...30 with a page of 9.
@Suite("Contrast detail screen")
struct DetailReducerTests {
    @Test func arrowsStepThroughTheContrastsAndStopAtTheEnds() {
        var store = TestStore(Fixtures.detail(1))
        store.send(.right) {
            $0.detail.index = 2
            $0.browseSelection = 2
        }
        store.send(.right) {
            $0.detail.index = 3
            $0.browseSelection = 3
        }
        store.send(.right) {
            $0.detail.index = 4
            $0.browseSelection = 4
        }
        store.send(.right)
        store.send(.left) {
            $0.detail.index = 3
            $0.browseSelection = 3
        }
    }

    @Test func hAndLStepThroughTheContrasts() {
        var store = TestStore(Fixtures.detail(1))
        store.send("h") {
            $0.detail.index = 0
            $0.browseSelection = 0
        }
        store.send("h")
        store.send("l") {
            $0.detail.index = 1
            $0.browseSelection = 1
        }
    }

    @Test func anotherContrastStartsAtTheTop() {
        var store = TestStore(Fixtures.detail(2, scroll: 12))
        store.send(.right) {
            $0.detail = DetailState(index: 3, scroll: 0)
            $0.browseSelection = 3
        }
        store.send(.down) { $0.detail.scroll = 1 }
        store.send(.left) {
            $0.detail = DetailState(index: 2, scroll: 0)
            $0.browseSelection = 2
        }
    }

    /// At the first or last contrast, ← / → has nowhere to go and leaves the scroll alone.
    @Test func stepPastTheEndKeepsTheScroll() {
        var store = TestStore(Fixtures.detail(0, scroll: 12))
        store.send(.left)
        store = TestStore(Fixtures.detail(4, scroll: 12))
        store.send(.right)
    }

    @Test("A digit jumps to that contrast at its top", arguments: 1...5)
    func digitJumps(number: Int) {
        var store = TestStore(Fixtures.detail(2, scroll: 5))
        store.send(Character(String(number))) {
            $0.detail = DetailState(index: number - 1, scroll: 0)
            $0.browseSelection = number - 1
        }
    }

    @Test func arrowsAndVimKeysScrollALine() {
        var store = TestStore(Fixtures.detail(0))
        store.send(.up)
        store.send(.down) { $0.detail.scroll = 1 }
        store.send("j") { $0.detail.scroll = 2 }
        store.send("k") { $0.detail.scroll = 1 }
        store.send(.up) { $0.detail.scroll = 0 }
        store.send("k")
    }

    @Test func pagesScrollByTheWindowLessOneLine() {
        var store = TestStore(Fixtures.detail(0))
        store.send(.pageDown) { $0.detail.scroll = 9 }
        store.send(" ") { $0.detail.scroll = 18 }
        store.send(.pageDown) { $0.detail.scroll = 27 }
        store.send(" ") { $0.detail.scroll = 30 }
        store.send(.pageDown)
        store.send(.pageUp) { $0.detail.scroll = 21 }
        store.send(.pageUp) { $0.detail.scroll = 12 }
        store.send(.pageUp) { $0.detail.scroll = 3 }
        store.send(.pageUp) { $0.detail.scroll = 0 }
        store.send(.pageUp)
    }

    @Test func homeEndAndGJumpToTheEnds() {
        var store = TestStore(Fixtures.detail(0, scroll: 7))
        store.send(.end) { $0.detail.scroll = 30 }
        store.send(.down)
        store.send(.home) { $0.detail.scroll = 0 }
        store.send("G") { $0.detail.scroll = 30 }
        store.send("g") { $0.detail.scroll = 0 }
    }

    @Test func contentThatFitsDoesNotScroll() {
        var store = TestStore(Fixtures.detail(0)) { _ in Viewport(contentRows: 8, visibleRows: 10) }
        store.send(.down)
        store.send(.pageDown)
        store.send(.end)
        store.send("G")
    }

    @Test func escapeGoesBackToBrowse() {
        var store = TestStore(Fixtures.detail(3, scroll: 4))
        store.send(.escape) { $0.routes = [.home, .browse] }
        store.send(.escape) { $0.routes = [.home] }
        store.send(.escape, effects: [.quit])
    }

    @Test func qQuits() {
        var store = TestStore(Fixtures.detail(3, scroll: 4))
        store.send("q", effects: [.flush, .quit])
    }

    @Test("Keys that mean nothing in the detail change nothing", arguments: [
        Key.enter, .tab, .backspace, .character("0"), .character("6"), .character("x"), .character("b"),
        .wordLeft, .wordRight, .function(3),
    ])
    func unboundKey(key: Key) {
        var store = TestStore(Fixtures.detail(2, scroll: 4))
        store.send(key)
    }
}
