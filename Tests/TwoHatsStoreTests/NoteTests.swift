import Foundation
import Testing
import TwoHatsCore
import TwoHatsStore

@Suite("Notes and stats")
struct NoteTests {
    @Test func notesRoundTripNewestEditedFirst() throws {
        try withStore { store, _ in
            let general = UUID(), about = UUID()
            let created = try store.createNote(id: general, contrastID: nil, at: moment(0))
            #expect(created == Note(id: general, contrastID: nil, text: "", createdAt: moment(0)))
            _ = try store.createNote(id: about, contrastID: "learn", at: moment(1))
            try store.saveNote(id: about, text: "Ask for feedback", at: moment(2))
            let text = "Two hats\n\twith a tab and ünïcödé"
            try store.saveNote(id: general, text: text, at: moment(3))

            #expect(try store.notes() == [
                Note(id: general, contrastID: nil, text: text, createdAt: moment(0), updatedAt: moment(3)),
                Note(id: about, contrastID: "learn", text: "Ask for feedback", createdAt: moment(1), updatedAt: moment(2)),
            ])
        }
    }

    @Test func deletingANoteRemovesOnlyThatNote() throws {
        try withStore { store, _ in
            let gone = UUID(), kept = UUID()
            _ = try store.createNote(id: gone, contrastID: "sell", at: moment(0))
            _ = try store.createNote(id: kept, contrastID: "sell", at: moment(1))
            try store.deleteNote(id: gone)
            #expect(try store.notes().map(\.id) == [kept])
            try store.deleteNote(id: gone)
            #expect(try store.notes().map(\.id) == [kept])
        }
    }

    @Test func savingAMissingNoteFails() throws {
        try withStore { store, file in
            let missing = UUID()
            let error = try #require(throws: StoreError.self) {
                try store.saveNote(id: missing, text: "lost?", at: moment())
            }
            guard case .writeFailed(let line) = error else {
                Issue.record("expected writeFailed, got \(error)")
                return
            }
            #expect(line.contains(missing.uuidString.lowercased()))
            #expect(line.contains(file.path))
            #expect(try store.notes().isEmpty)
        }
    }

    @Test func statsCountNotesAndTakeTheRatingOfTheLatestUpdatedReflection() throws {
        try withStore { store, _ in
            for (index, contrast) in ["vision", "vision", "sell", nil].enumerated() {
                _ = try store.createNote(id: UUID(), contrastID: contrast, at: moment(Int64(index)))
            }
            let first = UUID(), second = UUID()
            _ = try store.createReflection(id: first, packID: "default", packVersion: 1, at: moment(10))
            _ = try store.createReflection(id: second, packID: "default", packVersion: 1, at: moment(20))
            try store.saveRating(reflection: first, contrastID: "vision", value: 2, at: moment(21))
            try store.saveRating(reflection: first, contrastID: "learn", value: 6, at: moment(22))
            try store.saveRating(reflection: second, contrastID: "vision", value: 5, at: moment(23))

            #expect(try store.stats() == [
                "vision": ContrastStats(noteCount: 2, lastRating: 5),
                "sell": ContrastStats(noteCount: 1, lastRating: nil),
                "learn": ContrastStats(noteCount: 0, lastRating: 6),
            ])

            // Working on the first reflection again makes it the latest one.
            try store.savePosition(reflection: first, position: Position(step: 2), at: moment(30))
            #expect(try store.stats()["vision"] == ContrastStats(noteCount: 2, lastRating: 2))

            try store.deleteReflection(id: first)
            #expect(try store.stats()["vision"] == ContrastStats(noteCount: 2, lastRating: 5))
            #expect(try store.stats()["learn"] == nil)
        }
    }
}
