import Foundation

/// A time zone's offset from UTC, remembered per quarter hour: `secondsFromGMT(for:)` costs
/// microseconds, and a long export asks for it at every timestamp. Zones change their offset
/// on a quarter hour, so every moment of a quarter hour shares one.
final class ZoneOffsets {
    private let zone: TimeZone
    private var byQuarterHour: [Int64: Int] = [:]

    init(_ zone: TimeZone) {
        self.zone = zone
    }

    func offset(at date: Date) -> Int {
        let quarter = Int64((date.timeIntervalSince1970 / 900).rounded(.down))
        if let known = byQuarterHour[quarter] { return known }
        let offset = zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(quarter) * 900))
        byQuarterHour[quarter] = offset
        return offset
    }
}
