import Testing
@testable import TwoHatsContent

struct TextSafetyTests {
    /// The fast range test must say what the Unicode property says, for every scalar.
    @Test func unsafeIsExactlyTheControlsAndTheBidiControls() {
        var disagreements: [UInt32] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let byProperty = scalar.properties.generalCategory == .control || TextSafety.isBidiControl(scalar)
            if TextSafety.isUnsafe(scalar) != byProperty { disagreements.append(value) }
        }
        #expect(disagreements.isEmpty)
    }

    /// The byte scan that lets clean text through untouched must flag every unsafe scalar.
    @Test func everyUnsafeScalarStartsWithASuspectByte() {
        var missed: [UInt32] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value), scalar != "\n", TextSafety.isUnsafe(scalar) else { continue }
            if !String(scalar).utf8.contains(where: TextSafety.isSuspect) { missed.append(value) }
        }
        #expect(missed.isEmpty)
    }

    /// The byte-level test must say what the scalar-level one says, for every scalar alone and
    /// between other text.
    @Test func containsUnsafeAgreesWithIsUnsafe() {
        var disagreements: [UInt32] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let unsafe = TextSafety.isUnsafe(scalar)
            for text in [String(scalar), "a\(scalar)é", "’\(scalar)"] {
                if TextSafety.containsUnsafe(text, allowingNewlines: false) != unsafe
                    || TextSafety.containsUnsafe(text, allowingNewlines: true) != (unsafe && scalar != "\n") {
                    disagreements.append(value)
                }
            }
        }
        #expect(disagreements.isEmpty)
    }

    @Test func inertKeepingNewlinesReplacesEverythingButTheNewline() {
        let text = "a\u{1B}]52;c;eA==\u{07}\nb\u{9B}2J\u{202E}c\r\n\u{7F}\td"
        #expect(TextSafety.inertKeepingNewlines(text) == "a␛]52;c;eA==␇\nb�2J�c␍\n␡␉d")
        #expect(TextSafety.inert(text) == "a␛]52;c;eA==␇␊b�2J�c␍␊␡␉d")
    }

    @Test("clean text, including the lead bytes of harmless scalars (’ é ↔), comes back as it was",
          arguments: ["", "plain", "two\nlines", "It’s café ↔ 日本語 👩‍💻", "\u{2028} \u{A0}"])
    func cleanTextIsUnchanged(text: String) {
        #expect(TextSafety.inertKeepingNewlines(text) == text)
    }
}
