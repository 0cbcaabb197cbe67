import Foundation

// The JSON shape of an export, spelled out key by key (documented in docs/export-format.md):
// ids are lowercase UUID text and absent optionals are written as null. Keys come out sorted
// (JSONEncoder keeps no order of its own), which keeps exports of the same data identical.

extension Archive: Codable {
    enum CodingKeys: String, CodingKey {
        case schemaVersion, exportedAt, appVersion, since, reflections, notes
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        schemaVersion = try container.decode(Int.self, forKey: .schemaVersion)
        exportedAt = try container.decode(Date.self, forKey: .exportedAt)
        appVersion = try container.decode(String.self, forKey: .appVersion)
        since = try container.decodeIfPresent(Date.self, forKey: .since)
        data = UserData(
            reflections: try container.decode([ArchivedReflection].self, forKey: .reflections),
            notes: try container.decode([ArchivedNote].self, forKey: .notes)
        )
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(schemaVersion, forKey: .schemaVersion)
        try container.encode(exportedAt, forKey: .exportedAt)
        try container.encode(appVersion, forKey: .appVersion)
        try container.encode(since, forKey: .since)
        try container.encode(data.reflections, forKey: .reflections)
        try container.encode(data.notes, forKey: .notes)
    }
}

extension ArchivedReflection: Codable {
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

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id.archiveText, forKey: .id)
        try container.encode(packID, forKey: .packID)
        try container.encode(packVersion, forKey: .packVersion)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encode(updatedAt, forKey: .updatedAt)
        try container.encode(completedAt, forKey: .completedAt)
        try container.encode(position, forKey: .position)
        try container.encode(ratings, forKey: .ratings)
        try container.encode(answers, forKey: .answers)
        try container.encode(commitment, forKey: .commitment)
    }
}

extension ArchivedPosition: Codable {
    enum CodingKeys: String, CodingKey { case step, line, column }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        step = try container.decode(Int.self, forKey: .step)
        line = try container.decode(Int.self, forKey: .line)
        column = try container.decode(Int.self, forKey: .column)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(step, forKey: .step)
        try container.encode(line, forKey: .line)
        try container.encode(column, forKey: .column)
    }
}

extension ArchivedRating: Codable {
    enum CodingKeys: String, CodingKey { case contrastID, value, updatedAt }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        contrastID = try container.decode(String.self, forKey: .contrastID)
        value = try container.decode(Int.self, forKey: .value)
        updatedAt = try container.decode(Date.self, forKey: .updatedAt)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(contrastID, forKey: .contrastID)
        try container.encode(value, forKey: .value)
        try container.encode(updatedAt, forKey: .updatedAt)
    }
}

extension ArchivedAnswer: Codable {
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

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id.archiveText, forKey: .id)
        try container.encode(contrastID, forKey: .contrastID)
        try container.encode(promptIndex, forKey: .promptIndex)
        try container.encode(prompt, forKey: .prompt)
        try container.encode(text, forKey: .text)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encode(updatedAt, forKey: .updatedAt)
    }
}

extension ArchivedCommitment: Codable {
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

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id.archiveText, forKey: .id)
        try container.encode(contrastID, forKey: .contrastID)
        try container.encode(text, forKey: .text)
        try container.encode(dueDate, forKey: .dueDate)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encode(updatedAt, forKey: .updatedAt)
    }
}

extension ArchivedNote: Codable {
    enum CodingKeys: String, CodingKey { case id, contrastID, text, createdAt, updatedAt }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(UUID.self, forKey: .id)
        contrastID = try container.decodeIfPresent(String.self, forKey: .contrastID)
        text = try container.decode(String.self, forKey: .text)
        createdAt = try container.decode(Date.self, forKey: .createdAt)
        updatedAt = try container.decode(Date.self, forKey: .updatedAt)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id.archiveText, forKey: .id)
        try container.encode(contrastID, forKey: .contrastID)
        try container.encode(text, forKey: .text)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encode(updatedAt, forKey: .updatedAt)
    }
}

extension UUID {
    /// Lowercase, as RFC 4122 writes UUIDs and as the store keeps them.
    var archiveText: String { uuidString.lowercased() }
}
