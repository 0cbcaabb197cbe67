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

    /// Three screens of 24 rows from the newest entry, unfiltered.
    static let firstWindow = HistoryQuery(filter: nil, offset: 0, limit: 72)
    static let titles = Dictionary(uniqueKeysWithValues: Fixtures.pack.contrasts.map { ($0.id, $0.title) })

    static func filtered(_ needle: String) -> HistoryQuery {
        HistoryQuery(filter: HistoryFilter(needle: needle, titles: titles), offset: 0, limit: 72)
    }

    /// History open with one note (newer) and one reflection (older).
    static func history() -> AppState {
        var state = Fixtures.home()
        state.homeSelection = .history
        state.routes = [.home, .history]
        state.history.entries = [.note(note), .reflection(summary)]
        state.history.total = 2
        state.history.isLoaded = true
        return state
    }

    /// `count` notes, a minute apart, the newest first.
    static func notes(_ count: Int) -> [HistoryEntry] {
        (0..<count).map { index in
            .note(Note(id: UUID(), contrastID: nil, text: "note \(index)", createdAt: newer.addingTimeInterval(Double(-60 * index))))
        }
    }

    @Test func historyOpensOnTheFirstWindowOfTheList() {
        var state = Fixtures.home()
        state.homeSelection = .history
        var store = TestStore(state, measure: R.measure)
        store.send(.enter, effects: [.loadHistory(Self.firstWindow)]) { $0.routes = [.home, .history] }
        let page = HistoryPage(query: Self.firstWindow, total: 2, entries: [.note(Self.note), .reflection(Self.summary)])
        store.send(.historyLoaded(page)) {
            $0.history.entries = [.note(Self.note), .reflection(Self.summary)]
            $0.history.total = 2
            $0.history.isLoaded = true
        }
    }

    /// Only a window of a long history is read; moving towards its edge reads the next one.
    /// History holding 500 notes, the first window of 72 read.
    private static func longHistory() -> (all: [HistoryEntry], state: AppState) {
        let all = notes(500)
        var state = history()
        state.history.entries = Array(all[0..<72])
        state.history.total = 500
        return (all, state)
    }

    @Test func movingPastTheLoadedWindowReadsTheNextOne() {
        let (all, state) = Self.longHistory()
        var store = TestStore(state, measure: R.measure)
        for row in 1...47 {
            store.send(.down) { $0.history.selection = row }
        }
        let next = HistoryQuery(filter: nil, offset: 12, limit: 72)
        store.send(.down, effects: [.loadHistory(next)]) { $0.history.selection = 48 }
        store.send(.historyLoaded(HistoryPage(query: next, total: 500, entries: Array(all[12..<84])))) {
            $0.history.entries = Array(all[12..<84])
            $0.history.offset = 12
        }
        let last = HistoryQuery(filter: nil, offset: 463, limit: 72)
        store.send(.end, effects: [.loadHistory(last)]) { $0.history.selection = 499 }
        store.send(.historyLoaded(HistoryPage(query: last, total: 500, entries: Array(all[463...])))) {
            $0.history.entries = Array(all[463...])
            $0.history.offset = 463
        }
        store.send(.up) { $0.history.selection = 498 }
        #expect(store.state.history.entry(at: 498) == all[498])
        #expect(store.state.history.entry(at: 12) == nil)
    }

    @Test func aTallerScreenReadsMoreRows() {
        var store = TestStore(Self.longHistory().state, measure: R.measure)
        let tall = Size(columns: 80, rows: 100)
        store.send(.resize(tall), effects: [.loadHistory(HistoryQuery(filter: nil, offset: 0, limit: 300))]) { $0.size = tall }
    }

    @Test func aPageForAFilterSinceChangedIsIgnored() {
        var state = Self.history()
        state.history.filter = "sam"
        var store = TestStore(state, measure: R.measure)
        store.send(.historyLoaded(HistoryPage(query: Self.filtered("sa"), total: 0, entries: [])))
        store.send(.historyLoaded(HistoryPage(query: Self.filtered("sam"), total: 1, entries: [.note(Self.note)]))) {
            $0.history.entries = [.note(Self.note)]
            $0.history.total = 1
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
        store.send(.escape, effects: [.flush, .loadHistory(Self.firstWindow), .loadStats]) {
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
        store.send("!", effects: [.save(.note(id: R.noteID, lines: TextLines(splitting: edited.text)))]) {
            $0.note?.editor = TextEditor(text: edited.text, line: 1, column: 12)
        }
        store.send(.escape, effects: [.flush, .loadHistory(Self.firstWindow), .loadStats]) {
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
        store.send(.escape, effects: [.flush, .deleteNote(R.noteID), .loadHistory(Self.firstWindow), .loadStats]) {
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
        store.send("y", effects: [.deleteNote(R.noteID), .loadHistory(Self.firstWindow), .loadStats]) {
            $0.history.confirmingDelete = false
            $0.history.entries = [.reflection(Self.summary)]
            $0.history.total = 1
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
        store.send("y", effects: [.deleteReflection(R.id), .loadHistory(Self.firstWindow), .loadStats]) {
            $0.history.confirmingDelete = false
            $0.history.open = nil
            $0.routes = [.home, .history]
            $0.history.entries = [.note(Self.note)]
            $0.history.total = 1
            $0.history.selection = 0
            $0.resumable = nil
            $0.status = Status("Deleted.")
        }
    }

    @Test func slashFiltersInTheStoreFromTheTopAndEscClearsIt() {
        var state = Self.history()
        state.history.selection = 1
        var store = TestStore(state, measure: R.measure)
        store.send("/") { $0.history.isFiltering = true }
        store.send("S", effects: [.loadHistory(Self.filtered("S"))]) {
            $0.history.filter = "S"
            $0.history.selection = 0
        }
        store.send("A", effects: [.loadHistory(Self.filtered("SA"))]) { $0.history.filter = "SA" }
        store.send(.backspace, effects: [.loadHistory(Self.filtered("S"))]) { $0.history.filter = "S" }
        store.send(.paste("m\nx"), effects: [.loadHistory(Self.filtered("Smx"))]) { $0.history.filter = "Smx" }
        // Blanks alone are no filter.
        store.send(.control("u"), effects: [.loadHistory(Self.firstWindow)]) { $0.history.filter = "" }
        store.send(" ", effects: [.loadHistory(Self.firstWindow)]) { $0.history.filter = " " }
        store.send(.enter) { $0.history.isFiltering = false }
        store.send("/") { $0.history.isFiltering = true }
        store.send(.escape, effects: [.loadHistory(Self.firstWindow)]) {
            $0.history.filter = ""
            $0.history.isFiltering = false
        }
    }

    @Test func theFilterMatchesANoteByItsTextOrContrastAndAReflectionByItsStatus() {
        let filter = { (needle: String) in HistoryFilter(needle: needle, titles: Self.titles) }
        #expect(filter("SAM").matchesNote(contrastID: "sell-tell", text: Self.note.text))
        #expect(filter("sell").matchesNote(contrastID: "sell-tell", text: "nothing alike"))
        #expect(filter("café").matchesNote(contrastID: nil, text: "Cafe with the team"))
        #expect(!filter("SAmx").matchesNote(contrastID: "sell-tell", text: Self.note.text))
        #expect(!filter("sell").matchesNote(contrastID: "no-such-contrast", text: "nothing alike"))
        #expect(filter("progress").matchesReflection(complete: false))
        #expect(!filter("progress").matchesReflection(complete: true))
        #expect(filter("reflection").matchesReflection(complete: true))
        #expect(!filter("note").matchesReflection(complete: false))
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
        store.send("?", effects: [.save(.note(id: R.noteID, lines: ["?"]))]) {
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
        store.send(" ", effects: [.save(.note(id: R.noteID, lines: [" "]))]) {
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

    @Test func theTimeZoneFoundAfterTheFirstFrameDatesWhatFollows() throws {
        var store = TestStore(Fixtures.home(), measure: R.measure)
        let zone = try #require(TimeZone(identifier: "Pacific/Auckland"))
        store.send(.timeZoneFound(zone)) { $0.timeZone = zone }
    }

    @Test func anotherCopysChangesReloadWhatIsShown() {
        var store = TestStore(Self.history(), measure: R.measure)
        store.send(.changedElsewhere, effects: [.loadStats, .loadResumable, .loadHistory(Self.firstWindow)]) {
            $0.status = Status("Another copy of TwoHats saved changes; this window shows the latest.")
        }
    }
}
