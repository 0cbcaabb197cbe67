import Foundation
import TwoHatsContent

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
            var index = 0
            while index < utf8.count {
                let byte = utf8[index]
                if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                    escape(byte)
                    index += 1
                    runStart = index
                } else if TextSafety.isSuspect(byte), let (scalar, length) = Self.unsafeScalar(utf8, at: index) {
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                    escapeScalar(scalar)
                    index += length
                    runStart = index
                } else {
                    index += 1
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// DEL, a C1 control or a bidi control starting at `index`, with its length in bytes. JSON
    /// allows them raw, but a file shown with `cat` must not reach the terminal as a control.
    private static func unsafeScalar(_ utf8: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int)? {
        let lead = UInt32(utf8[index])
        let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : 3
        guard index + length <= utf8.count else { return nil }
        let value = switch length {
        case 1: lead
        case 2: (lead & 0x1F) << 6 | UInt32(utf8[index + 1] & 0x3F)
        default: (lead & 0x0F) << 12 | UInt32(utf8[index + 1] & 0x3F) << 6 | UInt32(utf8[index + 2] & 0x3F)
        }
        guard let scalar = Unicode.Scalar(value), TextSafety.isUnsafe(scalar) else { return nil }
        return (value, length)
    }

    /// `\u` and four lowercase hex digits: every unsafe scalar is in the Basic Multilingual Plane.
    private mutating func escapeScalar(_ value: UInt32) {
        bytes.append(contentsOf: "\\u".utf8)
        for shift in stride(from: 12, through: 0, by: -4) {
            let digit = UInt8((value >> UInt32(shift)) & 0x0F)
            bytes.append(digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10)
        }
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
