import Foundation
import Testing
import TwoHatsCore
@testable import TwoHatsCommands

@Suite("The external editor: no shell, a private file, nothing left behind")
struct ExternalEditorTests {
    /// An editor that logs each argument it got on a line, then the modes of its file and the
    /// file's folder, and replaces the text.
    private func scriptedEditor(in folder: URL) throws -> (script: String, log: URL) {
        let log = folder.appending(path: "log")
        let script = folder.appending(path: "editor")
        try """
        #!/bin/sh
        for argument in "$@"; do printf '%s\\n' "$argument"; done > '\(log.path)'
        for last in "$@"; do :; done
        stat -c %a "$(dirname "$last")" "$last" >> '\(log.path)'
        printf 'edited\\n' > "$last"
        """.write(to: script, atomically: true, encoding: .utf8)
        chmod(script.path, 0o755)
        return (script.path, log)
    }

    @Test("$(...), backticks, ; and quotes in EDITOR reach the editor as plain words, and nothing runs")
    func editorIsExecutedWithoutAShell() throws {
        try withFolder { folder in
            let (script, log) = try scriptedEditor(in: folder)
            let marker = folder.appending(path: "interpreted").path
            let value = "\(script) $(touch \(marker)) ; touch \(marker) 'two words' \"double\" `touch \(marker)` && |"
            let scratch = folder.appending(path: "scratch")
            let editor = ExternalEditor(folder: scratch, environment: ["EDITOR": value])
            let event = editor.edit("before")
            #expect(event == .externalEditFinished("edited"))
            let lines = try String(contentsOf: log, encoding: .utf8).split(separator: "\n").map(String.init)
            let words = ["$(touch", "\(marker))", ";", "touch", marker, "'two", "words'", "\"double\"", "`touch", "\(marker)`", "&&", "|"]
            #expect(Array(lines.prefix(words.count)) == words)
            #expect(lines.count == words.count + 3)
            #expect(lines[words.count].hasPrefix(scratch.path + "/edit-"))
            #expect(Array(lines.suffix(2)) == ["700", "600"])
            #expect(!FileManager.default.fileExists(atPath: marker))
            #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path) == [])
        }
    }

    @Test("VISUAL comes before EDITOR, and both before the config file and vi")
    func editorChoice() {
        let folder = URL(fileURLWithPath: "/unused")
        #expect(ExternalEditor(folder: folder, environment: ["VISUAL": "nano -w", "EDITOR": "ed"]).command == ["nano", "-w"])
        #expect(ExternalEditor(folder: folder, environment: ["VISUAL": "  ", "EDITOR": "ed"], configured: "kak").command == ["ed"])
        #expect(ExternalEditor(folder: folder, environment: [:], configured: "kak -n").command == ["kak", "-n"])
        #expect(ExternalEditor(folder: folder, environment: [:]).command == ["vi"])
    }

    @Test("a folder that was not private is made 0700 before the file is written")
    func folderIsMadePrivate() throws {
        try withFolder { folder in
            let (script, log) = try scriptedEditor(in: folder)
            let scratch = folder.appending(path: "scratch")
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o755])
            _ = ExternalEditor(folder: scratch, environment: ["VISUAL": script]).edit("x")
            let lines = try String(contentsOf: log, encoding: .utf8).split(separator: "\n")
            #expect(Array(lines.suffix(2)) == ["700", "600"])
        }
    }

    @Test("leftovers of a killed session are removed at the next start, and nothing else is")
    func leftoversAreRemoved() throws {
        try withFolder { folder in
            for name in ["edit-1.txt", "edit-\(UUID().uuidString).txt", "keep.txt", "edit-notes"] {
                try Data("x".utf8).write(to: folder.appending(path: name))
            }
            ExternalEditor(folder: folder, environment: [:]).cleanLeftovers()
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["edit-notes", "keep.txt"])
        }
    }

    @Test("the temporary folder is under XDG_RUNTIME_DIR when it is an absolute path, else in the data folder")
    func scratchFolder() {
        #expect(DataFolder.scratch(dataFolder: "/d", environment: ["XDG_RUNTIME_DIR": "/run/user/7"]).path == "/run/user/7/twohats")
        #expect(DataFolder.scratch(dataFolder: "/d", environment: ["XDG_RUNTIME_DIR": "run"]).path == "/d/tmp")
        #expect(DataFolder.scratch(dataFolder: "/d", environment: [:]).path == "/d/tmp")
    }
}
