import Foundation
import Testing
import TwoHatsContent
import TwoHatsDefaultPack
import TwoHatsCore
import TwoHatsExport
import TwoHatsStore

@Suite("Reading everything and merging it back")
struct TransferTests {
    /// A store filled through the app's own saves: a complete reflection, one in progress, two notes.
    private func fill(_ store: Store) throws -> (complete: UUID, note: UUID) {
        let complete = UUID(), unfinished = UUID(), note = UUID()
        _ = try store.createReflection(id: complete, packID: "default", packVersion: 1, at: moment())
        try store.saveRating(reflection: complete, contrastID: "vision", value: 2, at: moment(1))
        try store.saveRating(reflection: complete, contrastID: "sell", value: 7, at: moment(2))
        try store.saveAnswer(reflection: complete, key: AnswerKey(contrastID: "vision", prompt: 1), promptText: "Why?", text: "Because ✓\nline two", at: moment(3))
        try store.saveAnswer(reflection: complete, key: AnswerKey(contrastID: "vision", prompt: 0), promptText: "How?", text: "Slowly", at: moment(4))
        try store.saveCommitment(reflection: complete, commitment: Commitment(contrastID: "vision", text: "Ask why", dueDate: moment(86_400 * 28)), at: moment(5))
        try store.complete(reflection: complete, at: moment(6))
        _ = try store.createReflection(id: unfinished, packID: "other", packVersion: 2, at: moment(10))
        try store.saveRating(reflection: unfinished, contrastID: "sell", value: 4, at: moment(11))
        try store.savePosition(reflection: unfinished, position: Position(step: 3, line: 1, column: 4), at: moment(12))
        _ = try store.createNote(id: note, contrastID: "sell", at: moment(7))
        try store.saveNote(id: note, text: "First line\nsecond", at: moment(8))
        _ = try store.createNote(id: UUID(), contrastID: nil, at: moment(20))
        return (complete, note)
    }

    @Test("everything the user wrote comes out newest first, with every part of a reflection")
    func readsEverything() throws {
        try withStore { store, _ in
            let (complete, _) = try fill(store)
            let data = try store.userData()
            #expect(data.reflections.map(\.packID) == ["other", "default"])
            #expect(data.notes.map(\.contrastID) == [nil, "sell"])
            let full = try #require(data.reflections.last)
            #expect(full.id == complete)
            #expect(full.ratings.map(\.contrastID) == ["vision", "sell"])
            #expect(full.ratings.map(\.updatedAt) == [moment(1), moment(2)])
            #expect(full.answers.map(\.prompt) == ["Why?", "How?"])
            #expect(full.answers.first?.text == "Because ✓\nline two")
            #expect(full.commitment?.text == "Ask why")
            #expect(full.completedAt == moment(6))
            #expect(data.reflections.first?.position == ArchivedPosition(step: 3, line: 1, column: 4))
            // The same as the app's own reads.
            let reflection = try #require(try store.reflection(id: complete))
            #expect(Dictionary(uniqueKeysWithValues: full.ratings.map { ($0.contrastID, $0.value) }) == reflection.ratings)
        }
    }

    @Test("merging into an empty store gives the same data back, and merging again changes nothing")
    func roundTripAndIdempotence() throws {
        try withStore { source, _ in
            _ = try fill(source)
            let data = try source.userData()
            try withStore { target, file in
                let first = try target.merge(data)
                #expect(first == MergeResult(reflections: MergeCounts(added: 2), notes: MergeCounts(added: 2)))
                #expect(try target.userData() == data)
                let before = try FileSnapshot(file)
                let second = try target.merge(data)
                #expect(second == MergeResult(reflections: MergeCounts(unchanged: 2), notes: MergeCounts(unchanged: 2)))
                #expect(try target.userData() == data)
                #expect(try rawRows(file, "SELECT COUNT(*) AS n FROM answer").first?["n"] == 2)
                #expect(try FileSnapshot(file).bytes == before.bytes)
                #expect(try FileSnapshot(file).wal == before.wal)
            }
        }
    }

    @Test("a newer edit of the same item wins and an older one is skipped")
    func newerWins() throws {
        try withStore { store, _ in
            let (complete, note) = try fill(store)
            let data = try store.userData()
            var newer = data, older = data
            let index = try #require(data.reflections.firstIndex { $0.id == complete })
            newer.reflections[index].updatedAt = moment(100)
            newer.reflections[index].ratings = [ArchivedRating(contrastID: "vision", value: 6, updatedAt: moment(100))]
            newer.reflections[index].commitment = nil
            older.reflections[index].updatedAt = moment(-100)
            older.reflections[index].answers = []
            let noteIndex = try #require(data.notes.firstIndex { $0.id == note })
            newer.notes[noteIndex].text = "edited elsewhere"
            newer.notes[noteIndex].updatedAt = moment(100)
            older.notes[noteIndex].text = "an old draft"
            older.notes[noteIndex].updatedAt = moment(-100)

            let skipped = try store.merge(older)
            #expect(skipped == MergeResult(reflections: MergeCounts(unchanged: 2), notes: MergeCounts(unchanged: 2)))
            #expect(try store.userData() == data)

            let merged = try store.merge(newer)
            #expect(merged == MergeResult(reflections: MergeCounts(updated: 1, unchanged: 1), notes: MergeCounts(updated: 1, unchanged: 1)))
            let after = try store.userData()
            let reflection = try #require(after.reflections.first { $0.id == complete })
            #expect(reflection.ratings.map(\.value) == [6])
            #expect(reflection.commitment == nil)
            #expect(reflection.answers == data.reflections[index].answers)
            #expect(after.notes.first { $0.id == note }?.text == "edited elsewhere")
            #expect(try store.reflection(id: complete)?.ratings == ["vision": 6])
        }
    }

    @Test("since keeps only the reflections and notes changed at or after it, with all their parts")
    func since() throws {
        try withStore { store, _ in
            _ = try fill(store)
            let recent = try store.userData(since: moment(8))
            #expect(recent.reflections.map(\.packID) == ["other"])
            #expect(recent.reflections.first?.ratings.count == 1)
            #expect(recent.notes.count == 2)
            #expect(try store.userData(since: moment(8).addingTimeInterval(0.001)).notes.count == 1)
            #expect(try store.userData(since: moment(1000)) == UserData())
        }
    }

    /// Fills a store, merges what `broken` makes of sample data (given what the store holds),
    /// and checks that the merge is refused and that the file and its WAL are as they were.
    private func expectRefusedMergeWritesNothing(
        seed: UInt64, _ broken: (inout UserData, UserData) throws -> Void
    ) throws {
        try withStore { store, file in
            _ = try fill(store)
            let before = try store.userData()
            let snapshot = try FileSnapshot(file)
            var incoming = SampleData.generate(reflections: 3, notes: 1, seed: seed, base: moment(), pack: PackLoader.defaultPack())
            try broken(&incoming, before)
            #expect(throws: StoreError.self) { try store.merge(incoming) }
            #expect(try store.userData() == before)
            #expect(try FileSnapshot(file).bytes == snapshot.bytes)
            #expect(try FileSnapshot(file).wal == snapshot.wal)
        }
    }

    @Test("a merge that fails part way writes nothing at all")
    func failedMergeWritesNothing() throws {
        try expectRefusedMergeWritesNothing(seed: 1) { incoming, before in
            // The last reflection merged reuses an answer id the store already has: a constraint failure.
            let taken = try #require(before.reflections.last?.answers.first?.id)
            incoming.reflections[0].answers[0].id = taken
        }
    }

    @Test("an insert refused after some of its rows went in leaves the store as it was")
    func refusedRowInABulkInsertWritesNothing() throws {
        try expectRefusedMergeWritesNothing(seed: 2) { incoming, _ in
            // The same answer key twice in one reflection, after its other answers in the same
            // INSERT: the rows before it stay until the transaction is rolled back.
            let index = try #require(incoming.reflections.firstIndex { $0.answers.count > 1 })
            var copy = try #require(incoming.reflections[index].answers.last)
            copy.id = UUID()
            incoming.reflections[index].answers.append(copy)
        }
    }
}
