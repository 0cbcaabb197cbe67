import CNcurses
#if canImport(Glibc)
import Glibc
#endif
import TwoHatsCore
import TwoHatsUI

/// The one owner of ncurses: starts it, reads input, paints frames and always gives the
/// terminal back as it found it.
public final class TerminalSession {
    private var painter: Painter
    private var isActive = true
    private var input = TerminalInput()
    /// The terminal's own key sequences from terminfo, by their text after Esc.
    let keySequences: [String: Key]

    /// Opens the terminal. Fails, without touching the screen, when there is none to open.
    public init(colour: Bool) throws(TerminalError) {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw .notATerminal }
        let term = getenv("TERM").map { String(cString: $0) } ?? ""
        if term == "dumb" { throw .dumbTerminal }
        Signals.install()
        // Only the character set matters to a screen: the other categories would be read
        // from a dozen locale files at every start for nothing.
        setlocale(LC_CTYPE, "")
        // Wide characters need a UTF-8 locale; users on LANG=C still get one for the screen.
        if DisplayWidth.of(Character("中")) != 2 { setlocale(LC_CTYPE, "C.UTF-8") }
        guard !term.isEmpty, let screen = newterm(nil, twohats_stdout(), twohats_stdin()) else { throw .cannotOpen(term: term) }
        set_term(screen)
        raw()
        noecho()
        nonl()
        // Keypad mode: the keys send the sequences terminfo lists for them.
        keypad(twohats_stdscr(), true)
        // ncurses would look for typed-ahead keys while drawing and leave a frame half sent;
        // a frame here is small, so it is always sent whole.
        typeahead(-1)
        curs_set(0)
        // The painter sends colours itself (setaf, op), so ncurses' colour pairs are not set up.
        let useColour = colour && has_colors()
        painter = Painter(theme: useColour ? .colour : .monochrome, useColour: useColour)
        keySequences = Self.keySequences()
        // With the first frame: one write fewer before it.
        painter.prefix = Self.bracketedPaste(true)
    }

    deinit {
        restore()
    }

    public var size: Size {
        Size(columns: Int(twohats_cols()), rows: Int(twohats_lines()))
    }

    /// Waits up to `milliseconds` (0: do not wait) for input.
    func read(milliseconds: Int32) -> InputRead {
        input.read(milliseconds: milliseconds)
    }

    /// Takes the window's new size after a SIGWINCH, so that ncurses' idea of the screen
    /// (where it puts the cursor when it ends) matches the frames.
    func takeNewSize() {
        var window = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &window) == 0, window.ws_row > 0, window.ws_col > 0 else { return }
        resize_term(Int32(window.ws_row), Int32(window.ws_col))
    }

    public func paint(_ grid: Grid) {
        painter.paint(grid)
    }

    /// Ctrl-Z: hand the terminal back to the shell, stop, and take it again on `fg`. The whole
    /// process group stops, as the shell's own Ctrl-Z would stop it: a script that started
    /// TwoHats and waits for it stops too, so the shell gets its prompt back.
    func suspend() {
        _ = handOver { kill(0, SIGTSTP) }
    }

    /// Gives the terminal to `body` (an external editor), then takes it back and redraws.
    public func handOver<T>(_ body: () -> T) -> T {
        painter.release()
        Self.setBracketedPaste(false)
        endwin()
        let result = body()
        Self.setBracketedPaste(true)
        wrefresh(twohats_stdscr())
        return result
    }

    /// Gives the terminal back. Safe to call more than once.
    public func restore() {
        guard isActive else { return }
        isActive = false
        painter.release()
        Self.setBracketedPaste(false)
        endwin()
    }

    private static func setBracketedPaste(_ on: Bool) {
        let sequence = bracketedPaste(on)
        fflush(nil)
        _ = sequence.withUnsafeBufferPointer { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
    }

    private static func bracketedPaste(_ on: Bool) -> [UInt8] {
        Array((on ? "\u{1B}[?2004h" : "\u{1B}[?2004l").utf8)
    }

    private static func keySequences() -> [String: Key] {
        let capabilities: [(String, Key)] = [
            ("kcuu1", .up), ("kcud1", .down), ("kcub1", .left), ("kcuf1", .right),
            ("khome", .home), ("kend", .end), ("kpp", .pageUp), ("knp", .pageDown),
            ("kdch1", .delete), ("kcbt", .backTab), ("kent", .enter), ("kf1", .function(1)),
            ("kLFT5", .wordLeft), ("kRIT5", .wordRight), ("kLFT3", .wordLeft), ("kRIT3", .wordRight),
        ]
        var sequences: [String: Key] = [:]
        for (name, key) in capabilities {
            let bytes = Terminfo.bytes(name)
            guard bytes.count > 1, bytes[0] == 0x1B else { continue }
            sequences[String(decoding: bytes.dropFirst(), as: UTF8.self)] = key
        }
        return sequences
    }
}
