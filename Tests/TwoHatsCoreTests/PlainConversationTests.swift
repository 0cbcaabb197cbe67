import Foundation
import Testing
import TwoHatsContent
@testable import TwoHatsCore

/// The plain session's conversation: every step, refused lines, resume positions, empty
/// answers and the focus suggestion, with the exact saves each line asks for.
@Suite("Plain conversation")
struct PlainConversationTests {
    static let pack = Fixtures.pack
    static let steps = ReflectionStep.steps(for: pack)
    static let id = UUID(uuidString: "00000000-0000-0000-0000-0000000000AA")!
    static let began = Date(timeIntervalSince1970: 1_800_000_000)

    static func index(_ step: ReflectionStep) -> Int { steps.firstIndex(of: step)! }
    static func contrastID(_ index: Int) -> String { pack.contrasts[index].id }
    static func key(_ contrast: Int, _ prompt: Int) -> AnswerKey { AnswerKey(contrastID: contrastID(contrast), prompt: prompt) }
    static func prompt(_ contrast: Int, _ prompt: Int) -> String { pack.contrasts[contrast].prompts[prompt] }
    static func position(_ step: ReflectionStep, line: Int = 0, column: Int = 0) -> Effect {
        .save(.position(reflection: id, Position(step: index(step), line: line, column: column)))
    }
    static func answer(_ contrast: Int, _ prompt: Int, _ text: String) -> Effect {
        .save(.answer(reflection: id, key: key(contrast, prompt), prompt: Self.prompt(contrast, prompt), text: text))
    }

    static func fresh() -> Reflection {
        Reflection(id: id, packID: pack.id, packVersion: pack.version, createdAt: began)
    }

    /// A conversation on a new reflection, at the first rating.
    static func started() -> PlainConversation {
        var conversation = PlainConversation(pack: pack, unfinished: nil)
        _ = conversation.begin(fresh())
        return conversation
    }

    @Test("with nothing to resume it asks for a new reflection, then starts at the first rating")
    func startsNew() {
        var conversation = PlainConversation(pack: Self.pack, unfinished: nil)
        #expect(conversation.open() == [.startReflection])
        #expect(conversation.question == nil)
        #expect(conversation.begin(Self.fresh()) == [Self.position(.rating(contrast: 0))])
        #expect(conversation.question == .rating(contrast: 0, current: nil))
    }

    @Test("a rating from 1 to 7 is saved and the first prompt follows", arguments: Reflection.ratingRange)
    func rating(value: Int) {
        var conversation = Self.started()
        let (effects, reply) = conversation.answer(" \(value) ")
        #expect(reply == .ask)
        #expect(effects == [
            .save(.rating(reflection: Self.id, contrastID: Self.contrastID(0), value: value)),
            Self.position(.answer(contrast: 0, prompt: 0)),
        ])
        #expect(conversation.question == .answer(contrast: 0, prompt: 0, soFar: ""))
        #expect(conversation.session?.reflection.ratings == [Self.contrastID(0): value])
    }

    @Test("anything but a whole number from 1 to 7 is refused and the question stands", arguments: ["", "0", "8", "-1", "4.5", "five", "5 6", "١"])
    func badRating(line: String) {
        var conversation = Self.started()
        let (effects, reply) = conversation.answer(line)
        #expect(effects.isEmpty)
        #expect(reply == .problem(.notARating(contrast: 0)))
        #expect(conversation.question == .rating(contrast: 0, current: nil))
        #expect(conversation == Self.started())
    }

    @Test("each line of an answer is saved as it comes, with the cursor at its end; a full stop alone ends it")
    func multiLineAnswer() {
        var conversation = Self.started()
        _ = conversation.answer("3")
        let first = conversation.answer("Café ☕ e\u{301}")
        #expect(first.reply == .more)
        #expect(first.effects == [Self.answer(0, 0, "Café ☕ e\u{301}"), Self.position(.answer(contrast: 0, prompt: 0), line: 0, column: 8)])
        let second = conversation.answer("日本語 👍🏽")
        #expect(second.reply == .more)
        #expect(second.effects == [
            Self.answer(0, 0, "Café ☕ e\u{301}\n日本語 👍🏽"), Self.position(.answer(contrast: 0, prompt: 0), line: 1, column: 5),
        ])
        #expect(conversation.question == .answer(contrast: 0, prompt: 0, soFar: "Café ☕ e\u{301}\n日本語 👍🏽"))
        let end = conversation.answer(" . ")
        #expect(end.reply == .ask)
        #expect(end.effects == [Self.position(.answer(contrast: 0, prompt: 1))])
        #expect(conversation.question == .answer(contrast: 0, prompt: 1, soFar: ""))
    }

    @Test("an empty answer is saved empty so that a resume knows it was seen; empty lines inside an answer are kept")
    func emptyAnswers() {
        var conversation = Self.started()
        _ = conversation.answer("3")
        let skipped = conversation.answer(".")
        #expect(skipped.effects == [
            Self.answer(0, 0, ""), Self.position(.answer(contrast: 0, prompt: 0)), Self.position(.answer(contrast: 0, prompt: 1)),
        ])
        _ = conversation.answer("")
        _ = conversation.answer("after a blank")
        _ = conversation.answer(".")
        #expect(conversation.session?.reflection.answers == [Self.key(0, 0): "", Self.key(0, 1): "\nafter a blank"])
    }

    @Test("control characters typed or pasted into a line are dropped before saving")
    func controlCharacters() {
        var conversation = Self.started()
        _ = conversation.answer("3")
        let (effects, _) = conversation.answer("red\u{1B}[31m text\u{7}\tend")
        #expect(effects.first == Self.answer(0, 0, "red[31m textend"))
    }

    @Test("a whole reflection visits every rating and prompt in order, then the focus and the commitment, and completes")
    func wholeReflection() {
        var conversation = Self.started()
        var asked: [PlainQuestion] = []
        var saves: [Effect] = []
        for contrast in Self.pack.contrasts.indices {
            asked.append(conversation.question!)
            saves += conversation.answer("\(contrast + 2)").effects
            for prompt in Self.pack.contrasts[contrast].prompts.indices {
                asked.append(conversation.question!)
                saves += conversation.answer("answer \(contrast).\(prompt)").effects
                saves += conversation.answer(".").effects
            }
        }
        let ratings = Dictionary(uniqueKeysWithValues: Self.pack.contrasts.enumerated().map { ($1.id, $0 + 2) })
        #expect(conversation.question == .focus(ratings: ratings, preset: 0, suggested: 0))
        saves += conversation.answer("2").effects
        let due = Self.began.addingTimeInterval(28 * 86_400)
        #expect(conversation.question == .commitment(focus: 1, due: due, soFar: ""))
        saves += conversation.answer("Ask why first in every one-to-one").effects
        let last = conversation.answer(".")
        #expect(last.reply == .ask)
        #expect(last.effects == [.save(.complete(reflection: Self.id)), .save(.position(reflection: Self.id, Position(step: Self.steps.count - 1)))])
        #expect(conversation.stage == .finished)

        let expected: [PlainQuestion] = Self.steps.compactMap { step in
            switch step {
            case let .rating(contrast): .rating(contrast: contrast, current: nil)
            case let .answer(contrast, prompt): .answer(contrast: contrast, prompt: prompt, soFar: "")
            default: nil
            }
        }
        #expect(asked == expected)
        let answers = saves.filter { if case .save(.answer) = $0 { true } else { false } }
        #expect(answers.count == Self.pack.contrasts.map(\.prompts.count).reduce(0, +))
        let commitment = Commitment(contrastID: Self.contrastID(1), text: "Ask why first in every one-to-one", dueDate: due)
        #expect(saves.contains(.save(.commitment(reflection: Self.id, commitment))))
        guard case let .summary(reflection)? = conversation.question else {
            Issue.record("no summary after the commitment")
            return
        }
        #expect(reflection.ratings == ratings)
        #expect(reflection.commitment == commitment)
        #expect(reflection.answers[Self.key(4, 3)] == "answer 4.3")
    }
}

extension PlainConversationTests {
    /// A reflection with every rating and answer, at the focus step.
    static func answered(ratings: [Int]) -> Reflection {
        var reflection = fresh()
        for (index, contrast) in pack.contrasts.enumerated() {
            reflection.ratings[contrast.id] = ratings[index]
            for prompt in contrast.prompts.indices { reflection.answers[key(index, prompt)] = "" }
        }
        reflection.position = Position(step: index(.focus))
        return reflection
    }

    @Test("the focus suggests the lowest rating (the first of equals); Enter takes it, a number picks another")
    func focusSuggestion() throws {
        var conversation = PlainConversation(pack: Self.pack, unfinished: nil)
        let reflection = Self.answered(ratings: [5, 2, 6, 2, 7])
        _ = conversation.begin(reflection)
        #expect(conversation.question == .focus(ratings: reflection.ratings, preset: 1, suggested: 1))
        var enter = conversation
        let due = Self.began.addingTimeInterval(28 * 86_400)
        #expect(enter.answer("").effects == [
            .save(.commitment(reflection: Self.id, Commitment(contrastID: Self.contrastID(1), text: "", dueDate: due))),
            Self.position(.commitment),
        ])
        #expect(enter.question == .commitment(focus: 1, due: due, soFar: ""))
        var five = conversation
        _ = five.answer("5")
        #expect(five.question == .commitment(focus: 4, due: due, soFar: ""))
    }

    @Test("a focus that is not a contrast's number is refused", arguments: ["0", "6", "two", "1 2"])
    func badFocus(line: String) {
        var conversation = PlainConversation(pack: Self.pack, unfinished: nil)
        _ = conversation.begin(Self.answered(ratings: [4, 4, 4, 4, 4]))
        let before = conversation
        let (effects, reply) = conversation.answer(line)
        #expect(effects.isEmpty)
        #expect(reply == .problem(.notAFocus(count: 5)))
        #expect(conversation == before)
    }

    @Test("an unfinished reflection is offered; y or Enter resumes it, n starts a new one, anything else asks again")
    func resumeOffer() {
        var reflection = Self.fresh()
        reflection.ratings[Self.contrastID(0)] = 3
        reflection.position = Position(step: Self.index(.answer(contrast: 0, prompt: 0)))
        let offered = PlainConversation(pack: Self.pack, unfinished: reflection)
        #expect(offered.open().isEmpty)
        #expect(offered.question == .resume(reflection, step: .answer(contrast: 0, prompt: 0)))
        for yes in ["", "y", "Yes", " Y "] {
            var conversation = offered
            let (effects, reply) = conversation.answer(yes)
            #expect(reply == .ask)
            #expect(effects == [Self.position(.answer(contrast: 0, prompt: 0))])
            #expect(conversation.question == .answer(contrast: 0, prompt: 0, soFar: ""))
        }
        var no = offered
        #expect(no.answer("n").effects == [.startReflection])
        #expect(no.stage == .starting)
        var other = offered
        #expect(other.answer("later").reply == .problem(.notYesOrNo))
        #expect(other == offered)
    }

    @Test("a half-written answer is resumed at its step, and new lines add to it")
    func resumeHalfWritten() {
        var reflection = Self.fresh()
        reflection.ratings[Self.contrastID(0)] = 3
        reflection.answers[Self.key(0, 0)] = "written before"
        reflection.position = Position(step: Self.index(.answer(contrast: 0, prompt: 0)), line: 0, column: 3)
        var conversation = PlainConversation(pack: Self.pack, unfinished: reflection)
        _ = conversation.answer("y")
        #expect(conversation.question == .answer(contrast: 0, prompt: 0, soFar: "written before"))
        #expect(conversation.answer("and after").effects.first == Self.answer(0, 0, "written before\nand after"))
        var keep = PlainConversation(pack: Self.pack, unfinished: reflection)
        _ = keep.answer("y")
        #expect(keep.answer(".").effects == [Self.position(.answer(contrast: 0, prompt: 1))])
    }

    @Test("a resume starts at the first unanswered step, even before where the full-screen app stopped")
    func resumeAtFirstUnanswered() {
        var reflection = Self.fresh()
        for contrast in 0...1 { reflection.ratings[Self.contrastID(contrast)] = 4 }
        for prompt in [0, 2, 3] { reflection.answers[Self.key(0, prompt)] = "x" }
        reflection.position = Position(step: Self.index(.rating(contrast: 1)))
        let session = ReflectionSession(reflection: reflection, pack: Self.pack)
        #expect(PlainConversation.resumeStep(of: session, in: Self.pack) == Self.index(.answer(contrast: 0, prompt: 1)))
        var conversation = PlainConversation(pack: Self.pack, unfinished: reflection)
        _ = conversation.answer("y")
        _ = conversation.answer(".")
        // Answered steps are passed over: the rating of contrast 2 is kept, its first prompt is next.
        #expect(conversation.question == .answer(contrast: 1, prompt: 0, soFar: ""))
    }

    @Test("a rating saved before a pause is kept by an empty line")
    func keepRating() {
        var reflection = Self.fresh()
        reflection.ratings[Self.contrastID(0)] = 6
        reflection.position = Position(step: Self.index(.rating(contrast: 0)))
        var conversation = PlainConversation(pack: Self.pack, unfinished: reflection)
        _ = conversation.answer("")
        #expect(conversation.question == .rating(contrast: 0, current: 6))
        let (effects, _) = conversation.answer("")
        #expect(effects == [Self.position(.answer(contrast: 0, prompt: 0))])
        #expect(conversation.session?.reflection.ratings == [Self.contrastID(0): 6])
    }

    @Test("resume positions: from the intro, the review, the focus and the commitment")
    func resumePositions() {
        let fresh = ReflectionSession(reflection: Self.fresh(), pack: Self.pack)
        #expect(PlainConversation.resumeStep(of: fresh, in: Self.pack) == Self.index(.rating(contrast: 0)))

        var reviewing = Self.answered(ratings: [3, 3, 3, 3, 3])
        reviewing.position = Position(step: Self.index(.review))
        let review = ReflectionSession(reflection: reviewing, pack: Self.pack)
        #expect(PlainConversation.resumeStep(of: review, in: Self.pack) == Self.index(.focus))

        var committing = reviewing
        committing.commitment = Commitment(contrastID: Self.contrastID(2), text: "", dueDate: Self.began)
        let commitment = ReflectionSession(reflection: committing, pack: Self.pack)
        #expect(PlainConversation.resumeStep(of: commitment, in: Self.pack) == Self.index(.commitment))

        var conversation = PlainConversation(pack: Self.pack, unfinished: committing)
        #expect(conversation.question == .resume(committing, step: .commitment))
        _ = conversation.answer("y")
        #expect(conversation.question == .commitment(focus: 2, due: Self.began, soFar: ""))
    }
}
