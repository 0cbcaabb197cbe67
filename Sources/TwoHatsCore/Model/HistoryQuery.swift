import Foundation

/// What the history list asks the store for: the window of entries it is about to show,
/// among those that match the filter. Only this window is read, so opening a long history
/// costs what one screen does.
public struct HistoryQuery: Equatable, Sendable {
    public var filter: HistoryFilter?
    /// Counted in the matching entries, newest first.
    public var offset: Int
    public var limit: Int

    public init(filter: HistoryFilter?, offset: Int, limit: Int) {
        self.filter = filter
        self.offset = offset
        self.limit = limit
    }
}

/// The history filter: a note matches by its text or the title of its contrast, a reflection
/// by its status; case and accents are ignored.
public struct HistoryFilter: Equatable, Sendable {
    public var needle: String
    /// Contrast id to title, so that the store can match a note by its contrast's title.
    public var titles: [String: String]

    public init(needle: String, titles: [String: String]) {
        self.needle = needle
        self.titles = titles
    }

    public func matchesNote(contrastID: String?, text: String) -> Bool {
        contains("note \(contrastID.flatMap { titles[$0] } ?? "") \(text)")
    }

    public func matchesReflection(complete: Bool) -> Bool {
        contains("reflection " + (complete ? "complete" : "in progress"))
    }

    private func contains(_ haystack: String) -> Bool {
        haystack.range(of: needle, options: [.caseInsensitive, .diacriticInsensitive]) != nil
    }
}

/// The store's answer to a `HistoryQuery`.
public struct HistoryPage: Equatable, Sendable {
    public var query: HistoryQuery
    /// How many entries match the filter in all.
    public var total: Int
    /// Those from `query.offset` on, at most `query.limit`.
    public var entries: [HistoryEntry]

    public init(query: HistoryQuery, total: Int, entries: [HistoryEntry]) {
        self.query = query
        self.total = total
        self.entries = entries
    }
}
