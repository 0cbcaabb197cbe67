import Foundation
import Testing
import TwoHatsContent
@testable import TwoHatsCore

private typealias R = ReflectionFixtures

@Suite("History and notes reducer")
struct HistoryReducerTests {
    static let older = Date(timeIntervalSince1970: 1_795_000_000)
    static let newer = older.addingTimeInterval(3_600)
    static let summary = ReflectionSummary(id: R.id, createdAt: older, updatedAt: older, completedAt: nil, ratings: ["vision-goals": 5], step: 4)
    static let note = Note(id: R.noteID, contrastID: "sell-tell", text: "Coach Sam\nsecond line", createdAt: newer)

    /// History open with one note (newer) and one reflection (older).
    static func history() -> AppState {
        var state = Fixtures.home()
        state.homeSelection = .history
        state.routes = [.home, .history]
        state.history.entries = [.note(note), .reflection(summary)]
        state.history.isLoaded = true
        return state
    }

    @Test func historyLoadsNewestFirst() {
        var state = Fixtures.home()
        state.routes = [.home, .history]
        var store = TestStore(state, measure: R.measure)
        store.send(.historyLoaded(reflections: [Self.summary], notes: [Self.note])) {
            $0.history.entries = [.note(Self.note), .reflection(Self.summary)]
            $0.history.isLoaded = true
        }
    }

    @Test func enterReadsANoteAndAReflectionIsLoadedFirst() {
        var store = TestStore(Self.history(), measure: R.measure)
        store.send(.enter) {
            $0.routes = [.home, .history, .entry]
            $0.history.open = .note(Self.note)
        }
        store.send(.escape) {
            $0.routes = [.home, .history]
            $0.history.open = nil
        }
        store.send(.down) { $0.history.selection = 1 }
        store.send(.enter, effects: [.loadReflection(R.id, forReading: true)])
        store.send(.reflectionLoaded(R.reflection)) {
            $0.routes = [.home, .history, .entry]
            $0.history.open = .reflection(R.reflection)
        }
        store.send(.pageDown) { $0.history.scroll = 9 }
    }

    @Test func eEditsANoteAndResumesAnUnfinishedReflection() {
        var store = TestStore(Self.history(), measure: R.measure)
        store.send("e") {
            $0.routes = [.home, .history, .note]
            $0.note = NoteSession(note: Self.note)
        }
        store.send(.escape, effects: [.flush, .loadHistory, .loadStats]) {
            $0.routes = [.home, .history]
            $0.note = nil
        }
        store.send(.down) { $0.history.selection = 1 }
        store.send("e", effects: [.loadReflection(R.id, forReading: false)]) { $0.routes = [.home] }
    }

    @Test func aNoteEditedFromItsEntryShowsTheNewTextThereAfterwards() {
        var store = TestStore(Self.history(), measure: R.measure)
        store.send(.enter) {
            $0.routes = [.home, .history, .entry]
            $0.history.open = .note(Self.note)
        }
        store.send("e") {
            $0.routes = [.home, .history, .entry, .note]
            $0.note = NoteSession(note: Self.note)
        }
        var edited = Self.note
        edited.text += "!"
        store.send("!", effects: [.save(.note(id: R.noteID, text: edited.text))]) {
            $0.note?.note = edited
            $0.note?.editor = TextEditor(text: edited.text, line: 1, column: 12)
        }
        store.send(.escape, effects: [.flush, .loadHistory, .loadStats]) {
            $0.routes = [.home, .history, .entry]
            $0.note = nil
            $0.history.open = .note(edited)
        }
    }

    @Test func aNoteEmptiedFromItsEntryClosesTheEntryToo() {
        var state = Self.history()
        state.routes = [.home, .history, .entry, .note]
        state.history.open = .note(Self.note)
        var emptied = Self.note
        emptied.text = ""
        state.note = NoteSession(note: emptied)
        var store = TestStore(state, measure: R.measure)
        store.send(.escape, effects: [.flush, .deleteNote(R.noteID), .loadHistory, .loadStats]) {
            $0.routes = [.home, .history]
            $0.note = nil
            $0.history.open = nil
        }
    }

    @Test func aFinishedReflectionIsNotEdited() {
        var state = Self.history()
        var finished = Self.summary
        finished.completedAt = Self.newer
        state.history.entries = [.reflection(finished)]
        var store = TestStore(state, measure: R.measure)
        store.send("e") { $0.status = Status("A finished reflection is kept as it was; start a new one with r from home.") }
    }

    @Test func deleteAsksFirstAndOnlyYDeletes() {
        var store = TestStore(Self.history(), measure: R.measure)
        store.send("d") { $0.history.confirmingDelete = true }
        store.send("n") {
            $0.history.confirmingDelete = false
            $0.status = Status("Nothing was deleted.")
        }
        store.send("d") {
            $0.status = nil
            $0.history.confirmingDelete = true
        }
        // q answers the question; it does not quit.
        store.send("q") {
            $0.history.confirmingDelete = false
            $0.status = Status("Nothing was deleted.")
        }
        store.send("d") {
            $0.status = nil
            $0.history.confirmingDelete = true
        }
        store.send("y", effects: [.deleteNote(R.noteID), .loadStats]) {
            $0.history.confirmingDelete = false
            $0.history.entries = [.reflection(Self.summary)]
            $0.status = Status("Deleted.")
        }
    }

    @Test func deletingTheOpenReflectionGoesBackAndForgetsTheResumeOffer() {
        var state = Self.history()
        state.resumable = Self.summary
        state.history.selection = 1
        state.history.open = .reflection(R.reflection)
        state.routes = [.home, .history, .entry]
        var store = TestStore(state, measure: R.measure)
        store.send("d") { $0.history.confirmingDelete = true }
        store.send("y", effects: [.deleteReflection(R.id), .loadStats]) {
            $0.history.confirmingDelete = false
            $0.history.open = nil
            $0.routes = [.home, .history]
            $0.history.entries = [.note(Self.note)]
            $0.history.selection = 0
            $0.resumable = nil
            $0.status = Status("Deleted.")
        }
    }

    @Test func slashFiltersByTextAndEscClearsIt() {
        var store = TestStore(Self.history(), measure: R.measure)
        store.send("/") { $0.history.isFiltering = true }
        for character in "SAM" {
            store.send(.character(character)) { $0.history.filter.append(character) }
        }
        #expect(store.state.history.visible(Fixtures.pack) == [.note(Self.note)])
        store.send(.backspace) { $0.history.filter = "SA" }
        store.send(.paste("m\nx")) { $0.history.filter = "SAmx" }
        #expect(store.state.history.visible(Fixtures.pack).isEmpty)
        store.send(.escape) {
            $0.history.filter = ""
            $0.history.isFiltering = false
        }
        store.send("/") { $0.history.isFiltering = true }
        store.send("i") { $0.history.filter = "i" }
        store.send(.enter) { $0.history.isFiltering = false }
        // "in progress" and "Coach Sam ... line" both hold an i.
        #expect(store.state.history.visible(Fixtures.pack).count == 2)
    }

    /// n on the detail of contrast 2, and the new empty note open.
    static func writingANote() -> TestStore {
        var store = TestStore(Fixtures.detail(1), measure: R.measure)
        store.send("n", effects: [.createNote(contrastID: "sell-tell")])
        let empty = Note(id: R.noteID, contrastID: "sell-tell", text: "", createdAt: older)
        store.send(.noteReady(empty)) {
            $0.routes = [.home, .browse, .detail, .note]
            $0.note = NoteSession(note: empty)
        }
        return store
    }

    @Test func nOnADetailWritesANoteThatSavesAsItIsTyped() {
        var store = Self.writingANote()
        store.send("?", effects: [.save(.note(id: R.noteID, text: "?"))]) {
            $0.note?.note.text = "?"
            $0.note?.editor = TextEditor(text: "?", line: 0, column: 1)
        }
        store.send(.function(1)) { $0.isHelpShown = true }
        store.send(.escape) { $0.isHelpShown = false }
        store.send(.control("s"), effects: [.flush, .loadStats]) {
            $0.routes = [.home, .browse, .detail]
            $0.note = nil
            $0.status = Status("Note saved.")
        }
    }

    @Test func aNoteLeftEmptyIsDeletedNotKept() {
        var store = Self.writingANote()
        store.send(" ", effects: [.save(.note(id: R.noteID, text: " "))]) {
            $0.note?.note.text = " "
            $0.note?.editor = TextEditor(text: " ", line: 0, column: 1)
        }
        store.send(.escape, effects: [.flush, .deleteNote(R.noteID), .loadStats]) {
            $0.routes = [.home, .browse, .detail]
            $0.note = nil
            $0.status = Status("The note was empty, so it was not kept.")
        }
    }

    @Test func quittingFromAnEmptyNoteDeletesIt() {
        var store = Self.writingANote()
        store.send(.interrupt, effects: [.flush, .deleteNote(R.noteID), .quit])
    }

    @Test func storageProblemsStayUntilAWriteSucceeds() {
        var store = TestStore(Fixtures.home(), measure: R.measure)
        store.send(.storeFailed("Not saved yet, retrying: disk full")) { $0.storeProblem = "Not saved yet, retrying: disk full" }
        store.send(.down) { $0.homeSelection = .reflect }
        store.send(.storeRecovered) { $0.storeProblem = nil }
    }

    @Test func anotherCopysChangesReloadWhatIsShown() {
        var store = TestStore(Self.history(), measure: R.measure)
        store.send(.changedElsewhere, effects: [.loadStats, .loadResumable, .loadHistory]) {
            $0.status = Status("Another copy of TwoHats saved changes; this window shows the latest.")
        }
    }
}
