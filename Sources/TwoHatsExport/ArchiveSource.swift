import Foundation

/// What an export is written from, a reflection or a note at a time, so that the writers need
/// never hold the whole of it. The store reads its rows this way (Store+Transfer.swift);
/// `UserData`, already whole in memory, is one too.
public protocol ArchiveSource {
    /// How many reflections and notes there are, for a header that states them before they follow.
    func counts() throws -> (reflections: Int, notes: Int)
    /// Each reflection, newest first unless `oldestFirst`. With `ratingsOnly` its answers and
    /// commitment may be left out, for a writer that shows ratings alone.
    func forEachReflection(oldestFirst: Bool, ratingsOnly: Bool, _ body: (ArchivedReflection) throws -> Void) throws
    /// Each note, newest first.
    func forEachNote(_ body: (ArchivedNote) throws -> Void) throws
}

/// The head of an export file: when it was made, by which TwoHats, and from when on.
public struct ArchiveHeader: Equatable, Sendable {
    public var schemaVersion = Archive.schemaVersion
    public var exportedAt: Date
    public var appVersion: String
    public var since: Date?

    public init(exportedAt: Date, appVersion: String, since: Date? = nil) {
        self.exportedAt = exportedAt
        self.appVersion = appVersion
        self.since = since
    }
}

extension Archive {
    public var header: ArchiveHeader {
        var header = ArchiveHeader(exportedAt: exportedAt, appVersion: appVersion, since: since)
        header.schemaVersion = schemaVersion
        return header
    }
}

extension UserData: ArchiveSource {
    public func counts() -> (reflections: Int, notes: Int) {
        (reflections.count, notes.count)
    }

    public func forEachReflection(oldestFirst: Bool, ratingsOnly: Bool, _ body: (ArchivedReflection) throws -> Void) rethrows {
        if oldestFirst {
            for reflection in reflections.reversed() { try body(reflection) }
        } else {
            for reflection in reflections { try body(reflection) }
        }
    }

    public func forEachNote(_ body: (ArchivedNote) throws -> Void) rethrows {
        for note in notes { try body(note) }
    }
}
