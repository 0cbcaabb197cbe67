import TwoHatsContent
import TwoHatsCore

/// One reflection or note from history, read-only and scrollable.
enum EntryView {
    static func draw(_ grid: inout Grid, _ state: AppState) {
        let viewport = measure(state)
        let offset = min(state.history.scroll, viewport.maxScroll)
        Chrome.draw(&grid, state: state, title: "History", more: offset < viewport.maxScroll)
        if state.history.confirmingDelete {
            grid.put(" Delete this for good? y deletes, any other key keeps it.", x: 0, y: grid.size.rows - 2, style: .error)
        }
        document(state).draw(into: &grid, top: Chrome.bodyTop, left: 1, width: grid.size.columns - 2, height: Chrome.bodyHeight(grid.size), offset: offset)
    }

    static func measure(_ state: AppState) -> Viewport {
        Viewport(contentRows: document(state).lines.count, visibleRows: Chrome.bodyHeight(state.size))
    }

    static func document(_ state: AppState) -> Document {
        let width = max(1, state.size.columns - 2)
        var document = Document()
        switch state.history.open {
        case let .reflection(reflection):
            let status = reflection.isComplete ? "complete" : "in progress (e resumes it)"
            document.paragraph("Reflection of \(DateText.dateTime(reflection.createdAt, in: state.timeZone)) · \(status)", width: width, style: .heading)
            document.blank()
            for contrast in state.pack.contrasts {
                let rating = reflection.ratings[contrast.id].map { "\($0) of 7" } ?? "not rated"
                document.paragraph("\(contrast.number). \(contrast.title) · \(rating)", width: width, style: .leader)
                for (index, prompt) in contrast.prompts.enumerated() {
                    guard let answer = reflection.answers[AnswerKey(contrastID: contrast.id, prompt: index)], !answer.isEmpty else { continue }
                    document.paragraph(prompt, width: width, style: .accent, indent: 2)
                    document.paragraph(answer, width: width, indent: 4)
                }
                document.blank()
            }
            document.append(SummaryView.document(state, reflection, width: width))
        case let .note(note):
            let title = state.pack.contrasts.first { $0.id == note.contrastID }?.title ?? "General"
            document.paragraph("Note · \(title) · \(DateText.dateTime(note.updatedAt, in: state.timeZone))", width: width, style: .heading)
            document.blank()
            document.paragraph(note.text.isEmpty ? "(empty)" : note.text, width: width)
        case nil:
            break
        }
        return document
    }
}
