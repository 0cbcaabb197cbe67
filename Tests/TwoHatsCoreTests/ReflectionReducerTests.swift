import Foundation
import Testing
import TwoHatsContent
@testable import TwoHatsCore

/// Fixtures for the reflection, notes and history: fixed ids and dates, and a measure with a
/// 40x5 text field.
enum ReflectionFixtures {
    static let id = UUID(uuidString: "11111111-2222-3333-4444-555555555555")!
    static let noteID = UUID(uuidString: "99999999-2222-3333-4444-555555555555")!
    static let created = Date(timeIntervalSince1970: 1_795_000_000)
    static let field = Size(columns: 40, rows: 5)
    static let measure: Measure = { _ in Viewport(contentRows: 40, visibleRows: 10, field: field) }

    static var reflection: Reflection {
        Reflection(id: id, packID: "default", packVersion: 1, createdAt: created)
    }

    /// The app with `reflection` open at `step`.
    static func reflecting(at step: Int = 0, _ reflection: Reflection = reflection) -> AppState {
        var state = Fixtures.home()
        state.homeSelection = .reflect
        var session = ReflectionSession(reflection: reflection, pack: Fixtures.pack)
        session.step = step
        session.editor = TextEditor(text: session.text(of: session.currentStep, in: Fixtures.pack), line: .max, column: .max)
        session.focusSelection = session.suggestedFocus(in: Fixtures.pack)
        state.reflection = session
        state.routes = [.home, .reflection]
        return state
    }

    static func position(_ step: Int, _ line: Int = 0, _ column: Int = 0) -> Effect {
        .save(.position(reflection: id, Position(step: step, line: line, column: column)))
    }

    static let firstPrompt = Fixtures.pack.contrasts[0].prompts[0]
    static let firstAnswer = AnswerKey(contrastID: "vision-goals", prompt: 0)
}

private typealias R = ReflectionFixtures

@Suite("Reflection reducer")
struct ReflectionReducerTests {
    @Test func reflectStartsANewReflectionAndItsReadinessOpensTheIntro() {
        var store = TestStore(Fixtures.home(), measure: R.measure)
        store.send("r", effects: [.startReflection]) { $0.homeSelection = .reflect }
        store.send(.reflectionReady(R.reflection)) {
            $0.routes = [.home, .reflection]
            var session = ReflectionSession(reflection: R.reflection, pack: Fixtures.pack)
            session.focusSelection = 0
            $0.reflection = session
        }
    }

    @Test func anUnfinishedReflectionIsResumedInsteadOfStarted() {
        var state = Fixtures.home()
        let summary = ReflectionSummary(id: R.id, createdAt: R.created, updatedAt: R.created, completedAt: nil, ratings: [:], step: 3)
        state.resumable = summary
        var store = TestStore(state, measure: R.measure)
        store.send("r", effects: [.loadReflection(R.id, forReading: false)]) { $0.homeSelection = .reflect }
        var saved = R.reflection
        saved.answers[AnswerKey(contrastID: "vision-goals", prompt: 1)] = "line one\nline two"
        saved.position = Position(step: 3, line: 1, column: 4)
        store.send(.reflectionReady(saved)) {
            $0.routes = [.home, .reflection]
            $0.resumable = nil
            var session = ReflectionSession(reflection: saved, pack: Fixtures.pack)
            session.editor = TextEditor(text: "line one\nline two", line: 1, column: 4)
            session.editor.reveal(width: R.field.columns, height: R.field.rows)
            session.focusSelection = 0
            $0.reflection = session
        }
        #expect(store.state.reflection?.step == 3)
        #expect(store.state.reflection?.editor.cursor == TextCursor(line: 1, column: 4))
    }

    @Test func theIntroScrollsWhenTallerThanTheScreenAndTheNextStepStartsAtTheTop() {
        var store = TestStore(R.reflecting(at: 0), measure: R.measure)
        store.send(.down) { $0.reflection?.scroll = 1 }
        store.send(.end) { $0.reflection?.scroll = 30 }
        store.send(.pageDown)
        store.send(.enter, effects: [R.position(1), .flush]) {
            $0.reflection?.step = 1
            $0.reflection?.scroll = 0
        }
    }

    @Test func theSummaryScrollsAndEnterStillGoesHome() {
        let summary = ReflectionStep.steps(for: Fixtures.pack).count - 1
        var store = TestStore(R.reflecting(at: summary), measure: R.measure)
        store.send(.pageDown) { $0.reflection?.scroll = 9 }
        store.send(.home) { $0.reflection?.scroll = 0 }
        store.send(.enter, effects: [.flush, .loadResumable, .loadStats]) {
            $0.reflection = nil
            $0.routes = [.home]
            $0.homeSelection = .history
        }
    }

    @Test func enterOnTheIntroMovesToTheFirstRating() {
        var store = TestStore(R.reflecting(at: 0), measure: R.measure)
        store.send(.enter, effects: [R.position(1), .flush]) { $0.reflection?.step = 1 }
    }

    @Test func theRatingMarkerMovesClampsAndSaves() {
        var store = TestStore(R.reflecting(at: 1), measure: R.measure)
        let save = { (value: Int) in Effect.save(.rating(reflection: R.id, contrastID: "vision-goals", value: value)) }
        store.send(.right, effects: [save(5)]) { $0.reflection?.reflection.ratings["vision-goals"] = 5 }
        store.send("l", effects: [save(6)]) { $0.reflection?.reflection.ratings["vision-goals"] = 6 }
        store.send(.right, effects: [save(7)]) { $0.reflection?.reflection.ratings["vision-goals"] = 7 }
        store.send(.right, effects: [save(7)])
        store.send("2", effects: [save(2)]) { $0.reflection?.reflection.ratings["vision-goals"] = 2 }
        store.send(.home, effects: [save(1)]) { $0.reflection?.reflection.ratings["vision-goals"] = 1 }
        store.send(.left, effects: [save(1)])
        store.send("9")
        store.send(.enter, effects: [R.position(2), .flush]) {
            $0.reflection?.step = 2
            $0.reflection?.editor = TextEditor()
        }
    }

    @Test func enterOrTabOnAnUnratedScaleConfirmsTheMiddle() {
        var store = TestStore(R.reflecting(at: 1), measure: R.measure)
        store.send(.tab, effects: [.save(.rating(reflection: R.id, contrastID: "vision-goals", value: 4)), R.position(2), .flush]) {
            $0.reflection?.reflection.ratings["vision-goals"] = 4
            $0.reflection?.step = 2
        }
    }

    @Test func typingIntoAnAnswerSavesTheTextAndTheCursor() {
        var store = TestStore(R.reflecting(at: 2), measure: R.measure)
        store.send("H", effects: [.save(.answer(reflection: R.id, key: R.firstAnswer, prompt: R.firstPrompt, text: "H")), R.position(2, 0, 1)]) {
            $0.reflection?.reflection.answers[R.firstAnswer] = "H"
            $0.reflection?.editor = TextEditor(text: "H", line: 0, column: 1)
        }
        store.send(.enter, effects: [.save(.answer(reflection: R.id, key: R.firstAnswer, prompt: R.firstPrompt, text: "H\n")), R.position(2, 1, 0)]) {
            $0.reflection?.reflection.answers[R.firstAnswer] = "H\n"
            $0.reflection?.editor = TextEditor(text: "H\n", line: 1, column: 0)
        }
        // q and ? are text in a field, not commands.
        store.send("q", effects: [.save(.answer(reflection: R.id, key: R.firstAnswer, prompt: R.firstPrompt, text: "H\nq")), R.position(2, 1, 1)]) {
            $0.reflection?.reflection.answers[R.firstAnswer] = "H\nq"
            $0.reflection?.editor = TextEditor(text: "H\nq", line: 1, column: 1)
        }
        store.send(.left, effects: [R.position(2, 1, 0)]) {
            $0.reflection?.editor = TextEditor(text: "H\nq", line: 1, column: 0)
        }
    }

    @Test func aPasteGoesInAsTextWithoutFiringKeys() {
        var store = TestStore(R.reflecting(at: 2), measure: R.measure)
        let text = "q?\nb"
        store.send(.paste("q?\r\nb\u{1B}"), effects: [.save(.answer(reflection: R.id, key: R.firstAnswer, prompt: R.firstPrompt, text: text)), R.position(2, 1, 1)]) {
            $0.reflection?.reflection.answers[R.firstAnswer] = text
            $0.reflection?.editor = TextEditor(text: text, line: 1, column: 1)
        }
    }

    @Test func tabAndShiftTabMoveBetweenStepsAndCtrlSSavesAndMovesOn() {
        var answered = R.reflection
        answered.answers[AnswerKey(contrastID: "vision-goals", prompt: 1)] = "second"
        var store = TestStore(R.reflecting(at: 2, answered), measure: R.measure)
        store.send(.tab, effects: [R.position(3, 0, 6), .flush]) {
            $0.reflection?.step = 3
            $0.reflection?.editor = TextEditor(text: "second", line: 0, column: 6)
        }
        store.send(.backTab, effects: [R.position(2), .flush]) {
            $0.reflection?.step = 2
            $0.reflection?.editor = TextEditor()
        }
        store.send(.control("s"), effects: [R.position(3, 0, 6), .flush]) {
            $0.reflection?.step = 3
            $0.reflection?.editor = TextEditor(text: "second", line: 0, column: 6)
        }
    }

    @Test func shiftTabOnTheIntroStaysPut() {
        var store = TestStore(R.reflecting(at: 0), measure: R.measure)
        store.send(.backTab)
    }

    @Test func escPausesKeepsThePositionAndOffersToResume() {
        var state = R.reflecting(at: 2)
        state.reflection?.editor = TextEditor(text: "abc", line: 0, column: 2)
        var store = TestStore(state, measure: R.measure)
        store.send(.escape, effects: [R.position(2, 0, 2), .flush, .loadResumable, .loadStats]) {
            $0.reflection = nil
            $0.routes = [.home]
            $0.status = Status("Paused. Everything you wrote is saved; press r to resume.")
        }
    }

    @Test func ctrlCInAReflectionKeepsThePositionAndQuits() {
        var state = R.reflecting(at: 2)
        state.reflection?.editor = TextEditor(text: "abc", line: 0, column: 1)
        var store = TestStore(state, measure: R.measure)
        store.send(.control("c"), effects: [R.position(2, 0, 1), .flush, .quit])
        store.send(.interrupt, effects: [R.position(2, 0, 1), .flush, .quit])
    }

    @Test func ctrlEAsksForTheExternalEditorAndItsTextComesBack() {
        var state = R.reflecting(at: 2)
        state.reflection?.editor = TextEditor(text: "draft", line: 0, column: 5)
        var store = TestStore(state, measure: R.measure)
        store.send(.control("e"), effects: [.editExternally("draft")])
        store.send(.externalEditFinished("draft\nmore"), effects: [
            .save(.answer(reflection: R.id, key: R.firstAnswer, prompt: R.firstPrompt, text: "draft\nmore")), R.position(2, 1, 4),
        ]) {
            $0.reflection?.reflection.answers[R.firstAnswer] = "draft\nmore"
            $0.reflection?.editor = TextEditor(text: "draft\nmore", line: 1, column: 4)
        }
        store.send(.externalEditFailed("The editor exited with status 1; the text was left as it was.")) {
            $0.status = Status("The editor exited with status 1; the text was left as it was.", tone: .error)
        }
    }

    @Test func altBMovesByWordInAFieldAndIsEscThenBElsewhere() {
        var state = R.reflecting(at: 2)
        state.reflection?.editor = TextEditor(text: "one two", line: 0, column: 7)
        var store = TestStore(state, measure: R.measure)
        store.send(.alt("b"), effects: [R.position(2, 0, 4)]) {
            $0.reflection?.editor = TextEditor(text: "one two", line: 0, column: 4)
        }
        var detail = TestStore(Fixtures.detail(1), measure: R.measure)
        detail.send(.alt("b")) { $0.routes = [.home, .browse] }
        var home = TestStore(Fixtures.home(), measure: R.measure)
        home.send(.alt("x"), effects: [.quit])
    }

    // MARK: Review, focus, commitment, summary

    /// Every rating given and the first answer written, on the review step.
    static func reviewing() -> AppState {
        var reflection = R.reflection
        for (index, contrast) in Fixtures.pack.contrasts.enumerated() { reflection.ratings[contrast.id] = [5, 3, 2, 6, 2][index] }
        reflection.answers[R.firstAnswer] = "why first"
        let steps = ReflectionStep.steps(for: Fixtures.pack)
        return R.reflecting(at: steps.firstIndex(of: .review)!, reflection)
    }

    @Test func reviewListsEveryRatingAndAnswerAndEnterReopensOne() {
        var store = TestStore(Self.reviewing(), measure: R.measure)
        let review = store.state.reflection!.step
        store.send(.up)
        store.send(.down) { $0.reflection?.reviewSelection = 1 }
        store.send(.enter, effects: [R.position(2, 0, 9), .flush]) {
            $0.reflection?.step = 2
            $0.reflection?.editor = TextEditor(text: "why first", line: 0, column: 9)
        }
        store.send(.end)
        #expect(store.state.reflection?.reviewTargets.count == 26)
        #expect(review == 26)
    }

    @Test func focusSuggestsTheLowestRatingAndEnterMakesTheCommitment() {
        var store = TestStore(Self.reviewing(), measure: R.measure)
        let due = R.created.addingTimeInterval(28 * 86_400)
        store.send(.tab, effects: [R.position(27), .flush]) {
            $0.reflection?.step = 27
            $0.reflection?.focusSelection = 2
        }
        store.send(.down) { $0.reflection?.focusSelection = 3 }
        store.send("5") { $0.reflection?.focusSelection = 4 }
        let commitment = Commitment(contrastID: "innovation-status-quo", text: "", dueDate: due)
        store.send(.enter, effects: [.save(.commitment(reflection: R.id, commitment)), R.position(28), .flush]) {
            $0.reflection?.reflection.commitment = commitment
            $0.reflection?.step = 28
        }
        var written = commitment
        written.text = "A"
        store.send("A", effects: [.save(.commitment(reflection: R.id, written)), R.position(28, 0, 1)]) {
            $0.reflection?.reflection.commitment = written
            $0.reflection?.editor = TextEditor(text: "A", line: 0, column: 1)
        }
        store.send(.tab, effects: [.save(.complete(reflection: R.id)), R.position(29), .flush]) {
            $0.reflection?.step = 29
            $0.reflection?.editor = TextEditor()
        }
        store.send(.enter, effects: [.flush, .loadResumable, .loadStats]) {
            $0.reflection = nil
            $0.routes = [.home]
            $0.homeSelection = .history
        }
    }
}
