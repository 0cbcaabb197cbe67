import PropertyBased
import Testing
@testable import TwoHatsCore

@Suite("Display width and word wrap")
struct TextWrapTests {
    // MARK: DisplayWidth

    @Test func widthsAgreeWithTheTerminal() {
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("中文") == 4)
        #expect(DisplayWidth.of("👍") == 2)
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("↔·–…’") == 5)
        #expect(DisplayWidth.of("\u{1B}") == 0)
        #expect(DisplayWidth.of("") == 0)
        #expect(DisplayWidth.of(Character("中")) == 2)
    }

    // MARK: TextWrap

    @Test func shortTextIsOneLine() {
        #expect(TextWrap.wrap("Two hats", width: 20) == ["Two hats"])
        #expect(TextWrap.wrap("Two hats", width: 8) == ["Two hats"])
    }

    @Test func wrapsBetweenWords() {
        #expect(TextWrap.wrap("the quick brown fox jumps", width: 10) == ["the quick", "brown fox", "jumps"])
    }

    @Test func runsOfSpacesCollapse() {
        #expect(TextWrap.wrap("  a    b  ", width: 10) == ["a b"])
    }

    @Test func emptyTextIsOneEmptyLine() {
        #expect(TextWrap.wrap("", width: 10) == [""])
    }

    @Test func noWidthGivesNoLines() {
        #expect(TextWrap.wrap("anything", width: 0) == [])
        #expect(TextWrap.wrap("anything", width: -3) == [])
    }

    @Test func paragraphBreaksAndBlankLinesAreKept() {
        #expect(TextWrap.wrap("one\n\ntwo three", width: 5) == ["one", "", "two", "three"])
        #expect(TextWrap.wrap("end\n", width: 5) == ["end", ""])
    }

    @Test func longWordIsBrokenBetweenCharacters() {
        #expect(TextWrap.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
        #expect(TextWrap.wrap("to abcdefgh", width: 4) == ["to", "abcd", "efgh"])
    }

    @Test func wideCharactersCountTwoColumns() {
        #expect(TextWrap.wrap("中文字", width: 3) == ["中", "文", "字"])
        #expect(TextWrap.wrap("中文字", width: 4) == ["中文", "字"])
        #expect(TextWrap.wrap("ab 中文", width: 5) == ["ab", "中文"])
    }

    @Test func aCharacterWiderThanTheLineStandsAlone() {
        #expect(TextWrap.wrap("中a", width: 1) == ["中", "a"])
    }

    @Test func combiningMarksDoNotCount() {
        #expect(TextWrap.wrap("cafe\u{301} au lait", width: 7) == ["cafe\u{301} au", "lait"])
    }

    @Test func randomTextWrapsWithinTheWidthAndKeepsEveryWord() async {
        let alphabet = Array("ab c中 e\u{301}👍\n  xy")
        let characters = Gen.int(in: 0...(alphabet.count - 1)).map { alphabet[$0] }
        await propertyCheck(
            count: 300, input: characters.array(of: 0...120).map { String($0) }, Gen.int(in: 1...30)
        ) { text, width in
            let lines = TextWrap.wrap(text, width: width)
            for line in lines where line.count > 1 {
                #expect(DisplayWidth.of(line) <= width, "\(line) in \(width) columns")
            }
            #expect(lines.count >= text.filter { $0 == "\n" }.count + 1)
            // Every character but spaces and breaks survives, in order.
            let kept = { (text: String) in text.filter { $0 != " " && $0 != "\n" } }
            #expect(kept(lines.joined()) == kept(text))
        }
    }

    @Test func printableASCIIWrapsFromItsBytesAsItWouldByCharacters() async {
        let alphabet: [Character] = ["a", "b", "Z", "7", ".", " ", " ", " ", "\n"]
        let characters = Gen.int(in: 0...(alphabet.count - 1)).map { alphabet[$0] }
        await propertyCheck(
            count: 500, input: characters.array(of: 0...120).map { String($0) }, Gen.int(in: 1...30)
        ) { text, width in
            #expect(TextWrap.wrapPrintableASCII(text, width: width) == TextWrap.wrapByCharacters(text, width: width))
        }
        #expect(TextWrap.wrapPrintableASCII("caf\u{E9}", width: 10) == nil)
        #expect(TextWrap.wrapPrintableASCII("tab\there", width: 10) == nil)
        #expect(TextWrap.wrapPrintableASCII("a\r\nb", width: 10) == nil)
    }
}

@Suite("The wrap memo")
struct WrapMemoTests {
    @Test func aTextIsWrappedOncePerWidthAndLongTextsAreNotKept() {
        let memo = WrapMemo()
        var calls = 0
        let wrap = { calls += 1; return ["a"] }
        #expect(memo.lines("some text", width: 10, wrap: wrap) == ["a"])
        #expect(memo.lines("some text", width: 10, wrap: wrap) == ["a"])
        #expect(calls == 1)
        _ = memo.lines("some text", width: 11, wrap: wrap)
        #expect(calls == 2)
        let long = String(repeating: "word ", count: 1_000)
        #expect(TextWrap.wrap(long, width: 20) == TextWrap.wrap(long, width: 20))
        #expect(TextWrap.wrap(long, width: 20).count == 250)
    }

    @Test func aFullMemoStartsAfresh() {
        let memo = WrapMemo()
        var calls = 0
        for index in 0...2_048 {
            _ = memo.lines("text \(index)", width: 5) { calls += 1; return [] }
        }
        _ = memo.lines("text 0", width: 5) { calls += 1; return [] }
        #expect(calls == 2_050)
    }
}
