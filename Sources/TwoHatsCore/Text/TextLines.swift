/// The logical lines of a text field. A note's save carries them rather than the joined
/// text, so a key in a long note costs no copy of it; the text is joined when it is written.
public typealias TextLines = ChunkedArray<String>

extension ChunkedArray where Element == String {
    /// `text` cut at every "\n": the empty text is one empty line.
    public init(splitting text: String) {
        self.init(text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
    }

    /// The lines joined by "\n", copied into one buffer of the final size.
    public var text: String {
        guard count > 0 else { return "" }
        let size = chunks.reduce(count - 1) { total, chunk in chunk.reduce(total) { $0 + $1.utf8.count } }
        return String(unsafeUninitializedCapacity: size) { buffer in
            var offset = 0
            for (index, line) in enumerated() {
                if index > 0 {
                    buffer[offset] = UInt8(ascii: "\n")
                    offset += 1
                }
                offset = Self.copy(line, into: buffer, at: offset)
            }
            return offset
        }
    }

    /// Copies the line's bytes to `offset` and returns the offset after them.
    private static func copy(_ line: String, into buffer: UnsafeMutableBufferPointer<UInt8>, at offset: Int) -> Int {
        let copied = line.utf8.withContiguousStorageIfAvailable { bytes in
            if let source = bytes.baseAddress {
                (buffer.baseAddress! + offset).initialize(from: source, count: bytes.count)
            }
            return offset + bytes.count
        }
        if let copied { return copied }
        var offset = offset
        for byte in line.utf8 {
            buffer[offset] = byte
            offset += 1
        }
        return offset
    }
}
