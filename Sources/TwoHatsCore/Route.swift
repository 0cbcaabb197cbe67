/// A screen the user can be on. The app keeps a stack of them; Esc pops one.
public enum Route: Equatable, Sendable, CaseIterable {
    case home
    case browse
    case detail
    case about
    case reflection
    case history
    /// One history entry, read-only.
    case entry
    case note
}

/// The entries of the home menu, in the order they are shown.
public enum MenuItem: Int, Equatable, Sendable, CaseIterable {
    case browse, reflect, history, about, quit

    /// The key that picks the entry directly.
    public var shortcut: Character {
        switch self {
        case .browse: "b"
        case .reflect: "r"
        case .history: "h"
        case .about: "a"
        case .quit: "q"
        }
    }
}
