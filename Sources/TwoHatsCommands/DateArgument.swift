import Foundation
import TwoHatsExport

/// A date given on the command line: a day (YYYY-MM-DD, from its midnight in the local time
/// zone) or an ISO-8601 time (local unless it ends in Z or an offset).
enum DateArgument {
    static func parse(_ text: String, option: String, timeZone: TimeZone) throws -> Date {
        guard let date = Timestamp.parse(text, unzoned: .local(timeZone)) else {
            throw Failure(
                message: "\(option) '\(text)' is not a date; write it as 2026-11-22 or 2026-11-22T10:14:00Z.",
                exitCode: Failure.usage
            )
        }
        return date
    }
}
