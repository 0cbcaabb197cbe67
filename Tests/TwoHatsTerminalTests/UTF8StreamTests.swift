import Testing
@testable import TwoHatsTerminal

private func decode(_ chunks: [[UInt8]]) -> [Unicode.Scalar] {
    var stream = UTF8Stream()
    return chunks.flatMap { chunk in chunk.withUnsafeBufferPointer { stream.decode($0) } }
}

@Suite("UTF-8 from the terminal")
struct UTF8StreamTests {
    /// One, two, three and four bytes a character, and an escape sequence among them.
    static let text = "a é中👍\u{1B}OB z"

    @Test func aCharacterSplitBetweenTwoReadsIsHeldUntilItsEnd() {
        let bytes = Array(Self.text.utf8)
        for cut in 0...bytes.count {
            let scalars = decode([Array(bytes[..<cut]), Array(bytes[cut...])])
            #expect(scalars == Array(Self.text.unicodeScalars), "cut at byte \(cut)")
        }
    }

    @Test func aByteAtATime() {
        #expect(decode(Self.text.utf8.map { [$0] }) == Array(Self.text.unicodeScalars))
    }

    @Test func theStartOfACharacterIsNotHandedOnAlone() {
        var stream = UTF8Stream()
        let first: [UInt8] = [0x61, 0xF0, 0x9F]
        #expect(first.withUnsafeBufferPointer { stream.decode($0) } == ["a"])
        let rest: [UInt8] = [0x91, 0x8D]
        #expect(rest.withUnsafeBufferPointer { stream.decode($0) } == ["👍"])
    }

    @Test func bytesThatAreNotUTF8BecomeReplacementCharacters() {
        #expect(decode([[0x61, 0xFF, 0x62]]) == ["a", "\u{FFFD}", "b"])
        #expect(decode([[0x80], [0x63]]) == ["\u{FFFD}", "c"])
        // A started character that the next read does not continue.
        #expect(decode([[0xC3], [0x41]]) == ["\u{FFFD}", "A"])
    }

    @Test func unfinishedTail() {
        #expect(UTF8Stream.unfinishedTail([]) == 0)
        #expect(UTF8Stream.unfinishedTail([0x61]) == 0)
        #expect(UTF8Stream.unfinishedTail([0xC3]) == 1)
        #expect(UTF8Stream.unfinishedTail([0xC3, 0xA9]) == 0)
        #expect(UTF8Stream.unfinishedTail([0xE4, 0xB8]) == 2)
        #expect(UTF8Stream.unfinishedTail([0xF0, 0x9F, 0x91]) == 3)
        #expect(UTF8Stream.unfinishedTail([0xF0, 0x9F, 0x91, 0x8D]) == 0)
        #expect(UTF8Stream.unfinishedTail([0x80, 0x80, 0x80]) == 0)
    }
}
