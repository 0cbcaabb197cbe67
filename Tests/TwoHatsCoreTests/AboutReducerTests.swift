import Testing
import TwoHatsCore

/// With `Fixtures.fixedMeasure` the About page scrolls over 0...30 with a page of 9.
@Suite("About screen")
struct AboutReducerTests {
    @Test func linesScrollAndStopAtTheEnds() {
        var store = TestStore(Fixtures.about())
        store.send(.up)
        store.send("k")
        store.send(.down) { $0.aboutScroll = 1 }
        store.send("j") { $0.aboutScroll = 2 }
        store.send(.up) { $0.aboutScroll = 1 }
        store.send("k") { $0.aboutScroll = 0 }
    }

    @Test func pagesAndEndsScrollWithinTheContent() {
        var store = TestStore(Fixtures.about())
        store.send(.pageDown) { $0.aboutScroll = 9 }
        store.send(" ") { $0.aboutScroll = 18 }
        store.send(.end) { $0.aboutScroll = 30 }
        store.send(.pageDown)
        store.send(" ")
        store.send(.down)
        store.send(.pageUp) { $0.aboutScroll = 21 }
        store.send(.home) { $0.aboutScroll = 0 }
        store.send("G") { $0.aboutScroll = 30 }
        store.send("g") { $0.aboutScroll = 0 }
    }

    @Test func escapeGoesBackHomeKeepingTheMenuSelection() {
        var store = TestStore(Fixtures.about(scroll: 6))
        store.send(.escape) { $0.routes = [.home] }
        store.send(.up) { $0.homeSelection = .history }
    }

    @Test func qQuits() {
        var store = TestStore(Fixtures.about(scroll: 6))
        store.send("q", effects: [.flush, .quit])
    }

    @Test("Keys that mean nothing on About change nothing", arguments: [
        Key.enter, .left, .right, .character("h"), .character("l"), .character("1"), .character("a"),
        .character("b"), .tab, .function(2),
    ])
    func unboundKey(key: Key) {
        var store = TestStore(Fixtures.about(scroll: 6))
        store.send(key)
    }
}
