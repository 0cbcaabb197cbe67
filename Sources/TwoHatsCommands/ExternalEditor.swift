import Foundation
import TwoHatsCore
#if canImport(Glibc)
import Glibc
#endif

/// Ctrl-E: edits text in the user's own editor through a private temporary file.
struct ExternalEditor {
    /// A 0700 folder for the temporary file: under `$XDG_RUNTIME_DIR`, else the data folder.
    let folder: URL
    let environment: [String: String]
    /// The config file's `editor`, used when neither variable is set.
    var configured: String?

    /// `$VISUAL`, else `$EDITOR`, else the config file's editor, else `vi`, split into the
    /// program and its arguments: no shell runs in between, so nothing in it is interpreted.
    var command: [String] {
        let value = [environment["VISUAL"], environment["EDITOR"], configured].compactMap { $0 }.first { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        return (value ?? "vi").split(whereSeparator: \.isWhitespace).map(String.init)
    }

    /// Runs the editor on `text` and returns the event for what came back.
    func edit(_ text: String) -> Event {
        let file = folder.appending(path: "edit-\(UUID().uuidString).txt")
        defer { unlink(file.path) }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            chmod(folder.path, 0o700)
            let descriptor = open(file.path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
            guard descriptor >= 0 else { return .externalEditFailed("Could not create a temporary file in \(folder.path).") }
            let data = Data(text.utf8)
            let written = data.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            close(descriptor)
            guard written == data.count else { return .externalEditFailed("Could not write the temporary file in \(folder.path).") }
        } catch {
            return .externalEditFailed("Could not create \(folder.path) for the external editor.")
        }
        let command = command
        guard let status = run(command + [file.path]) else {
            return .externalEditFailed("Could not start the editor '\(command.joined(separator: " "))'; set VISUAL or EDITOR.")
        }
        guard status == 0 else {
            return .externalEditFailed("The editor exited with status \(status); the text was left as it was.")
        }
        guard let data = FileManager.default.contents(atPath: file.path), let edited = String(data: data, encoding: .utf8) else {
            return .externalEditFailed("The edited file could not be read back as UTF-8; the text was left as it was.")
        }
        // Editors add a final newline the user did not type.
        return .externalEditFinished(edited.hasSuffix("\n") ? String(edited.dropLast()) : edited)
    }

    /// Spawns `arguments` (looked up in PATH) on this terminal and waits; nil when it cannot start.
    private func run(_ arguments: [String]) -> Int32? {
        var pid = pid_t()
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        guard posix_spawnp(&pid, arguments[0], nil, nil, argv, environ) == 0 else { return nil }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        // WIFEXITED / WEXITSTATUS are macros Swift cannot import.
        return (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    }

    /// Removes temporary files a killed session left behind.
    func cleanLeftovers() {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in names where name.hasPrefix("edit-") && name.hasSuffix(".txt") {
            unlink(folder.appending(path: name).path)
        }
    }
}
