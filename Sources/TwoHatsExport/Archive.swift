import Foundation

/// Everything the user wrote, as it travels between stores: the body of an export file and
/// what `Store.merge` takes. Ids are the store's own, so a second import recognises each item.
public struct UserData: Equatable, Sendable {
    /// Newest first.
    public var reflections: [ArchivedReflection]
    /// Newest first.
    public var notes: [ArchivedNote]

    public init(reflections: [ArchivedReflection] = [], notes: [ArchivedNote] = []) {
        self.reflections = reflections
        self.notes = notes
    }
}

/// An export file: a versioned header around the user's data.
public struct Archive: Equatable, Sendable {
    /// The version of the file format this build writes and the newest it reads.
    public static let schemaVersion = 1

    public var schemaVersion: Int
    public var exportedAt: Date
    public var appVersion: String
    /// Set when the export holds only what changed from this moment on.
    public var since: Date?
    public var data: UserData

    /// Refuses a version this build cannot read: a newer one, or one that never existed.
    static func check(_ version: Int) throws(ArchiveError) {
        guard version <= schemaVersion else {
            throw ArchiveError(.futureVersion, path: "schemaVersion", """
                \(version) is from a newer TwoHats (this one reads version \(schemaVersion)); \
                update TwoHats to import this file
                """)
        }
        guard version >= 1 else {
            throw ArchiveError(.invalid, path: "schemaVersion", "\(version) is not a version TwoHats ever wrote")
        }
    }

    public init(exportedAt: Date, appVersion: String, since: Date? = nil, data: UserData) {
        schemaVersion = Self.schemaVersion
        self.exportedAt = exportedAt
        self.appVersion = appVersion
        self.since = since
        self.data = data
    }
}

public struct ArchivedReflection: Equatable, Sendable, Identifiable {
    public var id: UUID
    /// The content pack the reflection was taken with.
    public var packID: String
    public var packVersion: Int
    public var createdAt: Date
    public var updatedAt: Date
    public var completedAt: Date?
    public var position: ArchivedPosition
    public var ratings: [ArchivedRating]
    public var answers: [ArchivedAnswer]
    public var commitment: ArchivedCommitment?

    public init(
        id: UUID, packID: String, packVersion: Int, createdAt: Date, updatedAt: Date, completedAt: Date?,
        position: ArchivedPosition, ratings: [ArchivedRating], answers: [ArchivedAnswer], commitment: ArchivedCommitment?
    ) {
        self.id = id
        self.packID = packID
        self.packVersion = packVersion
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.completedAt = completedAt
        self.position = position
        self.ratings = ratings
        self.answers = answers
        self.commitment = commitment
    }
}

/// Where the user was in the reflection: its step and the text cursor.
public struct ArchivedPosition: Equatable, Sendable {
    public var step: Int
    public var line: Int
    public var column: Int

    public init(step: Int, line: Int, column: Int) {
        self.step = step
        self.line = line
        self.column = column
    }
}

public struct ArchivedRating: Equatable, Sendable {
    public var contrastID: String
    /// 1 (the manager end) to 7 (the leader end).
    public var value: Int
    public var updatedAt: Date

    public init(contrastID: String, value: Int, updatedAt: Date) {
        self.contrastID = contrastID
        self.value = value
        self.updatedAt = updatedAt
    }
}

public struct ArchivedAnswer: Equatable, Sendable, Identifiable {
    public var id: UUID
    public var contrastID: String
    public var promptIndex: Int
    /// The question as it was asked, so the answer reads right after the pack changes.
    public var prompt: String
    public var text: String
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: UUID, contrastID: String, promptIndex: Int, prompt: String, text: String, createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.contrastID = contrastID
        self.promptIndex = promptIndex
        self.prompt = prompt
        self.text = text
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

public struct ArchivedCommitment: Equatable, Sendable, Identifiable {
    public var id: UUID
    public var contrastID: String
    public var text: String
    public var dueDate: Date
    public var createdAt: Date
    public var updatedAt: Date

    public init(id: UUID, contrastID: String, text: String, dueDate: Date, createdAt: Date, updatedAt: Date) {
        self.id = id
        self.contrastID = contrastID
        self.text = text
        self.dueDate = dueDate
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

public struct ArchivedNote: Equatable, Sendable, Identifiable {
    public var id: UUID
    /// The contrast the note is about, or nil for a general note.
    public var contrastID: String?
    public var text: String
    public var createdAt: Date
    public var updatedAt: Date

    public init(id: UUID, contrastID: String?, text: String, createdAt: Date, updatedAt: Date) {
        self.id = id
        self.contrastID = contrastID
        self.text = text
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}
