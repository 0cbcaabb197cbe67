import TwoHatsContent

/// Contrast titles and pole names from the current pack. A contrast the pack no longer has
/// (the pack changed since the reflection) is shown by its id, so old data still renders.
struct ContrastNames {
    private let contrasts: [String: Contrast]
    private let rank: [String: Int]

    init(_ pack: ContentPack) {
        contrasts = Dictionary(pack.contrasts.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        rank = Dictionary(pack.contrasts.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The pack's title (the validator keeps controls out of packs), else the id, which comes
    /// from the data and so is made inert.
    func title(_ id: String) -> String {
        contrasts[id]?.title ?? TextSafety.inert(id)
    }

    /// The ends of the rating scale: the manager's at 1, the leader's at 7.
    func poles(_ id: String) -> (manager: String, leader: String) {
        guard let contrast = contrasts[id] else { return ("1", "7") }
        return (contrast.manager.name, contrast.leader.name)
    }

    /// `ids` in the pack's order, then the ones it does not know, alphabetically.
    func ordered(_ ids: some Sequence<String>) -> [String] {
        Set(ids).sorted { left, right in
            switch (rank[left], rank[right]) {
            case let (l?, r?): l < r
            case (.some, nil): true
            case (nil, .some): false
            case (nil, nil): left < right
            }
        }
    }
}
