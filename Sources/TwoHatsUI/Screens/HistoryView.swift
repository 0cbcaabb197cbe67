import Foundation
import TwoHatsContent
import TwoHatsCore

/// Reflections and notes, newest first, one a line.
public enum HistoryView {
    static func draw(_ grid: inout Grid, _ state: AppState) {
        Chrome.draw(&grid, state: state, title: "Notes & history")
        let history = state.history
        let width = grid.size.columns - 2
        var height = Chrome.bodyHeight(grid.size)
        if history.isFiltering || !history.filter.isEmpty {
            let label = "/ " + history.filter
            grid.put(label, x: 1, y: Chrome.bodyTop + height - 1, style: .key)
            if history.isFiltering { grid.cursor = (1 + DisplayWidth.of(label), Chrome.bodyTop + height - 1) }
            height -= 1
        }
        if history.confirmingDelete {
            grid.put(" Delete this for good? y deletes, any other key keeps it.", x: 0, y: grid.size.rows - 2, style: .error)
        }
        guard history.isLoaded else {
            grid.put("Loading…", x: 1, y: Chrome.bodyTop, style: .muted)
            return
        }
        guard history.total > 0 else {
            let message = history.filter.allSatisfy(\.isWhitespace)
                ? "Nothing here yet. Take a reflection (r on the home screen) or write a note (n on a contrast)."
                : "Nothing matches the filter."
            var document = Document()
            document.paragraph(message, width: width, style: .muted)
            document.draw(into: &grid, top: Chrome.bodyTop, left: 1, width: width, height: height, offset: 0)
            return
        }
        let offset = max(0, min(history.selection - height + 1, history.total - height))
        for row in 0..<min(height, history.total - offset) {
            let index = offset + row
            guard let entry = history.entry(at: index) else { continue }
            let selected = index == history.selection
            let full = line(entry, pack: state.pack, timeZone: state.timeZone)
            let text = (selected ? "▸ " : "  ") + (fits(full, entry, width: width - 2) ? full : compactLine(entry, pack: state.pack, timeZone: state.timeZone))
            let y = Chrome.bodyTop + row
            grid.put(TextWrap.truncate(text, to: width), x: 1, y: y, style: selected ? .selection : .plain)
            if selected { grid.paint(x: 1, y: y, count: width, style: .selection) }
        }
    }

    /// Whether the aligned line shows what matters: a reflection's whole profile, or a
    /// dozen columns of a note's words after its date and contrast.
    private static func fits(_ line: String, _ entry: HistoryEntry, width: Int) -> Bool {
        guard case let .note(note) = entry else { return DisplayWidth.of(line) <= width }
        let words = note.text.split(separator: "\n").first.map { DisplayWidth.of($0) } ?? 0
        return DisplayWidth.of(line) - words + min(words, 12) <= width
    }

    /// A narrow terminal cannot hold the aligned columns, so the columns go and what tells
    /// entries apart (the note's words, the ratings) comes first.
    static func compactLine(_ entry: HistoryEntry, pack: ContentPack, timeZone: TimeZone) -> String {
        let date = DateText.dateTime(entry.date, in: timeZone)
        switch entry {
        case let .reflection(summary):
            let status = summary.completedAt == nil ? "paused" : "done"
            return "\(date) \(status) \(RatingScale.profile(pack, ratings: summary.ratings))"
        case let .note(note):
            let first = note.text.split(separator: "\n").first.map(String.init) ?? "(empty)"
            let number = pack.contrasts.first { $0.id == note.contrastID }.map { " \($0.number)" } ?? ""
            return "\(date) note\(number): \(first)"
        }
    }

    /// One entry as the list shows it, and as `twohats history` prints it. A note about a
    /// contrast the pack no longer has names the contrast by its id.
    public static func line(_ entry: HistoryEntry, pack: ContentPack, timeZone: TimeZone) -> String {
        let date = DateText.dateTime(entry.date, in: timeZone)
        switch entry {
        case let .reflection(summary):
            let status = summary.completedAt == nil ? "in progress" : "complete   "
            return "\(date)  Reflection  \(status)  \(RatingScale.profile(pack, ratings: summary.ratings))"
        case let .note(note):
            let title = pack.contrasts.first { $0.id == note.contrastID }?.title ?? note.contrastID ?? "General"
            let first = note.text.split(separator: "\n").first.map(String.init) ?? "(empty)"
            return "\(date)  Note        \(title): \(first)"
        }
    }
}
