import PropertyBased
import Testing
import TwoHatsCore
import TwoHatsUI

/// Random sessions of keys, pastes and resizes through the real reducer and measure, with
/// effects answered by a fake store: every state stays valid and renders to a whole, untorn
/// grid of its size, across browsing, reflections, notes and history.
@Suite("Random sessions")
struct RandomEventTests {
    static let keys: [Key] = [
        .up, .down, .left, .right, .home, .end, .pageUp, .pageDown, .enter, .escape, .tab, .backTab,
        .backspace, .delete, .wordLeft, .wordRight, .function(1), .function(2), .control("c"), .control("s"),
        .control("e"), .control("w"), .control("u"), .alt("b"), .alt("q"),
    ] + "qbrhaljkgG ?0123456xnyed/é日👍🏽".map(Key.character)

    static let keyEvent = Gen.int(in: 0...(keys.count - 1)).map { Event.key(keys[$0]) }
    static let size = zip(Gen.int(in: 1...300), Gen.int(in: 1...100)).map { Size(columns: $0, rows: $1) }
    static let otherEvent = Gen.int(in: 0...3).map { index -> Event in
        [.paste("q"), .paste("1\n?\u{1B}[31m"), .interrupt, .paste("")][index]
    }

    static let event = Gen.frequency(
        (weight: 16, gen: keyEvent),
        (weight: 3, gen: size.map(Event.resize)),
        (weight: 1, gen: otherEvent)
    )

    /// The route stacks a user can build.
    static let stacks: [[Route]] = [
        [.home], [.home, .browse], [.home, .browse, .detail], [.home, .about], [.home, .reflection],
        [.home, .history], [.home, .history, .entry], [.home, .history, .note], [.home, .history, .entry, .note],
        [.home, .browse, .detail, .note],
    ]

    @Test func invariantsHoldAfterEveryEvent() async {
        await propertyCheck(count: 300, input: Self.size, Self.event.array(of: 0...200)) { start, events in
            var state = Screens.state(start)
            var world = FakeWorld(pack: Screens.pack)
            Self.check(state, after: "start at \(start)")
            for (step, event) in events.enumerated() {
                let before = state
                Self.apply(event, to: &state, in: &world)
                // Rendering is a function of the state: a state already checked needs no second look.
                if state != before, !Self.check(state, after: "event \(step): \(event)") { return }
            }
        }
    }

    /// Reduces `event`, and the events its effects answer with, as the run loop does.
    static func apply(_ event: Event, to state: inout AppState, in world: inout FakeWorld, reducer: AppReducer = Screens.reducer) {
        var queue = [event]
        while !queue.isEmpty {
            for effect in reducer.reduce(&state, queue.removeFirst()) {
                queue += world.perform(effect)
            }
        }
    }

    /// Checks one state; false after the first failure, so a bad run reports once.
    @discardableResult
    static func check(_ state: AppState, after event: String) -> Bool {
        let problems = problems(in: state, measure: Renderer.measure, drawing: true)
        #expect(problems.isEmpty, "after \(event) at \(state.size) on \(state.route): \(problems)")
        return problems.isEmpty
    }

    /// What is wrong with `state` (scrolled as `measure` lays it out) and, when `drawing`, with its frame.
    static func problems(in state: AppState, measure: Measure, drawing: Bool) -> [String] {
        let count = state.pack.contrasts.count
        var problems: [String] = []
        if !Self.stacks.contains(state.routes) { problems.append("routes \(state.routes)") }
        if !(0..<count).contains(state.browseSelection) { problems.append("browseSelection \(state.browseSelection)") }
        if !(0..<count).contains(state.detail.index) { problems.append("detail.index \(state.detail.index)") }
        if state.detail.scroll < 0 || state.aboutScroll < 0 { problems.append("negative scroll") }
        let scroll: Int? = switch state.route {
        case .detail: state.detail.scroll
        case .about: state.aboutScroll
        case .entry: state.history.scroll
        case .home, .browse, .reflection, .history, .note: nil
        }
        if let session = state.reflection {
            if !session.steps.indices.contains(session.step) { problems.append("reflection step \(session.step)") }
            let cursor = session.editor.cursor
            if !session.editor.lines.indices.contains(cursor.line)
                || !(0...session.editor.lines[cursor.line].count).contains(cursor.column) {
                problems.append("editor cursor \(cursor)")
            }
            if session.reflection.ratings.values.contains(where: { !Reflection.ratingRange.contains($0) }) {
                problems.append("rating out of range")
            }
        }
        if state.route == .reflection, state.reflection == nil { problems.append("reflection route without a session") }
        if state.route == .note, state.note == nil { problems.append("note route without a note") }
        if state.route == .history, case let visible = state.history.total,
           visible > 0, !(0..<visible).contains(state.history.selection) {
            problems.append("history selection \(state.history.selection) of \(visible)")
        }
        if let scroll, case let maxScroll = measure(state).maxScroll, !(0...maxScroll).contains(scroll) {
            problems.append("scroll \(scroll) outside 0...\(maxScroll)")
        }
        guard drawing else { return problems }
        let grid = Renderer.render(state)
        if grid.size != state.size { problems.append("grid \(grid.size) for \(state.size)") }
        if grid.cells.count != state.size.columns * state.size.rows { problems.append("\(grid.cells.count) cells") }
        problems += grid.tears.prefix(3)
        if state.size.isUsable, grid.isBlank(row: state.size.rows - 1) {
            problems.append("no footer")
        }
        return problems
    }
}

/// Cases the random sessions found, kept as plain tests.
@Suite("Random session regressions")
struct RandomSessionRegressionTests {
    /// A resize while a note was open left the detail behind it scrolled past its new end.
    @Test func aResizeOnTheNoteScreenKeepsTheDetailScrollInRange() {
        var state = Screens.state(.narrow, keys: [.character("1"), .character("G")])
        var world = FakeWorld(pack: Screens.pack)
        for event in [Event.key(.character("n")), .resize(Size(columns: 40, rows: 13)), .key(.escape)] {
            RandomEventTests.apply(event, to: &state, in: &world)
        }
        #expect(state.route == .detail)
        #expect(state.detail.scroll == Renderer.measure(state).maxScroll)
    }
}
