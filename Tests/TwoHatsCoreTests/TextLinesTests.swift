import PropertyBased
import Testing
import TwoHatsCore

/// One `replaceSubrange`, its bounds drawn as numbers reduced modulo the lines there are.
private struct Edit: Sendable, CustomStringConvertible {
    var start: Int
    var length: Int
    var inserted: Int

    var description: String { "edit(\(start), \(length), +\(inserted))" }
}

/// Mostly one-line edits, as keys make them; now and then a paste or a cut large enough to
/// split chunks or empty several.
private let edit = zip(Gen.int(in: 0...9_999), Gen.int(in: 0...9_999), Gen.int(in: 0...9)).map { start, length, kind in
    Edit(start: start, length: kind < 7 ? length % 3 : length, inserted: kind < 7 ? length % 3 : length % 1_200)
}

@Suite struct TextLinesTests {
    @Test func editsMatchAPlainArrayAndLeaveEarlierCopiesAsTheyWere() async {
        await propertyCheck(count: 40, input: Gen.int(in: 0...1_200), edit.array(of: 1...30)) { size, edits in
            var model = (0..<size).map { "line \($0)" }
            var lines = TextLines(model)
            for (index, edit) in edits.enumerated() {
                let (copy, copied) = (lines, model)
                let lower = edit.start % (model.count + 1)
                let upper = lower + edit.length % (model.count - lower + 1)
                let new = (0..<edit.inserted).map { "new \(index).\($0)" }
                model.replaceSubrange(lower..<upper, with: new)
                lines.replaceSubrange(lower..<upper, with: new)
                #expect(Array(lines) == model)
                #expect(Array(copy) == copied)
            }
            #expect(lines.count == model.count)
            #expect(lines.text == model.joined(separator: "\n"))
            #expect(lines == TextLines(model))
        }
    }

    @Test func equalityIsAboutTheLinesNotHowTheyAreCut() {
        let model = (0..<2_000).map { "line \($0)" }
        var edited = TextLines(model + ["extra"])
        edited.replaceSubrange(2_000..<2_001, with: [])
        #expect(edited == TextLines(model))
        var changed = edited
        changed.replaceSubrange(1_000..<1_001, with: ["other"])
        #expect(changed != edited)
        #expect(changed.count == edited.count)
    }

    @Test func splittingAndJoiningGiveTheTextBack() {
        for text in ["", "a", "a\n", "\n\n", "one\ntwo\n\nthree", "é 中文 👩‍💻\nx"] {
            #expect(TextLines(splitting: text).text == text)
        }
        #expect(TextLines(splitting: "") == [""])
        #expect(TextLines(splitting: "a\n") == ["a", ""])
        #expect(TextLines([]).text == "")
    }
}
