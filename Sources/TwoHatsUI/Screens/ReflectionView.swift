import TwoHatsContent
import TwoHatsCore

/// Every step of the guided reflection, under a progress line and bar.
enum ReflectionView {
    /// Rows 2 and 3 hold the progress line and bar; the step starts below them.
    static let bodyTop = 4

    static func draw(_ grid: inout Grid, _ state: AppState) {
        guard let session = state.reflection else { return }
        let width = grid.size.columns
        let height = bodyHeight(grid.size)
        let document = textLayout(state) == nil ? body(state, session, width: width - 2).fitting(height) : Document()
        let offset = scrollOffset(session, contrasts: state.pack.contrasts.count, document: document, height: height)
        Chrome.draw(&grid, state: state, title: "Reflection", more: offset + height < document.lines.count)
        grid.put(" " + TextWrap.truncate(progress(session, state.pack), to: width - 2), x: 0, y: 2, style: .accent)
        let barWidth = max(0, width - 2)
        let filled = barWidth * (session.step + 1) / session.steps.count
        grid.put(String(repeating: "━", count: filled), x: 1, y: 3, style: .leader)
        grid.put(String(repeating: "─", count: barWidth - filled), x: 1 + filled, y: 3, style: .muted)

        if let layout = textLayout(state) {
            layout.header.draw(into: &grid, top: bodyTop, left: 1, width: width - 2, height: height, offset: 0)
            let ruleY = bodyTop + layout.header.lines.count
            let label = session.currentStep == .commitment ? "─ Your commitment " : "─ Your answer (saved as you type) "
            grid.put(" " + label + String(repeating: "─", count: max(0, width - 3 - DisplayWidth.of(label))), x: 0, y: ruleY, style: .muted)
            TextFieldView.draw(
                session.editor, into: &grid, x: layout.x, y: layout.y, size: layout.field,
                placeholder: "Type here. Enter starts a new line; Tab moves on."
            )
            return
        }
        document.draw(into: &grid, top: bodyTop, left: 1, width: width - 2, height: height, offset: offset)
    }

    static func bodyHeight(_ size: Size) -> Int { max(0, size.rows - 2 - bodyTop) }

    /// The text field of a text step, or the scrollable height of the others.
    static func measure(_ state: AppState) -> Viewport {
        guard let session = state.reflection else { return Viewport(contentRows: 0, visibleRows: 0) }
        if let layout = textLayout(state) {
            return Viewport(contentRows: 0, visibleRows: 0, field: layout.field)
        }
        let height = bodyHeight(state.size)
        let rows = body(state, session, width: max(1, state.size.columns - 2)).fitting(height).lines.count
        return Viewport(contentRows: rows, visibleRows: height)
    }

    static func progress(_ session: ReflectionSession, _ pack: ContentPack) -> String {
        let step = "step \(session.step + 1) of \(session.steps.count)"
        if let index = session.currentStep.contrast {
            return "Contrast \(index + 1) of \(pack.contrasts.count) · \(pack.contrasts[index].title) · \(step)"
        }
        let name = switch session.currentStep {
        case .intro: "Introduction"
        case .review: "Review"
        case .focus: "Focus"
        case .commitment: "Commitment"
        default: "Summary"
        }
        return "\(name) · \(step)"
    }

    /// Where a text step's field goes: below the prompt and a rule, down to the status line.
    struct TextLayout {
        var header: Document
        var x: Int
        var y: Int
        var field: Size
    }

    static func textLayout(_ state: AppState) -> TextLayout? {
        guard let session = state.reflection, session.currentStep.isText else { return nil }
        let width = max(1, state.size.columns - 2)
        let height = bodyHeight(state.size)
        var header = Document()
        switch session.currentStep {
        case let .answer(index, prompt):
            let contrast = state.pack.contrasts[index]
            if state.size.rows >= 20 {
                header.line(Span(contrast.title, .heading), Span(x: DisplayWidth.of(contrast.title) + 1, "· question \(prompt + 1) of \(contrast.prompts.count)", .muted))
            }
            header.paragraph(contrast.prompts[prompt], width: width, style: .accent)
        default:
            let focus = session.reflection.commitment?.contrastID ?? state.pack.contrasts[session.focusSelection].id
            let title = state.pack.contrasts.first { $0.id == focus }?.title ?? focus
            header.paragraph("Your focus: \(title). Write one concrete thing you will do in the next four weeks: a leadership touch on an everyday task, such as a one-to-one or an appraisal.", width: width, style: .accent)
            if state.size.rows >= 16, let due = session.reflection.commitment?.dueDate {
                header.line(Span("Due \(DateText.day(due, in: state.timeZone))", .muted))
            }
        }
        header.lines = Array(header.lines.prefix(max(1, height - 3)))
        let y = bodyTop + header.lines.count + 1
        return TextLayout(header: header, x: 2, y: y, field: Size(columns: max(1, state.size.columns - 4), rows: max(1, bodyTop + height - y)))
    }

    private static func body(_ state: AppState, _ session: ReflectionSession, width: Int) -> Document {
        let pack = state.pack
        var document = Document()
        switch session.currentStep {
        case .intro:
            document.line(Span("A guided reflection", .heading))
            document.paragraph("For each of the \(pack.contrasts.count) contrasts you place yourself on a scale between the manager's side and the leader's side, then answer a few short questions in your own words. Plan on about 15 minutes.", width: width)
            document.blank()
            document.paragraph("Everything is saved as you type. Esc pauses, and r on the home screen picks up where you stopped.", width: width)
            document.blank()
            document.paragraph("At the end you choose one contrast to work on and write down what you will do about it in the next four weeks.", width: width)
            document.blank()
            document.line(Span("Press Enter to begin.", .key))
        case let .rating(index):
            let contrast = pack.contrasts[index]
            let value = session.reflection.ratings[contrast.id]
            for (role, pole, style) in [("Leader", contrast.leader, Style.leader), ("Manager", contrast.manager, .manager)] {
                let label = "\(role) · \(pole.name): "
                document.line(Span(label, style), Span(x: DisplayWidth.of(label), TextWrap.truncate(pole.headline, to: width - DisplayWidth.of(label))))
            }
            document.blank()
            document.line(Span("Where do you stand in most weeks?", .heading))
            document.blank()
            document.lines.append(RatingScale.scale(contrast, value: value).map { Span(x: $0.x + 2, $0.text, $0.style) })
            document.blank()
            let reading = value.map { "\($0) of 7" } ?? "Not rated yet: ← → move the marker, Enter confirms"
            document.paragraph(reading, width: width, style: value == nil ? .muted : .plain, indent: 2)
        case .review:
            document.line(Span("Your profile", .heading))
            document.append(RatingScale.chart(pack, ratings: session.reflection.ratings, width: width))
            document.blank()
            document.line(Span("Your answers: Enter opens one to change it", .heading))
            for (row, target) in session.reviewTargets.enumerated() {
                let selected = row == session.reviewSelection
                let text = reviewLine(session, target, pack)
                let line = (selected ? "▸ " : "  ") + TextWrap.truncate(text, to: max(1, width - 2))
                document.line(Span(line, selected ? .selection : .plain))
            }
        case .focus:
            document.line(Span("Which contrast will you work on in the next four weeks?", .heading))
            document.paragraph("The one you rated lowest is suggested; pick any.", width: width, style: .muted)
            document.blank()
            let suggested = session.suggestedFocus(in: pack)
            for (index, contrast) in pack.contrasts.enumerated() {
                let selected = index == session.focusSelection
                let rating = session.reflection.ratings[contrast.id].map { " · rated \($0)" } ?? ""
                let hint = index == suggested ? " (suggested)" : ""
                document.line(Span((selected ? "▸ " : "  ") + "\(contrast.number) \(contrast.title)\(rating)\(hint)", selected ? .selection : .plain))
            }
        default:
            document.append(SummaryView.document(state, session.reflection, width: width))
        }
        return document
    }

    private static func reviewLine(_ session: ReflectionSession, _ target: Int, _ pack: ContentPack) -> String {
        switch session.steps[target] {
        case let .rating(index):
            let rating = session.reflection.ratings[pack.contrasts[index].id].map(String.init) ?? "not rated"
            return "\(pack.contrasts[index].title): \(rating)"
        case let .answer(index, prompt):
            let answer = session.text(of: .answer(contrast: index, prompt: prompt), in: pack)
            let first = answer.split(separator: "\n").first.map(String.init) ?? "(no answer)"
            return "    Q\(prompt + 1) \(first)"
        default:
            let text = session.reflection.commitment?.text ?? ""
            return "Commitment: " + (text.split(separator: "\n").first.map(String.init) ?? "(not written yet)")
        }
    }

    /// Keeps the selected line of the review and the focus on screen; the intro and the
    /// summary scroll by key.
    private static func scrollOffset(_ session: ReflectionSession, contrasts: Int, document: Document, height: Int) -> Int {
        let maxOffset = max(0, document.lines.count - height)
        let selectedRow: Int
        switch session.currentStep {
        case .review: selectedRow = document.lines.count - session.reviewTargets.count + session.reviewSelection
        case .focus: selectedRow = document.lines.count - contrasts + session.focusSelection
        default: return min(session.scroll, maxOffset)
        }
        return max(0, min(selectedRow - height + 2, maxOffset))
    }
}

extension ReflectionView {
    /// " (contrast 3 of 5)" for a saved step index, or "" before and after the contrasts.
    static func place(_ step: Int, _ pack: ContentPack) -> String {
        let steps = ReflectionStep.steps(for: pack)
        guard steps.indices.contains(step), let contrast = steps[step].contrast else { return "" }
        return " (contrast \(contrast + 1) of \(pack.contrasts.count))"
    }
}
