import Foundation
import Testing
import TwoHatsContent
import TwoHatsExport

@Suite("Reading and writing an export on two threads")
struct ArchivePipelineTests {
    private struct Stop: Error, Equatable {
        let at: Int
    }

    /// A source that fails after `failAfter` reflections, and counts how many it read.
    private final class FailingSource: ArchiveSource, @unchecked Sendable {
        let data: UserData
        let failAfter: Int
        var read = 0

        init(_ data: UserData, failAfter: Int) {
            self.data = data
            self.failAfter = failAfter
        }

        func counts() -> (reflections: Int, notes: Int) { data.counts() }

        func forEachReflection(oldestFirst: Bool, ratingsOnly: Bool, _ body: (ArchivedReflection) throws -> Void) throws {
            for reflection in data.reflections {
                guard read < failAfter else { throw Stop(at: read) }
                read += 1
                try body(reflection)
            }
        }

        func forEachNote(_ body: (ArchivedNote) throws -> Void) throws {
            try data.forEachNote(body)
        }
    }

    private let data = SampleData.generate(reflections: 3000, notes: 300, seed: 3, base: Date(timeIntervalSince1970: 1_780_000_000), pack: Fixture.pack)

    @Test("the writer gets what the source has, in order, whatever the renderer asks for")
    func sameOutput() throws {
        let header = ArchiveHeader(exportedAt: Date(timeIntervalSince1970: 1_780_000_000), appVersion: "1")
        let markdown = MarkdownRenderer(pack: Fixture.pack, timeZone: TimeZone(identifier: "UTC")!)
        let writers: [(any ArchiveSource, OutputBuffer) throws -> Void] = [
            { try ArchiveJSON.write(header, $0, to: $1) },
            { try markdown.write(header, $0, to: $1) },
            { try CSVRenderer(pack: Fixture.pack).write($0, to: $1) },
        ]
        for write in writers {
            var piped: [UInt8] = []
            try ArchivePipeline.run(data) { source in piped = try OutputBuffer.collect { try write(source, $0) } }
            #expect(piped == (try OutputBuffer.collect { try write(data, $0) }))
        }
    }

    @Test("a failure of the source reaches the caller")
    func sourceFailure() {
        let source = FailingSource(data, failAfter: 2000)
        #expect(throws: Stop(at: 2000)) {
            try ArchivePipeline.run(source) { source in try source.forEachReflection(oldestFirst: false, ratingsOnly: false) { _ in } }
        }
    }

    /// The source reads on only as far as the few batches that may wait between the threads.
    @Test("a writer that stops early stops the source too")
    func writerFailure() {
        let source = FailingSource(data, failAfter: .max)
        #expect(throws: Stop(at: 1)) {
            try ArchivePipeline.run(source) { source in
                try source.forEachReflection(oldestFirst: false, ratingsOnly: false) { _ in throw Stop(at: 1) }
            }
        }
        #expect(source.read < data.reflections.count)
    }
}
