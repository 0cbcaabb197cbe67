import TwoHatsContent
import TwoHatsCore
import TwoHatsUI

/// The contrasts as plain text for `list` and `show`: lines wrapped by display width, with
/// no colour and no control codes.
enum ContrastText {
    /// One line per contrast: number, title and the two poles, in aligned columns. When the
    /// columns do not fit, each pole goes on an indented line of its own.
    static func list(_ pack: ContentPack, width: Int) -> [String] {
        let numberWidth = pack.contrasts.map { DisplayWidth.of(String($0.number)) }.max() ?? 1
        let titleWidth = pack.contrasts.map { DisplayWidth.of($0.title) }.max() ?? 0
        let leaderWidth = pack.contrasts.map { DisplayWidth.of(leaderLabel($0)) }.max() ?? 0
        let rows = pack.contrasts.map { contrast in
            (number: padded(String(contrast.number), to: numberWidth), contrast: contrast)
        }
        let wide = rows.map { row in
            row.number + "  " + padded(row.contrast.title, to: titleWidth) + "  "
                + padded(leaderLabel(row.contrast), to: leaderWidth) + "  " + managerLabel(row.contrast)
        }
        if wide.allSatisfy({ DisplayWidth.of($0) <= width }) { return wide }
        let indent = String(repeating: " ", count: numberWidth + 2)
        return rows.flatMap { row in
            [row.number + "  " + row.contrast.title, indent + leaderLabel(row.contrast), indent + managerLabel(row.contrast)]
                .map { TextWrap.truncate($0, to: width) }
        }
    }

    /// One contrast as the app's detail view shows it, stacked: the two sides one after the
    /// other so that the text reads top to bottom.
    static func detail(_ contrast: Contrast, in pack: ContentPack, width: Int) -> [String] {
        var document = Document()
        document.line(Span("Contrast \(contrast.number) of \(pack.contrasts.count): \(contrast.title)"))
        document.blank()
        document.append(DetailView.body(contrast, in: pack, width: width, sideBySide: false))
        // Headings are single spans the app would clip; here they wrap like the rest.
        return document.lines.map(plain).flatMap { line in
            DisplayWidth.of(line) <= width ? [line] : TextWrap.wrap(line, width: width)
        }
    }

    private static func leaderLabel(_ contrast: Contrast) -> String { "leader: \(contrast.leader.name)" }
    private static func managerLabel(_ contrast: Contrast) -> String { "manager: \(contrast.manager.name)" }

    private static func padded(_ text: String, to width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - DisplayWidth.of(text)))
    }

    /// A line of spans as text: each span starts at its column.
    private static func plain(_ spans: [Span]) -> String {
        var text = ""
        for span in spans.sorted(by: { $0.x < $1.x }) {
            text = padded(text, to: span.x) + span.text
        }
        return text
    }
}
