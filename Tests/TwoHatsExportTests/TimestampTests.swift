import Foundation
import Testing
import TwoHatsExport

@Suite("Timestamps as text")
struct TimestampTests {
    private let utc = TimeZone(identifier: "UTC")!

    @Test("ISO-8601 and storage text agree with Foundation's calendar, around the year and to the millisecond")
    func formatsLikeTheCalendar() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = utc
        var random = SystemRandomNumberGenerator()
        let edges: [Int64] = [0, -1, 999, 951_782_400_000, 4_107_542_399_999, 1_709_164_800_123]
        for milliseconds in edges + (0..<500).map({ _ in Int64.random(in: -2_208_988_800_000...4_102_444_800_000, using: &random) }) {
            let date = Timestamp.date(milliseconds: milliseconds)
            let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: Date(timeIntervalSince1970: Double((milliseconds - ((milliseconds % 1000) + 1000) % 1000) / 1000)))
            let milli = ((milliseconds % 1000) + 1000) % 1000
            let expected = String(
                format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ",
                parts.year!, parts.month!, parts.day!, parts.hour!, parts.minute!, parts.second!, Int(milli)
            )
            #expect(Timestamp.iso8601(date) == expected, "\(milliseconds)")
            #expect(Timestamp.storage(date) == expected.replacingOccurrences(of: "T", with: " ").replacingOccurrences(of: "Z", with: ""))
            #expect(Timestamp.parse(expected, unzoned: .reject) == date, "\(expected)")
        }
    }

    @Test("offsets, missing parts and local days are read as written")
    func parsesVariants() {
        let noon = Timestamp.parse("2026-11-22T12:00:00Z", unzoned: .reject)
        #expect(noon != nil)
        #expect(Timestamp.parse("2026-11-22T13:00:00+01:00", unzoned: .reject) == noon)
        #expect(Timestamp.parse("2026-11-22T07:00-0500", unzoned: .reject) == noon)
        #expect(Timestamp.parse("2026-11-22 12:00:00.000", unzoned: .utc) == noon)
        #expect(Timestamp.parse("2026-11-22T12:00:00.0004Z", unzoned: .reject) == noon)
        #expect(Timestamp.parse("2026-11-22", unzoned: .utc) == noon?.addingTimeInterval(-12 * 3600))
        let berlin = TimeZone(identifier: "Europe/Berlin")!
        #expect(Timestamp.parse("2026-11-22", unzoned: .local(berlin)) == noon?.addingTimeInterval(-13 * 3600))
        #expect(Timestamp.parse("2026-07-01T02:00", unzoned: .local(berlin)) == Timestamp.parse("2026-07-01T00:00Z", unzoned: .reject))
    }

    @Test("text that is no time is refused", arguments: [
        "", "2026", "2026-11-22T12:00:00", "2026-13-01", "2026-02-29", "2026-11-31T10:00Z", "2026-11-22T24:00Z",
        "2026-11-22T12:60Z", "2026-11-22T12:00:00.Z", "2026-11-22T12:00:00Zjunk", "22/11/2026", "2026-11-22T12:00+25:00",
    ])
    func refusesNonsense(_ text: String) {
        #expect(Timestamp.parse(text, unzoned: .reject) == nil)
    }

    @Test("a leap day exists in leap years only")
    func leapDays() {
        #expect(Timestamp.parse("2028-02-29", unzoned: .utc) != nil)
        #expect(Timestamp.parse("2000-02-29", unzoned: .utc) != nil)
        #expect(Timestamp.parse("2100-02-29", unzoned: .utc) == nil)
    }
}
