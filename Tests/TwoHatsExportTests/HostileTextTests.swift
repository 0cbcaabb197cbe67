import Foundation
import Testing
import TwoHatsContent
import TwoHatsExport

/// Text that would drive a terminal if printed raw: colour and cursor moves (CSI), a window
/// title and a clipboard write (OSC, OSC 52), the bell, C1 controls and bidi overrides.
private let hostile = [
    "\u{1B}[31mred\u{1B}[0m and \u{1B}[2J\u{1B}[H cleared",
    "\u{1B}]0;stolen title\u{07}",
    "\u{1B}]52;c;cHduZWQ=\u{07}",
    "ring \u{07}\u{07}",
    "\u{9B}31m C1 CSI, \u{9D}0;C1 title\u{9C}, \u{85}next line",
    "\u{202E}desrever\u{202C} \u{2066}isolate\u{2069} \u{200F}mark \u{061C}",
    "\u{1B}Ptmux;\u{1B}\u{1B}]52;c;eA==\u{07}\u{1B}\\ del\u{7F} tab\there",
]

@Suite("Exports of text holding terminal controls")
struct HostileTextTests {
    private let archive: Archive = {
        var archive = Fixture.archive
        for (index, text) in hostile.enumerated() {
            archive.data.notes.append(ArchivedNote(
                id: Fixture.id(900 + index), contrastID: index == 0 ? "\u{1B}]0;id\u{07}" : nil, text: "line one\n" + text,
                createdAt: Fixture.at("2026-11-22T08:00:00.000Z"), updatedAt: Fixture.at("2026-11-22T08:00:00.000Z")
            ))
        }
        archive.data.reflections[1].answers[0].text = hostile.joined(separator: "\n")
        archive.data.reflections[1].answers[0].prompt = hostile[1]
        archive.data.reflections[1].commitment?.text = hostile[2]
        archive.data.reflections[0].packID = hostile[0]
        archive.data.reflections[0].ratings[0].contrastID = "\u{9B}2J"
        return archive
    }()

    /// The scalars of `text` a terminal would act on, other than the line breaks in `allowed`.
    private func controls(_ text: String, allowed: Set<Unicode.Scalar> = ["\n"]) -> [String] {
        text.unicodeScalars.filter { !allowed.contains($0) && TextSafety.isUnsafe($0) }.map { "U+" + String($0.value, radix: 16) }
    }

    @Test("JSON escapes every control, DEL, C1 and bidi scalar, and decodes to the same text")
    func json() throws {
        let bytes = ArchiveJSON.encodedBytes(archive)
        let text = try #require(String(validating: bytes, as: UTF8.self))
        #expect(controls(text) == [])
        #expect(text.contains(#"\u001b]52;c;cHduZWQ=\u0007"#))
        #expect(text.contains(#"\u009b31m C1 CSI, \u009d0;C1 title\u009c, \u0085next"#))
        #expect(text.contains(#"\u202edesrever\u202c \u2066isolate\u2069 \u200fmark \u061c"#))
        #expect(text.contains(#"del\u007f tab\there"#))
        #expect(try ArchiveJSON.decode(Data(bytes)) == archive)
    }

    @Test("Markdown keeps the text and its line breaks, with each control as a visible placeholder")
    func markdown() {
        let text = MarkdownRenderer(pack: Fixture.pack, timeZone: TimeZone(identifier: "UTC")!).render(archive)
        #expect(controls(text) == [])
        #expect(text.contains("> ␛]52;c;cHduZWQ=␇\n"))
        #expect(text.contains("> �31m C1 CSI, �0;C1 title�, �next line\n"))
        #expect(text.contains("> ␛[31mred␛[0m and ␛[2J␛[H cleared\n"))
        #expect(text.contains("**␛]0;stolen title␇**"))
        #expect(text.contains("content pack ␛[31mred␛[0m"))
        #expect(text.contains("### 2026-11-22 08:00 · ␛]0;id␇"))
        #expect(text.contains("> ␛Ptmux;␛␛]52;c;eA==␇␛\\ del␡ tab␉here\n"))
    }

    @Test("CSV has no control but its CRLF row ends; a contrast id from the data shows its placeholders")
    func csv() {
        let text = CSVRenderer(pack: Fixture.pack).render(archive)
        #expect(controls(text, allowed: ["\r", "\n"]) == [])
        #expect(text.components(separatedBy: "\r\n").allSatisfy { !$0.contains("\r") && !$0.contains("\n") })
        #expect(text.contains(",�2J,�2J,"))
    }
}
