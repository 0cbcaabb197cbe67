import Foundation
import Testing
import TwoHatsContent
import TwoHatsDefaultPack
import TwoHatsExport
import TwoHatsStore

@Suite("Importing into an empty store")
struct BulkImportTests {
    private let sample = SampleData.generate(reflections: 20, notes: 5, seed: 7, base: moment(), pack: PackLoader.defaultPack())

    /// What the store holds, in an order that does not depend on ties between notes' times.
    private func holds(_ store: Store, _ data: UserData) throws -> Bool {
        let stored = try store.userData()
        return stored.reflections == data.reflections && stored.notes.sorted { $0.id.uuidString < $1.id.uuidString }
            == data.notes.sorted { $0.id.uuidString < $1.id.uuidString }
    }

    @Test("goes through the rollback journal and leaves the store in WAL mode with everything in it")
    func emptyStoreEndsInWALMode() throws {
        try withStore { store, file in
            let result = try store.merge(sample)
            #expect(result.reflections.added == 20)
            #expect(try rawRows(file, "PRAGMA journal_mode").first?[0] as String? == "wal")
            #expect(try siblings(of: file).contains(Store.fileName + "-journal") == false)
            #expect(try holds(store, sample))
            // The usual road again for what follows: a save lands in the WAL.
            _ = try store.createNote(id: UUID(), contrastID: nil, at: moment(1))
            #expect(try Data(contentsOf: URL(filePath: file.path + "-wal")).count > 0)
        }
    }

    @Test("lands the same when another connection has the file open and the journal cannot change")
    func anotherConnectionKeepsTheWAL() throws {
        try withTemporaryFolder { folder in
            let other = try Store.open(folder: folder)
            let store = try Store.open(folder: folder)
            #expect(try store.merge(sample).reflections.added == 20)
            #expect(try holds(other, sample))
            #expect(try rawRows(folder.appending(path: Store.fileName), "PRAGMA journal_mode").first?[0] as String? == "wal")
        }
    }

    @Test("a merge into an empty store that fails leaves it empty and in WAL mode")
    func failureLeavesItEmpty() throws {
        try withStore { store, file in
            var broken = sample
            // The same answer key twice in one reflection: the unique index refuses the second.
            let index = try #require(broken.reflections.firstIndex { !$0.answers.isEmpty })
            var copy = broken.reflections[index].answers[0]
            copy.id = UUID()
            broken.reflections[index].answers.append(copy)
            #expect(throws: StoreError.self) { try store.merge(broken) }
            #expect(try store.userData() == UserData())
            #expect(try rawRows(file, "PRAGMA journal_mode").first?[0] as String? == "wal")
        }
    }
}
