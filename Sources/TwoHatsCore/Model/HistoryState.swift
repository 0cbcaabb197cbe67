import Foundation

/// One line of the history list.
public enum HistoryEntry: Equatable, Sendable, Identifiable {
    case reflection(ReflectionSummary)
    case note(Note)

    public var id: UUID {
        switch self {
        case let .reflection(summary): summary.id
        case let .note(note): note.id
        }
    }

    public var date: Date {
        switch self {
        case let .reflection(summary): summary.updatedAt
        case let .note(note): note.updatedAt
        }
    }
}

public struct HistoryState: Equatable, Sendable {
    /// The loaded window of the entries that match the filter, newest first: `entries[0]` is
    /// entry number `offset` of `total`.
    public var entries: [HistoryEntry] = []
    public var offset = 0
    public var total = 0
    public var isLoaded = false
    /// Counted in all the entries that match, not in the window.
    public var selection = 0
    public var filter = ""
    public var isFiltering = false
    /// Set while "Delete this? y/n" is asked.
    public var confirmingDelete = false
    /// The entry open read-only, and how far it is scrolled.
    public var open: OpenEntry?
    public var scroll = 0

    public init() {}
}

public enum OpenEntry: Equatable, Sendable {
    case reflection(Reflection)
    case note(Note)
}

/// A note being written.
public struct NoteSession: Equatable, Sendable {
    /// The note as it was opened: while it is written, its text is the editor's, which is
    /// joined only when it is needed whole (`current`), not on every key.
    public var note: Note
    public var editor: TextEditor

    public init(note: Note) {
        self.note = note
        editor = TextEditor(text: note.text, line: .max, column: .max)
    }

    /// The note with the text as it is now.
    public var current: Note {
        var note = note
        note.text = editor.text
        return note
    }
}
