import Testing
import TwoHatsCore

/// What holds on every screen: help, a too small terminal, quitting, pasting and resizing.
@Suite("Every screen")
struct AppReducerTests {
    /// One state per screen, named for the test log.
    static let screens: [(String, AppState)] = [
        ("home", Fixtures.home()),
        ("browse", Fixtures.browse(selection: 2)),
        ("detail", Fixtures.detail(3, scroll: 5)),
        ("about", Fixtures.about(scroll: 7)),
        ("help", { var state = Fixtures.detail(1); state.isHelpShown = true; return state }()),
        ("too small", Fixtures.home(size: Size(columns: 20, rows: 5))),
    ]

    // MARK: Help overlay

    @Test func questionMarkOpensHelpAndAnyKeyClosesIt() {
        var store = TestStore(Fixtures.home())
        store.send("?") { $0.isHelpShown = true }
        // The closing key does nothing else: q does not quit, ↓ does not move.
        store.send("q") { $0.isHelpShown = false }
        store.send("?") { $0.isHelpShown = true }
        store.send(.down) { $0.isHelpShown = false }
        store.send("?") { $0.isHelpShown = true }
        store.send("?") { $0.isHelpShown = false }
        store.send("q", effects: [.flush, .quit])
    }

    @Test func f1OpensHelp() {
        var store = TestStore(Fixtures.about(scroll: 3))
        store.send(.function(1)) { $0.isHelpShown = true }
        store.send(.function(1)) { $0.isHelpShown = false }
    }

    @Test func escapeClosesHelpWithoutLeavingTheScreen() {
        var store = TestStore(Fixtures.detail(2, scroll: 3))
        store.send("?") { $0.isHelpShown = true }
        store.send(.escape) { $0.isHelpShown = false }
        store.send(.escape) { $0.routes = [.home, .browse] }
    }

    @Test func helpKeysDoNotScrollOrMoveUnderTheOverlay() {
        var store = TestStore(Fixtures.detail(2, scroll: 3))
        store.send("?") { $0.isHelpShown = true }
        store.send(.end) { $0.isHelpShown = false }
        store.send("?") { $0.isHelpShown = true }
        store.send(.right) { $0.isHelpShown = false }
        store.send("?") { $0.isHelpShown = true }
        store.send("5") { $0.isHelpShown = false }
    }

    @Test func openingHelpClearsTheStatus() {
        var store = TestStore(Fixtures.home())
        store.send(.externalEditFailed("The editor could not start.")) {
            $0.status = Status("The editor could not start.", tone: .error)
        }
        store.send("?") {
            $0.status = nil
            $0.isHelpShown = true
        }
    }

    @Test func helpStaysOpenThroughAResize() {
        var store = TestStore(Fixtures.browse(selection: 1))
        store.send("?") { $0.isHelpShown = true }
        store.send(.resize(Size(columns: 120, rows: 40))) { $0.size = Size(columns: 120, rows: 40) }
        store.send(.paste("x"))
        store.send("x") { $0.isHelpShown = false }
    }

    // MARK: Too small

    @Test("Sizes below 40x12 are too small, 40x12 is not", arguments: [
        (Size(columns: 39, rows: 12), false), (Size(columns: 40, rows: 11), false),
        (Size(columns: 40, rows: 12), true), (Size(columns: 1, rows: 1), false),
        (Size(columns: 0, rows: 0), false), (Size(columns: 300, rows: 100), true),
    ])
    func usableSize(size: Size, usable: Bool) {
        #expect(size.isUsable == usable)
    }

    @Test("A too small terminal ignores every key but q and Ctrl-C", arguments: [
        Key.down, .up, .enter, .escape, .character("?"), .function(1), .character("b"), .character("a"),
        .character("1"), .character("j"), .end, .pageDown, .left, .right,
    ])
    func tooSmallIgnoresKeys(key: Key) {
        var store = TestStore(Fixtures.detail(2, scroll: 5))
        store.send(.resize(Size(columns: 39, rows: 30))) { $0.size = Size(columns: 39, rows: 30) }
        store.send(key)
    }

    @Test func tooSmallStillQuitsWithQAndCtrlC() {
        var store = TestStore(Fixtures.home(size: Size(columns: 40, rows: 11)))
        store.send("q", effects: [.flush, .quit])
        store.send(.control("c"), effects: [.flush, .quit])
    }

    @Test func tooSmallKeysStillClearTheStatus() {
        var store = TestStore(Fixtures.home())
        store.send(.externalEditFailed("The editor could not start.")) {
            $0.status = Status("The editor could not start.", tone: .error)
        }
        store.send(.resize(Size(columns: 30, rows: 8))) { $0.size = Size(columns: 30, rows: 8) }
        store.send(.down) { $0.status = nil }
    }

    @Test func keysWorkAgainOnceTheTerminalGrows() {
        var store = TestStore(Fixtures.home())
        store.send("?") { $0.isHelpShown = true }
        store.send(.resize(Size(columns: 30, rows: 8))) { $0.size = Size(columns: 30, rows: 8) }
        store.send("x")
        store.send(.resize(Size(columns: 40, rows: 12))) { $0.size = Size(columns: 40, rows: 12) }
        store.send("x") { $0.isHelpShown = false }
        store.send(.down) { $0.homeSelection = .reflect }
    }

    // MARK: Quitting

    @Test("Ctrl-C quits from anywhere", arguments: screens.map(\.0))
    func ctrlCQuits(screen: String) throws {
        let state = try #require(Self.screens.first { $0.0 == screen }).1
        var store = TestStore(state)
        store.send(.control("c"), effects: [.flush, .quit]) { $0.status = nil }
    }

    @Test("An interrupt quits from anywhere and changes nothing", arguments: screens.map(\.0))
    func interruptQuits(screen: String) throws {
        let state = try #require(Self.screens.first { $0.0 == screen }).1
        var store = TestStore(state)
        store.send(.interrupt, effects: [.flush, .quit])
    }

    @Test func ctrlCClearsTheStatusAndInterruptKeepsIt() {
        var store = TestStore(Fixtures.home())
        store.send(.externalEditFailed("The editor could not start.")) {
            $0.status = Status("The editor could not start.", tone: .error)
        }
        store.send(.interrupt, effects: [.flush, .quit])
        store.send(.control("c"), effects: [.flush, .quit]) { $0.status = nil }
    }

    // MARK: Paste

    @Test("A paste changes nothing, whatever it holds", arguments: [
        "q", "?", "b", "1", "\u{1B}", "j j j", "hello\nworld", "",
    ])
    func pasteChangesNothing(text: String) {
        for (_, state) in Self.screens {
            var store = TestStore(state)
            store.send(.paste(text))
        }
    }

    @Test func pasteDoesNotClearTheStatus() {
        var store = TestStore(Fixtures.home())
        store.send(.externalEditFailed("The editor could not start.")) {
            $0.status = Status("The editor could not start.", tone: .error)
        }
        store.send(.paste("q"))
    }

    // MARK: Resize

    @Test func resizeOnHomeAndBrowseOnlyChangesTheSize() {
        var store = TestStore(Fixtures.browse(selection: 4), measure: Fixtures.sizedMeasure)
        store.send(.resize(Size(columns: 200, rows: 90))) { $0.size = Size(columns: 200, rows: 90) }
        store.send(.resize(Size(columns: 40, rows: 12))) { $0.size = Size(columns: 40, rows: 12) }
        store.send(.escape) { $0.routes = [.home] }
        store.send(.resize(Size(columns: 1, rows: 1))) { $0.size = Size(columns: 1, rows: 1) }
    }

    /// `sizedMeasure`: 40 rows of content in the terminal's height less 4.
    @Test func resizeClampsTheDetailScroll() {
        var store = TestStore(Fixtures.detail(1), measure: Fixtures.sizedMeasure)
        store.send(.end) { $0.detail.scroll = 20 }
        store.send(.resize(Size(columns: 80, rows: 40))) {
            $0.size = Size(columns: 80, rows: 40)
            $0.detail.scroll = 4
        }
        // Growing the content again does not bring the old offset back.
        store.send(.resize(Size(columns: 80, rows: 30))) { $0.size = Size(columns: 80, rows: 30) }
        store.send(.end) { $0.detail.scroll = 14 }
        store.send(.resize(Size(columns: 80, rows: 12))) { $0.size = Size(columns: 80, rows: 12) }
        // A smaller window has a smaller page: 8 rows, a page of 7.
        store.send(.pageDown) { $0.detail.scroll = 21 }
        store.send(.resize(Size(columns: 80, rows: 100))) {
            $0.size = Size(columns: 80, rows: 100)
            $0.detail.scroll = 0
        }
    }

    @Test func resizeClampsTheAboutScroll() {
        var store = TestStore(Fixtures.about(), measure: Fixtures.sizedMeasure)
        store.send("G") { $0.aboutScroll = 20 }
        store.send(.resize(Size(columns: 100, rows: 34))) {
            $0.size = Size(columns: 100, rows: 34)
            $0.aboutScroll = 10
        }
        store.send(.resize(Size(columns: 100, rows: 50))) {
            $0.size = Size(columns: 100, rows: 50)
            $0.aboutScroll = 0
        }
    }

    @Test func resizeToATooSmallSizeStillClamps() {
        var store = TestStore(Fixtures.detail(0), measure: Fixtures.sizedMeasure)
        store.send(.end) { $0.detail.scroll = 20 }
        store.send(.resize(Size(columns: 20, rows: 50))) {
            $0.size = Size(columns: 20, rows: 50)
            $0.detail.scroll = 0
        }
    }
}
