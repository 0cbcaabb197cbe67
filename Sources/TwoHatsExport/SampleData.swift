import Foundation
import TwoHatsContent
import TwoHatsCore

/// Made-up but plausible reflections and notes for benchmarks and tests: the same seed, base
/// date and pack always give the same data, ids included.
public enum SampleData {
    public static func generate(reflections: Int, notes: Int, seed: UInt64, base: Date, pack: ContentPack) -> UserData {
        var random = SeededGenerator(seed: seed)
        let stepCount = ReflectionStep.steps(for: pack).count
        var data = UserData()
        // Going back in time from `base`, so the first one made is the newest.
        var clock = Timestamp.milliseconds(base)
        for _ in 0..<reflections {
            clock -= Int64(random.int(in: 2 * 3600...40 * 3600)) * 1000
            data.reflections.append(reflection(startingAt: clock, pack: pack, stepCount: stepCount, &random))
        }
        clock = Timestamp.milliseconds(base)
        for _ in 0..<notes {
            clock -= Int64(random.int(in: 600...30 * 3600)) * 1000
            let at = Timestamp.date(milliseconds: clock)
            let contrastID = random.chance(80) ? random.pick(pack.contrasts).id : nil
            let edited = Timestamp.date(milliseconds: clock + Int64(random.int(in: 0...900)) * 1000)
            data.notes.append(ArchivedNote(
                id: uuid(&random), contrastID: contrastID, text: paragraph(lines: random.int(in: 1...4), &random),
                createdAt: at, updatedAt: edited
            ))
        }
        return data
    }

    private static func reflection(startingAt start: Int64, pack: ContentPack, stepCount: Int, _ random: inout SeededGenerator) -> ArchivedReflection {
        let id = uuid(&random)
        let complete = random.chance(90)
        var clock = start
        func tick() -> Date {
            clock += Int64(random.int(in: 20...150)) * 1000
            return Timestamp.date(milliseconds: clock)
        }
        let reached = complete ? pack.contrasts.count : random.int(in: 1...pack.contrasts.count)
        var ratings: [ArchivedRating] = []
        var answers: [ArchivedAnswer] = []
        for contrast in pack.contrasts.prefix(reached) {
            ratings.append(ArchivedRating(contrastID: contrast.id, value: random.int(in: Reflection.ratingRange), updatedAt: tick()))
            for (index, prompt) in contrast.prompts.enumerated() where random.chance(75) {
                let at = tick()
                answers.append(ArchivedAnswer(
                    id: uuid(&random), contrastID: contrast.id, promptIndex: index, prompt: prompt,
                    text: paragraph(lines: random.int(in: 1...3), &random), createdAt: at, updatedAt: at
                ))
            }
        }
        var commitment: ArchivedCommitment?
        var completedAt: Date?
        if complete, let lowest = ratings.min(by: { $0.value < $1.value }) {
            let at = tick()
            commitment = ArchivedCommitment(
                id: uuid(&random), contrastID: lowest.contrastID, text: random.pick(commitments),
                dueDate: Timestamp.date(milliseconds: start + Int64(Reflection.commitmentDays) * 86_400_000),
                createdAt: at, updatedAt: at
            )
            completedAt = tick()
        }
        return ArchivedReflection(
            id: id, packID: pack.id, packVersion: pack.version, createdAt: Timestamp.date(milliseconds: start),
            updatedAt: Timestamp.date(milliseconds: clock), completedAt: completedAt,
            position: ArchivedPosition(step: complete ? stepCount - 1 : random.int(in: 1...(stepCount - 1)), line: 0, column: 0),
            ratings: ratings, answers: answers, commitment: commitment
        )
    }

    /// A version 4 UUID from the generator's bits.
    private static func uuid(_ random: inout SeededGenerator) -> UUID {
        var bytes = [UInt8]()
        for _ in 0..<2 {
            let word = random.next()
            bytes += (0..<8).map { UInt8(truncatingIfNeeded: word >> ($0 * 8)) }
        }
        bytes[6] = bytes[6] & 0x0F | 0x40
        bytes[8] = bytes[8] & 0x3F | 0x80
        return UUID(uuid: (
            bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
            bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
        ))
    }

    private static func paragraph(lines: Int, _ random: inout SeededGenerator) -> String {
        (0..<lines).map { _ in
            "\(random.pick(openings)) \(random.pick(subjects)) \(random.pick(actions)) \(random.pick(endings))."
        }.joined(separator: "\n")
    }

    private static let openings = ["Last week", "On Tuesday", "In the planning meeting", "During our one-to-one", "This month", "After the release", "At the retro"]
    private static let subjects = ["I", "the team", "Amira", "our newest engineer", "Jonas", "the support group", "my manager"]
    private static let actions = [
        "asked for the reason behind the deadline", "ran the stand-up by the checklist", "tried a different way of testing",
        "explained where the product is heading", "fixed the rota without asking anyone", "shared what went wrong openly",
        "handed the design over with only a goal", "kept to the usual process", "suggested a small experiment",
    ]
    private static let endings = [
        "and it went better than expected", "but nobody picked it up", "so I want to repeat it", "and two people joined in",
        "which slowed us down a little", "and I should have listened more", "before the customer call", "without much discussion",
    ]
    private static let commitments = [
        "Start each weekly meeting with why the work matters.", "Let Amira choose how to build the next feature.",
        "Ask one open question in every one-to-one.", "Try one small change to how we review work.",
        "Spend an hour a week learning something outside my comfort zone.",
    ]
}
