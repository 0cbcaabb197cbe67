import TwoHatsContent
import TwoHatsCore

public enum DetailView {
    /// From this width the leader and manager sides stand side by side.
    static let sideBySideWidth = 70

    static func draw(_ grid: inout Grid, _ state: AppState) {
        let contrast = state.pack.contrasts[state.detail.index]
        let viewport = measure(state)
        let offset = min(state.detail.scroll, viewport.maxScroll)
        Chrome.draw(
            &grid, state: state, title: contrast.title,
            position: "\(state.detail.index + 1) of \(state.pack.contrasts.count)",
            more: offset < viewport.maxScroll
        )
        document(state).draw(
            into: &grid, top: Chrome.bodyTop, left: 1, width: grid.size.columns - 2,
            height: Chrome.bodyHeight(grid.size), offset: offset
        )
    }

    static func measure(_ state: AppState) -> Viewport {
        Viewport(contentRows: document(state).lines.count, visibleRows: Chrome.bodyHeight(state.size))
    }

    static func document(_ state: AppState) -> Document {
        let contrast = state.pack.contrasts[state.detail.index]
        let width = max(1, state.size.columns - 2)
        var document = Document()
        document.line(Span("\(contrast.number). \(contrast.title)", .heading))
        if let stats = state.stats[contrast.id], stats.noteCount > 0 || stats.lastRating != nil {
            let notes = stats.noteCount == 1 ? "1 note" : "\(stats.noteCount) notes"
            let rating = stats.lastRating.map { " · your last rating: \($0) of 7" } ?? ""
            document.line(Span("You have \(notes) about this\(rating).", .accent))
        }
        document.append(body(contrast, in: state.pack, width: width, sideBySide: width >= sideBySideWidth))
        return document
    }

    /// The contrast's words without the app's title and stats: `twohats show` prints them
    /// stacked, as plain text.
    public static func body(_ contrast: Contrast, in pack: ContentPack, width: Int, sideBySide: Bool) -> Document {
        var document = Document()
        document.paragraph(contrast.summary, width: width)
        document.blank()
        if sideBySide {
            let column = (width - 3) / 2
            var poles = pole(contrast.leader, role: "Leader", style: .leader, width: column)
            poles.merge(pole(contrast.manager, role: "Manager", style: .manager, width: column), x: column + 3)
            document.append(poles)
        } else {
            document.append(pole(contrast.leader, role: "Leader", style: .leader, width: width))
            document.blank()
            document.append(pole(contrast.manager, role: "Manager", style: .manager, width: width))
        }
        section("Moving toward leadership", contrast.move, width: width, into: &document)
        section("Keeping the balance", contrast.balance, width: width, into: &document)
        document.blank()
        document.line(Span("Sources", .heading))
        for source in pack.sources(of: contrast) {
            document.bullet(source.citation, width: width)
        }
        return document
    }

    private static func pole(_ pole: Pole, role: String, style: Style, width: Int) -> Document {
        var document = Document()
        document.line(Span("\(role) · \(pole.name)", style))
        document.paragraph(pole.headline, width: width, style: .accent)
        for point in pole.points {
            document.bullet(point, width: width)
        }
        return document
    }

    private static func section(_ title: String, _ text: String, width: Int, into document: inout Document) {
        document.blank()
        document.line(Span(title, .heading))
        document.paragraph(text, width: width)
    }
}
