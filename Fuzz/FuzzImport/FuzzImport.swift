import Foundation
@testable import TwoHatsExport

/// A file given to `twohats import`, up to the store: read, checked and written back out.
func fuzzImport(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let bytes else { return 0 }
    let data = Data(bytes: bytes, count: count)
    // The quick reader may only take what the full decoder reads the same way.
    let quick = try? ArchiveReader.read(data)
    if let quick {
        let full = try? JSONDecoder().decode(Archive.self, from: data)
        precondition(full == quick, "the quick reader took a file the decoder reads as \(String(describing: full))")
    }
    // Read a window at a time, as an import reads a file, it takes and refuses the same.
    var offset = 0
    let window = try? ByteWindow(room: 1 + count % 16) { buffer in
        let taken = min(buffer.count, 1 + offset % 7, count - offset)
        buffer.copyMemory(from: UnsafeRawBufferPointer(start: bytes + offset, count: taken))
        offset += taken
        return taken
    }
    let streamed = window.flatMap { try? ArchiveReader.read(ArchiveStream($0)) }
    precondition(streamed == quick, "read a window at a time, the file reads as \(String(describing: streamed))")
    let archive: Archive
    do {
        archive = try ArchiveJSON.decode(data)
    } catch {
        precondition(!error.problem.isEmpty, "refused without a reason")
        return 0
    }
    // Whatever is accepted can be exported, and that export imports as the same data.
    let written = ArchiveJSON.encodedBytes(archive)
    do {
        let again = try ArchiveJSON.decode(Data(written))
        precondition(ArchiveJSON.encodedBytes(again) == written, "an export changed on a second round trip")
    } catch {
        preconditionFailure("an accepted file exported to one that is refused: \(error)")
    }
    return 0
}
