import TwoHatsContent
#if canImport(Glibc)
import Glibc
#endif

/// Lines from stdin with `read(2)`, which works the same on a pty, a pipe or a file: no
/// stdio buffering to lose a line in, and a last line without a newline still counts.
struct LineReader {
    private var buffer: [UInt8] = []
    private var isAtEnd = false

    /// The next line without its newline (a CR before it is dropped), or nil at the end.
    mutating func next() -> String? {
        while true {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                defer { buffer.removeSubrange(...newline) }
                return Self.text(buffer[..<newline])
            }
            if isAtEnd {
                guard !buffer.isEmpty else { return nil }
                defer { buffer = [] }
                return Self.text(buffer[...])
            }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let count = read(STDIN_FILENO, &chunk, chunk.count)
            if count > 0 {
                buffer += chunk[..<count]
            } else if count == 0 || errno != EINTR {
                isAtEnd = true
            }
        }
    }

    private static func text(_ bytes: ArraySlice<UInt8>) -> String {
        let line = bytes.last == UInt8(ascii: "\r") ? bytes.dropLast() : bytes
        return String(decoding: line, as: UTF8.self)
    }
}

/// Text to stdout, unbuffered, with every control character but the newline shown as a
/// visible placeholder: nothing from the pack or the database can colour or move anything.
struct PlainOutput {
    func write(_ text: String) throws {
        if StandardOutput.write(Array(TextSafety.inertKeepingNewlines(text).utf8)) != 0 {
            throw Failure(message: "the output was closed, so the reflection stopped; everything answered so far is saved.")
        }
    }
}

/// Unbuffered writes to stdout with `write(2)`, which report a closed pipe or a full disk as an
/// error number where FileHandle would stop the process with a stack trace.
enum StandardOutput {
    /// Writes all of `bytes`; 0 when they were written, else the error number.
    static func write(_ bytes: [UInt8]) -> Int32 {
        var rest = bytes[...]
        while !rest.isEmpty {
            let count = rest.withUnsafeBytes { Glibc.write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            if count >= 0 {
                rest = rest.dropFirst(count)
            } else if errno != EINTR {
                return errno
            }
        }
        return 0
    }
}
