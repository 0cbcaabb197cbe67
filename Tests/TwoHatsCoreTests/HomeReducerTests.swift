import Testing
import TwoHatsCore

@Suite("Home screen")
struct HomeReducerTests {
    @Test func startsOnHomeWithBrowseSelected() {
        let state = Fixtures.home()
        #expect(state.routes == [.home])
        #expect(state.route == .home)
        #expect(state.homeSelection == .browse)
        #expect(state.browseSelection == 0)
        #expect(state.detail == DetailState(index: 0, scroll: 0))
        #expect(state.aboutScroll == 0)
        #expect(!state.isHelpShown)
        #expect(state.status == nil)
    }

    @Test func arrowsMoveTheSelectionAndStopAtTheEnds() {
        var store = TestStore(Fixtures.home())
        store.send(.up)
        store.send(.down) { $0.homeSelection = .reflect }
        store.send(.down) { $0.homeSelection = .history }
        store.send(.down) { $0.homeSelection = .about }
        store.send(.down) { $0.homeSelection = .quit }
        store.send(.down)
        store.send(.up) { $0.homeSelection = .about }
    }

    @Test func vimKeysMoveTheSelection() {
        var store = TestStore(Fixtures.home())
        store.send("k")
        store.send("j") { $0.homeSelection = .reflect }
        store.send("j") { $0.homeSelection = .history }
        store.send("k") { $0.homeSelection = .reflect }
    }

    @Test func homeAndEndJumpToTheFirstAndLastItem() {
        var store = TestStore(Fixtures.home())
        store.send(.end) { $0.homeSelection = .quit }
        store.send(.end)
        store.send(.home) { $0.homeSelection = .browse }
        store.send(.pageDown)
    }

    @Test func enterOnBrowseOpensBrowse() {
        var store = TestStore(Fixtures.home())
        store.send(.enter) { $0.routes = [.home, .browse] }
    }

    @Test func enterOnReflectAsksForANewReflection() {
        var store = TestStore(Fixtures.home())
        store.send(.down) { $0.homeSelection = .reflect }
        store.send(.enter, effects: [.startReflection])
    }

    @Test func enterOnHistoryOpensItAndAsksForTheEntries() {
        var store = TestStore(Fixtures.home())
        store.send(.down) { $0.homeSelection = .reflect }
        store.send(.down) { $0.homeSelection = .history }
        store.send(.enter, effects: [.loadHistory(HistoryQuery(filter: nil, offset: 0, limit: 72))]) { $0.routes = [.home, .history] }
        store.send(.escape) { $0.routes = [.home] }
    }

    @Test func enterOnAboutOpensAboutAtTheTop() {
        var store = TestStore(Fixtures.home())
        store.send(.end) { $0.homeSelection = .quit }
        store.send(.up) { $0.homeSelection = .about }
        store.send(.enter) { $0.routes = [.home, .about] }
    }

    @Test func enterOnQuitQuits() {
        var store = TestStore(Fixtures.home())
        store.send(.end) { $0.homeSelection = .quit }
        store.send(.enter, effects: [.quit])
    }

    @Test func escapeFromHomeQuits() {
        var store = TestStore(Fixtures.home())
        store.send(.escape, effects: [.quit])
    }

    @Test func shortcutBOpensBrowse() {
        var store = TestStore(Fixtures.home())
        store.send(.down) { $0.homeSelection = .reflect }
        store.send("b") {
            $0.homeSelection = .browse
            $0.routes = [.home, .browse]
        }
    }

    @Test func shortcutRSelectsReflectAndAsksForANewReflection() {
        var store = TestStore(Fixtures.home())
        store.send("r", effects: [.startReflection]) { $0.homeSelection = .reflect }
    }

    @Test func shortcutHOpensHistory() {
        var store = TestStore(Fixtures.home())
        store.send("h", effects: [.loadHistory(HistoryQuery(filter: nil, offset: 0, limit: 72))]) {
            $0.homeSelection = .history
            $0.routes = [.home, .history]
        }
    }

    @Test func shortcutAOpensAboutScrolledToTheTop() {
        var store = TestStore(Fixtures.home())
        store.send("a") {
            $0.homeSelection = .about
            $0.routes = [.home, .about]
        }
        store.send(.end) { $0.aboutScroll = 30 }
        store.send(.escape) { $0.routes = [.home] }
        store.send("a") {
            $0.routes = [.home, .about]
            $0.aboutScroll = 0
        }
    }

    @Test func shortcutQQuits() {
        var store = TestStore(Fixtures.home())
        store.send("q", effects: [.flush, .quit])
    }

    @Test("A digit opens that contrast over Browse", arguments: 1...5)
    func digitOpensContrast(number: Int) {
        var store = TestStore(Fixtures.home())
        store.send(Character(String(number))) {
            $0.routes = [.home, .browse, .detail]
            $0.browseSelection = number - 1
            $0.detail = DetailState(index: number - 1, scroll: 0)
        }
        store.send(.escape) { $0.routes = [.home, .browse] }
    }

    @Test("Keys that mean nothing on home change nothing", arguments: [
        Key.character("0"), .character("6"), .character("9"), .character("x"), .character("G"),
        .character(" "), .left, .right, .tab, .backTab, .backspace, .delete, .wordLeft, .function(2),
        .control("s"),
    ])
    func unboundKey(key: Key) {
        var store = TestStore(Fixtures.home())
        store.send(.down) { $0.homeSelection = .reflect }
        store.send(key)
    }
}
