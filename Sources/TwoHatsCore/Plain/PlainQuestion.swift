import Foundation

/// What `twohats --plain` is asking right now; the wording is UI's.
public enum PlainQuestion: Equatable, Sendable {
    /// "Resume your reflection from <date> (contrast N of 5)? [Y/n]", at `step` of the reflection.
    case resume(Reflection, step: ReflectionStep)
    /// The two poles and the 1 to 7 question; `current` is kept by an empty line.
    case rating(contrast: Int, current: Int?)
    /// A prompt answered in lines up to a "." alone; `soFar` was saved before a pause.
    case answer(contrast: Int, prompt: Int, soFar: String)
    /// The contrast to work on: an empty line takes `preset` (the earlier choice, else the lowest rating).
    case focus(ratings: [String: Int], preset: Int, suggested: Int)
    case commitment(focus: Int, due: Date, soFar: String)
    /// The reflection is complete.
    case summary(Reflection)
}

/// An answer line that does not fit the question; the question stands.
public enum PlainProblem: Equatable, Sendable {
    case notYesOrNo
    /// Not a whole number in 1...7 (an empty line with no earlier rating included).
    case notARating(contrast: Int)
    /// Not the number of a contrast.
    case notAFocus(count: Int)
}

/// What an answer line did, besides the saves it asks for.
public enum PlainReply: Equatable, Sendable {
    /// The question changed: ask the new one.
    case ask
    /// A line of a multi-line answer was taken; the answer goes on.
    case more
    /// The line was refused; say why and wait for another.
    case problem(PlainProblem)
}
