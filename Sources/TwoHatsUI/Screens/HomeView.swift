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
        let width = grid.size.columns
        let height = Chrome.bodyHeight(grid.size)
        var menu = Document()
        for item in MenuItem.allCases {
            let isSelected = item == state.homeSelection
            let style: Style = isSelected ? .selection : .plain
            // A long entry (the resume offer with its date and place) wraps under itself.
            for (index, part) in TextWrap.wrap(label(item, state), width: max(1, width - 10)).enumerated() {
                let text = index == 0 ? "[\(item.shortcut)] \(part)" : "    \(part)"
                menu.line(Span(x: 2, isSelected && index == 0 ? "▸" : " ", style), Span(x: 3, " " + text + " ", style))
            }
        }
        var document = Document()
        document.blank()
        for line in state.pack.welcome {
            document.paragraph(line, width: width - 2, indent: 2)
        }
        document.blank()
        document.append(menu)
        // On a short terminal the menu matters more than the welcome.
        document = document.fitting(height)
        if document.lines.count > height { document = menu }
        document.draw(into: &grid, top: Chrome.bodyTop, left: 0, width: width, height: height, offset: 0)
        // Last, so that a storage problem on a short terminal is read over the menu, not mixed into it.
        Chrome.draw(&grid, state: state, title: "")
    }
}
