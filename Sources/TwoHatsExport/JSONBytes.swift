import Foundation
import TwoHatsContent

/// Anything the quick reader does not take exactly as it expects. It carries no message: the
/// caller hands the file to Foundation's decoder, whose verdict and wording then stand.
struct UnexpectedJSON: Error {}

/// A pull reader over the bytes of a JSON text, strict where JSON allows choices (no escaped
/// keys, whole numbers in plain digits), so that whatever it accepts Foundation reads the same.
struct JSONBytes {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Where the reader is in its bytes.
    var position: Int { index }

    /// Whether the reader has taken every byte it was given.
    var isAtEndOfBytes: Bool { index == bytes.count }

    /// Whether the reader has looked for a byte past the last one it was given. A read that
    /// failed without doing so failed on what it was given, and more bytes would not change
    /// that (ArchiveStream reads more only for a read that ran out).
    private(set) var ranOut = false

    /// Only white space may follow the top-level value.
    mutating func end() throws {
        skipSpace()
        guard index == bytes.count else { throw UnexpectedJSON() }
    }

    /// Calls `member` for each key of an object, with the reader at the key's value.
    mutating func object(_ member: (inout JSONBytes, String) throws -> Void) throws {
        try openObject()
        var first = true
        while let key = try nextKey(first: first) {
            first = false
            try member(&self, key)
        }
    }

    /// An object a member at a time, for a reader that returns between members (ArchiveStream):
    /// after its "{" has been taken, the key of the next member, with the reader left at the
    /// value; nil once the closing brace is taken. `first` says no member came before.
    mutating func nextKey(first: Bool) throws -> String? {
        skipSpace()
        if peek == UInt8(ascii: "}") {
            index += 1
            return nil
        }
        if !first { try take(UInt8(ascii: ","), skippingSpace: false) }
        let key = try plainText()
        try take(UInt8(ascii: ":"))
        return try Self.text(key)
    }

    /// Takes the "{" that opens an object read with `nextKey`.
    mutating func openObject() throws {
        try take(UInt8(ascii: "{"))
    }

    /// Calls `element` for each element of an array, with the reader at it.
    mutating func array(_ element: (inout JSONBytes) throws -> Void) throws {
        try openArray()
        var first = true
        while try nextElement(first: first) {
            first = false
            try element(&self)
        }
    }

    /// Takes the "[" that opens an array read with `nextElement`.
    mutating func openArray() throws {
        try take(UInt8(ascii: "["))
    }

    /// An array an element at a time, for a reader that returns between elements
    /// (ArchiveStream): whether another element follows, with the reader left at it; false once
    /// the closing bracket is taken. `first` says no element came before.
    mutating func nextElement(first: Bool) throws -> Bool {
        skipSpace()
        if peek == UInt8(ascii: "]") {
            index += 1
            return false
        }
        if !first { try take(UInt8(ascii: ","), skippingSpace: false) }
        return true
    }

    /// Takes `null` if it comes next.
    mutating func null() -> Bool {
        skipSpace()
        let word = "null".utf8
        guard has(4), bytes[index..<index + 4].elementsEqual(word) else { return false }
        index += 4
        return true
    }

    /// A whole number written as plain digits, small enough that it cannot overflow.
    mutating func int() throws -> Int {
        skipSpace()
        let negative = peek == UInt8(ascii: "-")
        if negative { index += 1 }
        let start = index
        var value = 0
        while has(1), bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
            // Refused before the digit that could overflow (found by make fuzz: a trap, not a refusal).
            guard index - start < 18 else { throw UnexpectedJSON() }
            value = value * 10 + Int(bytes[index] - UInt8(ascii: "0"))
            index += 1
        }
        let digits = index - start
        guard digits > 0, digits == 1 || bytes[start] != UInt8(ascii: "0") else { throw UnexpectedJSON() }
        // A fraction or an exponent is for Foundation to judge.
        if let next = peek, next == UInt8(ascii: ".") || next == UInt8(ascii: "e") || next == UInt8(ascii: "E") {
            throw UnexpectedJSON()
        }
        return negative ? -value : value
    }

    mutating func string() throws -> String {
        skipSpace()
        try take(UInt8(ascii: "\""), skippingSpace: false)
        let start = index
        index = nextSpecial(from: index)
        guard has(1) else { throw UnexpectedJSON() }
        switch bytes[index] {
        case UInt8(ascii: "\""):
            index += 1
            return try Self.text(UnsafeBufferPointer(rebasing: bytes[start..<index - 1]))
        case UInt8(ascii: "\\"):
            index = start
            return try escapedString()
        default:
            throw UnexpectedJSON()
        }
    }

    mutating func date() throws -> Date {
        let text = try plainText()
        guard let date = Timestamp.parse(bytes: text, unzoned: .reject) else { throw UnexpectedJSON() }
        return date
    }

    mutating func uuid() throws -> UUID {
        let text = try plainText()
        guard let id = UUIDText.parse(utf8: text) else { throw UnexpectedJSON() }
        return id
    }

    private var peek: UInt8? {
        mutating get { has(1) ? bytes[index] : nil }
    }

    /// Whether `count` more bytes follow, noting when they do not.
    private mutating func has(_ count: Int) -> Bool {
        guard bytes.count - index < count else { return true }
        ranOut = true
        return false
    }

    private mutating func skipSpace() {
        while has(1) {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    private mutating func take(_ byte: UInt8, skippingSpace: Bool = true) throws {
        if skippingSpace { skipSpace() }
        guard peek == byte else { throw UnexpectedJSON() }
        index += 1
    }

    /// The bytes of a string without escapes (keys, ids, times), quotes left out.
    private mutating func plainText() throws -> UnsafeBufferPointer<UInt8> {
        skipSpace()
        try take(UInt8(ascii: "\""), skippingSpace: false)
        let start = index
        index = nextSpecial(from: index)
        guard has(1), bytes[index] == UInt8(ascii: "\"") else { throw UnexpectedJSON() }
        index += 1
        return UnsafeBufferPointer(rebasing: bytes[start..<index - 1])
    }

    /// The road for a string holding escapes, from just after its opening quote: the runs
    /// between escapes are copied whole.
    private mutating func escapedString() throws -> String {
        var out: [UInt8] = []
        while true {
            let runStart = index
            index = nextSpecial(from: index)
            guard has(1) else { throw UnexpectedJSON() }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""): return try out.withUnsafeBufferPointer(Self.text)
            case UInt8(ascii: "\\"): try escape(into: &out)
            default: throw UnexpectedJSON()
            }
        }
    }

    /// Where the run of plain string bytes from `start` ends: at a quote, a backslash or a
    /// control character (which JSON does not allow raw), or at the end of the input.
    private func nextSpecial(from start: Int) -> Int {
        ByteScan.firstIndex(
            in: bytes, from: start,
            wordMayMatch: {
                ByteScan.anyBelow($0, 0x20) || ByteScan.any($0, equalTo: UInt8(ascii: "\"")) || ByteScan.any($0, equalTo: UInt8(ascii: "\\"))
            },
            matches: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }
        )
    }

    /// The bytes as a String, refused unless they are well-formed UTF-8. Decoding puts U+FFFD
    /// in place of anything ill-formed, so the bytes were well-formed exactly when they come
    /// through unchanged. (`String(validating:)` is generic and looked up type metadata for
    /// every one of the two million strings of a large export.)
    private static func text(_ utf8: UnsafeBufferPointer<UInt8>) throws -> String {
        var string = String(decoding: utf8, as: UTF8.self)
        let unchanged = string.withUTF8 { decoded in
            decoded.count == utf8.count && (utf8.isEmpty || memcmp(decoded.baseAddress!, utf8.baseAddress!, utf8.count) == 0)
        }
        guard unchanged else { throw UnexpectedJSON() }
        return string
    }

    private mutating func escape(into out: inout [UInt8]) throws {
        guard let byte = peek else { throw UnexpectedJSON() }
        index += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(byte)
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "u"):
            var scalar = try hex4()
            if (0xD800..<0xDC00).contains(scalar) {
                try take(UInt8(ascii: "\\"), skippingSpace: false)
                try take(UInt8(ascii: "u"), skippingSpace: false)
                let low = try hex4()
                guard (0xDC00..<0xE000).contains(low) else { throw UnexpectedJSON() }
                scalar = 0x10000 + (scalar - 0xD800) << 10 + (low - 0xDC00)
            }
            guard let character = Unicode.Scalar(scalar) else { throw UnexpectedJSON() }
            out.append(contentsOf: String(character).utf8)
        default:
            throw UnexpectedJSON()
        }
    }

    private mutating func hex4() throws -> UInt32 {
        guard has(4) else { throw UnexpectedJSON() }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8 = switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
            default: throw UnexpectedJSON()
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }
}
