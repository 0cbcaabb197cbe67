#if canImport(Glibc)
import Glibc
#endif

/// What one wait for the terminal's input brought.
enum InputRead: Equatable {
    case scalars([Unicode.Scalar])
    /// Nothing arrived in time, or a signal ended the wait.
    case nothing
    /// The terminal is gone (its end of the line was closed).
    case closed
}

/// Reads the terminal directly, everything waiting in one `read`. ncurses reads a byte per
/// call with a `poll` before each, eight system calls for an arrow key; this takes two.
struct TerminalInput {
    private var buffer = [UInt8](repeating: 0, count: 4_096)
    private var stream = UTF8Stream()

    /// Waits up to `milliseconds` (0: do not wait) for input.
    mutating func read(milliseconds: Int32) -> InputRead {
        var ready = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        guard poll(&ready, 1, milliseconds) > 0 else { return .nothing }
        let count = buffer.withUnsafeMutableBytes { Glibc.read(STDIN_FILENO, $0.baseAddress, $0.count) }
        if count == 0 { return .closed }
        // A hung-up terminal answers EIO; a signal's EINTR is only a shorter wait.
        guard count > 0 else { return errno == EIO ? .closed : .nothing }
        return .scalars(buffer.withUnsafeBufferPointer { stream.decode(UnsafeBufferPointer(rebasing: $0[..<count])) })
    }
}
