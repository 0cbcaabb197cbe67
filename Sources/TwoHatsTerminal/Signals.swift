#if canImport(Glibc)
import Glibc
#endif

/// Signal handling. Handlers only set a flag or restore the tty with async-signal-safe
/// calls; everything else happens in the run loop when it sees the flag.
enum Signals {
    nonisolated(unsafe) private static var pending: sig_atomic_t = 0
    nonisolated(unsafe) private static var resized: sig_atomic_t = 0
    nonisolated(unsafe) private static var savedTermios = termios()
    nonisolated(unsafe) private static var hasSavedTermios: sig_atomic_t = 0

    /// Stops asking for pastes, leaves the alternate screen, shows the cursor.
    static let resetSequence: [UInt8] = Array("\u{1B}[?2004l\u{1B}[?1049l\u{1B}[?25h\u{1B}[0m".utf8)

    /// Installs the handlers. Must run before ncurses starts, so that ncurses does not put
    /// its own exit-at-once handlers on SIGINT and SIGTERM.
    static func install() {
        if tcgetattr(STDIN_FILENO, &savedTermios) == 0 { hasSavedTermios = 1 }
        // SIGQUIT asks to stop as SIGTERM does; its core dump would keep nothing the flush does not.
        for signal in [SIGTERM, SIGHUP, SIGINT, SIGQUIT] {
            set(signal) { number in Signals.pending = number }
        }
        // Set before ncurses starts, so that ncurses leaves the window's size to the run loop
        // (it would otherwise only report a new size from inside its own reads).
        set(SIGWINCH) { _ in Signals.resized = 1 }
        for signal in [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT] {
            set(signal) { number in
                Signals.emergencyRestore()
                Glibc.signal(number, SIG_DFL)
                raise(number)
            }
        }
    }

    /// The signal that asked the app to stop, once.
    static func take() -> Int32? {
        let number = pending
        guard number != 0 else { return nil }
        pending = 0
        return number
    }

    /// The window changed size since the last `takeResize`.
    static var isResizePending: Bool { resized != 0 }

    /// Whether the window changed size, once.
    static func takeResize() -> Bool {
        guard resized != 0 else { return false }
        resized = 0
        return true
    }

    /// What a crash handler can still do: put the tty modes back and reset the screen.
    static func emergencyRestore() {
        if hasSavedTermios != 0 { tcsetattr(STDIN_FILENO, TCSANOW, &savedTermios) }
        resetSequence.withUnsafeBufferPointer { _ = write(STDOUT_FILENO, $0.baseAddress, $0.count) }
    }

    private static func set(_ signal: Int32, _ handler: @convention(c) (Int32) -> Void) {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = handler
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(signal, &action, nil)
    }
}
