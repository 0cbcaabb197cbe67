import TwoHatsContent
import TwoHatsCore

/// The two-ended scale and the bars that show ratings, readable without colour.
enum RatingScale {
    /// `Tells ◀──●──▶ Sells`, with the marker at `value` (1...7) or hollow when unrated.
    static func scale(_ contrast: Contrast, value: Int?) -> [Span] {
        let marker = value ?? 4
        var track = ""
        for position in Reflection.ratingRange {
            track += position == marker ? (value == nil ? "○" : "●") : "─"
            if position < Reflection.ratingRange.upperBound { track += "──" }
        }
        let left = contrast.manager.name + " ◀"
        let leftWidth = DisplayWidth.of(left)
        return [
            Span(x: 0, left, .manager),
            Span(x: leftWidth, track, .selection),
            Span(x: leftWidth + DisplayWidth.of(track), "▶ " + contrast.leader.name, .leader),
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
