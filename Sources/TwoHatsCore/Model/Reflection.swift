import Foundation

/// One guided reflection: a rating and answers per contrast, then a focus and a commitment.
/// Identifiers and dates come from outside (the store and the run loop), never from Core.
public struct Reflection: Equatable, Sendable, Identifiable {
    public var id: UUID
    public var packID: String
    public var packVersion: Int
    public var createdAt: Date
    public var updatedAt: Date
    public var completedAt: Date?
    /// Contrast id to a rating from 1 (the manager end) to 7 (the leader end).
    public var ratings: [String: Int]
    public var answers: [AnswerKey: String]
    public var commitment: Commitment?
    /// Where the user was, so a resume puts them back there.
    public var position: Position

    public init(
        id: UUID, packID: String, packVersion: Int, createdAt: Date, updatedAt: Date? = nil,
        completedAt: Date? = nil, ratings: [String: Int] = [:], answers: [AnswerKey: String] = [:],
        commitment: Commitment? = nil, position: Position = Position()
    ) {
        self.id = id
        self.packID = packID
        self.packVersion = packVersion
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
        self.completedAt = completedAt
        self.ratings = ratings
        self.answers = answers
        self.commitment = commitment
        self.position = position
    }

    public var isComplete: Bool { completedAt != nil }

    public static let ratingRange = 1...7
    /// A commitment is due four weeks after it is made.
    public static let commitmentDays = 28
}

public struct AnswerKey: Hashable, Sendable, Codable {
    public var contrastID: String
    /// Index into the contrast's prompts.
    public var prompt: Int

    public init(contrastID: String, prompt: Int) {
        self.contrastID = contrastID
        self.prompt = prompt
    }
}

public struct Commitment: Equatable, Sendable {
    public var contrastID: String
    public var text: String
    public var dueDate: Date

    public init(contrastID: String, text: String, dueDate: Date) {
        self.contrastID = contrastID
        self.text = text
        self.dueDate = dueDate
    }
}

/// A step of the reflection and the text cursor in it.
public struct Position: Equatable, Sendable {
    public var step: Int
    public var line: Int
    public var column: Int

    public init(step: Int = 0, line: Int = 0, column: Int = 0) {
        self.step = step
        self.line = line
        self.column = column
    }
}

/// What the history list and the resume offer need, without every answer.
public struct ReflectionSummary: Equatable, Sendable, Identifiable {
    public var id: UUID
    public var createdAt: Date
    public var updatedAt: Date
    public var completedAt: Date?
    public var ratings: [String: Int]
    public var step: Int

    public init(id: UUID, createdAt: Date, updatedAt: Date, completedAt: Date?, ratings: [String: Int], step: Int) {
        self.id = id
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.completedAt = completedAt
        self.ratings = ratings
        self.step = step
    }
}
