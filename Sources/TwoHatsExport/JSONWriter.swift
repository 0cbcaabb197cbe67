import Foundation

/// Pretty-printed JSON written straight into bytes, keys in the order they are written.
/// JSONEncoder spends seconds on an export of ten thousand reflections and keeps no key order.
struct JSONWriter {
    private(set) var bytes: [UInt8] = []
    /// Per open container: whether anything was written in it yet.
    private var filled: [Bool] = []

    var text: String { String(decoding: bytes, as: UTF8.self) + "\n" }

    /// The text as bytes ended by a newline, handed over without a copy; nothing is written after.
    mutating func finish() -> [UInt8] {
        bytes.append(0x0A)
        return bytes
    }

    mutating func object(_ body: (inout JSONWriter) -> Void) {
        open(UInt8(ascii: "{"))
        body(&self)
        close(UInt8(ascii: "}"))
    }

    mutating func array<S: Sequence>(_ items: S, _ body: (inout JSONWriter, S.Element) -> Void) {
        open(UInt8(ascii: "["))
        for item in items {
            separate()
            body(&self, item)
        }
        close(UInt8(ascii: "]"))
    }

    /// Starts the member `name` of the open object; the next write is its value.
    mutating func key(_ name: String) {
        separate()
        string(name)
        bytes.append(UInt8(ascii: ":"))
        bytes.append(UInt8(ascii: " "))
    }

    mutating func string(_ value: String) {
        var value = value
        bytes.append(UInt8(ascii: "\""))
        // Runs that need no escape go in whole, straight from the string's own UTF-8 storage.
        value.withUTF8 { utf8 in
            var runStart = 0
            for index in utf8.indices {
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                runStart = index + 1
                escape(byte)
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func escape(_ byte: UInt8) {
        bytes.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        default:
            // A control character below 0x20: \u00 and two lowercase hex digits.
            bytes.append(contentsOf: "u00".utf8)
            bytes.append(UInt8(ascii: "0") + byte >> 4)
            let low = byte & 0x0F
            bytes.append(low < 10 ? UInt8(ascii: "0") + low : UInt8(ascii: "a") + low - 10)
        }
    }

    mutating func number(_ value: Int) {
        bytes.append(contentsOf: String(value).utf8)
    }

    mutating func bool(_ value: Bool) {
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    mutating func null() {
        bytes.append(contentsOf: "null".utf8)
    }

    mutating func date(_ value: Date) {
        bytes.append(UInt8(ascii: "\""))
        Timestamp.appendISO8601(value, to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    mutating func optional<T>(_ value: T?, _ write: (inout JSONWriter, T) -> Void) {
        if let value { write(&self, value) } else { null() }
    }

    private mutating func open(_ bracket: UInt8) {
        bytes.append(bracket)
        filled.append(false)
    }

    private mutating func close(_ bracket: UInt8) {
        if filled.removeLast() { newline() }
        bytes.append(bracket)
    }

    /// A comma after the previous item, then a new line at the container's depth.
    private mutating func separate() {
        if filled[filled.count - 1] { bytes.append(UInt8(ascii: ",")) }
        filled[filled.count - 1] = true
        newline()
    }

    private mutating func newline() {
        bytes.append(0x0A)
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * filled.count))
    }
}
