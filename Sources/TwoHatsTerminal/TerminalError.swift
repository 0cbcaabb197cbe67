/// Why the full-screen app cannot start; each has one line for the user.
public enum TerminalError: Error, Equatable, CustomStringConvertible {
    case notATerminal
    case dumbTerminal
    case cannotOpen(term: String)

    public var description: String {
        switch self {
        case .notATerminal:
            "twohats needs an interactive terminal: standard input and output must both be a terminal."
        case .dumbTerminal:
            "twohats cannot draw on TERM=dumb; run it in a terminal such as xterm, or set TERM (e.g. TERM=xterm-256color)."
        case let .cannotOpen(term):
            "twohats cannot use the terminal type '\(term)'; set TERM to one your system knows (e.g. TERM=xterm-256color)."
        }
    }
}
