/// A failure the user can act on: printed as one clear message, never a stack trace.
struct Failure: Error, CustomStringConvertible {
    /// Exit status for a failure while running (a file that cannot be written, a store error).
    static let runtime: Int32 = 1
    /// Exit status for a usage error or bad input (an unknown flag, a malformed file).
    static let usage: Int32 = 2

    var message: String
    var exitCode: Int32 = Failure.runtime

    var description: String { message }
}
