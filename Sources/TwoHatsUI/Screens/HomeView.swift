import TwoHatsCore

enum HomeView {
    static func label(_ item: MenuItem, _ state: AppState) -> String {
        switch item {
        case .browse: "Browse the five contrasts"
        case .reflect:
            if let resumable = state.resumable {
                "Resume your reflection from \(DateText.dateTime(resumable.updatedAt, in: state.timeZone))\(ReflectionView.place(resumable.step, state.pack))"
            } else {
                "Reflect on how you lead and manage"
            }
        case .history: "Notes & history"
        case .about: "About & sources"
        case .quit: "Quit"
        }
    }

    static func draw(_ grid: inout Grid, _ state: AppState) {
        Chrome.draw(&grid, state: state, title: "")
        let width = grid.size.columns
        var document = Document()
        document.blank()
        for line in state.pack.welcome {
            document.paragraph(line, width: width - 2, indent: 2)
        }
        document.blank()
        let selected = state.homeSelection
        for item in MenuItem.allCases {
            let isSelected = item == selected
            let text = "[\(item.shortcut)] \(label(item, state))"
            document.line(
                Span(x: 2, isSelected ? "▸" : " ", isSelected ? .selection : .plain),
                Span(x: 3, " " + text + " ", isSelected ? .selection : .plain)
            )
        }
        document.draw(into: &grid, top: Chrome.bodyTop, left: 0, width: width, height: Chrome.bodyHeight(grid.size), offset: 0)
    }
}
