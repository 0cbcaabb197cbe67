import Foundation
import Testing
import TwoHatsCore
import TwoHatsStore

@Suite("History and resume")
struct HistoryTests {
    @Test func summariesAreNewestUpdatedFirstWithTheirRatings() throws {
        try withStore { store, _ in
            let old = UUID(), middle = UUID(), new = UUID()
            _ = try store.createReflection(id: old, packID: "default", packVersion: 1, at: moment(0))
            _ = try store.createReflection(id: middle, packID: "default", packVersion: 1, at: moment(10))
            _ = try store.createReflection(id: new, packID: "default", packVersion: 1, at: moment(20))
            // The oldest one is worked on last, so it comes first.
            try store.saveRating(reflection: old, contrastID: "vision", value: 6, at: moment(30))
            try store.saveRating(reflection: old, contrastID: "sell", value: 1, at: moment(31))
            try store.savePosition(reflection: old, position: Position(step: 3, line: 1, column: 1), at: moment(32))
            try store.saveAnswer(
                reflection: new, key: AnswerKey(contrastID: "vision", prompt: 0), promptText: "?", text: "x", at: moment(25)
            )
            try store.complete(reflection: new, at: moment(26))

            let summaries = try reflectionSummaries(store)
            #expect(summaries.map(\.id) == [old, new, middle])
            #expect(summaries[0] == ReflectionSummary(
                id: old, createdAt: moment(0), updatedAt: moment(32), completedAt: nil,
                ratings: ["vision": 6, "sell": 1], step: 3
            ))
            #expect(summaries[1] == ReflectionSummary(
                id: new, createdAt: moment(20), updatedAt: moment(26), completedAt: moment(26), ratings: [:], step: 0
            ))
            #expect(summaries[2].ratings.isEmpty)
        }
    }

    @Test func equalTimestampsListTheLaterInsertFirst() throws {
        try withStore { store, _ in
            let ids = (0..<4).map { _ in UUID() }
            for id in ids {
                _ = try store.createReflection(id: id, packID: "default", packVersion: 1, at: moment())
                _ = try store.createNote(id: id, contrastID: nil, at: moment())
            }
            #expect(try reflectionSummaries(store).map(\.id) == ids.reversed())
            #expect(try store.notes().map(\.id) == ids.reversed())
        }
    }

    @Test func anEmptyStoreHasNoHistory() throws {
        try withStore { store, _ throws in
            #expect(try reflectionSummaries(store).isEmpty)
            #expect(try store.latestUnfinished() == nil)
            #expect(try store.notes().isEmpty)
            #expect(try store.stats().isEmpty)
        }
    }

    @Test func latestUnfinishedIgnoresCompletedReflections() throws {
        try withStore { store, _ in
            let older = UUID(), newer = UUID(), done = UUID()
            _ = try store.createReflection(id: older, packID: "default", packVersion: 1, at: moment(0))
            _ = try store.createReflection(id: newer, packID: "default", packVersion: 1, at: moment(1))
            _ = try store.createReflection(id: done, packID: "default", packVersion: 1, at: moment(2))
            try store.saveRating(reflection: older, contrastID: "vision", value: 2, at: moment(5))
            try store.complete(reflection: done, at: moment(9))

            #expect(try store.latestUnfinished() == ReflectionSummary(
                id: older, createdAt: moment(0), updatedAt: moment(5), completedAt: nil, ratings: ["vision": 2], step: 0
            ))
            try store.complete(reflection: older, at: moment(10))
            #expect(try store.latestUnfinished()?.id == newer)
            try store.complete(reflection: newer, at: moment(11))
            #expect(try store.latestUnfinished() == nil)
        }
    }
}

/// The reflections of the whole history list, newest first.
private func reflectionSummaries(_ store: Store) throws -> [ReflectionSummary] {
    try store.historyPage(HistoryQuery(filter: nil, offset: 0, limit: Int.max)).entries.compactMap { entry in
        if case let .reflection(summary) = entry { summary } else { nil }
    }
}
