import Testing
import TwoHatsCore

@Suite("Browse screen")
struct BrowseReducerTests {
    @Test func arrowsMoveTheSelectionAndStopAtTheEnds() {
        var store = TestStore(Fixtures.browse())
        store.send(.up)
        store.send(.down) { $0.browseSelection = 1 }
        store.send(.down) { $0.browseSelection = 2 }
        store.send(.down) { $0.browseSelection = 3 }
        store.send(.down) { $0.browseSelection = 4 }
        store.send(.down)
        store.send(.up) { $0.browseSelection = 3 }
    }

    @Test func vimKeysMoveTheSelection() {
        var store = TestStore(Fixtures.browse())
        store.send("j") { $0.browseSelection = 1 }
        store.send("j") { $0.browseSelection = 2 }
        store.send("k") { $0.browseSelection = 1 }
        store.send("k") { $0.browseSelection = 0 }
        store.send("k")
    }

    @Test func homeEndAndPagesJumpToTheFirstAndLast() {
        var store = TestStore(Fixtures.browse(selection: 2))
        store.send(.end) { $0.browseSelection = 4 }
        store.send(.home) { $0.browseSelection = 0 }
        store.send(.pageDown) { $0.browseSelection = 4 }
        store.send(.pageDown)
        store.send(.pageUp) { $0.browseSelection = 0 }
    }

    @Test("Enter, → and l open the selected contrast", arguments: [Key.enter, .right, .character("l")])
    func openSelected(key: Key) {
        var store = TestStore(Fixtures.browse(selection: 2))
        store.send(key) {
            $0.routes = [.home, .browse, .detail]
            $0.detail = DetailState(index: 2, scroll: 0)
        }
    }

    @Test("A digit opens that contrast whatever is selected", arguments: 1...5)
    func digitOpensContrast(number: Int) {
        var store = TestStore(Fixtures.browse(selection: 2))
        store.send(Character(String(number))) {
            $0.routes = [.home, .browse, .detail]
            $0.browseSelection = number - 1
            $0.detail = DetailState(index: number - 1, scroll: 0)
        }
    }

    @Test("Esc, ← and h go back to home", arguments: [Key.escape, .left, .character("h")])
    func back(key: Key) {
        var store = TestStore(Fixtures.browse(selection: 3))
        store.send(key) { $0.routes = [.home] }
        // The selection is remembered for the next visit.
        store.send("b") { $0.routes = [.home, .browse] }
    }

    @Test func qQuits() {
        var store = TestStore(Fixtures.browse(selection: 1))
        store.send("q", effects: [.flush, .quit])
    }

    @Test func goingBackFromDetailReturnsToTheContrastLastShown() {
        var store = TestStore(Fixtures.browse(selection: 1))
        store.send(.enter) {
            $0.routes = [.home, .browse, .detail]
            $0.detail = DetailState(index: 1)
        }
        store.send(.right) {
            $0.detail = DetailState(index: 2)
            $0.browseSelection = 2
        }
        store.send(.escape) { $0.routes = [.home, .browse] }
        store.send(.down) { $0.browseSelection = 3 }
    }

    @Test("Keys that mean nothing in Browse change nothing", arguments: [
        Key.character("0"), .character("6"), .character("x"), .character("g"), .character("G"),
        .character(" "), .character("b"), .character("a"), .character("r"), .tab, .backspace, .function(5),
    ])
    func unboundKey(key: Key) {
        var store = TestStore(Fixtures.browse(selection: 2))
        store.send(key)
    }
}
