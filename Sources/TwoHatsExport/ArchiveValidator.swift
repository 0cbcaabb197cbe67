import Foundation
import TwoHatsCore

/// The rules a decoded export must keep before it may be merged, so that a bad file is refused
/// whole instead of failing halfway through a transaction.
enum ArchiveValidator {
    static func validate(_ data: UserData) throws(ArchiveError) {
        var reflectionIDs = Set<UUID>(minimumCapacity: data.reflections.count), commitmentIDs = reflectionIDs
        var answerIDs = Set<UUID>(minimumCapacity: data.reflections.reduce(0) { $0 + $1.answers.count })
        var noteIDs = Set<UUID>(minimumCapacity: data.notes.count)
        for (index, reflection) in data.reflections.enumerated() {
            // Paths are spelled only for a refusal: building them for every item cost a tenth of an import.
            let path = { "reflections[\(index)]" }
            try unique(reflection.id, in: &reflectionIDs, at: path() + ".id")
            try nonEmpty(reflection.packID, at: path() + ".packID")
            for (name, value) in [("step", reflection.position.step), ("line", reflection.position.line), ("column", reflection.position.column)] where value < 0 {
                throw ArchiveError(.invalid, path: "\(path()).position.\(name)", "\(value) is below 0")
            }
            var rated = Set<String>()
            for (ratingIndex, rating) in reflection.ratings.enumerated() {
                let ratingPath = { "\(path()).ratings[\(ratingIndex)]" }
                try nonEmpty(rating.contrastID, at: ratingPath() + ".contrastID")
                guard rated.insert(rating.contrastID).inserted else {
                    throw ArchiveError(.invalid, path: ratingPath() + ".contrastID", "\(rating.contrastID) is rated twice in this reflection")
                }
                guard Reflection.ratingRange.contains(rating.value) else {
                    throw ArchiveError(.invalid, path: ratingPath() + ".value", """
                        \(rating.value) is outside \(Reflection.ratingRange.lowerBound) to \(Reflection.ratingRange.upperBound)
                        """)
                }
            }
            var answered = Set<AnswerKey>()
            for (answerIndex, answer) in reflection.answers.enumerated() {
                let answerPath = { "\(path()).answers[\(answerIndex)]" }
                try unique(answer.id, in: &answerIDs, at: answerPath() + ".id")
                try nonEmpty(answer.contrastID, at: answerPath() + ".contrastID")
                guard answer.promptIndex >= 0 else {
                    throw ArchiveError(.invalid, path: answerPath() + ".promptIndex", "\(answer.promptIndex) is below 0")
                }
                guard answered.insert(AnswerKey(contrastID: answer.contrastID, prompt: answer.promptIndex)).inserted else {
                    throw ArchiveError(.invalid, path: answerPath(), "a second answer to prompt \(answer.promptIndex) of \(answer.contrastID)")
                }
            }
            if let commitment = reflection.commitment {
                try unique(commitment.id, in: &commitmentIDs, at: path() + ".commitment.id")
                try nonEmpty(commitment.contrastID, at: path() + ".commitment.contrastID")
            }
        }
        for (index, note) in data.notes.enumerated() {
            try unique(note.id, in: &noteIDs, at: "notes[\(index)].id")
        }
    }

    private static func unique(_ id: UUID, in seen: inout Set<UUID>, at path: @autoclosure () -> String) throws(ArchiveError) {
        guard seen.insert(id).inserted else {
            throw ArchiveError(.invalid, path: path(), "\(id.archiveText) is used twice")
        }
    }

    private static func nonEmpty(_ text: String, at path: @autoclosure () -> String) throws(ArchiveError) {
        guard !text.isEmpty else { throw ArchiveError(.invalid, path: path(), "must not be empty") }
    }
}
