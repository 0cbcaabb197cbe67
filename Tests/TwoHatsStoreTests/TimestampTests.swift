import Foundation
import Testing
import TwoHatsCore
import TwoHatsStore

@Suite("Timestamps")
struct TimestampTests {
    @Test func datesAreStoredAsUTCText() throws {
        try withStore { store, file in
            let id = UUID()
            _ = try store.createReflection(id: id, packID: "default", packVersion: 1, at: moment())
            try store.saveCommitment(
                reflection: id, commitment: Commitment(contrastID: "vision", text: "x", dueDate: date(1_766_188_800_000)),
                at: moment(1)
            )
            _ = try store.createNote(id: UUID(), contrastID: nil, at: date(-1))
            let reflection = try rawRows(file, "SELECT createdAt, updatedAt, completedAt FROM reflection")
            #expect(reflection.first?["createdAt"] as String? == "2025-11-22 07:30:00.123")
            #expect(reflection.first?["updatedAt"] as String? == "2025-11-22 07:30:01.123")
            #expect(reflection.first?["completedAt"] as String? == nil)
            let dueDate = try rawRows(file, "SELECT dueDate FROM commitment").first?["dueDate"] as String?
            #expect(dueDate == "2025-12-20 00:00:00.000")
            let noteCreated = try rawRows(file, "SELECT createdAt FROM note").first?["createdAt"] as String?
            #expect(noteCreated == "1969-12-31 23:59:59.999")
        }
    }

    @Test func wholeMillisecondsRoundTripExactly() throws {
        var generator = SystemRandomNumberGenerator()
        // From 1970 to 2100, some edges, and two dates whose binary fraction falls just short of
        // their millisecond, where truncating would land a millisecond early.
        let edges: [Int64] = [0, 1, 999, 1_000, -1, 1_763_796_600_999, 1_073_604_528, 2_198_513_926_936]
        let samples = edges + (0..<300).map { _ in Int64.random(in: 0...4_102_444_800_000, using: &generator) }
        try withStore { store, file in
            var expected: [UUID: Int64] = [:]
            for sample in samples {
                let id = UUID()
                expected[id] = sample
                let created = try store.createNote(id: id, contrastID: nil, at: date(sample))
                #expect(created.createdAt == date(sample), "\(sample)")
            }
            for note in try store.notes() {
                #expect(note.createdAt == date(expected[note.id] ?? -1), "\(expected[note.id] ?? -1)")
            }
            // The text itself holds the right millisecond, whatever reads it.
            for row in try rawRows(file, "SELECT id, createdAt FROM note") {
                let id = try #require(UUID(uuidString: row["id"]))
                let sample = try #require(expected[id])
                let text: String = row["createdAt"]
                #expect(Int64(text.suffix(3)) == ((sample % 1000) + 1000) % 1000, "\(sample) \(text)")
            }
        }
    }

    @Test func finerThanAMillisecondRoundsToTheNearestMillisecond() throws {
        try withStore { store, _ in
            let at = Date(timeIntervalSince1970: 1_763_796_600.123_656_7)
            let created = try store.createNote(id: UUID(), contrastID: nil, at: at)
            let loaded = try #require(try store.notes().first)
            #expect(loaded.createdAt == date(1_763_796_600_124))
            // What creation hands back is what a later load gives.
            #expect(loaded == created)
        }
    }
}
