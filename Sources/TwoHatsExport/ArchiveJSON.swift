import Foundation

/// Export files as JSON text, and the checks a file passes before anything of it is imported.
public enum ArchiveJSON {
    /// The archive as pretty-printed JSON, ending in a newline.
    public static func encode(_ archive: Archive) -> String {
        String(decoding: encodedBytes(archive), as: UTF8.self)
    }

    /// The same text as UTF-8 bytes.
    public static func encodedBytes(_ archive: Archive) -> [UInt8] {
        // Reading a UserData cannot fail; only the store's reads can.
        OutputBuffer.collect { try! write(archive.header, archive.data, to: $0) }
    }

    /// The export of `source` as it is read, into `out` (which the caller finishes).
    public static func write(_ header: ArchiveHeader, _ source: any ArchiveSource, to out: OutputBuffer) throws {
        var writer = JSONWriter(out)
        try writer.archive(header, source)
        out.append(0x0A)
    }

    /// Reads an export file and checks it. The schema version is read before any other field,
    /// so a file from a newer TwoHats is refused as such rather than for a field this build does
    /// not know.
    public static func decode(_ data: Data) throws(ArchiveError) -> Archive {
        // The quick reader takes a valid export in the layout TwoHats writes; anything else is
        // read again by JSONDecoder, whose errors carry the field paths of the refusal.
        if let quick = try? ArchiveReader.read(data) { return quick }
        let archive = try decode(Archive.self, from: data)
        try ArchiveValidator.validate(archive.data)
        return archive
    }

    /// Reads an export while `merge` takes it in: the file is parsed and checked on this thread
    /// while `merge`, on a thread of its own, writes what came before (each side took about
    /// half of an import of ten thousand reflections). A refusal may therefore come after
    /// `merge` has begun writing, so `merge` must make nothing lasting before its source's
    /// last call returns (one transaction, committed after it); what the source throws passes
    /// through `merge` as it is. Once `merge` has undone its work, the file is read whole by
    /// `decode`, which names the refusal, or hands a valid file in another layout to `merge`.
    public static func merge<Result>(_ data: Data, into merge: @escaping (any ArchiveSource) throws -> Result) throws -> Result {
        try data.withUnsafeBytes { raw in
            try self.merge({ ArchiveStream(raw.bindMemory(to: UInt8.self)) }, whole: { data }, into: merge)
        }
    }

    /// The same for a file that `read` hands over a part at a time, so that the import begins
    /// with the first part and holds only a window of the file (ByteWindow). Should the file
    /// be refused, `whole` reads all of it again for `decode`. What either throws passes
    /// through as it is.
    public static func merge<Result>(
        reading read: @escaping ByteReader, whole: () throws -> Data, into merge: @escaping (any ArchiveSource) throws -> Result
    ) throws -> Result {
        try self.merge({ ArchiveStream(try ByteWindow(read)) }, whole: whole, into: merge)
    }

    /// The stream is made here and let go of before a refused file is read again whole, so
    /// that a window grown to hold most of the file is not kept beside it.
    private static func merge<Result>(
        _ stream: () throws -> ArchiveStream, whole: () throws -> Data, into merge: @escaping (any ArchiveSource) throws -> Result
    ) throws -> Result {
        var merged: Result?
        do {
            try ArchivePipeline.run(try stream(), freesOnSource: true) { merged = try merge($0) }
        } catch is UnexpectedJSON, is ArchiveError {
            return try merge(try decode(try whole()).data)
        }
        guard let merged else { preconditionFailure("a merge that returned gave nothing back") }
        return merged
    }

    private static func decode<Value: Decodable>(_ type: Value.Type, from data: Data) throws(ArchiveError) -> Value {
        let decoder = JSONDecoder()
        do {
            return try decoder.decode(type, from: data)
        } catch let error as ArchiveError {
            throw error
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
            } else if context.debugDescription == "not a UUID" {
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
