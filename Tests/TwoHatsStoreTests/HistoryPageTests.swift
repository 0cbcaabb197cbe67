import Foundation
import Testing
import TwoHatsCore
import TwoHatsStore

@Suite("History pages")
struct HistoryPageTests {
    static let titles = ["sell-tell": "Sell ↔ Tell", "vision-goals": "Vision ↔ Goals"]

    static func query(_ needle: String? = nil, offset: Int = 0, limit: Int = 100) -> HistoryQuery {
        HistoryQuery(filter: needle.map { HistoryFilter(needle: $0, titles: titles) }, offset: offset, limit: limit)
    }

    /// Reflections and notes alternating a second apart, so the newest first interleaves them.
    static func fill(_ store: Store, pairs: Int) throws -> [UUID] {
        var newestFirst: [UUID] = []
        for index in 0..<pairs {
            let reflection = UUID(), note = UUID()
            _ = try store.createReflection(id: reflection, packID: "default", packVersion: 1, at: moment(Int64(2 * index)))
            _ = try store.createNote(id: note, contrastID: "sell-tell", at: moment(Int64(2 * index + 1)))
            newestFirst = [note, reflection] + newestFirst
        }
        return newestFirst
    }

    @Test func aPageIsAWindowOfReflectionsAndNotesTogetherNewestFirst() throws {
        try withStore { store, _ in
            let all = try Self.fill(store, pairs: 30)
            let first = try store.historyPage(Self.query(limit: 7))
            #expect(first.total == 60)
            #expect(first.entries.map(\.id) == Array(all[0..<7]))
            let middle = try store.historyPage(Self.query(offset: 25, limit: 10))
            #expect(middle.entries.map(\.id) == Array(all[25..<35]))
            let last = try store.historyPage(Self.query(offset: 55, limit: 10))
            #expect(last.entries.map(\.id) == Array(all[55...]))
            #expect(try store.historyPage(Self.query(offset: 60, limit: 10)).entries.isEmpty)
        }
    }

    @Test func reflectionsComeWithTheirRatingsAndNotesWithTheirText() throws {
        try withStore { store, _ in
            let reflection = UUID(), note = UUID()
            _ = try store.createReflection(id: reflection, packID: "default", packVersion: 1, at: moment(0))
            try store.saveRating(reflection: reflection, contrastID: "vision-goals", value: 6, at: moment(1))
            try store.savePosition(reflection: reflection, position: Position(step: 2, line: 0, column: 0), at: moment(2))
            _ = try store.createNote(id: note, contrastID: nil, at: moment(3))
            try store.saveNote(id: note, text: "Ask Ana about the roadmap", at: moment(4))
            let page = try store.historyPage(Self.query())
            #expect(page.entries == [
                .note(Note(id: note, contrastID: nil, text: "Ask Ana about the roadmap", createdAt: moment(3), updatedAt: moment(4))),
                .reflection(ReflectionSummary(
                    id: reflection, createdAt: moment(0), updatedAt: moment(2), completedAt: nil, ratings: ["vision-goals": 6], step: 2
                )),
            ])
        }
    }

    @Test func theFilterMatchesNotesByTextOrContrastAndReflectionsByStatus() throws {
        try withStore { store, _ in
            let open = UUID(), done = UUID(), coffee = UUID(), vision = UUID()
            _ = try store.createReflection(id: open, packID: "default", packVersion: 1, at: moment(0))
            _ = try store.createReflection(id: done, packID: "default", packVersion: 1, at: moment(1))
            try store.complete(reflection: done, at: moment(2))
            _ = try store.createNote(id: coffee, contrastID: "sell-tell", at: moment(3))
            try store.saveNote(id: coffee, text: "Café with Jo", at: moment(4))
            _ = try store.createNote(id: vision, contrastID: "vision-goals", at: moment(5))
            try store.saveNote(id: vision, text: "Draw the map", at: moment(6))

            func ids(_ needle: String) throws -> [UUID] {
                let page = try store.historyPage(Self.query(needle))
                #expect(page.total == page.entries.count)
                return page.entries.map(\.id)
            }
            #expect(try ids("CAFE") == [coffee])
            #expect(try ids("tell") == [coffee])
            #expect(try ids("note") == [vision, coffee])
            #expect(try ids("in progress") == [open])
            #expect(try ids("complete") == [done])
            #expect(try ids("reflection") == [done, open])
            #expect(try ids("nothing like it").isEmpty)
        }
    }

    @Test func aFilteredPageIsAWindowOfTheMatchesAlone() throws {
        try withStore { store, _ in
            let all = try Self.fill(store, pairs: 20)
            let notes = all.enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
            let page = try store.historyPage(Self.query("sell", offset: 5, limit: 4))
            #expect(page.total == 20)
            #expect(page.entries.map(\.id) == Array(notes[5..<9]))
        }
    }
}
