import Foundation
import TwoHatsContent
import TwoHatsCore

/// The words of `twohats --plain`: short paragraphs a screen reader reads well, with no
/// colour, no box drawing and no arrows. Lines are not wrapped; the terminal or the reader does that.
public struct PlainWording: Sendable {
    public let pack: ContentPack
    public let timeZone: TimeZone
    /// Where the reflection is kept, for the summary.
    public let databasePath: String
    /// The command that carries on after a pause, with the flags this run was given.
    public let resumeCommand: String

    public init(pack: ContentPack, timeZone: TimeZone, databasePath: String, resumeCommand: String) {
        self.pack = pack
        self.timeZone = timeZone
        self.databasePath = databasePath
        self.resumeCommand = resumeCommand
    }

    public var intro: String {
        """
        TwoHats guided reflection, plain text version.

        For each of the \(pack.contrasts.count) contrasts between managing and leading, you place yourself on a scale from 1, the manager's end, to 7, the leader's end, and then answer a few short questions in your own words. At the end you pick one contrast to work on and write down what you will do about it. Plan on about 15 minutes.

        Answers can run over several lines: finish each one with a line that holds only a full stop (.). A full stop on its own skips a question. Everything is saved as soon as you press Enter. To pause, end the input with Ctrl-D; run \(resumeCommand) later to carry on where you stopped.

        """
    }

    public func question(_ question: PlainQuestion) -> String {
        switch question {
        case let .resume(reflection, step):
            let place = step.contrast.map { " (contrast \($0 + 1) of \(pack.contrasts.count))" }
                ?? (step == .focus ? " (choosing your focus)" : " (writing your commitment)")
            return "\nResume your reflection from \(DateText.dateTime(reflection.updatedAt, in: timeZone))\(place)? [Y/n]\n"
        case let .rating(index, current):
            let contrast = pack.contrasts[index]
            var text = """

            Contrast \(index + 1) of \(pack.contrasts.count): \(name(contrast))
            Leader side, \(contrast.leader.name): \(contrast.leader.headline)
            Manager side, \(contrast.manager.name): \(contrast.manager.headline)
            Where do you stand in most weeks? Type a number from 1 (\(contrast.manager.name), the manager's end) to 7 (\(contrast.leader.name), the leader's end).

            """
            if let current { text += "You gave it \(current) before; press Enter to keep that.\n" }
            return text
        case let .answer(index, prompt, soFar):
            let contrast = pack.contrasts[index]
            let heading = "\nQuestion \(prompt + 1) of \(contrast.prompts.count) on \(name(contrast)):\n\(contrast.prompts[prompt])\n"
            return heading + continuing(soFar) + "(End your answer with a line holding only a full stop.)\n"
        case let .focus(ratings, preset, suggested):
            var text = "\nWhich contrast will you work on in the next four weeks?\n"
            for (index, contrast) in pack.contrasts.enumerated() {
                let rated = ratings[contrast.id].map { "rated \($0)" } ?? "not rated"
                text += "  \(contrast.number) \(name(contrast)): \(rated)\(index == suggested ? ", your lowest, suggested" : "")\n"
            }
            return text + "Type its number, or press Enter for \(pack.contrasts[preset].number) (\(name(pack.contrasts[preset]))).\n"
        case let .commitment(focus, due, soFar):
            return """

            Your focus: \(name(pack.contrasts[focus])).
            Write one concrete thing you will do about it in the next four weeks, due on \(DateText.day(due, in: timeZone)). A small leadership habit added to work you already do, such as a one-to-one or a team meeting, counts.

            """ + continuing(soFar) + "(End it with a line holding only a full stop.)\n"
        case let .summary(reflection):
            return summary(reflection)
        }
    }

    public func problem(_ problem: PlainProblem) -> String {
        switch problem {
        case .notYesOrNo:
            return "Please type y to resume or n to start a new reflection (the unfinished one stays in your history).\n"
        case let .notARating(index):
            let contrast = pack.contrasts[index]
            return "That is not a rating. Type a whole number from 1 (\(contrast.manager.name)) to 7 (\(contrast.leader.name)).\n"
        case let .notAFocus(count):
            return "That is not one of the contrasts. Type a number from 1 to \(count), or just press Enter.\n"
        }
    }

    /// After the end of the input.
    public var paused: String {
        "\nPaused. Everything you answered is saved; run \(resumeCommand) to carry on, or resume it in the full-screen app with r.\n"
    }

    /// After Ctrl-C, SIGTERM or SIGHUP: a line still being typed is not in yet.
    public var interrupted: String {
        "\nStopped. Everything up to your last Enter is saved; run \(resumeCommand) to carry on.\n"
    }

    /// What a save holds, for the line that says it could not be written.
    public func describe(_ save: Save) -> String {
        switch save {
        case let .rating(_, id, _):
            "your rating for " + title(id)
        case let .answer(_, key, _, _):
            "your answer to question \(key.prompt + 1) on " + title(key.contrastID)
        case .position:
            "your place in the reflection"
        case .commitment:
            "your focus and commitment"
        case .complete:
            "the end of the reflection"
        case .note:
            "your note"
        }
    }

    func summary(_ reflection: Reflection) -> String {
        var text = "\nYour reflection is complete. Your profile, from 1 (the manager's end) to 7 (the leader's end):\n"
        let names = pack.contrasts.map { "\($0.number) \(name($0))" }
        let width = names.map(DisplayWidth.of).max() ?? 0
        for (contrast, label) in zip(pack.contrasts, names) {
            let padding = String(repeating: " ", count: width - DisplayWidth.of(label))
            text += "  \(label):\(padding) \(Self.bar(reflection.ratings[contrast.id]))\n"
        }
        if let commitment = reflection.commitment {
            text += "\nFocus: \(title(commitment.contrastID))\nCommitment, due on \(DateText.day(commitment.dueDate, in: timeZone)):\n"
            text += commitment.text.isEmpty ? "  (not written)\n" : indented(commitment.text)
        }
        return text + "\nSaved in \(databasePath). The full-screen app (twohats) lists it under Notes & history.\n"
    }

    /// "5 of 7 [#####--]": the number first for a screen reader, the bar for the eye.
    static func bar(_ value: Int?) -> String {
        let top = Reflection.ratingRange.upperBound
        guard let value else { return "not rated [" + String(repeating: ".", count: top) + "]" }
        return "\(value) of \(top) [" + String(repeating: "#", count: value) + String(repeating: "-", count: top - value) + "]"
    }

    /// The title with its arrow spoken: "Vision versus Goals".
    func name(_ contrast: Contrast) -> String {
        contrast.title.replacingOccurrences(of: "↔", with: " versus ")
            .split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }

    private func title(_ contrastID: String) -> String {
        pack.contrasts.first { $0.id == contrastID }.map(name) ?? contrastID
    }

    private func continuing(_ soFar: String) -> String {
        guard !soFar.isEmpty else { return "" }
        return "You had written:\n" + indented(soFar) + "Type more lines to add to it, or a full stop alone to keep it as it is.\n"
    }

    private func indented(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { "  \($0)\n" }.joined()
    }
}
