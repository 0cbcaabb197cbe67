import Foundation
import Testing
@testable import TwoHatsCommands
@testable import TwoHatsExport

@Suite("Writing an export file")
struct AtomicFileTests {
    private func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appending(path: "atomic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    private func write(_ text: String, to path: String, replace: Bool = true) throws {
        try AtomicFile.write(to: path, replace: replace) { $0.append(text) }
    }

    @Test func devicesAndPipesAreStreamsAndFilesAreNot() throws {
        let dir = try folder()
        let file = dir.appending(path: "a.txt").path
        try write("x", to: file)
        #expect(AtomicFile.isStream("/dev/null"))
        #expect(!AtomicFile.isStream(file))
        #expect(!AtomicFile.isStream(dir.appending(path: "missing").path))
    }

    @Test func aPipeIsWrittenToAndStaysAPipe() async throws {
        let dir = try folder()
        let fifo = dir.appending(path: "pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        async let read = Task.detached { Self.readAll(fifo) }.value
        try write("through the pipe", to: fifo, replace: false)
        #expect(await read == "through the pipe")
        var info = stat()
        #expect(stat(fifo, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
    }

    /// Reads until the writer closes, as a reader at the other end of a pipe would.
    private static func readAll(_ path: String) -> String {
        let descriptor = open(path, O_RDONLY)
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while case let count = read(descriptor, &chunk, chunk.count), count > 0 { bytes += chunk[..<count] }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func aLinkIsFollowedAndKept() throws {
        let dir = try folder()
        let real = dir.appending(path: "real.txt").path
        let link = dir.appending(path: "link.txt").path
        try write("old", to: real)
        #expect(symlink(real, link) == 0)
        try write("new", to: link)
        #expect(try String(contentsOfFile: real, encoding: .utf8) == "new")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == real)
    }
}
