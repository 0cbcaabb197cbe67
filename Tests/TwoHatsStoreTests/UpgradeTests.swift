import Foundation
import GRDB
import Testing
import TwoHatsCore
import TwoHatsExport
@testable import TwoHatsStore

@Suite("Upgrading a database of an older schema")
struct UpgradeTests {
    /// A database as the v1 schema left it, filled through the store's own saves before v2 existed.
    private func makeV1Store(at folder: URL) throws -> URL {
        let file = folder.appending(path: Store.fileName)
        let queue = try DatabaseQueue(path: file.path)
        try Migrations.migrator.migrate(queue, upTo: "v1")
        try queue.close()
        return file
    }

    @Test("every version's tables are among the ones a file may hold to be opened as ours")
    func theKnownTablesFollowTheMigrations() throws {
        let queue = try DatabaseQueue()
        var seen: Set<String> = []
        for identifier in Migrations.migrator.migrations {
            try Migrations.migrator.migrate(queue, upTo: identifier)
            let tables = try queue.read(Inspection.userTables)
            #expect(tables.isSubset(of: Migrations.tables), "after \(identifier)")
            seen.formUnion(tables)
        }
        #expect(try queue.read(Inspection.userTables) == Migrations.tables)
        #expect(seen == Migrations.tables)
    }

    @Test("v2 keeps every reflection, answer (id, text and order) and note of a v1 database")
    func v1DataSurvivesTheUpgrade() throws {
        try withTemporaryFolder { folder in
            let file = try makeV1Store(at: folder)
            let reflection = UUID(), other = UUID(), note = UUID()
            let answers = [(reflection, "vision", 1, "later first"), (other, "sell", 0, "other"), (reflection, "vision", 0, "then this")]
            try makeDatabase(at: file, """
                INSERT INTO reflection (id, packID, packVersion, createdAt, updatedAt, step) VALUES
                    ('\(reflection.databaseText)', 'default', 2, '2026-01-01 10:00:00.000', '2026-01-01 10:05:00.000', 3),
                    ('\(other.databaseText)', 'default', 2, '2026-01-02 10:00:00.000', '2026-01-02 10:05:00.000', 1);
                INSERT INTO rating (reflectionID, contrastID, value, updatedAt) VALUES
                    ('\(reflection.databaseText)', 'vision', 3, '2026-01-01 10:01:00.000');
                INSERT INTO commitment (id, reflectionID, contrastID, text, dueDate, createdAt, updatedAt) VALUES
                    ('\(UUID().databaseText)', '\(reflection.databaseText)', 'vision', 'ask', '2026-01-29 10:00:00.000',
                     '2026-01-01 10:04:00.000', '2026-01-01 10:04:00.000');
                INSERT INTO note (id, contrastID, text, createdAt, updatedAt) VALUES
                    ('\(note.databaseText)', NULL, 'kept', '2026-01-03 10:00:00.000', '2026-01-03 10:00:00.000');
                """ + answers.enumerated().map { index, answer in
                    """
                    INSERT INTO answer (id, reflectionID, contrastID, promptIndex, promptText, text, createdAt, updatedAt)
                    VALUES ('\(UUID().databaseText)', '\(answer.0.databaseText)', '\(answer.1)', \(answer.2), 'Q\(index)?',
                            '\(answer.3)', '2026-01-01 10:0\(index):00.000', '2026-01-01 10:0\(index):00.000');
                    """
                }.joined(separator: "\n"))
            #expect(try appliedMigrations(file) == ["v1"])
            let answersBefore = try rawRows(file, "SELECT id, reflectionID, text FROM answer ORDER BY rowid").map { $0.description }

            let store = try Store.open(folder: folder)
            #expect(try appliedMigrations(file) == ["v1", "v2"])
            #expect(try rawRows(file, "SELECT id, reflectionID, text FROM answer ORDER BY rowid").map { $0.description } == answersBefore)
            let data = try store.userData()
            #expect(data.reflections.map(\.id) == [other, reflection])
            #expect(data.reflections.last?.answers.map(\.text) == ["later first", "then this"])
            #expect(data.reflections.last?.ratings.map(\.value) == [3])
            #expect(data.reflections.last?.commitment?.text == "ask")
            #expect(data.notes.map(\.id) == [note])
            // The answer key is still unique: a save to the same prompt replaces its answer.
            try store.saveAnswer(reflection: reflection, key: AnswerKey(contrastID: "vision", prompt: 1), promptText: "Q?", text: "edited", at: Date())
            #expect(try store.reflection(id: reflection)?.answers[AnswerKey(contrastID: "vision", prompt: 1)] == "edited")
            #expect(try store.userData().reflections.first?.answers.count == 2)
        }
    }

    @Test("an import that gives an answer the id of one in another reflection is refused whole")
    func answerIDsStayUnique() throws {
        try withStore { store, file in
            let first = UUID(), second = UUID()
            _ = try store.createReflection(id: first, packID: "default", packVersion: 1, at: moment())
            try store.saveAnswer(reflection: first, key: AnswerKey(contrastID: "vision", prompt: 0), promptText: "?", text: "mine", at: moment(1))
            let taken = try #require(try store.userData().reflections.first?.answers.first?.id)
            let snapshot = try FileSnapshot(file)
            let incoming = ArchivedReflection(
                id: second, packID: "default", packVersion: 1, createdAt: moment(5), updatedAt: moment(6), completedAt: nil,
                position: ArchivedPosition(step: 0, line: 0, column: 0), ratings: [],
                answers: [ArchivedAnswer(id: taken, contrastID: "sell", promptIndex: 0, prompt: "?", text: "theirs", createdAt: moment(5), updatedAt: moment(6))],
                commitment: nil
            )
            let error = try #require(throws: StoreError.self) { try store.merge(UserData(reflections: [incoming])) }
            #expect(error.description.contains(taken.databaseText))
            #expect(try store.userData().reflections.map(\.id) == [first])
            #expect(try FileSnapshot(file).bytes == snapshot.bytes)
        }
    }
}
