import Foundation

/// Export files as JSON text, and the checks a file passes before anything of it is imported.
public enum ArchiveJSON {
    /// Pretty-printed JSON with ISO-8601 UTC timestamps, ending in a newline.
    public static func encode<Value: Encodable>(_ value: Value) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(Timestamp.iso8601(date))
        }
        do {
            return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
        } catch {
            // Our own types encode strings, numbers and nulls only, which JSON always holds.
            preconditionFailure("an export did not encode: \(error)")
        }
    }

    /// Reads an export file. The schema version is read first, so a file from a newer TwoHats
    /// is refused as such rather than for a field this build does not know.
    public static func decode(_ data: Data) throws(ArchiveError) -> Archive {
        let header = try decode(Header.self, from: data)
        guard header.schemaVersion <= Archive.schemaVersion else {
            throw ArchiveError(.futureVersion, path: "schemaVersion", """
                \(header.schemaVersion) is from a newer TwoHats (this one reads version \(Archive.schemaVersion)); \
                update TwoHats to import this file
                """)
        }
        guard header.schemaVersion >= 1 else {
            throw ArchiveError(.invalid, path: "schemaVersion", "\(header.schemaVersion) is not a version TwoHats ever wrote")
        }
        let archive = try decode(Archive.self, from: data)
        try ArchiveValidator.validate(archive.data)
        return archive
    }

    private struct Header: Decodable {
        var schemaVersion: Int
    }

    private static func decode<Value: Decodable>(_ type: Value.Type, from data: Data) throws(ArchiveError) -> Value {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = Timestamp.parse(text, unzoned: .reject) else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "\"\(text)\" is not an ISO-8601 time such as 2026-11-22T10:14:00.000Z"
                )
            }
            return date
        }
        do {
            return try decoder.decode(type, from: data)
        } catch let error as DecodingError {
            throw ArchiveError(error)
        } catch {
            throw ArchiveError(.malformed, path: "", "the file is not valid JSON")
        }
    }
}

extension ArchiveError {
    /// What the decoder found, in the words of the export format.
    init(_ error: DecodingError) {
        switch error {
        case let .typeMismatch(type, context):
            self.init(.malformed, path: pathText(context.codingPath), "expected \(Self.describe(type))")
        case let .valueNotFound(type, context):
            self.init(.malformed, path: pathText(context.codingPath), "expected \(Self.describe(type)), found null")
        case let .keyNotFound(key, context):
            self.init(.malformed, path: pathText(context.codingPath + [key]), "is missing")
        case let .dataCorrupted(context):
            if context.codingPath.isEmpty {
                self.init(.malformed, path: "", "the file is not valid JSON")
            } else if context.debugDescription.contains("UUID") {
                self.init(.malformed, path: pathText(context.codingPath), "expected a UUID such as 0b9f5c1e-4d6a-4c2e-9f1a-2b3c4d5e6f70")
            } else {
                self.init(.malformed, path: pathText(context.codingPath), context.debugDescription)
            }
        @unknown default:
            self.init(.malformed, path: "", "the file does not have the shape of a TwoHats export")
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is Int.Type: "a whole number"
        case is String.Type, is Date.Type, is UUID.Type: "text"
        case is [Any].Type: "a list"
        default: "an object"
        }
    }
}
