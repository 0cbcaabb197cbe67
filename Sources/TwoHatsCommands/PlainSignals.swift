#if canImport(Glibc)
import Glibc
#endif

/// Ctrl-C, SIGTERM, SIGHUP and SIGQUIT in the plain session: everything up to the last Enter is
/// already saved, so the handler says so and leaves at once, except while a save is under
/// way, which it lets finish first. SIGPIPE is ignored so that a closed output is an error
/// the session reports instead of a silent death.
enum PlainSignals {
    private static let stopping = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]
    nonisolated(unsafe) private static var pending: sig_atomic_t = 0
    nonisolated(unsafe) private static var isSaving: sig_atomic_t = 0
    /// Written by the handler, so it is ready-made bytes.
    nonisolated(unsafe) private static var farewell = UnsafeMutableBufferPointer<UInt8>(start: nil, count: 0)

    static func install(farewell text: String) {
        let bytes = Array(text.utf8)
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
        _ = buffer.initialize(from: bytes)
        farewell = buffer
        signal(SIGPIPE, SIG_IGN)
        for number in stopping {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { number in
                if PlainSignals.isSaving != 0 { PlainSignals.pending = number } else { PlainSignals.leave(number) }
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(number, &action, nil)
        }
    }

    /// Runs `body` (one save) with the stop signals held back on this thread and deferred on
    /// any other, then honours a signal that came meanwhile.
    static func holding<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        var blocked = sigset_t()
        sigemptyset(&blocked)
        for number in stopping { sigaddset(&blocked, number) }
        var previous = sigset_t()
        pthread_sigmask(SIG_BLOCK, &blocked, &previous)
        isSaving = 1
        defer {
            isSaving = 0
            pthread_sigmask(SIG_SETMASK, &previous, nil)
            if pending != 0 { leave(pending) }
        }
        return try body()
    }

    /// Async-signal-safe: one write and `_exit` with the shell's 128 + signal status.
    private static func leave(_ number: Int32) -> Never {
        _ = write(STDOUT_FILENO, farewell.baseAddress, farewell.count)
        _exit(128 + number)
    }
}
