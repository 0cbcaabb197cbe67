import Foundation

/// Fills the buffer it is given from its start with the next bytes of a file, and returns how
/// many it put there: 0 at the end. What it throws passes through the read as it is.
public typealias ByteReader = (UnsafeMutableRawBufferPointer) throws -> Int

/// The part of a file that a streamed read (ArchiveStream) is at: the bytes from where its
/// current step began, then as many more as the room holds. An export of ten thousand
/// reflections is 98 MB; read whole into fresh memory, it took 24,000 page faults and up to
/// 130 ms before the first reflection could be parsed, and stayed in memory to the end.
final class ByteWindow {
    /// Room for the bytes of about a hundred reflections.
    static let initialRoom = 1 << 20

    private let reader: ByteReader
    private var room: UnsafeMutableBufferPointer<UInt8>
    private var count = 0
    /// Whether the file's last byte is in the window.
    private(set) var atEnd = false

    init(room: Int = initialRoom, _ reader: @escaping ByteReader) throws {
        self.reader = reader
        self.room = .allocate(capacity: max(room, 1))
        try readMore(keepingFrom: 0)
    }

    deinit {
        room.deallocate()
    }

    /// The bytes in the window; valid until `readMore`.
    var bytes: UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: room[..<count])
    }

    /// Drops the bytes before `offset`, which the reader is done with, moves the rest to the
    /// start, and reads once into the room after them (a plain file fills it, but for its end).
    /// The room doubles when what is kept fills more than half of it, so one step may span any
    /// length of file.
    func readMore(keepingFrom offset: Int) throws {
        precondition(!atEnd, "read past the end")
        let kept = count - offset
        if kept > room.count / 2 {
            let larger = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: room.count * 2)
            _ = larger.initialize(fromContentsOf: room[offset..<count])
            room.deallocate()
            room = larger
        } else if kept > 0 {
            memmove(room.baseAddress!, room.baseAddress! + offset, kept)
        }
        count = kept
        let read = try reader(UnsafeMutableRawBufferPointer(UnsafeMutableBufferPointer(rebasing: room[count...])))
        count += read
        atEnd = read == 0
    }
}
