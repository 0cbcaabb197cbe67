import Foundation
import TwoHatsContent
import TwoHatsCore

/// An export as a document to read or share: reflections newest first, each with its ratings
/// drawn as bars between the two poles, its answers under their questions and its commitment;
/// then the notes. Times are shown in `timeZone`.
public struct MarkdownRenderer {
    private let names: ContrastNames
    private let timeZone: TimeZone
    private let offsets: ZoneOffsets

    public init(pack: ContentPack, timeZone: TimeZone) {
        names = ContrastNames(pack)
        self.timeZone = timeZone
        offsets = ZoneOffsets(timeZone)
    }

    public func render(_ archive: Archive) -> String {
        // Reading a UserData cannot fail; only the store's reads can.
        String(decoding: OutputBuffer.collect { try! write(archive.header, archive.data, to: $0) }, as: UTF8.self)
    }

    /// The document for `source` as it is read, into `out` (which the caller finishes).
    public func write(_ header: ArchiveHeader, _ source: any ArchiveSource, to out: OutputBuffer) throws {
        out.append("# TwoHats: reflections and notes\n\n")
        let counts = try source.counts()
        out.append("Exported \(time(header.exportedAt)) by TwoHats \(header.appVersion)")
        if let since = header.since { out.append(", with what changed since \(time(since))") }
        out.append(": \(count(counts.reflections, "reflection")) and \(count(counts.notes, "note")). ")
        out.append("Times are in \(timeZone.identifier).\n")
        out.append("\n## Reflections\n")
        if counts.reflections == 0 { out.append("\nNo reflections.\n") }
        var layouts: [[String]: BarLayout] = [:]
        try source.forEachReflection(oldestFirst: false, ratingsOnly: false) { render($0, into: out, layouts: &layouts) }
        out.append("\n## Notes\n")
        if counts.notes == 0 { out.append("\nNo notes.\n") }
        try source.forEachNote { note in
            out.append("\n### \(time(note.updatedAt)) · \(note.contrastID.map(names.title) ?? "General")\n\n")
            quote(note.text, into: out)
        }
    }

    private func render(_ reflection: ArchivedReflection, into out: OutputBuffer, layouts: inout [[String]: BarLayout]) {
        let status = reflection.completedAt == nil ? "in progress" : "complete"
        out.append("\n### Reflection of \(time(reflection.createdAt)) · \(status)\n\n")
        var facts = ["Started \(time(reflection.createdAt))"]
        if let completed = reflection.completedAt {
            facts.append("completed \(time(completed))")
        } else {
            facts.append("last changed \(time(reflection.updatedAt))")
        }
        facts.append("content pack \(TextSafety.inert(reflection.packID)), version \(reflection.packVersion)")
        out.append(facts.joined(separator: " · ") + ".\n")
        if !reflection.ratings.isEmpty {
            out.append("\n```text\n")
            out.append(bars(reflection.ratings, layouts: &layouts))
            out.append("```\n")
        }
        let answers = Dictionary(grouping: reflection.answers.filter { !isBlank($0.text) }, by: \.contrastID)
        for contrastID in names.ordered(answers.keys) {
            out.append("\n#### \(names.title(contrastID))\n")
            for answer in (answers[contrastID] ?? []).sorted(by: { $0.promptIndex < $1.promptIndex }) {
                out.append("\n**\(TextSafety.inert(answer.prompt))**\n\n")
                quote(answer.text, into: out)
            }
        }
        if let commitment = reflection.commitment {
            out.append("\n#### Commitment: \(names.title(commitment.contrastID)), due \(day(commitment.dueDate))\n\n")
            quote(commitment.text, into: out)
        }
        if reflection.ratings.isEmpty && answers.isEmpty && reflection.commitment == nil {
            out.append("\nNothing written yet.\n")
        }
    }

    /// One line per rating: `Vision ↔ Goals   Goals ──────●────── Vision  5/7`, aligned.
    /// Most reflections rate the same contrasts, so their lines are laid out once per set of
    /// contrasts (keyed by the ratings' order) and reused.
    private func bars(_ ratings: [ArchivedRating], layouts: inout [[String]: BarLayout]) -> String {
        let values = Dictionary(ratings.map { ($0.contrastID, $0.value) }, uniquingKeysWith: { first, _ in first })
        let key = ratings.map(\.contrastID)
        let layout = layouts[key] ?? BarLayout(names.ordered(values.keys), names)
        layouts[key] = layout
        var lines = ""
        for id in layout.ids {
            let value = values[id] ?? Reflection.ratingRange.lowerBound
            lines += Reflection.ratingRange.contains(value)
                ? layout.lines[id, default: []][value - Reflection.ratingRange.lowerBound]
                : layout.line(id, value, names)
        }
        return lines
    }

    /// The user's text as a block quote, so nothing in it can pass for the document's own
    /// headings, with its control characters as visible placeholders (see docs/export-format.md).
    /// Lines are found and copied as bytes: splitting by Character costs a second on a large export.
    private func quote(_ text: String, into out: OutputBuffer) {
        guard !isBlank(text) else {
            out.append("*(empty)*\n")
            return
        }
        var text = TextSafety.inertKeepingNewlines(text)
        text.withUTF8 { utf8 in
            var lineStart = 0
            while true {
                let lineEnd = utf8[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.count
                out.append(UInt8(ascii: ">"))
                if lineEnd > lineStart {
                    out.append(UInt8(ascii: " "))
                    out.append(UnsafeBufferPointer(rebasing: utf8[lineStart..<lineEnd]))
                }
                out.append(UInt8(ascii: "\n"))
                guard lineEnd < utf8.count else { break }
                lineStart = lineEnd + 1
            }
        }
    }

    private func isBlank(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy(\.properties.isWhitespace)
    }

    private func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }

    /// "2026-11-22 10:14".
    private func time(_ date: Date) -> String {
        let clock = Timestamp.wallClock(date, offset: offsets.offset(at: date))
        return "\(clock.year)-\(two(clock.month))-\(two(clock.day)) \(two(clock.hour)):\(two(clock.minute))"
    }

    /// "2026-11-22".
    private func day(_ date: Date) -> String {
        let clock = Timestamp.wallClock(date, offset: offsets.offset(at: date))
        return "\(clock.year)-\(two(clock.month))-\(two(clock.day))"
    }

    private func two(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}

/// The bar lines of one set of rated contrasts, aligned on the widest title and poles.
private struct BarLayout {
    let ids: [String]
    /// Per contrast, its line for each value of the rating range.
    private(set) var lines: [String: [String]]
    private let titleWidth: Int, managerWidth: Int, leaderWidth: Int

    init(_ ids: [String], _ names: ContrastNames) {
        self.ids = ids
        titleWidth = ids.map { DisplayWidth.of(names.title($0)) }.max() ?? 0
        managerWidth = ids.map { DisplayWidth.of(names.poles($0).manager) }.max() ?? 0
        leaderWidth = ids.map { DisplayWidth.of(names.poles($0).leader) }.max() ?? 0
        lines = [:]
        // Every other field is set by now, so line(_:_:_:) may use the widths.
        var built: [String: [String]] = [:]
        for id in ids { built[id] = Reflection.ratingRange.map { line(id, $0, names) } }
        lines = built
    }

    func line(_ id: String, _ value: Int, _ names: ContrastNames) -> String {
        let poles = names.poles(id)
        let track = Reflection.ratingRange.map { $0 == value ? "●" : "─" }.joined(separator: "──")
        return pad(names.title(id), to: titleWidth) + "   "
            + String(repeating: " ", count: managerWidth - DisplayWidth.of(poles.manager)) + poles.manager
            + " ◀" + track + "▶ " + pad(poles.leader, to: leaderWidth) + "  \(value)/\(Reflection.ratingRange.upperBound)\n"
    }

    private func pad(_ text: String, to width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - DisplayWidth.of(text)))
    }
}
