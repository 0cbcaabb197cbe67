import Foundation
import Testing
import TwoHatsContent
import TwoHatsCore
@testable import TwoHatsUI

/// The words of `twohats --plain`: what each question says, and that none of it needs colour,
/// box drawing, arrows or control characters to be understood.
@Suite("Plain wording")
struct PlainWordingTests {
    static let pack = Screens.pack
    static let wording = PlainWording(
        pack: pack, timeZone: .gmt, databasePath: "/data/twohats.sqlite", resumeCommand: "twohats --plain --data-dir /data"
    )
    static let began = Date(timeIntervalSince1970: 1_800_000_000)

    static func reflection() -> Reflection {
        var reflection = Reflection(id: UUID(), packID: pack.id, packVersion: pack.version, createdAt: began, updatedAt: began)
        for (index, contrast) in pack.contrasts.enumerated() { reflection.ratings[contrast.id] = index + 3 }
        reflection.commitment = Commitment(contrastID: pack.contrasts[0].id, text: "Say why\nthen ask how", dueDate: began.addingTimeInterval(28 * 86_400))
        return reflection
    }

    /// Every question and message the session can print.
    static var everything: [String] {
        let contrasts = pack.contrasts.indices
        var texts = [wording.intro, wording.paused, wording.interrupted]
        texts += contrasts.flatMap { index in
            [wording.question(.rating(contrast: index, current: nil)), wording.question(.rating(contrast: index, current: 4)),
             wording.problem(.notARating(contrast: index))]
                + pack.contrasts[index].prompts.indices.map { wording.question(.answer(contrast: index, prompt: $0, soFar: "a\nb")) }
        }
        texts += ReflectionStep.steps(for: pack).map { wording.question(.resume(reflection(), step: $0)) }
        texts += [
            wording.question(.focus(ratings: reflection().ratings, preset: 2, suggested: 0)),
            wording.question(.commitment(focus: 1, due: began, soFar: "")),
            wording.question(.summary(reflection())),
            wording.problem(.notYesOrNo), wording.problem(.notAFocus(count: 5)),
        ]
        return texts
    }

    @Test("no control character, box drawing, block, arrow or bullet anywhere")
    func screenReaderFriendly() {
        for text in Self.everything {
            let odd = text.unicodeScalars.filter { scalar in
                (scalar != "\n" && TextSafety.isUnsafe(scalar)) || (0x2190...0x21FF).contains(scalar.value)
                    || (0x2500...0x25FF).contains(scalar.value) || scalar == "·" || scalar == "•"
            }
            #expect(odd.isEmpty, "\(odd.map { String($0.value, radix: 16) }) in \(text)")
        }
    }

    @Test("the rating question names both poles and which end is 1 and which is 7")
    func ratingQuestion() {
        let contrast = Self.pack.contrasts[1]
        let text = Self.wording.question(.rating(contrast: 1, current: nil))
        #expect(text.contains("Contrast 2 of 5: \(contrast.title.replacingOccurrences(of: " ↔ ", with: " versus "))"))
        #expect(text.contains("1 (\(contrast.manager.name), the manager's end)"))
        #expect(text.contains("7 (\(contrast.leader.name), the leader's end)"))
        #expect(text.contains(contrast.leader.headline) && text.contains(contrast.manager.headline))
        #expect(!text.contains("Enter to keep"))
        #expect(Self.wording.question(.rating(contrast: 1, current: 5)).contains("You gave it 5 before; press Enter to keep that."))
    }

    @Test("an answer resumed shows what was written and how to end it")
    func answerQuestion() {
        let text = Self.wording.question(.answer(contrast: 0, prompt: 2, soFar: "one\ntwo"))
        #expect(text.contains("Question 3 of 4 on Vision versus Goals:\n\(Self.pack.contrasts[0].prompts[2])\n"))
        #expect(text.contains("You had written:\n  one\n  two\n"))
        #expect(text.contains("only a full stop"))
        #expect(!Self.wording.question(.answer(contrast: 0, prompt: 2, soFar: "")).contains("You had written"))
    }

    @Test("the resume offer gives the date and the contrast, or the focus or commitment")
    func resumeOffer() {
        let reflection = Self.reflection()
        #expect(Self.wording.question(.resume(reflection, step: .answer(contrast: 2, prompt: 1)))
            == "\nResume your reflection from 15 Jan 2027 08:00 (contrast 3 of 5)? [Y/n]\n")
        #expect(Self.wording.question(.resume(reflection, step: .focus)).contains("(choosing your focus)? [Y/n]"))
        #expect(Self.wording.question(.resume(reflection, step: .commitment)).contains("(writing your commitment)? [Y/n]"))
    }

    @Test("the focus lists every contrast with its rating and marks the suggestion")
    func focusQuestion() {
        var ratings = Self.reflection().ratings
        ratings[Self.pack.contrasts[4].id] = nil
        let lines = Self.wording.question(.focus(ratings: ratings, preset: 2, suggested: 0)).split(separator: "\n")
        #expect(lines.contains("  1 Vision versus Goals: rated 3, your lowest, suggested"))
        #expect(lines.contains { $0.hasPrefix("  5 ") && $0.hasSuffix(": not rated") })
        #expect(lines.last == "Type its number, or press Enter for 3 (\(Self.wording.name(Self.pack.contrasts[2]))).")
    }

    @Test("the summary draws each rating as a bar of # and -, after the number, lined up")
    func summary() {
        let text = Self.wording.question(.summary(Self.reflection()))
        let bars = text.split(separator: "\n").filter { $0.contains(" of 7 [") }
        #expect(bars.count == 5)
        #expect(bars[0].hasSuffix("3 of 7 [###----]"))
        #expect(bars[4].hasSuffix("7 of 7 [#######]"))
        #expect(Set(bars.map { $0.firstIndex(of: "[")!.utf16Offset(in: $0) }).count == 1)
        #expect(text.contains("Focus: Vision versus Goals\nCommitment, due on 12 Feb 2027:\n  Say why\n  then ask how\n"))
        #expect(text.contains("Saved in /data/twohats.sqlite."))
        #expect(PlainWording.bar(nil) == "not rated [.......]")
    }

    @Test("what could not be saved is named")
    func describeSaves() {
        let id = UUID()
        let key = AnswerKey(contrastID: Self.pack.contrasts[3].id, prompt: 1)
        #expect(Self.wording.describe(.answer(reflection: id, key: key, prompt: "?", text: "")) == "your answer to question 2 on \(Self.wording.name(Self.pack.contrasts[3]))")
        #expect(Self.wording.describe(.rating(reflection: id, contrastID: Self.pack.contrasts[0].id, value: 3)) == "your rating for Vision versus Goals")
    }
}
