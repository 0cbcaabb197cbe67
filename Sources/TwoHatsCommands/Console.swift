import Foundation
import TwoHatsContent
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a plain-text command writes and how wide its lines may be. Tests pass their own
/// so the output can be compared without a terminal.
struct Console {
    /// The narrowest width text is wrapped to, so indented lists keep room for words.
    static let minimumWidth = 20

    var width: Int
    var write: (String) -> Void

    /// Standard output, as wide as the terminal: the window size of stdout, else
    /// `$COLUMNS`, else 80. Output carries no colour or control codes even on a terminal.
    static func standard(environment: [String: String] = ProcessEnvironment.current) -> Console {
        Console(width: max(minimumWidth, terminalWidth(environment: environment)), write: writeOrStop)
    }

    /// A reader that went away (`| head`) ends the command as SIGPIPE does, also when the signal
    /// was ignored by whoever started it; any other failure (a full disk) leaves the output
    /// incomplete, so the command stops with one line on stderr and status 1.
    private static func writeOrStop(_ text: String) {
        let error = StandardOutput.write(Array(text.utf8))
        guard error != 0 else { return }
        if error == EPIPE {
            signal(SIGPIPE, SIG_DFL)
            raise(SIGPIPE)
        }
        FileHandle.standardError.write(Data("twohats: the output could not be written: \(String(cString: strerror(error))).\n".utf8))
        exit(Failure.runtime)
    }

    /// Writes `text` as one line; a control character in it (from a broken pack, say)
    /// shows as a visible placeholder instead of reaching the terminal.
    func line(_ text: String = "") {
        write(TextSafety.inert(text) + "\n")
    }

    func lines(_ texts: [String]) {
        write(texts.map { TextSafety.inert($0) + "\n" }.joined())
    }

    private static func terminalWidth(environment: [String: String]) -> Int {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
            return Int(size.ws_col)
        }
        if let columns = environment["COLUMNS"].flatMap({ Int($0) }), columns > 0 {
            return columns
        }
        return 80
    }
}
