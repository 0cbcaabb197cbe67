import TwoHatsContent
import TwoHatsCore

enum BrowseView {
    static let listWidth = 30
    /// Below this width the preview moves under the list.
    static let sideBySideWidth = 72

    static func draw(_ grid: inout Grid, _ state: AppState) {
        Chrome.draw(&grid, state: state, title: "Browse")
        let size = grid.size
        let height = Chrome.bodyHeight(size)
        var list = Document()
        list.blank()
        // Only the marker and the number show the selection, so a move rewrites a few cells
        // of two rows rather than both rows whole.
        for index in state.pack.contrasts.indices {
            let isSelected = index == state.browseSelection
            let mark = "\(isSelected ? "▸" : " ") \(state.pack.contrasts[index].number)"
            list.line(Span(x: 1, mark, isSelected ? .selection : .plain), Span(x: 1 + DisplayWidth.of(mark) + 2, state.pack.contrasts[index].title))
        }
        let contrast = state.pack.contrasts[state.browseSelection]
        if size.columns >= sideBySideWidth {
            list.draw(into: &grid, top: Chrome.bodyTop, left: 0, width: listWidth + 1, height: height, offset: 0)
            let left = listWidth + 3
            preview(contrast, width: size.columns - left - 1)
                .draw(into: &grid, top: Chrome.bodyTop, left: left, width: size.columns - left - 1, height: height, offset: 0)
        } else {
            list.blank()
            // Under the list there is room for the start of the preview; "…" marks the cut.
            let room = height - list.lines.count
            if room > 1 {
                list.append(preview(contrast, width: size.columns - 2).cut(to: room, width: size.columns - 2).indented(by: 1))
            }
            list.draw(into: &grid, top: Chrome.bodyTop, left: 0, width: size.columns, height: height, offset: 0)
        }
    }

    /// What each hat does in this contrast. The labels and the closing hint stay put from one
    /// contrast to the next; only the two headlines change as the selection moves.
    static func preview(_ contrast: Contrast, width: Int) -> Document {
        var document = Document()
        document.blank()
        document.line(Span("As a leader", .leader))
        document.paragraph(contrast.leader.headline, width: width, indent: 2)
        document.blank()
        document.line(Span("As a manager", .manager))
        document.paragraph(contrast.manager.headline, width: width, indent: 2)
        document.blank()
        document.line(Span("Enter opens it.", .muted))
        return document
    }
}

extension Document {
    func indented(by columns: Int) -> Document {
        var copy = Document()
        copy.merge(self, x: columns)
        return copy
    }
}
