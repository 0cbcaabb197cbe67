import TwoHatsContent
import TwoHatsCore

/// The two-ended scale and the bars that show ratings, readable without colour.
enum RatingScale {
    /// `Tells ◀──●──▶ Sells`, with the marker at `value` (1...7) or hollow when unrated,
    /// within `width` cells: the track shortens first, then the pole names.
    static func scale(_ contrast: Contrast, value: Int?, width: Int) -> [Span] {
        let marker = value ?? 4
        let range = Reflection.ratingRange
        let names = DisplayWidth.of(contrast.manager.name) + DisplayWidth.of(contrast.leader.name) + 4
        let gap = (0...2).reversed().first { names + range.count + $0 * (range.count - 1) <= width } ?? 0
        var track = ""
        for position in range {
            track += position == marker ? (value == nil ? "○" : "●") : "─"
            if position < range.upperBound { track += String(repeating: "─", count: gap) }
        }
        // What is left for the two names; a long manager name gives way no further than half.
        let room = max(2, width - DisplayWidth.of(track) - 4)
        let manager = TextWrap.truncate(contrast.manager.name, to: max(room / 2, room - DisplayWidth.of(contrast.leader.name)))
        let leader = TextWrap.truncate(contrast.leader.name, to: max(1, room - DisplayWidth.of(manager)))
        let left = manager + " ◀"
        let leftWidth = DisplayWidth.of(left)
        let right = "▶ " + leader
        return [
            Span(x: 0, left, .manager),
            Span(x: leftWidth, track, .selection),
            Span(x: leftWidth + DisplayWidth.of(track), right, .leader),
        ]
    }

    /// A bar of `width` cells: full blocks for the rating, light shade for the rest.
    static func bar(_ value: Int?, width: Int) -> String {
        guard let value else { return String(repeating: "·", count: width) }
        let filled = Int((Double(value) / Double(Reflection.ratingRange.upperBound) * Double(width)).rounded())
        return String(repeating: "█", count: filled) + String(repeating: "░", count: max(0, width - filled))
    }

    /// One line per contrast: title, manager end, bar, leader end and the number.
    static func chart(_ pack: ContentPack, ratings: [String: Int], width: Int) -> Document {
        var document = Document()
        let titleWidth = min(26, max(0, width - 22))
        let barWidth = max(7, min(21, width - titleWidth - 6))
        for contrast in pack.contrasts {
            let value = ratings[contrast.id]
            var spans: [Span] = []
            if titleWidth > 0 {
                spans.append(Span(x: 0, TextWrap.truncate("\(contrast.number) \(contrast.title)", to: titleWidth)))
            }
            let x = titleWidth > 0 ? titleWidth + 1 : 0
            spans.append(Span(x: x, bar(value, width: barWidth), .leader))
            spans.append(Span(x: x + barWidth + 1, value.map { "\($0)/7" } ?? "–", .muted))
            document.lines.append(spans)
        }
        return document
    }

    /// Ratings in contrast order, e.g. "5 3 6 2 4", with "·" for an unrated one; ratings of
    /// contrasts the pack no longer has follow by id, e.g. "old-id:3".
    static func profile(_ pack: ContentPack, ratings: [String: Int]) -> String {
        let known = Set(pack.contrasts.map(\.id))
        let unknown = ratings.keys.filter { !known.contains($0) }.sorted().map { "\($0):\(ratings[$0] ?? 0)" }
        return (pack.contrasts.map { ratings[$0.id].map(String.init) ?? "·" } + unknown).joined(separator: " ")
    }
}
