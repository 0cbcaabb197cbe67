import Foundation
import Testing
@testable import TwoHatsExport

@Suite("The quick reader of exports")
struct ArchiveReaderTests {
    private func quick(_ text: String) -> Archive? {
        try? ArchiveReader.read(Data(text.utf8))
    }

    private func decoded(_ text: String) throws -> Archive {
        try JSONDecoder().decode(Archive.self, from: Data(text.utf8))
    }

    @Test("reads what TwoHats writes to the same archive as JSONDecoder")
    func agreesWithJSONDecoder() throws {
        var archive = Archive(
            exportedAt: Fixture.at("2026-01-01T00:00:00Z"), appVersion: "1", since: Fixture.at("2025-12-01T00:00:00Z"),
            data: SampleData.generate(reflections: 30, notes: 8, seed: 3, base: Fixture.at("2026-01-01T00:00:00Z"), pack: Fixture.pack)
        )
        archive.data.notes[0].text = "\"q\" \\ \u{1}\t\r\n 👩‍💻"
        for text in [ArchiveJSON.encode(Fixture.archive), ArchiveJSON.encode(archive)] {
            let read = try #require(quick(text))
            #expect(read == (try decoded(text)))
        }
    }

    @Test("leaves to JSONDecoder what it does not expect", arguments: [
        "{\"schemaVersion\": 2}",
        "{\"schemaVersion\": 1, \"exportedAt\": \"2026-01-01T00:00:00Z\", \"appVersion\": \"1\", \"reflections\": [], \"notes\": [], \"new\": 1}",
        "{\"schemaVersion\": 1.0, \"exportedAt\": \"2026-01-01T00:00:00Z\", \"appVersion\": \"1\", \"reflections\": [], \"notes\": []}",
        "{\"schemaVersion\": 1, \"exportedAt\": \"2026-01-01T00:00:00Z\", \"appVersion\": \"1\", \"reflections\": [], \"notes\": []} x",
        "{\"schemaVersion\": 1, \"schemaVersion\": 1, \"exportedAt\": \"2026-01-01T00:00:00Z\", \"appVersion\": \"1\", \"reflections\": [], \"notes\": []}",
    ])
    func declines(_ text: String) {
        #expect(quick(text) == nil)
    }

    /// Found by `make fuzz`: a rating of eighty digits overflowed the quick reader, which trapped.
    @Test("a number too long for an Int is refused, not a crash")
    func hugeNumber() throws {
        let crash = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appending(path: "../../Fuzz/Corpus/FuzzImport/crash-huge-rating.json")
        let data = try Data(contentsOf: crash)
        #expect(throws: (any Error).self) { try ArchiveReader.read(data) }
        #expect(quick("{\"schemaVersion\": 99999999999999999999}") == nil)
        let error = try #require(throws: ArchiveError.self) { try ArchiveJSON.decode(data) }
        #expect(error.kind == .malformed)
    }

    @Test("reads a minimal export")
    func minimal() throws {
        let text = "{\"schemaVersion\": 1, \"exportedAt\": \"2026-01-01T00:00:00Z\", \"appVersion\": \"1\", \"reflections\": [], \"notes\": []}"
        let read = try #require(quick(text))
        #expect(read == (try decoded(text)))
    }
}
