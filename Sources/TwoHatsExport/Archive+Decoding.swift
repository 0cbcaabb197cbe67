import Foundation

// Reading the JSON shape of an export (docs/export-format.md), field by field, so that the
// schema version is checked first and ids go through UUIDText. Archive+Encoding.swift writes it.

extension Archive: Decodable {
    enum CodingKeys: String, CodingKey {
        case schemaVersion, exportedAt, appVersion, since, reflections, notes
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        schemaVersion = try container.decode(Int.self, forKey: .schemaVersion)
        // Before any other field: a newer format may have changed them all.
        try Self.check(schemaVersion)
        exportedAt = try container.decode(Date.self, forKey: .exportedAt)
        appVersion = try container.decode(String.self, forKey: .appVersion)
        since = try container.decodeIfPresent(Date.self, forKey: .since)
        data = UserData(
            reflections: try container.decode([ArchivedReflection].self, forKey: .reflections),
            notes: try container.decode([ArchivedNote].self, forKey: .notes)
        )
    }
}

extension ArchivedReflection: Decodable {
    enum CodingKeys: String, CodingKey {
        case id, packID, packVersion, createdAt, updatedAt, completedAt, position, ratings, answers, commitment
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(UUID.self, forKey: .id)
        packID = try container.decode(String.self, forKey: .packID)
        packVersion = try container.decode(Int.self, forKey: .packVersion)
        createdAt = try container.decode(Date.self, forKey: .createdAt)
        updatedAt = try container.decode(Date.self, forKey: .updatedAt)
        completedAt = try container.decodeIfPresent(Date.self, forKey: .completedAt)
        position = try container.decode(ArchivedPosition.self, forKey: .position)
        ratings = try container.decode([ArchivedRating].self, forKey: .ratings)
        answers = try container.decode([ArchivedAnswer].self, forKey: .answers)
        commitment = try container.decodeIfPresent(ArchivedCommitment.self, forKey: .commitment)
    }
}

extension ArchivedPosition: Decodable {
    enum CodingKeys: String, CodingKey { case step, line, column }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        step = try container.decode(Int.self, forKey: .step)
        line = try container.decode(Int.self, forKey: .line)
        column = try container.decode(Int.self, forKey: .column)
    }
}

extension ArchivedRating: Decodable {
    enum CodingKeys: String, CodingKey { case contrastID, value, updatedAt }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        contrastID = try container.decode(String.self, forKey: .contrastID)
        value = try container.decode(Int.self, forKey: .value)
        updatedAt = try container.decode(Date.self, forKey: .updatedAt)
    }
}

extension ArchivedAnswer: Decodable {
    enum CodingKeys: String, CodingKey { case id, contrastID, promptIndex, prompt, text, createdAt, updatedAt }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(UUID.self, forKey: .id)
        contrastID = try container.decode(String.self, forKey: .contrastID)
        promptIndex = try container.decode(Int.self, forKey: .promptIndex)
        prompt = try container.decode(String.self, forKey: .prompt)
        text = try container.decode(String.self, forKey: .text)
        createdAt = try container.decode(Date.self, forKey: .createdAt)
        updatedAt = try container.decode(Date.self, forKey: .updatedAt)
    }
}

extension ArchivedCommitment: Decodable {
    enum CodingKeys: String, CodingKey { case id, contrastID, text, dueDate, createdAt, updatedAt }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(UUID.self, forKey: .id)
        contrastID = try container.decode(String.self, forKey: .contrastID)
        text = try container.decode(String.self, forKey: .text)
        dueDate = try container.decode(Date.self, forKey: .dueDate)
        createdAt = try container.decode(Date.self, forKey: .createdAt)
        updatedAt = try container.decode(Date.self, forKey: .updatedAt)
    }
}

extension ArchivedNote: Decodable {
    enum CodingKeys: String, CodingKey { case id, contrastID, text, createdAt, updatedAt }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(UUID.self, forKey: .id)
        contrastID = try container.decodeIfPresent(String.self, forKey: .contrastID)
        text = try container.decode(String.self, forKey: .text)
        createdAt = try container.decode(Date.self, forKey: .createdAt)
        updatedAt = try container.decode(Date.self, forKey: .updatedAt)
    }
}

extension KeyedDecodingContainer {
    /// A time read straight from its text, without the decoder's per-date strategy call.
    func decode(_ type: Date.Type, forKey key: Key) throws -> Date {
        let text = try decode(String.self, forKey: key)
        guard let date = Timestamp.parse(text, unzoned: .reject) else {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: self, debugDescription: "\"\(text)\" is not an ISO-8601 time such as 2026-11-22T10:14:00.000Z"
            )
        }
        return date
    }

    func decodeIfPresent(_ type: Date.Type, forKey key: Key) throws -> Date? {
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        return try decode(Date.self, forKey: key)
    }

    /// A UUID read through `UUIDText`, which is quicker than Foundation's own decoding.
    func decode(_ type: UUID.Type, forKey key: Key) throws -> UUID {
        let text = try decode(String.self, forKey: key)
        guard let id = UUIDText.parse(text) else {
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "not a UUID")
        }
        return id
    }
}
