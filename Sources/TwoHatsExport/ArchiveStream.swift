import Foundation

/// An export read an item at a time and checked as it is read, for an import that merges each
/// batch while the next is parsed (ArchiveJSON.merge). It takes the layout TwoHats writes: the
/// header before "reflections", "reflections" before "notes". Anything else throws
/// UnexpectedJSON like the rest of the quick road, and so does a version other than this
/// build's, before any reflection is handed on. `forEachNote` returns only once the whole file
/// has been read and checked, so a merge that commits after it never commits a file that is
/// refused further on.
final class ArchiveStream: ArchiveSource {
    private var json: JSONBytes
    private var validator = ArchiveValidator()
    private var members = 0
    private var seen = Set<String>()
    private var version: Int?, exportedAt: Date?, appVersion: String?, since: Date?
    private var finished = false

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        json = JSONBytes(bytes)
    }

    /// Not known before the file has been read; nothing that merges asks for them.
    func counts() throws -> (reflections: Int, notes: Int) {
        throw UnexpectedJSON()
    }

    func forEachReflection(oldestFirst: Bool, ratingsOnly: Bool, _ body: (ArchivedReflection) throws -> Void) throws {
        guard !oldestFirst, members == 0 else { throw UnexpectedJSON() }
        try json.openObject()
        try skipTo("reflections")
        guard version == Archive.schemaVersion else { throw UnexpectedJSON() }
        try json.array { json in
            let reflection = try ArchiveReader.reflection(&json)
            try validator.check(reflection)
            try body(reflection)
        }
    }

    func forEachNote(_ body: (ArchivedNote) throws -> Void) throws {
        guard seen.contains("reflections") else { throw UnexpectedJSON() }
        try skipTo("notes")
        try json.array { json in
            let note = try ArchiveReader.note(&json)
            try validator.check(note)
            try body(note)
        }
        try skipTo(nil)
        try json.end()
        guard exportedAt != nil, appVersion != nil else { throw UnexpectedJSON() }
        finished = true
    }

    /// The archive around `data` (what was handed on), once the whole file has been read.
    func archive(_ data: UserData) throws -> Archive {
        guard let version, let exportedAt, let appVersion, finished else { throw UnexpectedJSON() }
        var archive = Archive(exportedAt: exportedAt, appVersion: appVersion, since: since, data: data)
        archive.schemaVersion = version
        return archive
    }

    /// Reads header members up to the member `list` (left at its value), or to the end of the
    /// top-level object when `list` is nil. A list met out of turn is off the expected layout.
    private func skipTo(_ list: String?) throws {
        while let key = try json.nextKey(first: members == 0) {
            members += 1
            guard seen.insert(key).inserted else { throw UnexpectedJSON() }
            if key == list { return }
            switch key {
            case "schemaVersion": version = try json.int()
            case "exportedAt": exportedAt = try json.date()
            case "appVersion": appVersion = try json.string()
            case "since": since = try json.null() ? nil : json.date()
            default: throw UnexpectedJSON()
            }
        }
        guard list == nil else { throw UnexpectedJSON() }
    }
}
