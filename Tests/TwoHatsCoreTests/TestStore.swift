import Testing
import TwoHatsContent
import TwoHatsDefaultPack
import TwoHatsCore

/// Drives the reducer like TCA's `TestStore`: every `send` states the whole change the event
/// makes to the state and the exact effects it returns, so nothing changes unnoticed.
struct TestStore {
    private(set) var state: AppState
    let reducer: AppReducer

    init(_ state: AppState, measure: @escaping Measure = Fixtures.fixedMeasure) {
        self.state = state
        reducer = AppReducer(measure: measure)
    }

    /// Sends `event`; `update` turns the state before it into the state expected after it.
    mutating func send(
        _ event: Event, effects expectedEffects: [Effect] = [],
        sourceLocation: SourceLocation = #_sourceLocation,
        _ update: (inout AppState) -> Void = { _ in }
    ) {
        var expected = state
        update(&expected)
        let effects = reducer.reduce(&state, event)
        #expect(effects == expectedEffects, "effects of \(event)", sourceLocation: sourceLocation)
        if state != expected {
            let difference = Self.difference(expected: expected, actual: state)
            Issue.record("state after \(event) differs:\n\(difference)", sourceLocation: sourceLocation)
        }
    }

    /// Sends a key press.
    mutating func send(
        _ key: Key, effects expectedEffects: [Effect] = [],
        sourceLocation: SourceLocation = #_sourceLocation,
        _ update: (inout AppState) -> Void = { _ in }
    ) {
        send(.key(key), effects: expectedEffects, sourceLocation: sourceLocation, update)
    }

    /// Sends a printable character.
    mutating func send(
        _ character: Character, effects expectedEffects: [Effect] = [],
        sourceLocation: SourceLocation = #_sourceLocation,
        _ update: (inout AppState) -> Void = { _ in }
    ) {
        send(.key(.character(character)), effects: expectedEffects, sourceLocation: sourceLocation, update)
    }

    /// The stored properties that differ, one line each (the pack is compared, not printed).
    private static func difference(expected: AppState, actual: AppState) -> String {
        let lines = zip(Mirror(reflecting: expected).children, Mirror(reflecting: actual).children)
            .compactMap { expected, actual -> String? in
                let label = expected.label ?? "?"
                if let value = expected.value as? any Equatable, isEqual(value, actual.value) { return nil }
                if label == "pack" { return "  pack: differs" }
                return "  \(label): expected \(expected.value), got \(actual.value)"
            }
        return lines.joined(separator: "\n")
    }

    private static func isEqual<Value: Equatable>(_ value: Value, _ other: Any) -> Bool {
        (other as? Value) == value
    }
}

/// The pack, sizes and measures the reducer tests share.
enum Fixtures {
    static let pack = PackLoader.defaultPack()

    static let size = Size(columns: 80, rows: 24)

    /// 40 rows of content in a 10-row window: offsets 0...30, a page of 9.
    static let fixedMeasure: Measure = { _ in Viewport(contentRows: 40, visibleRows: 10) }

    /// 40 rows of content in a window of the terminal's height less 4, so a resize moves the end.
    static let sizedMeasure: Measure = { state in Viewport(contentRows: 40, visibleRows: state.size.rows - 4) }

    /// A fresh app on the home screen.
    static func home(size: Size = size) -> AppState {
        AppState(pack: pack, size: size, dataFolder: "/data")
    }

    /// The app after `b` on home.
    static func browse(selection: Int = 0) -> AppState {
        var state = home()
        state.routes = [.home, .browse]
        state.browseSelection = selection
        return state
    }

    /// The app after opening contrast `index` from Browse.
    static func detail(_ index: Int, scroll: Int = 0) -> AppState {
        var state = browse(selection: index)
        state.routes = [.home, .browse, .detail]
        state.detail = DetailState(index: index, scroll: scroll)
        return state
    }

    /// The app after `a` on home.
    static func about(scroll: Int = 0) -> AppState {
        var state = home()
        state.homeSelection = .about
        state.routes = [.home, .about]
        state.aboutScroll = scroll
        return state
    }
}
