import TwoHatsCore

/// The keys of each screen: the footer shows the first few, the help overlay all of them.
public enum KeyHints {
    public struct Hint: Equatable, Sendable {
        public var keys: String
        public var action: String
    }

    public static func hints(for route: Route) -> [Hint] {
        switch route {
        case .home:
            [
                Hint(keys: "↑↓", action: "move"), Hint(keys: "Enter", action: "open"),
                Hint(keys: "b r h a", action: "browse, reflect, history, about"),
                Hint(keys: "1-5", action: "open a contrast"),
                Hint(keys: "?", action: "help"), Hint(keys: "q", action: "quit"),
                Hint(keys: "Esc", action: "quit"), Hint(keys: "Ctrl-C", action: "quit from anywhere"),
            ]
        case .browse:
            [
                Hint(keys: "↑↓", action: "move"), Hint(keys: "Enter", action: "open"),
                Hint(keys: "1-5", action: "jump"), Hint(keys: "Esc", action: "back"),
                Hint(keys: "?", action: "help"), Hint(keys: "q", action: "quit"),
                Hint(keys: "k j", action: "move"), Hint(keys: "Home End", action: "first, last"),
                Hint(keys: "Ctrl-C", action: "quit from anywhere"),
            ]
        case .detail:
            [
                Hint(keys: "←→", action: "contrast"), Hint(keys: "↑↓", action: "scroll"),
                Hint(keys: "Esc", action: "back"), Hint(keys: "?", action: "help"),
                Hint(keys: "q", action: "quit"),
                Hint(keys: "h l", action: "previous, next contrast"), Hint(keys: "1-5", action: "jump to a contrast"),
                Hint(keys: "k j", action: "scroll a line"), Hint(keys: "PgUp PgDn", action: "scroll a page"),
                Hint(keys: "Home End", action: "top, bottom"), Hint(keys: "Ctrl-C", action: "quit from anywhere"),
            ]
        case .about:
            [
                Hint(keys: "↑↓", action: "scroll"), Hint(keys: "PgUp PgDn", action: "page"),
                Hint(keys: "Esc", action: "back"), Hint(keys: "?", action: "help"), Hint(keys: "q", action: "quit"),
                Hint(keys: "Home End", action: "top, bottom"), Hint(keys: "Ctrl-C", action: "quit from anywhere"),
            ]
        }
    }

    /// How many of a screen's hints the footer shows; the rest are in the help overlay.
    static func footerCount(for route: Route) -> Int {
        switch route {
        case .home: 6
        case .browse: 6
        case .detail: 5
        case .about: 5
        }
    }
}
