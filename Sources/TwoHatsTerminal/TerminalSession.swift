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
    let codes: KeyCodes

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
        keypad(twohats_stdscr(), true)
        set_escdelay(25)
        // ncurses would look for typed-ahead keys while drawing and leave a frame half sent;
        // a frame here is small, so it is always sent whole.
        typeahead(-1)
        curs_set(0)
        // The painter sends colours itself (setaf, op), so ncurses' colour pairs are not set up.
        let useColour = colour && has_colors()
        painter = Painter(theme: useColour ? .colour : .monochrome, useColour: useColour)
        codes = Self.keyCodes()
        // With the first frame: one write fewer before it.
        painter.prefix = Self.bracketedPaste(true)
    }

    deinit {
        restore()
    }

    public var size: Size {
        Size(columns: Int(twohats_cols()), rows: Int(twohats_lines()))
    }

    /// Waits up to `milliseconds` (0: do not wait) for one unit of input.
    func read(milliseconds: Int32) -> Input? {
        wtimeout(twohats_stdscr(), milliseconds)
        var value: wint_t = 0
        let result = wget_wch(twohats_stdscr(), &value)
        if result == twohats_key_code_yes() { return .code(Int32(value)) }
        guard result == OK, let scalar = Unicode.Scalar(UInt32(value)) else { return nil }
        return .scalar(scalar)
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

    private static func keyCodes() -> KeyCodes {
        var keys: [Int32: Key] = [
            KEY_UP: .up, KEY_DOWN: .down, KEY_LEFT: .left, KEY_RIGHT: .right,
            KEY_HOME: .home, KEY_END: .end, KEY_PPAGE: .pageUp, KEY_NPAGE: .pageDown,
            KEY_BACKSPACE: .backspace, KEY_DC: .delete, KEY_BTAB: .backTab, KEY_ENTER: .enter,
            KEY_F0 + 1: .function(1),
        ]
        // Modified arrows have no fixed codes: ncurses numbers them from the terminfo entry.
        for (name, key) in [("kLFT5", Key.wordLeft), ("kRIT5", .wordRight), ("kLFT3", .wordLeft), ("kRIT3", .wordRight)] {
            if let code = definedCode(capability: name) { keys[code] = key }
        }
        return KeyCodes(
            keys: keys, resize: twohats_key_resize(),
            pasteStart: definedCode(sequence: "\u{1B}[200~"), pasteEnd: definedCode(sequence: "\u{1B}[201~")
        )
    }

    private static func definedCode(capability: String) -> Int32? {
        guard let pointer = Terminfo.string(capability) else { return nil }
        return definedCode(sequence: String(cString: pointer))
    }

    private static func definedCode(sequence: String) -> Int32? {
        let code = key_defined(sequence)
        return code > 0 ? code : nil
    }
}
