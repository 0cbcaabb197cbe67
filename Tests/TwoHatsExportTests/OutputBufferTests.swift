import Foundation
import Testing
import TwoHatsContent
import TwoHatsExport

@Suite("Writing an export a buffer at a time")
struct OutputBufferTests {
    /// The fixture with text of two-, three- and four-byte scalars, so that chunk ends fall inside them.
    private var archive: Archive {
        var archive = Fixture.archive
        archive.data.notes[0].text = String(repeating: "é✓😀 ", count: 200)
        return archive
    }

    private func chunks(capacity: Int, _ write: (OutputBuffer) throws -> Void) rethrows -> [[UInt8]] {
        var chunks: [[UInt8]] = []
        let buffer = OutputBuffer(capacity: capacity) { chunks.append(Array($0)) }
        try write(buffer)
        buffer.finish()
        return chunks
    }

    @Test("small buffers give the same bytes as one large one, in chunks that are each whole UTF-8", arguments: [128, 129, 130, 131, 1000])
    func chunksAreWholeText(capacity: Int) throws {
        let archive = archive
        let markdown = MarkdownRenderer(pack: Fixture.pack, timeZone: TimeZone(identifier: "Europe/Berlin")!)
        let outputs: [([[UInt8]], String)] = [
            (try chunks(capacity: capacity) { try ArchiveJSON.write(archive.header, archive.data, to: $0) }, ArchiveJSON.encode(archive)),
            (try chunks(capacity: capacity) { try markdown.write(archive.header, archive.data, to: $0) }, markdown.render(archive)),
            (try chunks(capacity: capacity) { try CSVRenderer(pack: Fixture.pack).write(archive.data, to: $0) }, CSVRenderer(pack: Fixture.pack).render(archive)),
        ]
        for (chunks, whole) in outputs {
            #expect(chunks.flatMap { $0 } == Array(whole.utf8))
            #expect(chunks.allSatisfy { $0.count <= capacity })
            for chunk in chunks {
                #expect(String(validating: chunk, as: UTF8.self) != nil)
            }
        }
        #expect(outputs[0].0.count > 3)
    }
}
