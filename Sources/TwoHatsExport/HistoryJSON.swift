import Foundation
import TwoHatsContent
import TwoHatsCore

/// `twohats history --json`: the history list as data, newest first, ratings in pack order.
public enum HistoryJSON {
    public static func render(_ entries: [HistoryEntry], pack: ContentPack) -> String {
        let names = ContrastNames(pack)
        return ArchiveJSON.encode(entries.map { Line($0, names) })
    }

    private struct Line: Encodable {
        var type: String
        var id: String
        var date: Date
        var complete: Bool?
        var ratings: [Rating]?
        var contrastID: String?
        var contrastTitle: String?
        var firstLine: String?

        init(_ entry: HistoryEntry, _ names: ContrastNames) {
            id = entry.id.archiveText
            date = entry.date
            switch entry {
            case let .reflection(summary):
                type = "reflection"
                complete = summary.completedAt != nil
                ratings = names.ordered(summary.ratings.keys).map { Rating(contrastID: $0, value: summary.ratings[$0] ?? 0) }
            case let .note(note):
                type = "note"
                contrastID = note.contrastID
                contrastTitle = note.contrastID.map(names.title)
                firstLine = note.text.split(separator: "\n").first.map(String.init) ?? ""
            }
        }
    }

    private struct Rating: Encodable {
        var contrastID: String
        var value: Int
    }
}
