import Foundation
import TwoHatsContent
import TwoHatsDefaultPack
import TwoHatsExport

/// A small archive covering what the renderers must handle: a complete reflection, one in
/// progress that rated a contrast the pack no longer has, multi-line and Markdown-looking
/// text, an empty answer, and notes general, known, unknown and empty.
enum Fixture {
    static let pack = PackLoader.defaultPack()

    static func at(_ text: String) -> Date {
        Timestamp.parse(text, unzoned: .reject)!
    }

    static func id(_ last: Int) -> UUID {
        UUID(uuidString: String(format: "00000000-0000-4000-8000-%012d", last))!
    }

    static let complete = ArchivedReflection(
        id: id(1), packID: "default", packVersion: 1, createdAt: at("2026-11-20T09:00:00.000Z"),
        updatedAt: at("2026-11-20T09:40:12.345Z"), completedAt: at("2026-11-20T09:40:12.345Z"),
        position: ArchivedPosition(step: 27, line: 0, column: 0),
        ratings: zip(pack.contrasts, [5, 3, 6, 2, 4]).map {
            ArchivedRating(contrastID: $0.id, value: $1, updatedAt: at("2026-11-20T09:05:00.000Z"))
        },
        answers: [
            ArchivedAnswer(
                id: id(11), contrastID: pack.contrasts[1].id, promptIndex: 0, prompt: pack.contrasts[1].prompts[0],
                text: "# Not a heading\nI asked Lena to pick the *approach*.", createdAt: at("2026-11-20T09:10:00.000Z"),
                updatedAt: at("2026-11-20T09:12:00.000Z")
            ),
            ArchivedAnswer(
                id: id(12), contrastID: pack.contrasts[0].id, promptIndex: 1, prompt: pack.contrasts[0].prompts[1],
                text: "Mostly this week.\n\nNext year got an hour.", createdAt: at("2026-11-20T09:03:00.000Z"),
                updatedAt: at("2026-11-20T09:04:00.000Z")
            ),
            ArchivedAnswer(
                id: id(13), contrastID: pack.contrasts[0].id, promptIndex: 0, prompt: pack.contrasts[0].prompts[0],
                text: "  ", createdAt: at("2026-11-20T09:02:00.000Z"), updatedAt: at("2026-11-20T09:02:00.000Z")
            ),
        ],
        commitment: ArchivedCommitment(
            id: id(21), contrastID: pack.contrasts[3].id, text: "Read one book on coaching, \"properly\".",
            dueDate: at("2026-12-18T09:00:00.000Z"), createdAt: at("2026-11-20T09:39:00.000Z"),
            updatedAt: at("2026-11-20T09:40:00.000Z")
        )
    )

    static let inProgress = ArchivedReflection(
        id: id(2), packID: "old-pack", packVersion: 3, createdAt: at("2026-11-21T18:00:00.000Z"),
        updatedAt: at("2026-11-21T18:20:00.000Z"), completedAt: nil,
        position: ArchivedPosition(step: 4, line: 1, column: 7),
        ratings: [
            ArchivedRating(contrastID: "retired-contrast", value: 7, updatedAt: at("2026-11-21T18:01:00.000Z")),
            ArchivedRating(contrastID: pack.contrasts[0].id, value: 1, updatedAt: at("2026-11-21T18:02:00.000Z")),
        ],
        answers: [
            ArchivedAnswer(
                id: id(14), contrastID: "retired-contrast", promptIndex: 2, prompt: "A question the pack no longer asks?",
                text: "Café ☕, 日本語 and 👩‍💻 all fit.", createdAt: at("2026-11-21T18:10:00.000Z"),
                updatedAt: at("2026-11-21T18:20:00.000Z")
            ),
        ],
        commitment: nil
    )

    static let notes = [
        ArchivedNote(id: id(31), contrastID: "retired-contrast", text: "About a contrast that is gone.", createdAt: at("2026-11-22T08:00:00.000Z"), updatedAt: at("2026-11-22T08:00:00.000Z")),
        ArchivedNote(id: id(32), contrastID: pack.contrasts[2].id, text: "Asked Tom how he was.\nHe was fine.", createdAt: at("2026-11-19T12:00:00.000Z"), updatedAt: at("2026-11-21T07:15:00.000Z")),
        ArchivedNote(id: id(33), contrastID: nil, text: "", createdAt: at("2026-11-18T12:00:00.000Z"), updatedAt: at("2026-11-18T12:00:00.000Z")),
    ]

    static let archive = Archive(
        exportedAt: at("2026-11-22T10:14:00.000Z"), appVersion: "9.9.9",
        data: UserData(reflections: [inProgress, complete], notes: notes)
    )
}
