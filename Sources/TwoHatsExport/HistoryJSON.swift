import Foundation
import TwoHatsContent
import TwoHatsCore

/// `twohats history --json`: the history list as data, newest first, ratings in pack order.
public enum HistoryJSON {
    public static func render(_ entries: [HistoryEntry], pack: ContentPack) -> String {
        let names = ContrastNames(pack)
        let bytes = OutputBuffer.collect { out in
            var json = JSONWriter(out)
            json.array(entries) { json, entry in
                json.object { json in
                    switch entry {
                    case let .reflection(summary):
                        json.key("type"); json.string("reflection")
                        json.key("id"); json.id(summary.id)
                        json.key("date"); json.date(summary.updatedAt)
                        json.key("complete"); json.bool(summary.completedAt != nil)
                        json.key("ratings")
                        json.array(names.ordered(summary.ratings.keys)) { json, contrastID in
                            json.object { json in
                                json.key("contrastID"); json.string(contrastID)
                                json.key("value"); json.number(summary.ratings[contrastID] ?? 0)
                            }
                        }
                    case let .note(note):
                        json.key("type"); json.string("note")
                        json.key("id"); json.id(note.id)
                        json.key("date"); json.date(note.updatedAt)
                        json.key("contrastID"); json.optional(note.contrastID) { $0.string($1) }
                        json.key("contrastTitle"); json.optional(note.contrastID.map(names.title)) { $0.string($1) }
                        json.key("firstLine"); json.string(note.text.split(separator: "\n").first.map(String.init) ?? "")
                    }
                }
            }
            out.append(0x0A)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
