import Foundation

/// Dates as the app shows them ("22 Nov 2026 10:14"), in the user's time zone, the same in
/// every locale so screens and snapshots stay stable.
public enum DateText {
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    public static func dateTime(_ date: Date, in zone: TimeZone) -> String {
        let parts = components(date, zone)
        return day(parts) + " " + pad(parts.hour ?? 0) + ":" + pad(parts.minute ?? 0)
    }

    public static func day(_ date: Date, in zone: TimeZone) -> String {
        day(components(date, zone))
    }

    private static func components(_ date: Date, _ zone: TimeZone) -> DateComponents {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
    }

    private static func day(_ parts: DateComponents) -> String {
        "\(parts.day ?? 1) \(months[((parts.month ?? 1) - 1) % 12]) \(parts.year ?? 1970)"
    }

    private static func pad(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
