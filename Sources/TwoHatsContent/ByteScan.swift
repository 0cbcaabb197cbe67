/// Word-at-a-time searches over UTF-8 bytes. Exports and imports scan a hundred megabytes of
/// text for the few bytes that need escaping or a closer look; testing eight bytes per step
/// instead of one was most of their cost. The word tests may flag a word that holds no match
/// (the bytes are then tested one by one), never the other way round.
public enum ByteScan {
    @usableFromInline static let ones: UInt64 = 0x0101_0101_0101_0101
    @usableFromInline static let highs: UInt64 = 0x8080_8080_8080_8080

    /// The index of the first byte from `start` on for which `matches` holds, else `bytes.count`.
    @inlinable
    public static func firstIndex(
        in bytes: UnsafeBufferPointer<UInt8>, from start: Int,
        wordMayMatch: (UInt64) -> Bool, matches: (UInt8) -> Bool
    ) -> Int {
        guard let base = bytes.baseAddress else { return bytes.count }
        var index = start
        while index + 8 <= bytes.count {
            let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
            if wordMayMatch(word) {
                for offset in index..<index + 8 where matches(base[offset]) { return offset }
            }
            index += 8
        }
        while index < bytes.count, !matches(base[index]) { index += 1 }
        return index
    }

    /// Whether a byte of `word` is below `limit` (at most 0x80).
    @inlinable @inline(__always)
    public static func anyBelow(_ word: UInt64, _ limit: UInt8) -> Bool {
        (word &- ones &* UInt64(limit)) & ~word & highs != 0
    }

    /// Whether a byte of `word` equals `byte`.
    @inlinable @inline(__always)
    public static func any(_ word: UInt64, equalTo byte: UInt8) -> Bool {
        let difference = word ^ (ones &* UInt64(byte))
        return (difference &- ones) & ~difference & highs != 0
    }

    /// Whether a byte of `word` is DEL or beyond ASCII. A carry out of a byte of 0xFF can flag
    /// its neighbour too, which is allowed.
    @inlinable @inline(__always)
    public static func anyAtLeastDEL(_ word: UInt64) -> Bool {
        ((word &+ ones) | word) & highs != 0
    }
}
