import Foundation
import GRDB
import TwoHatsExport

/// Hand decoding for the reads that cover every row (the history list). Through Codable,
/// Foundation's UUID parser (sscanf underneath) and GRDB's date parser a row cost tens of
/// microseconds, so ten thousand reflections and notes took most of a second to list.
enum ListRows {
    /// A lowercase or uppercase UUID as `databaseText` writes it.
    static func uuid(_ row: Row, _ column: Int, path: String) throws -> UUID {
        let text: String = row[column]
        let bytes = Array(text.utf8)
        guard bytes.count == 36 else { throw StoreError.corrupt(path: path) }
        var value = [UInt8](repeating: 0, count: 16)
        var digit = 0
        for (index, byte) in bytes.enumerated() {
            if index == 8 || index == 13 || index == 18 || index == 23 {
                guard byte == UInt8(ascii: "-") else { throw StoreError.corrupt(path: path) }
                continue
            }
            guard let nibble = hex(byte) else { throw StoreError.corrupt(path: path) }
            value[digit / 2] |= digit % 2 == 0 ? nibble << 4 : nibble
            digit += 1
        }
        return UUID(uuid: (value[0], value[1], value[2], value[3], value[4], value[5], value[6], value[7],
                           value[8], value[9], value[10], value[11], value[12], value[13], value[14], value[15]))
    }

    /// A stored date ("yyyy-MM-dd HH:mm:ss.SSS", UTC), to the millisecond as `asStored` gives it.
    static func date(_ row: Row, _ column: Int, path: String) throws -> Date {
        guard let date = try optionalDate(row, column, path: path) else { throw StoreError.corrupt(path: path) }
        return date
    }

    static func optionalDate(_ row: Row, _ column: Int, path: String) throws -> Date? {
        guard let text: String = row[column] else { return nil }
        guard let date = Timestamp.parse(text, unzoned: .utc) else { throw StoreError.corrupt(path: path) }
        return date.asStored
    }

    private static func hex(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
