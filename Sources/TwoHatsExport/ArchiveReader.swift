import Foundation

/// The quick road for reading an export: the documented shape read straight from the file's
/// bytes, which takes a fraction of the time JSONDecoder spends on ten thousand reflections.
/// Anything off that shape (a missing or unknown field, a wrong type, a newer version) throws
/// UnexpectedJSON, and ArchiveJSON then asks the Decodable road in Archive+Decoding.swift,
/// which names the fault; so this reader never has to explain a refusal.
enum ArchiveReader {
    /// The whole archive, read through ArchiveStream and so checked by ArchiveValidator too.
    static func read(_ data: Data) throws -> Archive {
        try data.withUnsafeBytes { raw in try read(ArchiveStream(raw.bindMemory(to: UInt8.self))) }
    }

    /// Everything `stream` hands on, in the archive around it.
    static func read(_ stream: ArchiveStream) throws -> Archive {
        var data = UserData()
        try stream.forEachReflection(oldestFirst: false, ratingsOnly: false) { data.reflections.append($0) }
        try stream.forEachNote { data.notes.append($0) }
        return try stream.archive(data)
    }

    private static func list<Item>(_ json: inout JSONBytes, _ item: (inout JSONBytes) throws -> Item) throws -> [Item] {
        var items: [Item] = []
        try json.array { json in items.append(try item(&json)) }
        return items
    }

    static func reflection(_ json: inout JSONBytes) throws -> ArchivedReflection {
        var id: UUID?, packID: String?, packVersion: Int?, createdAt: Date?, updatedAt: Date?, completedAt: Date??
        var position: ArchivedPosition?, ratings: [ArchivedRating]?, answers: [ArchivedAnswer]?
        var commitment: ArchivedCommitment??
        try json.object { json, key in
            switch key {
            case "id" where id == nil: id = try json.uuid()
            case "packID" where packID == nil: packID = try json.string()
            case "packVersion" where packVersion == nil: packVersion = try json.int()
            case "createdAt" where createdAt == nil: createdAt = try json.date()
            case "updatedAt" where updatedAt == nil: updatedAt = try json.date()
            case "completedAt" where completedAt == nil: completedAt = .some(try json.null() ? nil : json.date())
            case "position" where position == nil: position = try self.position(&json)
            case "ratings" where ratings == nil: ratings = try list(&json, rating)
            case "answers" where answers == nil: answers = try list(&json, answer)
            case "commitment" where commitment == nil: commitment = .some(try json.null() ? nil : self.commitment(&json))
            default: throw UnexpectedJSON()
            }
        }
        guard let id, let packID, let packVersion, let createdAt, let updatedAt, let position, let ratings, let answers
        else { throw UnexpectedJSON() }
        return ArchivedReflection(
            id: id, packID: packID, packVersion: packVersion, createdAt: createdAt, updatedAt: updatedAt,
            completedAt: completedAt ?? nil, position: position, ratings: ratings, answers: answers,
            commitment: commitment ?? nil
        )
    }

    private static func position(_ json: inout JSONBytes) throws -> ArchivedPosition {
        var step: Int?, line: Int?, column: Int?
        try json.object { json, key in
            switch key {
            case "step" where step == nil: step = try json.int()
            case "line" where line == nil: line = try json.int()
            case "column" where column == nil: column = try json.int()
            default: throw UnexpectedJSON()
            }
        }
        guard let step, let line, let column else { throw UnexpectedJSON() }
        return ArchivedPosition(step: step, line: line, column: column)
    }

    private static func rating(_ json: inout JSONBytes) throws -> ArchivedRating {
        var contrastID: String?, value: Int?, updatedAt: Date?
        try json.object { json, key in
            switch key {
            case "contrastID" where contrastID == nil: contrastID = try json.string()
            case "value" where value == nil: value = try json.int()
            case "updatedAt" where updatedAt == nil: updatedAt = try json.date()
            default: throw UnexpectedJSON()
            }
        }
        guard let contrastID, let value, let updatedAt else { throw UnexpectedJSON() }
        return ArchivedRating(contrastID: contrastID, value: value, updatedAt: updatedAt)
    }

    private static func answer(_ json: inout JSONBytes) throws -> ArchivedAnswer {
        var id: UUID?, contrastID: String?, promptIndex: Int?, prompt: String?, text: String?
        var createdAt: Date?, updatedAt: Date?
        try json.object { json, key in
            switch key {
            case "id" where id == nil: id = try json.uuid()
            case "contrastID" where contrastID == nil: contrastID = try json.string()
            case "promptIndex" where promptIndex == nil: promptIndex = try json.int()
            case "prompt" where prompt == nil: prompt = try json.string()
            case "text" where text == nil: text = try json.string()
            case "createdAt" where createdAt == nil: createdAt = try json.date()
            case "updatedAt" where updatedAt == nil: updatedAt = try json.date()
            default: throw UnexpectedJSON()
            }
        }
        guard let id, let contrastID, let promptIndex, let prompt, let text, let createdAt, let updatedAt
        else { throw UnexpectedJSON() }
        return ArchivedAnswer(
            id: id, contrastID: contrastID, promptIndex: promptIndex, prompt: prompt, text: text,
            createdAt: createdAt, updatedAt: updatedAt
        )
    }

    private static func commitment(_ json: inout JSONBytes) throws -> ArchivedCommitment {
        var id: UUID?, contrastID: String?, text: String?, dueDate: Date?, createdAt: Date?, updatedAt: Date?
        try json.object { json, key in
            switch key {
            case "id" where id == nil: id = try json.uuid()
            case "contrastID" where contrastID == nil: contrastID = try json.string()
            case "text" where text == nil: text = try json.string()
            case "dueDate" where dueDate == nil: dueDate = try json.date()
            case "createdAt" where createdAt == nil: createdAt = try json.date()
            case "updatedAt" where updatedAt == nil: updatedAt = try json.date()
            default: throw UnexpectedJSON()
            }
        }
        guard let id, let contrastID, let text, let dueDate, let createdAt, let updatedAt else { throw UnexpectedJSON() }
        return ArchivedCommitment(
            id: id, contrastID: contrastID, text: text, dueDate: dueDate, createdAt: createdAt, updatedAt: updatedAt
        )
    }

    static func note(_ json: inout JSONBytes) throws -> ArchivedNote {
        var id: UUID?, contrastID: String??, text: String?, createdAt: Date?, updatedAt: Date?
        try json.object { json, key in
            switch key {
            case "id" where id == nil: id = try json.uuid()
            case "contrastID" where contrastID == nil: contrastID = .some(try json.null() ? nil : json.string())
            case "text" where text == nil: text = try json.string()
            case "createdAt" where createdAt == nil: createdAt = try json.date()
            case "updatedAt" where updatedAt == nil: updatedAt = try json.date()
            default: throw UnexpectedJSON()
            }
        }
        guard let id, let text, let createdAt, let updatedAt else { throw UnexpectedJSON() }
        return ArchivedNote(id: id, contrastID: contrastID ?? nil, text: text, createdAt: createdAt, updatedAt: updatedAt)
    }
}
