import Foundation
import SnapshotTesting
import Testing
import TwoHatsContent
import TwoHatsExport

/// Golden files under __Snapshots__; after an intended change, delete them and run twice.
@Suite("Markdown, CSV and JSON renderings")
struct RendererTests {
    private let berlin = TimeZone(identifier: "Europe/Berlin")!

    @Test func markdown() {
        assertSnapshot(of: MarkdownRenderer(pack: Fixture.pack, timeZone: berlin).render(Fixture.archive), as: .lines)
    }

    @Test func markdownOfNothing() {
        let empty = Archive(exportedAt: Fixture.at("2026-11-22T10:14:00Z"), appVersion: "9.9.9", since: Fixture.at("2026-11-01T00:00:00Z"), data: UserData())
        assertSnapshot(of: MarkdownRenderer(pack: Fixture.pack, timeZone: berlin).render(empty), as: .lines)
    }

    @Test func csv() {
        assertSnapshot(of: CSVRenderer(pack: Fixture.pack).render(Fixture.archive), as: .lines)
    }

    @Test func json() {
        assertSnapshot(of: ArchiveJSON.encode(Fixture.archive), as: .lines)
    }

    @Test("the Markdown names a contrast the pack no longer has by its id, and keeps the old question")
    func markdownFallsBackToIDs() {
        let text = MarkdownRenderer(pack: Fixture.pack, timeZone: berlin).render(Fixture.archive)
        #expect(text.contains("\nretired-contrast       1 ◀──────────────────●▶ 7       7/7\n"))
        #expect(text.contains("#### retired-contrast"))
        #expect(text.contains("**A question the pack no longer asks?**"))
        #expect(text.contains("### 2026-11-22 09:00 · retired-contrast"))
    }

    @Test("Markdown times follow the zone's daylight saving time")
    func markdownZones() {
        var archive = Fixture.archive
        archive.data.notes[0].updatedAt = Fixture.at("2026-07-01T12:00:00Z")
        archive.data.notes[1].updatedAt = Fixture.at("2026-01-01T12:00:00Z")
        let text = MarkdownRenderer(pack: Fixture.pack, timeZone: berlin).render(archive)
        #expect(text.contains("### 2026-07-01 14:00 · retired-contrast"))
        #expect(text.contains("### 2026-01-01 13:00 · Relationships ↔ Systems"))
    }

    @Test("CSV rows end in CRLF and fields with commas, quotes or line breaks are quoted")
    func csvQuoting() throws {
        var pack = Fixture.pack
        pack.contrasts[0].title = "Vision, \"big\"\nand goals"
        let text = CSVRenderer(pack: pack).render(Fixture.archive)
        let lines = text.components(separatedBy: "\r\n")
        #expect(lines.first == "date,reflection_id,contrast_id,contrast_title,value")
        #expect(lines.last == "")
        #expect(text.contains(",vision-goals,\"Vision, \"\"big\"\"\nand goals\",5\r\n"))
        // One header and one row per rating: five for the complete reflection, two for the other.
        #expect(text.components(separatedBy: ",vision-goals,").count - 1 == 2)
        #expect(lines.count == 1 + 7 + 1)
    }

    @Test("CSV lists the oldest reflection first and its ratings in pack order, unknown contrasts last")
    func csvOrder() {
        let rows = CSVRenderer(pack: Fixture.pack).render(Fixture.archive).components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty }
        let contrasts = rows.map { $0.split(separator: ",")[2] }
        #expect(contrasts == Fixture.pack.contrasts.map { Substring($0.id) } + ["vision-goals", "retired-contrast"])
    }
}
