import Foundation
@testable import TwoHatsExport

/// A file given to `twohats import`, up to the store: read, checked and written back out.
func fuzzImport(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let bytes else { return 0 }
    let data = Data(bytes: bytes, count: count)
    // The quick reader may only take what the full decoder reads the same way.
    if let quick = try? ArchiveReader.read(data) {
        let full = try? JSONDecoder().decode(Archive.self, from: data)
        precondition(full == quick, "the quick reader took a file the decoder reads as \(String(describing: full))")
    }
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
