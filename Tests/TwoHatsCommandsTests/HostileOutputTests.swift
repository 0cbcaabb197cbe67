import Foundation
import Testing
import TwoHatsContent
import TwoHatsExport
import TwoHatsStore
@testable import TwoHatsCommands

/// What the plain commands print when the store holds text that would drive a terminal.
@Suite("Plain output of text holding terminal controls")
struct HostileOutputTests {
    private static let text = "\u{1B}]0;title\u{07}\u{1B}[31mred \u{9B}2J \u{1B}]52;c;eA==\u{07} \u{202E}rtl\nsecond \u{7F}line"

    private func withHostileStore<T>(_ body: (URL, String) throws -> T) throws -> T {
        try withFolder { (folder: URL) throws in
            let data = folder.appending(path: "data")
            let store = try Store.open(folder: data)
            _ = try store.merge(UserData(notes: [ArchivedNote(
                id: UUID(uuidString: "00000000-0000-4000-8000-000000000042")!, contrastID: "\u{1B}[7mid",
                text: Self.text, createdAt: testNow, updatedAt: testNow
            )]))
            return try body(folder, data.path)
        }
    }

    private func controls(_ text: String, allowed: Set<Unicode.Scalar> = ["\n"]) -> [UInt32] {
        text.unicodeScalars.filter { !allowed.contains($0) && TextSafety.isUnsafe($0) }.map(\.value)
    }

    @Test("history shows the note's first line with placeholders; --json escapes")
    func history() throws {
        try withHostileStore { (_: URL, data: String) throws in
            let lines = try run(["history", "--data-dir", data])
            #expect(controls(lines) == [])
            #expect(lines.contains("␛]0;title␇␛[31mred �2J ␛]52;c;eA==␇ �rtl"))
            #expect(!lines.contains("second"))
            let json = try run(["history", "--json", "--data-dir", data])
            #expect(controls(json) == [])
            #expect(json.contains(#"\u001b]0;title\u0007"#))
        }
    }

    @Test("exports to standard output hold no raw control", arguments: ["markdown", "json", "csv"])
    func exports(format: String) throws {
        try withHostileStore { (_: URL, data: String) throws in
            let output = try run(["export", "--format", format, "--data-dir", data])
            #expect(controls(output, allowed: ["\n", "\r"]) == [])
            #expect(output.contains(format == "json" ? #"\u009b2J"# : format == "csv" ? "date," : "> ␛]0;title␇␛[31mred"))
        }
    }

    @Test("an export to a file is 0600 whatever the umask")
    func exportFileMode() throws {
        try withHostileStore { (folder: URL, data: String) throws in
            let previous = umask(0)
            defer { umask(previous) }
            for format in ["markdown", "json", "csv"] {
                let file = folder.appending(path: "export.\(format)").path
                _ = try run(["export", "--format", format, "--output", file, "--data-dir", data])
                let mode = try #require(FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int)
                #expect(mode == 0o600, "\(format): \(String(mode, radix: 8))")
            }
        }
    }

    @Test("an error quoting a path the user gave carries no raw control")
    func errorMessage() throws {
        try withFolder { (folder: URL) throws in
            let path = folder.appending(path: "x\u{1B}]0;t\u{07}.json").path
            let refusal = try #require(failure(["import", path, "--data-dir", folder.path]))
            #expect(controls(TwoHatsCommand.errorText(refusal.message)) == [])
            #expect(TwoHatsCommand.errorText(refusal.message).contains("x␛]0;t␇.json"))
        }
    }
}
