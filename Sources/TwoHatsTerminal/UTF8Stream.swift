/// Turns the terminal's bytes into scalars as they arrive. A character whose bytes are split
/// between two reads is held back until the rest comes; bytes that are not UTF-8 become
/// U+FFFD, as the screen's locale is UTF-8 whatever the user's is.
struct UTF8Stream: Sendable {
    private var held: [UInt8] = []

    mutating func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> [Unicode.Scalar] {
        guard !held.isEmpty else { return decodeHoldingTail(bytes) }
        let joined = held + Array(bytes)
        held = []
        return joined.withUnsafeBufferPointer { decodeHoldingTail($0) }
    }

    private mutating func decodeHoldingTail(_ bytes: UnsafeBufferPointer<UInt8>) -> [Unicode.Scalar] {
        let complete = bytes.count - Self.unfinishedTail(bytes)
        if complete < bytes.count { held = Array(bytes[complete...]) }
        return Array(String(decoding: UnsafeBufferPointer(rebasing: bytes[..<complete]), as: UTF8.self).unicodeScalars)
    }

    /// How many bytes at the end start a character that needs more bytes than are there.
    static func unfinishedTail<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes) -> Int where Bytes.Index == Int {
        for back in stride(from: 1, through: min(3, bytes.count), by: 1) {
            let byte = bytes[bytes.endIndex - back]
            if byte & 0xC0 == 0x80 { continue }
            let length = switch byte {
            case 0xC2...0xDF: 2
            case 0xE0...0xEF: 3
            case 0xF0...0xF4: 4
            default: 1
            }
            return length > back ? back : 0
        }
        return 0
    }
}
