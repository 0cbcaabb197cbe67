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
        let visible = history.visible(state.pack)
        guard history.isLoaded else {
            grid.put("Loading…", x: 1, y: Chrome.bodyTop, style: .muted)
            return
        }
        guard !visible.isEmpty else {
            let message = history.entries.isEmpty
                ? "Nothing here yet. Take a reflection (r on the home screen) or write a note (n on a contrast)."
                : "Nothing matches the filter."
            var document = Document()
            document.paragraph(message, width: width, style: .muted)
            document.draw(into: &grid, top: Chrome.bodyTop, left: 1, width: width, height: height, offset: 0)
            return
        }
        let offset = max(0, min(history.selection - height + 1, visible.count - height))
        for row in 0..<min(height, visible.count - offset) {
            let index = offset + row
            let selected = index == history.selection
            let text = (selected ? "▸ " : "  ") + line(visible[index], pack: state.pack, timeZone: state.timeZone)
            let y = Chrome.bodyTop + row
            grid.put(TextWrap.truncate(text, to: width), x: 1, y: y, style: selected ? .selection : .plain)
            if selected { grid.paint(x: 1, y: y, count: width, style: .selection) }
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
