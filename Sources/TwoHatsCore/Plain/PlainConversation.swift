import Foundation
import TwoHatsContent

/// The guided reflection as questions answered one line at a time (`twohats --plain`): the
/// same steps, saves and position as the full-screen reflection, without review or keys.
/// Pure: the driver prints `question`, feeds each line to `answer`, and performs the effects.
public struct PlainConversation: Equatable, Sendable {
    public enum Stage: Equatable, Sendable {
        /// Asking whether to resume this unfinished reflection.
        case offering(Reflection)
        /// Waiting for `begin` with the reflection `.startReflection` created.
        case starting
        /// Asking the session's current step.
        case asking
        case finished
    }

    public let pack: ContentPack
    public private(set) var stage: Stage
    public private(set) var session: ReflectionSession?
    /// The lines of the text answer being written, those saved before a pause included.
    private var draft: [String] = []

    public init(pack: ContentPack, unfinished: Reflection?) {
        self.pack = pack
        stage = unfinished.map(Stage.offering) ?? .starting
    }

    /// The first effects: a new reflection when there is none to resume.
    public func open() -> [Effect] {
        stage == .starting ? [.startReflection] : []
    }

    /// Works on `reflection` from its first question not yet answered.
    public mutating func begin(_ reflection: Reflection) -> [Effect] {
        let session = ReflectionSession(reflection: reflection, pack: pack)
        self.session = session
        return go(to: Self.resumeStep(of: session, in: pack))
    }

    public var question: PlainQuestion? {
        switch stage {
        case let .offering(reflection):
            let session = ReflectionSession(reflection: reflection, pack: pack)
            return .resume(reflection, step: session.steps[Self.resumeStep(of: session, in: pack)])
        case .starting:
            return nil
        case .finished:
            return session.map { .summary($0.reflection) }
        case .asking:
            guard let session else { return nil }
            switch session.currentStep {
            case let .rating(contrast):
                return .rating(contrast: contrast, current: session.reflection.ratings[pack.contrasts[contrast].id])
            case let .answer(contrast, prompt):
                return .answer(contrast: contrast, prompt: prompt, soFar: session.text(of: session.currentStep, in: pack))
            case .commitment:
                let commitment = session.reflection.commitment ?? session.commitment(focus: focusPreset(session), in: pack)
                let focus = pack.contrasts.firstIndex { $0.id == commitment.contrastID } ?? 0
                return .commitment(focus: focus, due: commitment.dueDate, soFar: commitment.text)
            default:
                return .focus(ratings: session.reflection.ratings, preset: focusPreset(session), suggested: session.suggestedFocus(in: pack))
            }
        }
    }

    /// Takes one line of input (without its newline).
    public mutating func answer(_ line: String) -> (effects: [Effect], reply: PlainReply) {
        let word = line.trimmingCharacters(in: .whitespaces)
        switch stage {
        case let .offering(reflection):
            switch word.lowercased() {
            case "", "y", "yes": return (begin(reflection), .ask)
            case "n", "no":
                stage = .starting
                return ([.startReflection], .ask)
            default: return ([], .problem(.notYesOrNo))
            }
        case .asking:
            guard let step = session?.currentStep else { return ([], .ask) }
            switch step {
            case let .rating(contrast): return rate(contrast, word)
            case .focus: return focus(word)
            default: return write(line, ends: word == ".")
            }
        case .starting, .finished:
            return ([], .ask)
        }
    }

    private mutating func rate(_ contrast: Int, _ word: String) -> (effects: [Effect], reply: PlainReply) {
        guard var session else { return ([], .ask) }
        let id = pack.contrasts[contrast].id
        if word.isEmpty, session.reflection.ratings[id] != nil {
            return (next(), .ask)
        }
        guard let value = Int(word), Reflection.ratingRange.contains(value) else {
            return ([], .problem(.notARating(contrast: contrast)))
        }
        session.reflection.ratings[id] = value
        self.session = session
        return ([.save(.rating(reflection: session.reflection.id, contrastID: id, value: value))] + next(), .ask)
    }

    private mutating func focus(_ word: String) -> (effects: [Effect], reply: PlainReply) {
        guard var session else { return ([], .ask) }
        let count = pack.contrasts.count
        let choice = word.isEmpty ? focusPreset(session) : Int(word).map { $0 - 1 }
        guard let choice, pack.contrasts.indices.contains(choice) else {
            return ([], .problem(.notAFocus(count: count)))
        }
        let commitment = session.commitment(focus: choice, in: pack)
        session.reflection.commitment = commitment
        self.session = session
        return ([.save(.commitment(reflection: session.reflection.id, commitment))] + next(), .ask)
    }

    /// A line of an answer or of the commitment, saved at once; "." alone ends it. An answer
    /// left empty is saved empty, so that a resume knows it was seen.
    private mutating func write(_ line: String, ends: Bool) -> (effects: [Effect], reply: PlainReply) {
        guard var session else { return ([], .ask) }
        let step = session.currentStep
        let isSaved = switch step {
        case let .answer(contrast, prompt):
            session.reflection.answers[AnswerKey(contrastID: pack.contrasts[contrast].id, prompt: prompt)] != nil
        default:
            session.reflection.commitment != nil
        }
        if ends, isSaved {
            return (next(), .ask)
        }
        if !ends { draft.append(TextEditor(text: line).text) }
        let text = draft.joined(separator: "\n")
        let effects = [save(text, of: step, in: &session)] + [position(of: &session, text: text)]
        self.session = session
        return ends ? (effects + next(), .ask) : (effects, .more)
    }

    private func save(_ text: String, of step: ReflectionStep, in session: inout ReflectionSession) -> Effect {
        let reflection = session.reflection.id
        if case let .answer(contrast, prompt) = step {
            let item = pack.contrasts[contrast]
            let key = AnswerKey(contrastID: item.id, prompt: prompt)
            session.reflection.answers[key] = text
            return .save(.answer(reflection: reflection, key: key, prompt: item.prompts[prompt], text: text))
        }
        var commitment = session.reflection.commitment ?? session.commitment(focus: focusPreset(session), in: pack)
        commitment.text = text
        session.reflection.commitment = commitment
        return .save(.commitment(reflection: reflection, commitment))
    }

    /// The cursor at the end of `text`, where the full-screen app would put it on a resume.
    private func position(of session: inout ReflectionSession, text: String) -> Effect {
        session.editor = TextEditor(text: text, line: .max, column: .max)
        return .save(.position(reflection: session.reflection.id, session.position))
    }

    /// On to the next question not yet answered; after the last one the reflection is complete.
    private mutating func next() -> [Effect] {
        guard let session else { return [] }
        let later = session.steps.indices.first { $0 > session.step && Self.isOpen($0, in: session, pack) }
        guard let later else {
            let summary = session.steps.count - 1
            self.session?.step = summary
            stage = .finished
            return [
                .save(.complete(reflection: session.reflection.id)),
                .save(.position(reflection: session.reflection.id, Position(step: summary))),
            ]
        }
        return go(to: later)
    }

    private mutating func go(to step: Int) -> [Effect] {
        guard var session else { return [] }
        session.step = step
        let text = session.text(of: session.currentStep, in: pack)
        draft = text.isEmpty ? [] : Array(TextEditor(text: text).lines)
        stage = .asking
        let effect = position(of: &session, text: text)
        self.session = session
        return [effect]
    }

    private func focusPreset(_ session: ReflectionSession) -> Int {
        session.reflection.commitment.flatMap { commitment in pack.contrasts.firstIndex { $0.id == commitment.contrastID } }
            ?? session.suggestedFocus(in: pack)
    }
}

extension PlainConversation {
    /// Where a resume starts: the first question not yet answered, or the step the user was on
    /// when they paused if that comes first (to finish a half-written answer).
    public static func resumeStep(of session: ReflectionSession, in pack: ContentPack) -> Int {
        let asked = session.steps.indices.filter { isAsked(session.steps[$0]) }
        return asked.first { isOpen($0, in: session, pack) || $0 == session.reflection.position.step } ?? asked.last ?? 0
    }

    /// Whether a step is still to be answered.
    static func isOpen(_ index: Int, in session: ReflectionSession, _ pack: ContentPack) -> Bool {
        let reflection = session.reflection
        switch session.steps[index] {
        case let .rating(contrast):
            return reflection.ratings[pack.contrasts[contrast].id] == nil
        case let .answer(contrast, prompt):
            return reflection.answers[AnswerKey(contrastID: pack.contrasts[contrast].id, prompt: prompt)] == nil
        case .focus:
            return reflection.commitment == nil
        case .commitment:
            return reflection.commitment?.text.isEmpty ?? true
        case .intro, .review, .summary:
            return false
        }
    }

    /// The plain session asks only these: the review belongs to the full-screen app.
    static func isAsked(_ step: ReflectionStep) -> Bool {
        switch step {
        case .rating, .answer, .focus, .commitment: true
        case .intro, .review, .summary: false
        }
    }
}
