import Foundation
import Testing
import TwoHatsContent
import TwoHatsDefaultPack
import TwoHatsExport
import TwoHatsStore

/// An import's file is parsed while it is merged (ArchiveJSON.merge), so a refusal can come
/// after rows have gone in: the transaction must take them all back.
@Suite("Merging a file while it is read")
struct StreamedMergeTests {
    private let sample = SampleData.generate(reflections: 40, notes: 6, seed: 11, base: moment(), pack: PackLoader.defaultPack())

    /// The sample as an export file, with `change` made to it first.
    private func file(_ change: (inout Archive) -> Void = { _ in }) -> Data {
        var archive = Archive(exportedAt: moment(), appVersion: "1", data: sample)
        change(&archive)
        return Data(ArchiveJSON.encodedBytes(archive))
    }

    private func sortedNotes(_ data: UserData) -> [ArchivedNote] {
        data.notes.sorted { $0.id.uuidString < $1.id.uuidString }
    }

    @Test("a file refused near its end, after the merge began writing, leaves an empty store empty")
    func lateRefusalIntoEmptyStore() throws {
        try withStore { store, file in
            // The last note takes the first one's id: found only once every reflection has gone in.
            let refused = self.file { $0.data.notes[$0.data.notes.count - 1].id = $0.data.notes[0].id }
            var began = false
            let error = try #require(throws: ArchiveError.self) {
                try ArchiveJSON.merge(refused) { source in
                    began = true
                    return try store.merge(source)
                }
            }
            #expect(began)
            #expect(error.description.contains("notes[5].id"), "\(error.description)")
            #expect(try store.userData() == UserData())
            #expect(try rawRows(file, "SELECT COUNT(*) AS n FROM answer").first?["n"] == 0)
            #expect(try rawRows(file, "PRAGMA journal_mode").first?[0] as String? == "wal")
        }
    }

    @Test("a file refused part way leaves a store with data byte for byte as it was")
    func lateRefusalIntoStoreWithData() throws {
        try withStore { store, file in
            let older = SampleData.generate(reflections: 5, notes: 2, seed: 3, base: moment(-86_400), pack: PackLoader.defaultPack())
            _ = try store.merge(older)
            let before = try FileSnapshot(file)
            // Refused at the last note: every reflection has been handed to the merge by then.
            let refused = self.file { $0.data.notes[$0.data.notes.count - 1].id = $0.data.notes[1].id }
            #expect(throws: ArchiveError.self) { try ArchiveJSON.merge(refused) { try store.merge($0) } }
            #expect(try FileSnapshot(file).bytes == before.bytes)
            #expect(try FileSnapshot(file).wal == before.wal)
            #expect(try store.userData().reflections == older.reflections)
        }
    }

    @Test("a valid file lands as it was written, also into a store with data, and twice changes nothing")
    func validFile() throws {
        try withStore { store, _ in
            let older = SampleData.generate(reflections: 5, notes: 2, seed: 3, base: moment(-86_400), pack: PackLoader.defaultPack())
            _ = try store.merge(older)
            let first = try ArchiveJSON.merge(file()) { try store.merge($0) }
            #expect(first == MergeResult(reflections: MergeCounts(added: 40), notes: MergeCounts(added: 6)))
            let stored = try store.userData()
            let sampleIDs = Set(sample.reflections.map(\.id))
            // In the history's order, ties in time broken by the order the file gave.
            #expect(stored.reflections.filter { sampleIDs.contains($0.id) } == sample.reflections)
            #expect(stored.reflections.filter { !sampleIDs.contains($0.id) } == older.reflections)
            #expect(sortedNotes(stored) == sortedNotes(UserData(notes: sample.notes + older.notes)))
            let second = try ArchiveJSON.merge(file()) { try store.merge($0) }
            #expect(second == MergeResult(reflections: MergeCounts(unchanged: 40), notes: MergeCounts(unchanged: 6)))
            #expect(try store.userData() == stored)
        }
    }

    @Test("a valid file in another layout (notes first) is read whole and merged the same")
    func otherLayout() throws {
        let text = String(decoding: file(), as: UTF8.self)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        // JSONSerialization may order keys any way; sorted, "notes" comes before "reflections".
        let reordered = try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys])
        try withStore { store, _ in
            var calls = 0
            let result = try ArchiveJSON.merge(reordered) { source in
                calls += 1
                return try store.merge(source)
            }
            #expect(calls == 2)
            #expect(result.reflections.added == 40)
            let stored = try store.userData()
            #expect(stored.reflections == sample.reflections)
            #expect(sortedNotes(stored) == sortedNotes(sample))
        }
    }

    @Test("an item given twice in one merge ends as its later edit, stored once", arguments: [false, true])
    func duplicateInOneMerge(laterEditFirst: Bool) throws {
        try withStore { store, _ in
            var data = UserData(reflections: Array(sample.reflections.prefix(3)), notes: Array(sample.notes.prefix(1)))
            var newer = data.reflections[1]
            newer.updatedAt = newer.updatedAt.addingTimeInterval(60)
            newer.packVersion += 1
            newer.answers = Array(newer.answers.prefix(1))
            var note = data.notes[0]
            note.text = "edited"
            note.updatedAt = note.updatedAt.addingTimeInterval(60)
            // Merged in the list's order: the later edit either comes first, or replaces a new
            // row still waiting to go in (its children already written).
            data.reflections.insert(newer, at: laterEditFirst ? 0 : 2)
            data.notes.insert(note, at: laterEditFirst ? 0 : 1)
            let result = try store.merge(data)
            let counts = laterEditFirst ? MergeCounts(added: 1, unchanged: 1) : MergeCounts(added: 1, updated: 1)
            #expect(result.notes == counts)
            #expect(result.reflections == MergeCounts(added: 3, updated: counts.updated, unchanged: counts.unchanged))
            let stored = try store.userData()
            #expect(stored.reflections.count == 3)
            #expect(stored.reflections.first { $0.id == newer.id } == newer)
            #expect(stored.notes == [note])
        }
    }
}

@Suite("Taking back a new data folder")
struct RemoveNewFolderTests {
    @Test("an empty new store and its folder are removed; one another copy has written to stays")
    func onlyAnEmptyStoreIsRemoved() throws {
        try withTemporaryFolder { parent in
            let empty = parent.appending(path: "empty"), used = parent.appending(path: "used")
            _ = try Store.open(folder: empty)
            let store = try Store.open(folder: used)
            _ = try store.createNote(id: UUID(), contrastID: nil, at: moment())

            Store.removeNew(folder: empty)
            Store.removeNew(folder: used)
            #expect(!FileManager.default.fileExists(atPath: empty.path))
            #expect(try store.notes().count == 1)
            #expect(FileManager.default.fileExists(atPath: used.appending(path: Store.fileName).path))
        }
    }
}
