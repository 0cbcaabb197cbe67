import Foundation

/// Work the reducer asks the run loop to do. Effects are data so that tests can assert them.
public enum Effect: Equatable, Sendable {
    case quit
    /// Create a reflection (the run loop gives it an id and a date) and answer `.reflectionReady`.
    case startReflection
    /// Load a reflection: to resume it (`.reflectionReady`) or to read it (`.reflectionLoaded`).
    case loadReflection(UUID, forReading: Bool)
    /// Write soon: saves to the same place are coalesced and written within a second.
    case save(Save)
    /// Write every pending save now.
    case flush
    case loadHistory(HistoryQuery)
    case loadStats
    case loadResumable
    case createNote(contrastID: String?)
    case deleteReflection(UUID)
    case deleteNote(UUID)
    /// Hand the terminal to `$VISUAL` / `$EDITOR` with this text; answers `.externalEditFinished`.
    case editExternally(String)
}

/// One write to the store.
public enum Save: Equatable, Sendable {
    case rating(reflection: UUID, contrastID: String, value: Int)
    case answer(reflection: UUID, key: AnswerKey, prompt: String, text: String)
    case position(reflection: UUID, Position)
    case commitment(reflection: UUID, Commitment)
    case complete(reflection: UUID)
    /// The note's lines rather than its text: a key in a long note hands them over in
    /// constant time, and they are joined only when the save is written.
    case note(id: UUID, lines: TextLines)

    /// Saves with the same key replace each other while they wait: only the last matters.
    public var key: String {
        switch self {
        case let .rating(reflection, contrastID, _): "rating \(reflection) \(contrastID)"
        case let .answer(reflection, key, _, _): "answer \(reflection) \(key.contrastID) \(key.prompt)"
        case let .position(reflection, _): "position \(reflection)"
        case let .commitment(reflection, _): "commitment \(reflection)"
        case let .complete(reflection): "complete \(reflection)"
        case let .note(id, _): "note \(id)"
        }
    }
}
