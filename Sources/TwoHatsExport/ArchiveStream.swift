import Foundation

/// An export read an item at a time and checked as it is read, for an import that merges each
/// batch while the next is parsed (ArchiveJSON.merge). It takes the layout TwoHats writes: the
/// header before "reflections", "reflections" before "notes". Anything else throws
/// UnexpectedJSON like the rest of the quick road, and so does a version other than this
/// build's, before any reflection is handed on. `forEachNote` returns only once the whole file
/// has been read and checked, so a merge that commits after it never commits a file that is
/// refused further on.
///
/// It reads either bytes already in memory or a file a window at a time (ByteWindow). Each
/// step of the reading (a header member, a reflection, a note) takes bytes from the window and
/// changes nothing until it has them all: a step that fails because it ran off the end of
/// the window is taken again from where it began once more of the file is in. So is one that
/// stops right at the window's end, since only with the file's end in the window does it
/// show that nothing follows the last brace. A step that fails on bytes it has is final.
final class ArchiveStream: ArchiveSource {
    private var json: JSONBytes
    private let window: ByteWindow?
    private var validator = ArchiveValidator()
    private var members = 0
    private var seen = Set<String>()
    private var version: Int?, exportedAt: Date?, appVersion: String?, since: Date?
    private var finished = false

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        json = JSONBytes(bytes)
        window = nil
    }

    init(_ window: ByteWindow) {
        json = JSONBytes(window.bytes)
        self.window = window
    }

    /// Not known before the file has been read; nothing that merges asks for them.
    func counts() throws -> (reflections: Int, notes: Int) {
        throw UnexpectedJSON()
    }

    func forEachReflection(oldestFirst: Bool, ratingsOnly: Bool, _ body: (ArchivedReflection) throws -> Void) throws {
        guard !oldestFirst, members == 0 else { throw UnexpectedJSON() }
        try step { try $0.openObject() }
        try skipTo("reflections")
        guard version == Archive.schemaVersion else { throw UnexpectedJSON() }
        try forEachElement(ArchiveReader.reflection) { reflection in
            try validator.check(reflection)
            try body(reflection)
        }
    }

    func forEachNote(_ body: (ArchivedNote) throws -> Void) throws {
        guard seen.contains("reflections") else { throw UnexpectedJSON() }
        try skipTo("notes")
        try forEachElement(ArchiveReader.note) { note in
            try validator.check(note)
            try body(note)
        }
        try skipTo(nil)
        try step { try $0.end() }
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
        while let key = try step({ [members] in try $0.nextKey(first: members == 0) }) {
            members += 1
            guard seen.insert(key).inserted else { throw UnexpectedJSON() }
            if key == list { return }
            switch key {
            case "schemaVersion": version = try step { try $0.int() }
            case "exportedAt": exportedAt = try step { try $0.date() }
            case "appVersion": appVersion = try step { try $0.string() }
            case "since": since = try step { try $0.null() ? nil : $0.date() }
            default: throw UnexpectedJSON()
            }
        }
        guard list == nil else { throw UnexpectedJSON() }
    }

    /// The elements of the array the reader is at, each read by `item` as a step of its own
    /// together with the comma before it, then handed to `body`.
    private func forEachElement<Item>(_ item: (inout JSONBytes) throws -> Item, _ body: (Item) throws -> Void) throws {
        try step { try $0.openArray() }
        var first = true
        while let element = try step({ [first] json -> Item? in try json.nextElement(first: first) ? item(&json) : nil }) {
            first = false
            try body(element)
        }
    }

    /// What `read` makes of the bytes from where the reader is, taken again after more of the
    /// file has been read for as long as it runs off the window or stops at its end.
    private func step<T>(_ read: (inout JSONBytes) throws -> T) throws -> T {
        while true {
            var attempt = json
            do {
                let value = try read(&attempt)
                if window?.atEnd != false || !attempt.isAtEndOfBytes {
                    json = attempt
                    return value
                }
            } catch is UnexpectedJSON where window?.atEnd == false && attempt.ranOut {}
            guard let window else { preconditionFailure("bytes in memory are never read again") }
            // Also when the read fails: the old bytes may have moved or been freed.
            defer { json = JSONBytes(window.bytes) }
            try window.readMore(keepingFrom: json.position)
        }
    }
}
