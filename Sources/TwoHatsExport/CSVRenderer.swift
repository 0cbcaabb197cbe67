import Foundation
import TwoHatsContent

/// Ratings for a spreadsheet: RFC 4180 CSV with a header and one row per rating, oldest
/// reflection first so a chart reads left to right. The date is when the reflection was begun,
/// which keeps one reflection's ratings together on a time axis.
public struct CSVRenderer {
    public static let header = ["date", "reflection_id", "contrast_id", "contrast_title", "value"]

    private let names: ContrastNames

    public init(pack: ContentPack) {
        names = ContrastNames(pack)
    }

    public func render(_ archive: Archive) -> String {
        // Reading a UserData cannot fail; only the store's reads can.
        String(decoding: OutputBuffer.collect { try! write(archive.data, to: $0) }, as: UTF8.self)
    }

    /// The CSV of `source` as it is read, into `out` (which the caller finishes).
    public func write(_ source: any ArchiveSource, to out: OutputBuffer) throws {
        out.append(row(Self.header))
        try source.forEachReflection(oldestFirst: true, ratingsOnly: true) { reflection in
            let values = Dictionary(reflection.ratings.map { ($0.contrastID, $0.value) }, uniquingKeysWith: { first, _ in first })
            let date = Timestamp.iso8601(reflection.createdAt)
            for contrastID in names.ordered(values.keys) {
                out.append(row([date, reflection.id.archiveText, TextSafety.inert(contrastID), names.title(contrastID), String(values[contrastID] ?? 0)]))
            }
        }
    }

    /// Fields joined by commas, ended by CRLF; a field holding a comma, a quote or a line break
    /// is quoted, with its quotes doubled.
    private func row(_ fields: [String]) -> String {
        fields.map { field in
            field.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 })
                ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
                : field
        }.joined(separator: ",") + "\r\n"
    }
}
