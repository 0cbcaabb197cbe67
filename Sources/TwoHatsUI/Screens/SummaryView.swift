import TwoHatsContent
import TwoHatsCore

/// The end of a reflection: the profile, the focus and the commitment, and where it is kept.
enum SummaryView {
    static func document(_ state: AppState, _ reflection: Reflection, width: Int) -> Document {
        let pack = state.pack
        var document = Document()
        document.line(Span("Your profile", .heading))
        document.append(RatingScale.chart(pack, ratings: reflection.ratings, width: width))
        document.blank()
        if let commitment = reflection.commitment {
            let title = pack.contrasts.first { $0.id == commitment.contrastID }?.title ?? commitment.contrastID
            document.line(Span("Focus: ", .heading), Span(x: 7, title, .leader))
            document.line(Span("Commitment, due \(DateText.day(commitment.dueDate, in: state.timeZone)):", .heading))
            document.paragraph(commitment.text.isEmpty ? "(not written)" : commitment.text, width: width, indent: 2)
        }
        document.blank()
        document.paragraph("Saved in \(state.dataFolder)/twohats.sqlite. Find it again under Notes & history.", width: width, style: .muted)
        if state.route == .reflection {
            document.line(Span("Enter returns home.", .key))
        }
        return document
    }
}
