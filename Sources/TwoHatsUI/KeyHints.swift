import TwoHatsCore

/// The keys of each screen: the footer shows the first few, the help overlay all of them.
public enum KeyHints {
    public struct Hint: Hashable, Sendable {
        public var keys: String
        public var action: String

        init(_ keys: String, _ action: String) {
            self.keys = keys
            self.action = action
        }
    }

    /// Every key that works on the current screen, the most useful first.
    public static func hints(for state: AppState) -> [Hint] {
        switch state.route {
        case .home:
            return [
                Hint("↑↓", "move"), Hint("Enter", "open"), Hint("b r h a", "pick"), Hint("?", "help"), Hint("q", "quit"),
                Hint("1-5", "open a contrast"), Hint("Esc", "quit"), Hint("Ctrl-C", "quit from anywhere"),
            ]
        case .browse:
            return [
                Hint("↑↓", "move"), Hint("Enter", "open"), Hint("1-5", "jump"), Hint("Esc", "back"),
                Hint("?", "help"), Hint("q", "quit"),
                Hint("k j", "move"), Hint("Home End", "first, last"), Hint("Ctrl-C", "quit from anywhere"),
            ]
        case .detail:
            return [
                Hint("←→", "contrast"), Hint("↑↓", "scroll"), Hint("n", "note"), Hint("Esc", "back"),
                Hint("?", "help"), Hint("q", "quit"),
                Hint("h l", "previous, next contrast"), Hint("1-5", "jump to a contrast"),
                Hint("k j", "scroll a line"), Hint("PgUp PgDn", "scroll a page"),
                Hint("Home End", "top, bottom"), Hint("Ctrl-C", "quit from anywhere"),
            ]
        case .about:
            return scrolling
        case .entry:
            return [Hint("↑↓", "scroll"), Hint("e", "edit or resume"), Hint("d", "delete")] + scrolling.dropFirst()
        case .history:
            if state.history.isFiltering {
                return [Hint("Enter", "keep filter"), Hint("Esc", "clear filter"), Hint("Backspace", "erase")]
            }
            return [
                Hint("↑↓", "move"), Hint("Enter", "read"), Hint("e", "edit"), Hint("d", "delete"), Hint("/", "filter"),
                Hint("Esc", "back"), Hint("?", "help"), Hint("q", "quit"), Hint("Home End", "first, last"),
                Hint("Ctrl-C", "quit from anywhere"),
            ]
        case .note:
            return editing + [Hint("Esc", "done")]
        case .reflection:
            return reflection(state.reflection?.currentStep)
        }
    }

    private static let scrolling = [
        Hint("↑↓", "scroll"), Hint("PgUp PgDn", "page"), Hint("Esc", "back"), Hint("?", "help"), Hint("q", "quit"),
        Hint("Home End", "top, bottom"), Hint("Ctrl-C", "quit from anywhere"),
    ]

    private static let editing = [
        Hint("Ctrl-S", "save"), Hint("Ctrl-E", "editor"), Hint("F1", "help"),
        Hint("Enter", "new line"), Hint("Ctrl-←→", "word"), Hint("Ctrl-W", "delete word"),
        Hint("Home End", "line start, end"), Hint("Ctrl-C", "quit (saved)"),
    ]

    private static func reflection(_ step: ReflectionStep?) -> [Hint] {
        let steps = [Hint("Tab", "next"), Hint("Shift-Tab", "back")]
        let pause = Hint("Esc", "pause")
        // Outside a text field q quits here too (everything is saved), so help and the footer say so.
        let quit = [Hint("?", "help"), Hint("q", "quit"), Hint("Ctrl-C", "quit from anywhere")]
        switch step {
        case .rating:
            return [Hint("←→", "move"), Hint("Enter", "confirm")] + steps + [pause, Hint("1-7", "set")] + quit
        case .answer, .commitment:
            return steps + [pause] + editing
        case .review, .focus:
            return [Hint("↑↓", "move"), Hint("Enter", "choose")] + steps + [pause] + quit
        case .intro:
            return [Hint("Enter", "begin"), pause, Hint("↑↓", "scroll")] + quit
        case .summary, nil:
            return [Hint("Enter", "home"), Hint("Shift-Tab", "back"), Hint("↑↓", "scroll")] + quit
        }
    }
}
