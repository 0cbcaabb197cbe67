import Foundation
import Testing
import TwoHatsCore
import TwoHatsStore

@Suite("Reflections")
struct ReflectionTests {
    let id = UUID()

    @Test func aNewReflectionLoadsAsItWasCreated() throws {
        try withStore { store, _ in
            let created = try store.createReflection(id: id, packID: "default", packVersion: 3, at: moment())
            #expect(created == Reflection(id: id, packID: "default", packVersion: 3, createdAt: moment()))
            #expect(try store.reflection(id: id) == created)
        }
    }

    @Test func anUnknownIDLoadsNothing() throws {
        try withStore { store, _ throws in
            #expect(try store.reflection(id: UUID()) == nil)
        }
    }

    @Test func everyPartRoundTrips() throws {
        try withStore { store, _ in
            _ = try store.createReflection(id: id, packID: "default", packVersion: 1, at: moment())
            try store.saveRating(reflection: id, contrastID: "vision", value: 2, at: moment(1))
            try store.saveRating(reflection: id, contrastID: "sell", value: 7, at: moment(2))
            try store.saveRating(reflection: id, contrastID: "vision", value: 5, at: moment(3))
            let first = AnswerKey(contrastID: "vision", prompt: 0)
            let second = AnswerKey(contrastID: "vision", prompt: 1)
            try store.saveAnswer(reflection: id, key: first, promptText: "Why?", text: "draft", at: moment(4))
            try store.saveAnswer(reflection: id, key: second, promptText: "How?", text: "line one\nline two ✓", at: moment(5))
            try store.saveAnswer(reflection: id, key: first, promptText: "Why?", text: "final", at: moment(6))
            try store.saveCommitment(
                reflection: id, commitment: Commitment(contrastID: "sell", text: "ask first", dueDate: moment(100)), at: moment(7)
            )
            try store.savePosition(reflection: id, position: Position(step: 4, line: 2, column: 9), at: moment(8))
            try store.complete(reflection: id, at: moment(9))

            let expected = Reflection(
                id: id, packID: "default", packVersion: 1, createdAt: moment(), updatedAt: moment(9),
                completedAt: moment(9), ratings: ["vision": 5, "sell": 7],
                answers: [first: "final", second: "line one\nline two ✓"],
                commitment: Commitment(contrastID: "sell", text: "ask first", dueDate: moment(100)),
                position: Position(step: 4, line: 2, column: 9)
            )
            #expect(try store.reflection(id: id) == expected)
        }
    }

    @Test func anAnswerKeepsItsIDAndCreationWhenSavedAgain() throws {
        try withStore { store, file in
            _ = try store.createReflection(id: id, packID: "default", packVersion: 1, at: moment())
            let key = AnswerKey(contrastID: "learn", prompt: 2)
            try store.saveAnswer(reflection: id, key: key, promptText: "Old prompt", text: "a", at: moment(1))
            let before = try rawRows(file, "SELECT id, createdAt FROM answer")
            try store.saveAnswer(reflection: id, key: key, promptText: "New prompt", text: "b", at: moment(2))
            let after = try rawRows(file, "SELECT id, createdAt, updatedAt, promptText, text, reflectionID FROM answer")

            #expect(after.count == 1)
            let row = try #require(after.first)
            #expect(row["id"] as String == before[0]["id"] as String)
            #expect(UUID(uuidString: row["id"]) != nil)
            #expect(row["createdAt"] as String == before[0]["createdAt"] as String)
            #expect(row["updatedAt"] as String == "2025-11-22 07:30:02.123")
            #expect(row["promptText"] as String == "New prompt")
            #expect(row["text"] as String == "b")
            #expect(row["reflectionID"] as String == id.uuidString.lowercased())
        }
    }

    @Test func theCommitmentIsOnePerReflectionAndKeepsItsID() throws {
        try withStore { store, file in
            _ = try store.createReflection(id: id, packID: "default", packVersion: 1, at: moment())
            let first = Commitment(contrastID: "vision", text: "one", dueDate: moment(10))
            let second = Commitment(contrastID: "change", text: "two", dueDate: moment(20))
            try store.saveCommitment(reflection: id, commitment: first, at: moment(1))
            let before = try rawRows(file, "SELECT id FROM commitment")
            try store.saveCommitment(reflection: id, commitment: second, at: moment(2))
            let after = try rawRows(file, "SELECT id, createdAt FROM commitment")

            #expect(after.count == 1)
            #expect(after.first?["id"] as String? == before.first?["id"] as String?)
            #expect(after.first?["createdAt"] as String? == "2025-11-22 07:30:01.123")
            #expect(try store.reflection(id: id)?.commitment == second)
        }
    }

    @Test(arguments: ["rating", "answer", "position", "commitment", "complete"])
    func everySaveMovesTheReflectionsUpdatedAt(save: String) throws {
        try withStore { store, _ in
            _ = try store.createReflection(id: id, packID: "default", packVersion: 1, at: moment())
            let at = moment(60)
            switch save {
            case "rating": try store.saveRating(reflection: id, contrastID: "vision", value: 3, at: at)
            case "answer":
                let key = AnswerKey(contrastID: "vision", prompt: 0)
                try store.saveAnswer(reflection: id, key: key, promptText: "?", text: "x", at: at)
            case "position": try store.savePosition(reflection: id, position: Position(step: 1), at: at)
            case "commitment":
                let commitment = Commitment(contrastID: "vision", text: "x", dueDate: at)
                try store.saveCommitment(reflection: id, commitment: commitment, at: at)
            default: try store.complete(reflection: id, at: at)
            }
            let loaded = try #require(try store.reflection(id: id))
            #expect(loaded.updatedAt == at)
            #expect(loaded.createdAt == moment())
        }
    }

    @Test func savingForAMissingReflectionFailsAndWritesNothing() throws {
        try withStore { store, file in
            let missing = UUID()
            let key = AnswerKey(contrastID: "vision", prompt: 0)
            let saves: [() throws -> Void] = [
                { try store.saveRating(reflection: missing, contrastID: "vision", value: 3, at: moment()) },
                { try store.saveAnswer(reflection: missing, key: key, promptText: "?", text: "x", at: moment()) },
                { try store.savePosition(reflection: missing, position: Position(step: 2), at: moment()) },
                {
                    try store.saveCommitment(
                        reflection: missing, commitment: Commitment(contrastID: "v", text: "x", dueDate: moment()), at: moment()
                    )
                },
                { try store.complete(reflection: missing, at: moment()) },
            ]
            for save in saves {
                let error = try #require(throws: StoreError.self) { try save() }
                guard case .writeFailed(let line) = error else {
                    Issue.record("expected writeFailed, got \(error)")
                    continue
                }
                #expect(line.contains(missing.uuidString.lowercased()))
                #expect(line.contains(file.path))
            }
            for table in ["reflection", "rating", "answer", "commitment"] {
                #expect(try rawRows(file, "SELECT * FROM \(table)").isEmpty, "\(table)")
            }
        }
    }

    @Test(arguments: [0, 8, -1])
    func aRatingOutsideOneToSevenIsRefused(value: Int) throws {
        try withStore { store, _ in
            _ = try store.createReflection(id: id, packID: "default", packVersion: 1, at: moment())
            let error = try #require(throws: StoreError.self) {
                try store.saveRating(reflection: id, contrastID: "vision", value: value, at: moment(1))
            }
            guard case .writeFailed = error else {
                Issue.record("expected writeFailed, got \(error)")
                return
            }
            // The transaction rolled back as a whole, the touch of updatedAt included.
            #expect(try store.reflection(id: id) == Reflection(id: id, packID: "default", packVersion: 1, createdAt: moment()))
        }
    }

    @Test func theSameIDCannotBeCreatedTwice() throws {
        try withStore { store, _ in
            _ = try store.createReflection(id: id, packID: "default", packVersion: 1, at: moment())
            #expect(throws: StoreError.self) {
                try store.createReflection(id: id, packID: "other", packVersion: 2, at: moment(1))
            }
            #expect(try store.reflection(id: id)?.packID == "default")
        }
    }

    @Test func deletingCascadesToItsRowsOnly() throws {
        try withStore { store, file in
            let other = UUID()
            for reflection in [id, other] {
                _ = try store.createReflection(id: reflection, packID: "default", packVersion: 1, at: moment())
                try store.saveRating(reflection: reflection, contrastID: "vision", value: 4, at: moment(1))
                let key = AnswerKey(contrastID: "vision", prompt: 0)
                try store.saveAnswer(reflection: reflection, key: key, promptText: "?", text: "x", at: moment(2))
                let commitment = Commitment(contrastID: "vision", text: "x", dueDate: moment(9))
                try store.saveCommitment(reflection: reflection, commitment: commitment, at: moment(3))
            }
            try store.deleteReflection(id: id)

            #expect(try store.reflection(id: id) == nil)
            let key = id.uuidString.lowercased()
            for table in ["rating", "answer", "commitment"] {
                #expect(try rawRows(file, "SELECT * FROM \(table) WHERE reflectionID = '\(key)'").isEmpty, "\(table)")
                #expect(try rawRows(file, "SELECT * FROM \(table)").count == 1, "\(table)")
            }
            let kept = try #require(try store.reflection(id: other))
            #expect(kept.ratings == ["vision": 4])
            #expect(kept.answers.count == 1)
            #expect(kept.commitment != nil)
            // Deleting what is gone already is no error.
            try store.deleteReflection(id: id)
        }
    }
}
