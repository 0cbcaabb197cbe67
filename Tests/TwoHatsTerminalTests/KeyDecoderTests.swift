import Testing
import TwoHatsCore
@testable import TwoHatsTerminal

/// A decoder fed the way the run loop feeds it: `feed` every input that arrived together,
/// then `flush` because the input paused.
private struct Feeder {
    /// Sequences as terminfo lists them for an xterm in keypad mode, with the Linux console's F1
    /// and one sequence of a made-up terminal that no built-in table knows.
    static let sequences: [String: Key] = [
        "OA": .up, "OB": .down, "OC": .right, "OD": .left, "OH": .home, "OF": .end,
        "[5~": .pageUp, "[6~": .pageDown, "[3~": .delete, "[Z": .backTab, "OM": .enter,
        "OP": .function(1), "[1;5D": .wordLeft, "[1;5C": .wordRight, "[[A": .function(1), "[57z": .delete,
    ]

    var decoder = KeyDecoder(sequences: sequences)

    /// Feeds the scalars of `text` one by one.
    mutating func type(_ text: String) -> [Decoded] {
        text.unicodeScalars.flatMap { decoder.feed($0) }
    }

    mutating func flush() -> [Decoded] {
        decoder.flush()
    }

    /// Types `text`, then flushes: one burst of input.
    mutating func burst(_ text: String) -> [Decoded] {
        type(text) + flush()
    }
}

private func keys(_ keys: Key...) -> [Decoded] {
    keys.map(Decoded.key)
}

private func characters(_ text: String) -> [Decoded] {
    text.map { .key(.character($0)) }
}

@Suite("Key decoder")
struct KeyDecoderTests {
    // MARK: Plain input

    @Test func printableCharactersAreCharacters() {
        var feeder = Feeder()
        #expect(feeder.burst("aZ9 ?~") == characters("aZ9 ?~"))
        #expect(feeder.burst("é中👍") == characters("é中👍"))
    }

    @Test func enterIsCarriageReturnOrLineFeed() {
        var feeder = Feeder()
        #expect(feeder.burst("\r") == keys(.enter))
        #expect(feeder.burst("\n") == keys(.enter))
        #expect(feeder.burst("\u{1B}OM") == keys(.enter))
    }

    @Test func tabAndBackspace() {
        var feeder = Feeder()
        #expect(feeder.burst("\t") == keys(.tab))
        #expect(feeder.burst("\u{7F}") == keys(.backspace))
        #expect(feeder.burst("\u{8}") == keys(.backspace))
    }

    @Test func controlLetters() {
        var feeder = Feeder()
        #expect(feeder.burst("\u{1}") == keys(.control("a")))
        #expect(feeder.burst("\u{3}") == keys(.control("c")))
        #expect(feeder.burst("\u{5}") == keys(.control("e")))
        #expect(feeder.burst("\u{C}") == keys(.control("l")))
        #expect(feeder.burst("\u{13}") == keys(.control("s")))
        #expect(feeder.burst("\u{1A}") == keys(.control("z")))
    }

    @Test("Other control characters are dropped", arguments: [
        "\u{0}", "\u{1C}", "\u{1D}", "\u{1E}", "\u{1F}", "\u{85}", "\u{9B}", "\u{202E}", "\u{2066}", "\u{200F}",
    ])
    func otherControlsAreDropped(text: String) {
        var feeder = Feeder()
        #expect(feeder.burst(text + "x") == characters("x"))
    }

    // MARK: The terminal's own sequences

    @Test func sequencesFromTerminfo() {
        var feeder = Feeder()
        for (sequence, key) in Feeder.sequences {
            #expect(feeder.burst("\u{1B}" + sequence) == keys(key), "ESC \(sequence)")
        }
    }

    @Test func terminfoComesBeforeTheBuiltInTable() {
        var feeder = Feeder(decoder: KeyDecoder(sequences: ["[A": .down]))
        #expect(feeder.burst("\u{1B}[A") == keys(.down))
    }

    @Test func unknownSequenceIsDropped() {
        var feeder = Feeder()
        #expect(feeder.burst("\u{1B}[99~") == [])
        #expect(feeder.burst("a") == characters("a"))
    }

    @Test func linuxConsoleFunctionKeyIsNotEndedByItsSecondBracket() {
        var feeder = Feeder()
        #expect(feeder.type("\u{1B}[[") == [])
        #expect(feeder.decoder.isInEscape)
        #expect(feeder.type("A") == keys(.function(1)))
        #expect(!feeder.decoder.isInEscape)
    }

    // MARK: Escape

    @Test func escapeAloneIsKnownOnlyWhenInputPauses() {
        var feeder = Feeder()
        #expect(feeder.type("\u{1B}") == [])
        #expect(feeder.flush() == keys(.escape))
        #expect(feeder.flush() == [])
    }

    @Test func escapeEscapeIsTwoEscapes() {
        var feeder = Feeder()
        #expect(feeder.type("\u{1B}\u{1B}") == keys(.escape))
        #expect(feeder.flush() == keys(.escape))
    }

    @Test func escapeThenASequenceIsEscapeThenThatKey() {
        var feeder = Feeder()
        #expect(feeder.type("\u{1B}") == [])
        #expect(feeder.decoder.isInEscape)
        #expect(feeder.type("\u{1B}OA") == keys(.escape, .up))
    }

    @Test("CSI sequences", arguments: [
        ("[A", Key.up), ("[B", .down), ("[C", .right), ("[D", .left), ("[H", .home), ("[F", .end),
        ("[1~", .home), ("[7~", .home), ("[4~", .end), ("[8~", .end), ("[5~", .pageUp), ("[6~", .pageDown),
        ("[3~", .delete), ("[Z", .backTab), ("[11~", .function(1)),
        ("[1;5D", .wordLeft), ("[1;5C", .wordRight), ("[1;3D", .wordLeft), ("[1;3C", .wordRight),
        ("[5D", .wordLeft), ("[5C", .wordRight),
    ])
    func csi(sequence: String, key: Key) {
        var feeder = Feeder()
        #expect(feeder.type("\u{1B}" + sequence) == keys(key))
        #expect(feeder.flush() == [])
    }

    @Test("SS3 sequences", arguments: [
        ("OA", Key.up), ("OB", .down), ("OC", .right), ("OD", .left), ("OH", .home), ("OF", .end),
        ("OP", .function(1)),
    ])
    func ss3(sequence: String, key: Key) {
        var feeder = Feeder()
        #expect(feeder.burst("\u{1B}" + sequence) == keys(key))
    }

    /// Esc and a character together are Alt plus the key (or Esc typed fast before it): the
    /// reducer decides which by what is on screen.
    @Test func escAndACharacterTogetherAreAlt() {
        var feeder = Feeder()
        #expect(feeder.burst("\u{1B}b") == keys(.alt("b")))
        #expect(feeder.burst("\u{1B}f") == keys(.alt("f")))
        #expect(feeder.burst("\u{1B}q") == keys(.alt("q")))
        #expect(feeder.burst("\u{1B}xy") == keys(.alt("x"), .character("y")))
    }

    @Test func escAndAControlKeyTogetherAreEscThenTheKey() {
        var feeder = Feeder()
        #expect(feeder.burst("\u{1B}\r") == keys(.escape, .enter))
        #expect(feeder.burst("\u{1B}\t") == keys(.escape, .tab))
    }

    @Test func sequencesFollowEachOtherInOneBurst() {
        var feeder = Feeder()
        #expect(feeder.burst("\u{1B}[A\u{1B}[Bj\u{1B}OC") == keys(.up, .down, .character("j"), .right))
    }

    @Test func unknownCSIIsIgnored() {
        var feeder = Feeder()
        #expect(feeder.burst("\u{1B}[99~") == [])
        #expect(feeder.burst("\u{1B}[1;2Q") == [])
        #expect(feeder.burst("\u{1B}[?1049h") == [])
        #expect(feeder.burst("a") == characters("a"))
    }

    @Test func unfinishedSequenceIsDroppedWhenInputPauses() {
        var feeder = Feeder()
        #expect(feeder.burst("\u{1B}[1;5") == [])
        #expect(feeder.burst("A") == characters("A"), "the next burst starts afresh")
    }

    @Test func runawaySequenceEndsTheEscape() {
        var feeder = Feeder()
        _ = feeder.type("\u{1B}[" + String(repeating: "1", count: 30))
        // No pause in between: the decoder gave up on the runaway and reads the next sequence.
        #expect(feeder.type("\u{1B}[A") == keys(.up))
    }

    // MARK: Bracketed paste

    @Test func bracketedPasteIsOnePaste() {
        var feeder = Feeder()
        #expect(feeder.burst("\u{1B}[200~hello, world\u{1B}[201~") == [.paste("hello, world")])
    }

    @Test func pasteNeverFiresKeyBindings() {
        var feeder = Feeder()
        #expect(feeder.burst("\u{1B}[200~q\u{1B}[201~") == [.paste("q")])
        #expect(feeder.burst("\u{1B}[200~?b1\u{3}\u{1B}[A\u{1B}[201~") == [.paste("?b1[A")])
    }

    @Test func pasteLineEndingsBecomeLineFeeds() {
        var feeder = Feeder()
        #expect(feeder.burst("\u{1B}[200~one\r\ntwo\rthree\nfour\r\n\r\n\u{1B}[201~") == [.paste("one\ntwo\nthree\nfour\n\n")])
    }

    @Test func pasteDropsEscapeBellAndOtherControls() {
        var feeder = Feeder()
        let pasted = feeder.burst("\u{1B}[200~a\u{1B}b\u{7}c\u{0}d\u{9B}e\u{202E}f\u{1B}[201~")
        #expect(pasted == [.paste("abcdef")])
    }

    @Test("terminal controls typed or pasted never reach the text: only their printable rest does")
    func controlsTypedOrPastedAreInert() {
        var feeder = Feeder()
        #expect(feeder.burst("\u{1B}[31m\u{1B}[2J\u{1B}[0m") == [])
        #expect(feeder.burst("\u{9B}31m") == characters("31m"))
        #expect(feeder.burst("\u{202E}\u{2066}x\u{85}") == characters("x"))
        #expect(feeder.burst("\u{1B}]0;t\u{7}") == keys(.alt("]"), .character("0"), .character(";"), .character("t"), .control("g")))
        let osc52 = "\u{1B}]52;c;eA==\u{7}\u{1B}]0;title\u{9C}\u{1B}Ptmux;\u{1B}\u{1B}]52;c;eA==\u{7}\u{1B}\\"
        #expect(feeder.burst("\u{1B}[200~" + osc52 + "\u{1B}[201~") == [.paste("]52;c;eA==]0;titlePtmux;]52;c;eA==\\")])
    }

    @Test func pasteKeepsUnicodeText() {
        var feeder = Feeder()
        #expect(feeder.burst("\u{1B}[200~Vision ↔ Goals, 中文 👍 e\u{301}\u{1B}[201~") == [.paste("Vision ↔ Goals, 中文 👍 e\u{301}")])
    }

    @Test func emptyPaste() {
        var feeder = Feeder()
        #expect(feeder.burst("\u{1B}[200~\u{1B}[201~") == [.paste("")])
    }

    @Test func pasteSplitAcrossFeedsStaysOpenUntilItsEnd() {
        var feeder = Feeder()
        #expect(feeder.burst("\u{1B}[200~first half, ") == [])
        #expect(feeder.decoder.isInPaste)
        #expect(feeder.burst("second\u{1B}") == [], "a pause inside a paste does not turn ESC into a key")
        #expect(feeder.decoder.isInPaste)
        #expect(feeder.burst("[201~") == [.paste("first half, second")])
        #expect(!feeder.decoder.isInPaste)
        #expect(feeder.burst("q") == characters("q"))
    }

    /// Found by the monkey test: a lone `ESC [ 200 ~` swallowed every later key and resize.
    @Test func aPasteWithoutItsEndIsTakenAsEndedAfterASecondOfQuiet() {
        var feeder = Feeder()
        #expect(feeder.burst("\u{1B}[200~stray") == [])
        for _ in 2..<KeyDecoder.pastePausesBeforeGivingUp {
            #expect(feeder.flush() == [])
        }
        #expect(feeder.burst("er") == [], "input inside the paste starts the count again")
        for _ in 2..<KeyDecoder.pastePausesBeforeGivingUp {
            #expect(feeder.flush() == [])
        }
        #expect(feeder.decoder.isInPaste)
        #expect(feeder.flush() == [.paste("strayer")])
        #expect(feeder.burst("q") == characters("q"))
    }

    @Test func startMarkerSplitAcrossFeeds() {
        var feeder = Feeder()
        #expect(feeder.type("\u{1B}[20") == [])
        #expect(feeder.type("0~x") == [])
        #expect(feeder.burst("y\u{1B}[201~") == [.paste("xy")])
    }

    @Test func keysAfterAPasteInTheSameBurstAreKeys() {
        var feeder = Feeder()
        #expect(feeder.burst("\u{1B}[200~text\u{1B}[201~q\u{1B}") == [.paste("text"), .key(.character("q")), .key(.escape)])
    }

    @Test func sequencesInsideAPasteAreText() {
        var feeder = Feeder()
        #expect(feeder.burst("\u{1B}[200~hi\u{1B}OAq\u{1B}[201~") == [.paste("hiOAq")])
        #expect(feeder.burst("\u{1B}OA") == keys(.up))
    }

    @Test func cleanPasteOnItsOwn() {
        #expect(KeyDecoder.cleanPaste(Array("a\r\nb\r\rc\n\nd".unicodeScalars)) == "a\nb\n\nc\n\nd")
        #expect(KeyDecoder.cleanPaste([]) == "")
    }
}
