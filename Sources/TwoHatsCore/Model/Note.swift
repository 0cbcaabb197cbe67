import Foundation

/// A free note, usually about one contrast.
public struct Note: Equatable, Sendable, Identifiable {
    public var id: UUID
    /// The contrast it is about, or nil for a general note.
    public var contrastID: String?
    public var text: String
    public var createdAt: Date
    public var updatedAt: Date

    public init(id: UUID, contrastID: String?, text: String, createdAt: Date, updatedAt: Date? = nil) {
        self.id = id
        self.contrastID = contrastID
        self.text = text
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }
}

/// What the contrast detail shows about the user's own notes and ratings.
public struct ContrastStats: Equatable, Sendable {
    public var noteCount: Int
    public var lastRating: Int?

    public init(noteCount: Int = 0, lastRating: Int? = nil) {
        self.noteCount = noteCount
        self.lastRating = lastRating
    }
}
