import Foundation
import TwoHatsContent

/// A reflection being worked on: the saved data plus where the user is in it.
public struct ReflectionSession: Equatable, Sendable {
    public var reflection: Reflection
    public let steps: [ReflectionStep]
    public var step: Int
    /// The field of the current text step (an answer or the commitment).
    public var editor = TextEditor()
    /// The highlighted line on the review step: an index into `reviewTargets`.
    public var reviewSelection = 0
    /// The highlighted contrast on the focus step.
    public var focusSelection = 0
    /// The scroll offset of the intro and the summary, which can be taller than a small terminal.
    public var scroll = 0

    public init(reflection: Reflection, pack: ContentPack) {
        self.reflection = reflection
        steps = ReflectionStep.steps(for: pack)
        step = min(max(0, reflection.position.step), steps.count - 1)
    }

    public var currentStep: ReflectionStep { steps[step] }

    /// The steps the review lists and can jump back to.
    public var reviewTargets: [Int] {
        steps.indices.filter { steps[$0].contrast != nil || steps[$0] == .commitment }
    }

    /// The contrast index with the lowest rating (the first of equals), suggested as the focus.
    public func suggestedFocus(in pack: ContentPack) -> Int {
        let rated = pack.contrasts.indices.map { (index: $0, value: reflection.ratings[pack.contrasts[$0].id] ?? Int.max) }
        return rated.min { $0.value < $1.value }?.index ?? 0
    }
}

extension ReflectionSession {
    /// Where to come back to: the step, and the cursor when the step has a field.
    public var position: Position {
        currentStep.isText
            ? Position(step: step, line: editor.cursor.line, column: editor.cursor.column)
            : Position(step: step)
    }

    /// The saved text of a text step.
    public func text(of step: ReflectionStep, in pack: ContentPack) -> String {
        switch step {
        case let .answer(contrast, prompt):
            reflection.answers[AnswerKey(contrastID: pack.contrasts[contrast].id, prompt: prompt)] ?? ""
        case .commitment:
            reflection.commitment?.text ?? ""
        default:
            ""
        }
    }
}

extension ReflectionSession {
    /// The commitment for a focus contrast, keeping any text already written; due four weeks
    /// after the reflection began.
    public func commitment(focus: Int, in pack: ContentPack) -> Commitment {
        Commitment(
            contrastID: pack.contrasts[focus].id,
            text: reflection.commitment?.text ?? "",
            dueDate: reflection.createdAt.addingTimeInterval(TimeInterval(Reflection.commitmentDays * 86_400))
        )
    }
}
