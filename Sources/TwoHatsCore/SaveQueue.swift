import Foundation

/// Debounces writes: saves wait until `delay` after the first of a burst, and a newer save to
/// the same place replaces the older one. Time is passed in, so this stays pure.
public struct SaveQueue: Equatable, Sendable {
    /// Half a second keeps every keystroke on disk within a second of being typed.
    public static let delay: TimeInterval = 0.5

    private var saves: [Save] = []
    private var since: Date?

    public init() {}

    public var isEmpty: Bool { saves.isEmpty }
    public var count: Int { saves.count }

    public mutating func add(_ save: Save, at now: Date) {
        if let index = saves.firstIndex(where: { $0.key == save.key }) {
            saves[index] = save
        } else {
            saves.append(save)
        }
        if since == nil { since = now }
    }

    public func isDue(at now: Date) -> Bool {
        guard let since else { return false }
        return now.timeIntervalSince(since) >= Self.delay
    }

    /// Removes and returns every pending save, oldest first.
    public mutating func take() -> [Save] {
        defer {
            saves = []
            since = nil
        }
        return saves
    }

    /// Puts back saves that failed, unless a newer save to the same place arrived meanwhile.
    public mutating func retry(_ failed: [Save], at now: Date) {
        let newer = saves
        saves = failed.filter { save in !newer.contains { $0.key == save.key } } + newer
        if !saves.isEmpty { since = since ?? now }
    }
}
