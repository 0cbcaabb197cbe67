import Foundation

// How values look in the file. Ids are lowercase UUID text (GRDB would bind a UUID as a
// 16-byte blob), so the file reads well in `sqlite3` and exports need no conversion. Dates are
// GRDB's default text, "yyyy-MM-dd HH:mm:ss.SSS" in UTC: it sorts in time order, reads the same
// in any time zone, and GRDB's decoder reads it back. SQL binds these texts, never the values.

extension UUID {
    var databaseText: String { uuidString.lowercased() }
}

extension Date {
    /// The nearest whole millisecond since 1970, the precision the file keeps.
    private var millisecond: Int64 { Int64((timeIntervalSince1970 * 1000).rounded()) }

    /// The date as it reads back from the file. GRDB's parser lands within a hair of the
    /// millisecond, not on the Date a caller built from it, so reads go through this too: the
    /// value a create call hands out equals what a later load gives.
    var asStored: Date { Date(timeIntervalSince1970: Double(millisecond) / 1000) }

    /// The stored text, written from the same whole millisecond as `asStored` with integer
    /// arithmetic, so the two agree however a date formatter would round a binary fraction.
    var databaseText: String {
        let (second, milli) = (millisecond.floorDiv(1000), millisecond.floorMod(1000))
        let parts = utc.dateComponents(
            [.year, .month, .day, .hour, .minute, .second], from: Date(timeIntervalSince1970: Double(second))
        )
        func pad(_ value: Int?, _ width: Int) -> String {
            let digits = String(value ?? 0)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(parts.year, 4))-\(pad(parts.month, 2))-\(pad(parts.day, 2)) "
            + "\(pad(parts.hour, 2)):\(pad(parts.minute, 2)):\(pad(parts.second, 2)).\(pad(Int(milli), 3))"
    }
}

private let utc: Calendar = {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = .gmt
    return calendar
}()

private extension Int64 {
    func floorDiv(_ divisor: Int64) -> Int64 { (self - floorMod(divisor)) / divisor }
    func floorMod(_ divisor: Int64) -> Int64 { ((self % divisor) + divisor) % divisor }
}
