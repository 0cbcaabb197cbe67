import Foundation
import TwoHatsContent

/// Pretty-printed JSON written straight into an OutputBuffer, keys in the order they are written.
/// JSONEncoder spends seconds on an export of ten thousand reflections and keeps no key order.
struct JSONWriter {
    let out: OutputBuffer
    /// Per open container: whether anything was written in it yet.
    private var filled: [Bool] = []

    init(_ out: OutputBuffer) {
        self.out = out
    }

    mutating func object(_ body: (inout JSONWriter) throws -> Void) rethrows {
        open(UInt8(ascii: "{"))
        try body(&self)
        close(UInt8(ascii: "}"))
    }

    /// An array whose items `fill` writes, each after a call to `item()`.
    mutating func array(_ fill: (inout JSONWriter) throws -> Void) rethrows {
        open(UInt8(ascii: "["))
        try fill(&self)
        close(UInt8(ascii: "]"))
    }

    mutating func array<S: Sequence>(_ items: S, _ body: (inout JSONWriter, S.Element) -> Void) {
        array { json in
            for element in items {
                json.item()
                body(&json, element)
            }
        }
    }

    /// Starts the next item of the open array.
    mutating func item() {
        separate()
    }

    /// Starts the member `name` of the open object; the next write is its value.
    mutating func key(_ name: String) {
        separate()
        string(name)
        out.append(UInt8(ascii: ":"))
        out.append(UInt8(ascii: " "))
    }

    mutating func string(_ value: String) {
        var value = value
        out.append(UInt8(ascii: "\""))
        // Runs that need no escape go in whole, straight from the string's own UTF-8 storage.
        value.withUTF8 { utf8 in
            var runStart = 0
            while true {
                let index = ByteScan.firstIndex(
                    in: utf8, from: runStart,
                    wordMayMatch: {
                        ByteScan.anyBelow($0, 0x20) || ByteScan.anyAtLeastDEL($0)
                            || ByteScan.any($0, equalTo: UInt8(ascii: "\"")) || ByteScan.any($0, equalTo: UInt8(ascii: "\\"))
                    },
                    matches: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || TextSafety.isSuspect($0) }
                )
                out.append(UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                guard index < utf8.count else { break }
                let byte = utf8[index]
                if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                    escape(byte)
                    runStart = index + 1
                } else if let (scalar, length) = Self.unsafeScalar(utf8, at: index) {
                    escapeScalar(scalar)
                    runStart = index + length
                } else {
                    out.append(byte)
                    runStart = index + 1
                }
            }
        }
        out.append(UInt8(ascii: "\""))
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
        out.append(UInt8(ascii: "\\"))
        out.append(UInt8(ascii: "u"))
        for shift in stride(from: 12, through: 0, by: -4) {
            out.append(UUIDText.hexDigit(UInt8((value >> UInt32(shift)) & 0x0F)))
        }
    }

    private mutating func escape(_ byte: UInt8) {
        out.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): out.append(byte)
        case 0x0A: out.append(UInt8(ascii: "n"))
        case 0x0D: out.append(UInt8(ascii: "r"))
        case 0x09: out.append(UInt8(ascii: "t"))
        default:
            // A control character below 0x20: \u00 and two lowercase hex digits.
            out.append(UInt8(ascii: "u"))
            out.append(UInt8(ascii: "0"))
            out.append(UInt8(ascii: "0"))
            out.append(UUIDText.hexDigit(byte >> 4))
            out.append(UUIDText.hexDigit(byte & 0x0F))
        }
    }

    mutating func number(_ value: Int) {
        if (0..<10).contains(value) {
            out.append(UInt8(ascii: "0") + UInt8(value))
        } else {
            out.append(String(value))
        }
    }

    mutating func bool(_ value: Bool) {
        out.append(value ? "true" : "false")
    }

    mutating func null() {
        out.append("null")
    }

    mutating func date(_ value: Date) {
        out.append(UInt8(ascii: "\""))
        out.write(upTo: Timestamp.iso8601Length) { Timestamp.writeISO8601(value, into: $0) }
        out.append(UInt8(ascii: "\""))
    }

    mutating func optional<T>(_ value: T?, _ write: (inout JSONWriter, T) -> Void) {
        if let value { write(&self, value) } else { null() }
    }

    private mutating func open(_ bracket: UInt8) {
        out.append(bracket)
        filled.append(false)
    }

    private mutating func close(_ bracket: UInt8) {
        if filled.removeLast() { newline() }
        out.append(bracket)
    }

    /// A comma after the previous item, then a new line at the container's depth.
    private mutating func separate() {
        if filled[filled.count - 1] { out.append(UInt8(ascii: ",")) }
        filled[filled.count - 1] = true
        newline()
    }

    private mutating func newline() {
        let width = 2 * filled.count
        out.write(upTo: 1 + width) { place in
            place[0] = 0x0A
            (place + 1).initialize(repeating: UInt8(ascii: " "), count: width)
            return 1 + width
        }
    }
}
