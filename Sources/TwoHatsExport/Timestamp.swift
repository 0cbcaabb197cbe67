import Foundation

/// Dates as text to the whole millisecond, formatted and parsed with integer arithmetic: an
/// export of ten thousand reflections holds some four hundred thousand timestamps, and a
/// Calendar per timestamp would cost seconds.
public enum Timestamp {
    /// How to read a time written without "Z" or an offset.
    public enum Unzoned: Sendable {
        case reject
        case utc
        case local(TimeZone)
    }

    /// "2026-11-22T10:14:00.000Z", the archive's format.
    public static func iso8601(_ date: Date) -> String {
        text(date, separator: UInt8(ascii: "T"), zone: true)
    }

    /// "2026-11-22 10:14:00.000" in UTC, the store's format.
    public static func storage(_ date: Date) -> String {
        text(date, separator: UInt8(ascii: " "), zone: false)
    }

    /// The nearest whole millisecond since 1970.
    public static func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded())
    }

    public static func date(milliseconds: Int64) -> Date {
        Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    }

    /// The wall clock of `date` at `offset` seconds east of UTC: year, month, day, hour, minute, second.
    public static func wallClock(_ date: Date, offset: Int) -> (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        let parts = Parts(milliseconds: milliseconds(date) + Int64(offset) * 1000)
        return (parts.year, parts.month, parts.day, parts.hour, parts.minute, parts.second)
    }

    /// Reads "YYYY-MM-DD", then "T" or a space and "HH:MM", ":SS" and a fraction of up to
    /// nine digits (each optional from the end), then "Z", "+HH:MM", "-HHMM" or nothing. A date
    /// alone is midnight. Nil for anything else, an impossible date included.
    public static func parse(_ text: String, unzoned: Unzoned) -> Date? {
        var text = text
        return text.withUTF8 { parse(bytes: $0, unzoned: unzoned) }
    }

    static func parse(bytes: UnsafeBufferPointer<UInt8>, unzoned: Unzoned) -> Date? {
        var scanner = Scanner(bytes)
        guard let year = scanner.number(4), scanner.skip("-"), let month = scanner.number(2), scanner.skip("-"),
              let day = scanner.number(2), (1...12).contains(month), (1...days(inMonth: month, year: year)).contains(day)
        else { return nil }
        var hour = 0, minute = 0, second = 0, milli: Int64 = 0
        if scanner.skip("T") || scanner.skip(" ") {
            guard let h = scanner.number(2), scanner.skip(":"), let m = scanner.number(2), h < 24, m < 60 else { return nil }
            (hour, minute) = (h, m)
            if scanner.skip(":") {
                guard let s = scanner.number(2), s < 60 else { return nil }
                second = s
                if scanner.skip(".") {
                    guard let fraction = scanner.fraction() else { return nil }
                    milli = fraction
                }
            }
        }
        let days = daysFromCivil(year: year, month: month, day: day)
        let wall = ((days * 24 + Int64(hour)) * 60 + Int64(minute)) * 60 + Int64(second)
        let wallMilliseconds = wall * 1000 + milli
        if scanner.skip("Z") {
            return scanner.atEnd ? date(milliseconds: wallMilliseconds) : nil
        }
        if let sign = scanner.sign() {
            guard let h = scanner.number(2), h < 24 else { return nil }
            _ = scanner.skip(":")
            guard let m = scanner.number(2), m < 60, scanner.atEnd else { return nil }
            return date(milliseconds: wallMilliseconds - sign * Int64(h * 3600 + m * 60) * 1000)
        }
        guard scanner.atEnd else { return nil }
        switch unzoned {
        case .reject:
            return nil
        case .utc:
            return date(milliseconds: wallMilliseconds)
        case let .local(zone):
            let guess = date(milliseconds: wallMilliseconds)
            return date(milliseconds: wallMilliseconds - Int64(zone.secondsFromGMT(for: guess)) * 1000)
        }
    }

    /// Appends the ISO-8601 text of `date` to `bytes`, for writers that build bytes anyway.
    public static func appendISO8601(_ date: Date, to bytes: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: iso8601Length) { buffer in
            let count = write(date, separator: UInt8(ascii: "T"), zone: true, into: buffer.baseAddress!)
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[..<count]))
        }
    }

    /// The length of the ISO-8601 text and of the store's text, in bytes.
    public static let iso8601Length = 24
    public static let storageLength = 23

    /// Writes the ISO-8601 text of `date` into `out`, which has room for `iso8601Length` bytes.
    @discardableResult
    public static func writeISO8601(_ date: Date, into out: UnsafeMutablePointer<UInt8>) -> Int {
        write(date, separator: UInt8(ascii: "T"), zone: true, into: out)
    }

    /// Writes the store's text of `date` into `out`, which has room for `storageLength` bytes.
    @discardableResult
    public static func writeStorage(_ date: Date, into out: UnsafeMutablePointer<UInt8>) -> Int {
        write(date, separator: UInt8(ascii: " "), zone: false, into: out)
    }

    private static func text(_ date: Date, separator: UInt8, zone: Bool) -> String {
        String(unsafeUninitializedCapacity: iso8601Length) { write(date, separator: separator, zone: zone, into: $0.baseAddress!) }
    }

    /// Each field in its fixed number of digits (the year's last four), straight into `out`;
    /// returns the number of bytes written.
    private static func write(_ date: Date, separator: UInt8, zone: Bool, into out: UnsafeMutablePointer<UInt8>) -> Int {
        let parts = Parts(milliseconds: milliseconds(date))
        // Two digits at a time, written out: a loop over the width took more than the rest of
        // the import's binding of a date.
        func two(_ value: Int, at position: Int) {
            out[position] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: value / 10)
            out[position + 1] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: value % 10)
        }
        let year = abs(parts.year) % 10_000
        two(year / 100, at: 0)
        two(year % 100, at: 2)
        out[4] = UInt8(ascii: "-")
        two(parts.month, at: 5)
        out[7] = UInt8(ascii: "-")
        two(parts.day, at: 8)
        out[10] = separator
        two(parts.hour, at: 11)
        out[13] = UInt8(ascii: ":")
        two(parts.minute, at: 14)
        out[16] = UInt8(ascii: ":")
        two(parts.second, at: 17)
        out[19] = UInt8(ascii: ".")
        out[20] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: parts.millisecond / 100)
        two(parts.millisecond % 100, at: 21)
        guard zone else { return storageLength }
        out[23] = UInt8(ascii: "Z")
        return iso8601Length
    }

    private struct Parts {
        var year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, millisecond: Int

        init(milliseconds: Int64) {
            let (seconds, milli) = floorDivision(milliseconds, 1000)
            let (days, secondOfDay) = floorDivision(seconds, 86_400)
            (year, month, day) = civilFromDays(days)
            hour = Int(secondOfDay / 3600)
            minute = Int(secondOfDay / 60 % 60)
            second = Int(secondOfDay % 60)
            millisecond = Int(milli)
        }
    }

    private static func floorDivision(_ value: Int64, _ divisor: Int64) -> (Int64, Int64) {
        let remainder = ((value % divisor) + divisor) % divisor
        return ((value - remainder) / divisor, remainder)
    }

    // Howard Hinnant's days-from-civil and its inverse, on the proleptic Gregorian calendar.
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = Int64((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1)
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func civilFromDays(_ days: Int64) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = Int(dayOfYear - (153 * monthIndex + 2) / 5 + 1)
        let month = Int(monthIndex < 10 ? monthIndex + 3 : monthIndex - 9)
        let year = Int(yearOfEra + era * 400) + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    private static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

/// Reads ASCII digits and marks from the front of a byte buffer.
private struct Scanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    var atEnd: Bool { index == bytes.count }

    mutating func skip(_ mark: Unicode.Scalar) -> Bool {
        guard index < bytes.count, bytes[index] == UInt8(ascii: mark) else { return false }
        index += 1
        return true
    }

    /// Exactly `count` digits.
    mutating func number(_ count: Int) -> Int? {
        guard index + count <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[index..<index + count] {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        index += count
        return value
    }

    /// One to nine digits after the point, rounded to the nearest millisecond.
    mutating func fraction() -> Int64? {
        var digits = 0
        var nanoseconds: Int64 = 0
        while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
            guard digits < 9 else { return nil }
            nanoseconds = nanoseconds * 10 + Int64(bytes[index] - UInt8(ascii: "0"))
            digits += 1
            index += 1
        }
        guard digits > 0 else { return nil }
        for _ in digits..<9 { nanoseconds *= 10 }
        return (nanoseconds + 500_000) / 1_000_000
    }

    mutating func sign() -> Int64? {
        if skip("+") { return 1 }
        if skip("-") { return -1 }
        return nil
    }
}
