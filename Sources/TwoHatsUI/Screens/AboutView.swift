import TwoHatsCore

enum AboutView {
    static func draw(_ grid: inout Grid, _ state: AppState) {
        let viewport = measure(state)
        let offset = min(state.aboutScroll, viewport.maxScroll)
        Chrome.draw(&grid, state: state, title: "About & sources", more: offset < viewport.maxScroll)
        document(state).draw(
            into: &grid, top: Chrome.bodyTop, left: 1, width: grid.size.columns - 2,
            height: Chrome.bodyHeight(grid.size), offset: offset
        )
    }

    static func measure(_ state: AppState) -> Viewport {
        Viewport(contentRows: document(state).lines.count, visibleRows: Chrome.bodyHeight(state.size))
    }

    static func document(_ state: AppState) -> Document {
        let pack = state.pack
        let width = max(1, state.size.columns - 2)
        var document = Document()
        document.line(Span("About \(pack.title)", .heading))
        document.paragraph(pack.about, width: width)
        document.blank()
        document.line(Span("Ideas that run through the articles", .heading))
        for theme in pack.themes {
            document.blank()
            document.line(Span(theme.title, .accent))
            document.paragraph(theme.text, width: width, indent: 2)
        }
        document.blank()
        document.line(Span("Sources", .heading))
        document.paragraph("Every sentence here is written afresh; these articles are where the ideas come from.", width: width, style: .muted)
        for source in pack.sources {
            document.bullet(source.citation, width: width)
        }
        document.blank()
        document.line(Span("What TwoHats keeps, and where", .heading))
        document.paragraph(
            "Your ratings, answers, notes and commitments stay on this computer, in a SQLite database only you can read: \(state.dataFolder)/twohats.sqlite. Nothing is sent anywhere.",
            width: width
        )
        document.paragraph("Content pack: \(pack.id), version \(pack.version).", width: width, style: .muted)
        return document
    }
}
