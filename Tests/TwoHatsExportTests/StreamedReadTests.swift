import Foundation
import Testing
import TwoHatsContent
import TwoHatsDefaultPack
@testable import TwoHatsExport

/// An import reads its file a window at a time (ByteWindow), and a step of the reading that
/// runs off the window is taken again once more is in. The window takes one read at a time,
/// so reads of a byte put its end at every byte: inside keys, numbers, escapes and dates,
/// between elements, after the last brace.
@Suite("Reading an export a window at a time")
struct StreamedReadTests {
    /// Six reflections and six notes, for reads of a few bytes at a time.
    private static let sample = export(SampleData.generate(reflections: 4, notes: 3, seed: 5, base: base, pack: Fixture.pack), with: Fixture.archive.data)
    /// One reflection and a note, small enough to be read a byte at a time: each step is taken
    /// again for every byte it spans.
    private static let small = export(SampleData.generate(reflections: 1, notes: 1, seed: 8, base: base, pack: Fixture.pack))
    private static let base = Fixture.at("2026-11-25T10:00:00.000Z")

    private static func export(_ data: UserData, with more: UserData = UserData()) -> [UInt8] {
        var data = data
        data.reflections += more.reflections
        data.notes += more.notes
        // Escapes, a surrogate pair and a multi-byte letter, for the window to cut through.
        data.notes[0].text = "tab\there \"quoted\" back\\slash 😀 é\nend"
        return ArchiveJSON.encodedBytes(Archive(exportedAt: Fixture.at("2026-11-26T08:00:00.000Z"), appVersion: "1.2.3", data: data))
    }

    /// Hands over `bytes` at most `chunk` at a time, counting the calls that asked for more.
    private final class Feed {
        let bytes: [UInt8]
        let chunk: Int
        var offset = 0

        init(_ bytes: [UInt8], chunk: Int) {
            self.bytes = bytes
            self.chunk = chunk
        }

        func read(into buffer: UnsafeMutableRawBufferPointer) -> Int {
            let count = min(chunk, buffer.count, bytes.count - offset)
            let start = offset
            bytes.withUnsafeBytes { all in buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: all[start..<start + count])) }
            offset += count
            return count
        }
    }

    private func streamed(_ bytes: [UInt8], room: Int, chunk: Int) throws -> Archive {
        let feed = Feed(bytes, chunk: chunk)
        return try ArchiveReader.read(ArchiveStream(ByteWindow(room: room, feed.read)))
    }

    private func whole(_ bytes: [UInt8]) throws -> Archive {
        try bytes.withUnsafeBufferPointer { try ArchiveReader.read(ArchiveStream($0)) }
    }

    @Test("gives what reading the file whole gives", arguments: [1, 3, 64, 1 << 20], [7, 4096])
    func sameAsWhole(room: Int, chunk: Int) throws {
        let expected = try whole(Self.sample)
        #expect(expected.data.reflections.count == 6)
        #expect(try streamed(Self.sample, room: room, chunk: chunk) == expected)
    }

    @Test("read a byte at a time, gives what reading it whole gives")
    func everyBoundary() throws {
        #expect(try streamed(Self.small, room: 1, chunk: 1) == whole(Self.small))
    }

    @Test("refuses the file cut off at every length, as reading it whole does")
    func truncated() throws {
        // Up to and without the closing brace; the newline after it is not needed.
        let closing = try #require(Self.small.lastIndex(of: UInt8(ascii: "}")))
        for length in 0...closing {
            let cut = Array(Self.small[..<length])
            #expect(throws: UnexpectedJSON.self, "cut at \(length)") { try whole(cut) }
            #expect(throws: UnexpectedJSON.self, "cut at \(length)") { try streamed(cut, room: 4, chunk: 4096) }
        }
    }

    @Test("a file refused on bytes the window holds is refused there, without reading the rest")
    func refusedWithoutReadingOn() throws {
        let text = String(decoding: Self.sample, as: UTF8.self)
        let range = try #require(text.range(of: "\"packVersion\": 1,"))
        let broken = Array(text.replacingCharacters(in: range, with: "\"packVersion\": 1.5,").utf8)
        #expect(throws: UnexpectedJSON.self) { try whole(broken) }
        let feed = Feed(broken, chunk: 64)
        #expect(throws: UnexpectedJSON.self) { try ArchiveReader.read(ArchiveStream(ByteWindow(room: 64, feed.read))) }
        #expect(feed.offset < broken.count / 4, "read \(feed.offset) of \(broken.count) bytes")
    }

    @Test("anything after the export's closing brace is refused, wherever the window ends")
    func trailingBytes() throws {
        let text = String(decoding: Self.small, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) + "\n x"
        #expect(throws: UnexpectedJSON.self) { try whole(Array(text.utf8)) }
        #expect(throws: UnexpectedJSON.self) { try streamed(Array(text.utf8), room: 1, chunk: 1) }
    }

    @Test("a single element longer than the room is read by growing it")
    func longElement() throws {
        var data = UserData()
        data.notes = [ArchivedNote(
            id: Fixture.id(99), contrastID: nil, text: String(repeating: "a line of a long note\n", count: 5_000),
            createdAt: Fixture.at("2026-11-20T09:00:00.000Z"), updatedAt: Fixture.at("2026-11-20T09:00:00.000Z")
        )]
        let bytes = ArchiveJSON.encodedBytes(Archive(exportedAt: Fixture.at("2026-11-26T08:00:00.000Z"), appVersion: "1", data: data))
        #expect(try streamed(bytes, room: 16, chunk: 4096) == whole(bytes))
    }

    @Test("what the reader throws passes through the merge, and the file is not read again")
    func readerFailure() throws {
        struct Broken: Error {}
        let feed = Feed(Self.sample, chunk: 100)
        var readAgain = false
        #expect(throws: Broken.self) {
            try ArchiveJSON.merge(
                reading: { buffer in
                    guard feed.offset < 2_000 else { throw Broken() }
                    return feed.read(into: buffer)
                },
                whole: {
                    readAgain = true
                    return Data(Self.sample)
                },
                into: { source in try source.forEachReflection(oldestFirst: false, ratingsOnly: false) { _ in } }
            )
        }
        #expect(!readAgain)
    }

    @Test("a file off the streamed layout is read again whole and merged from that")
    func offLayoutFallsBackToTheWholeFile() throws {
        // The same export with its keys sorted: "notes" before "reflections", and the version
        // last, which JSONDecoder reads but the stream does not take.
        let object = try JSONSerialization.jsonObject(with: Data(ArchiveJSON.encodedBytes(Fixture.archive)))
        let sorted = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        let feed = Feed(Array(sorted), chunk: 4096)
        var readAgain = false
        let reflections = try ArchiveJSON.merge(
            reading: feed.read,
            whole: {
                readAgain = true
                return sorted
            },
            into: { source in
                var count = 0
                try source.forEachReflection(oldestFirst: false, ratingsOnly: false) { _ in count += 1 }
                return count
            }
        )
        #expect(readAgain)
        #expect(reflections == Fixture.archive.data.reflections.count)
    }
}
