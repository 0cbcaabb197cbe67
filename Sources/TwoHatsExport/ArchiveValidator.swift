import Foundation
import TwoHatsCore

/// The rules a decoded export must keep before it may be merged, so that a bad file is refused
/// whole instead of failing halfway through a transaction. It takes the items one at a time,
/// in the file's order, so that an import can check each as it is read (ArchiveStream).
struct ArchiveValidator {
    private var reflectionIDs = Set<UUID>(), commitmentIDs = Set<UUID>(), answerIDs = Set<UUID>(), noteIDs = Set<UUID>()
    private var reflectionCount = 0, noteCount = 0

    static func validate(_ data: UserData) throws(ArchiveError) {
        var validator = ArchiveValidator()
        validator.answerIDs.reserveCapacity(data.reflections.reduce(0) { $0 + $1.answers.count })
        for reflection in data.reflections { try validator.check(reflection) }
        for note in data.notes { try validator.check(note) }
    }

    /// The next reflection of the file.
    mutating func check(_ reflection: ArchivedReflection) throws(ArchiveError) {
        let index = reflectionCount
        reflectionCount += 1
        // Paths are spelled only for a refusal: building them for every item cost a tenth of an import.
        let path = { "reflections[\(index)]" }
        try Self.unique(reflection.id, in: &reflectionIDs, at: path() + ".id")
        try Self.nonEmpty(reflection.packID, at: path() + ".packID")
        for (name, value) in [("step", reflection.position.step), ("line", reflection.position.line), ("column", reflection.position.column)] where value < 0 {
            throw ArchiveError(.invalid, path: "\(path()).position.\(name)", "\(value) is below 0")
        }
        var rated = Set<String>()
        for (ratingIndex, rating) in reflection.ratings.enumerated() {
            let ratingPath = { "\(path()).ratings[\(ratingIndex)]" }
            try Self.nonEmpty(rating.contrastID, at: ratingPath() + ".contrastID")
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
            try Self.unique(answer.id, in: &answerIDs, at: answerPath() + ".id")
            try Self.nonEmpty(answer.contrastID, at: answerPath() + ".contrastID")
            guard answer.promptIndex >= 0 else {
                throw ArchiveError(.invalid, path: answerPath() + ".promptIndex", "\(answer.promptIndex) is below 0")
            }
            guard answered.insert(AnswerKey(contrastID: answer.contrastID, prompt: answer.promptIndex)).inserted else {
                throw ArchiveError(.invalid, path: answerPath(), "a second answer to prompt \(answer.promptIndex) of \(answer.contrastID)")
            }
        }
        if let commitment = reflection.commitment {
            try Self.unique(commitment.id, in: &commitmentIDs, at: path() + ".commitment.id")
            try Self.nonEmpty(commitment.contrastID, at: path() + ".commitment.contrastID")
        }
    }

    /// The next note of the file.
    mutating func check(_ note: ArchivedNote) throws(ArchiveError) {
        let index = noteCount
        noteCount += 1
        try Self.unique(note.id, in: &noteIDs, at: "notes[\(index)].id")
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
