import TwoHatsContent
import TwoHatsCore
@testable import TwoHatsTerminal

/// Sequences as a terminfo entry would list them, so that table is looked up too.
private let sequences: [String: Key] = ["OA": .up, "OB": .down, "[[A": .function(1), "[3~": .delete]

/// The input is the terminal's bytes, read in chunks the way the run loop reads them: 0xFF
/// (never part of UTF-8) ends a chunk and stands for a pause (the run loop's flush), 0xFE
/// ends a chunk without one.
func fuzzKeyDecoder(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let bytes else { return 0 }
    var decoder = KeyDecoder(sequences: sequences)
    var stream = UTF8Stream()
    var chunk: [UInt8] = []
    func feedChunk() {
        for scalar in chunk.withUnsafeBufferPointer({ stream.decode($0) }) {
            check(decoder.feed(scalar))
        }
        chunk.removeAll(keepingCapacity: true)
    }
    for index in 0..<count {
        switch bytes[index] {
        case 0xFF:
            feedChunk()
            check(decoder.flush())
        case 0xFE:
            feedChunk()
        default:
            chunk.append(bytes[index])
        }
    }
    feedChunk()
    check(decoder.flush())
    // A pause always ends an unfinished escape sequence: the next key is read as itself.
    if !decoder.isInPaste {
        precondition(decoder.feed("a") == [.key(.character("a"))], "a pause left the decoder mid-sequence")
    }
    return 0
}

/// Nothing the decoder hands on may carry a control character to the screen or the store.
private func check(_ decoded: [Decoded]) {
    for item in decoded {
        switch item {
        case let .key(.character(character)), let .key(.alt(character)):
            precondition(!character.unicodeScalars.contains(where: TextSafety.isUnsafe), "unsafe key \(item)")
        case let .key(.control(character)):
            precondition(("a"..."z").contains(character), "control key \(item)")
        case let .paste(text):
            precondition(!text.unicodeScalars.contains { $0 != "\n" && TextSafety.isUnsafe($0) }, "unsafe paste \(item)")
        case .key:
            break
        }
    }
}
