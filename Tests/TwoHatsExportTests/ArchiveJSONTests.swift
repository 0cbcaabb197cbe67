import Foundation
import Testing
import TwoHatsContent
import TwoHatsExport

@Suite("The JSON archive: round trip and refusals")
struct ArchiveJSONTests {
    private func decode(_ text: String) throws(ArchiveError) -> Archive {
        try ArchiveJSON.decode(Data(text.utf8))
    }

    private func refusal(_ text: String) -> ArchiveError? {
        do {
            _ = try decode(text)
            return nil
        } catch {
            return error
        }
    }

    /// The fixture's JSON with one textual change, for files that are wrong in one place.
    private func fixture(replacing old: String, with new: String) -> String {
        let text = ArchiveJSON.encode(Fixture.archive)
        precondition(text.contains(old), "the fixture JSON holds no \(old)")
        return text.replacingOccurrences(of: old, with: new)
    }

    @Test("what is encoded decodes to the same archive")
    func roundTrip() throws {
        #expect(try decode(ArchiveJSON.encode(Fixture.archive)) == Fixture.archive)
        let sample = Archive(
            exportedAt: Fixture.at("2026-01-01T00:00:00Z"), appVersion: "1",
            data: SampleData.generate(reflections: 40, notes: 10, seed: 7, base: Fixture.at("2026-01-01T00:00:00Z"), pack: Fixture.pack)
        )
        #expect(try decode(ArchiveJSON.encode(sample)) == sample)
    }

    @Test("quotes, backslashes, control characters and any Unicode survive the round trip")
    func escaping() throws {
        var archive = Fixture.archive
        archive.data.notes[0].text = "\"quoted\" \\ back\u{1}\u{1F}\t\r\nnext 👩‍💻 e\u{301}"
        let text = ArchiveJSON.encode(archive)
        #expect(text.contains(#""\"quoted\" \\ back\u0001\u001f\t\r\nnext 👩‍💻 é""#))
        #expect(try decode(text) == archive)
    }

    @Test("a file written otherwise than TwoHats writes reads the same: key order, spacing, escapes, absent optionals")
    func otherSpellings() throws {
        let text = """
            {"notes":[{"updatedAt":"2026-11-22T10:14:00Z","text":"a \\/ b \\ud83d\\ude00 \\u00e9\\n",\
            "id":"00000000-0000-4000-8000-0000000000AA","createdAt":"2026-11-21T09:00:00.5+01:00"}],
              "reflections" : [ ],"appVersion":"9","exportedAt":"2026-11-22T10:14:00.000Z","schemaVersion":1}
            """
        let archive = try decode(text)
        #expect(archive.since == nil)
        #expect(archive.appVersion == "9")
        let note = try #require(archive.data.notes.first)
        #expect(note.text == "a / b 😀 é\n")
        #expect(note.contrastID == nil)
        #expect(UUIDText.text(note.id) == "00000000-0000-4000-8000-0000000000aa")
        #expect(note.createdAt == Fixture.at("2026-11-21T08:00:00.500Z"))
    }

    @Test("a field this version does not know is passed over, as JSONDecoder does")
    func unknownField() throws {
        let text = fixture(replacing: "\"packID\": \"old-pack\",", with: "\"packID\": \"old-pack\", \"extra\": [1, {\"a\": null}],")
        #expect(try decode(text) == Fixture.archive)
    }

    @Test("a string with a lone surrogate or a raw control character is refused")
    func badStrings() {
        let surrogate = refusal(fixture(replacing: "\"appVersion\": \"", with: "\"appVersion\": \"\\ud800"))
        #expect(surrogate?.kind == .malformed)
        let control = refusal(fixture(replacing: "\"appVersion\": \"", with: "\"appVersion\": \"\u{1}"))
        #expect(control == ArchiveError(.malformed, path: "", "the file is not valid JSON"))
    }

    @Test("ids are lowercase and absent values are null")
    func shape() {
        let text = ArchiveJSON.encode(Fixture.archive)
        #expect(text.contains("\"id\": \"00000000-0000-4000-8000-000000000001\""))
        #expect(text.contains("\"completedAt\": null"))
        #expect(text.contains("\"commitment\": null"))
        #expect(text.contains("\"since\": null"))
        #expect(text.contains("\"schemaVersion\": 1"))
    }

    @Test("text that is not JSON is refused as such")
    func notJSON() {
        for text in ["", "{", "not json", "{\"schemaVersion\": 1"] {
            #expect(refusal(text) == ArchiveError(.malformed, path: "", "the file is not valid JSON"), "\(text)")
        }
    }

    @Test("JSON that is not an export object is refused")
    func notAnObject() {
        #expect(refusal("[1, 2]")?.kind == .malformed)
        #expect(refusal("{}") == ArchiveError(.malformed, path: "schemaVersion", "is missing"))
    }

    @Test("a value of the wrong type is named by its path")
    func wrongType() {
        let error = refusal(fixture(replacing: "\"value\": 5", with: "\"value\": \"five\""))
        #expect(error == ArchiveError(.malformed, path: "reflections[1].ratings[0].value", "expected a whole number"))
        #expect(error?.description == "reflections[1].ratings[0].value: expected a whole number")
    }

    @Test("a missing field, a bad date and a bad UUID are named by their path")
    func missingAndBadValues() {
        #expect(refusal(fixture(replacing: "\"packID\": \"old-pack\",", with: "")) == ArchiveError(.malformed, path: "reflections[0].packID", "is missing"))
        let date = refusal(fixture(replacing: "\"exportedAt\": \"2026-11-22T10:14:00.000Z\"", with: "\"exportedAt\": \"yesterday\""))
        #expect(date?.path == "exportedAt")
        #expect(date?.problem.contains("ISO-8601") == true)
        let uuid = refusal(fixture(replacing: "00000000-0000-4000-8000-000000000033", with: "not-a-uuid"))
        #expect(uuid?.path == "notes[2].id")
        #expect(uuid?.problem.contains("UUID") == true)
    }

    @Test("a file from a newer TwoHats is refused before its contents are looked at")
    func futureVersion() {
        let error = refusal("{\"schemaVersion\": 2, \"somethingNew\": true}")
        #expect(error?.kind == .futureVersion)
        #expect(error?.path == "schemaVersion")
        #expect(error?.description.contains("newer TwoHats") == true)
        #expect(refusal("{\"schemaVersion\": 0}")?.kind == .invalid)
        #expect(refusal("{\"schemaVersion\": \"1\"}") == ArchiveError(.malformed, path: "schemaVersion", "expected a whole number"))
    }

    @Test("values that break the rules are refused", arguments: [
        ("\"value\": 5", "\"value\": 9", "reflections[1].ratings[0].value"),
        ("\"value\": 5", "\"value\": 0", "reflections[1].ratings[0].value"),
        ("00000000-0000-4000-8000-000000000002", "00000000-0000-4000-8000-000000000001", "reflections[1].id"),
        ("00000000-0000-4000-8000-000000000032", "00000000-0000-4000-8000-000000000031", "notes[1].id"),
        ("\"promptIndex\": 2", "\"promptIndex\": -1", "reflections[0].answers[0].promptIndex"),
        ("\"step\": 4", "\"step\": -4", "reflections[0].position.step"),
        ("\"packID\": \"old-pack\"", "\"packID\": \"\"", "reflections[0].packID"),
    ])
    func invalidValues(_ old: String, _ new: String, _ path: String) {
        let error = refusal(fixture(replacing: old, with: new))
        #expect(error?.kind == .invalid)
        #expect(error?.path == path)
    }

    @Test("a second answer to the same prompt and a contrast rated twice are refused")
    func duplicatesWithinAReflection() {
        var archive = Fixture.archive
        archive.data.reflections[1].ratings.append(archive.data.reflections[1].ratings[0])
        #expect(refusal(ArchiveJSON.encode(archive))?.path == "reflections[1].ratings[5].contrastID")
        archive = Fixture.archive
        var copy = archive.data.reflections[1].answers[0]
        copy.id = Fixture.id(99)
        archive.data.reflections[1].answers.append(copy)
        #expect(refusal(ArchiveJSON.encode(archive))?.path == "reflections[1].answers[3]")
    }
}
