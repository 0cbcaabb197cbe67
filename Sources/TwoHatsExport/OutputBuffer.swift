/// Bytes on their way out, gathered in a fixed buffer and handed to `drain` a buffer at a time,
/// so that an export of any size is written while it is made and never held whole. Each chunk
/// ends on a whole UTF-8 scalar (a scalar cut in two waits for the next chunk), so a chunk can
/// be read as text by itself.
public final class OutputBuffer {
    public static let defaultCapacity = 1 << 20

    private let storage: UnsafeMutablePointer<UInt8>
    private let capacity: Int
    private var count = 0
    private let drain: (UnsafeRawBufferPointer) -> Void

    public init(capacity: Int = defaultCapacity, drain: @escaping (UnsafeRawBufferPointer) -> Void) {
        self.capacity = max(capacity, 128)
        storage = .allocate(capacity: self.capacity)
        self.drain = drain
    }

    deinit {
        storage.deallocate()
    }

    /// Hands on everything gathered so far.
    public func finish() {
        drain(UnsafeRawBufferPointer(start: storage, count: count))
        count = 0
    }

    func append(_ byte: UInt8) {
        if count == capacity { flush() }
        storage[count] = byte
        count += 1
    }

    func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard var source = bytes.baseAddress else { return }
        var remaining = bytes.count
        while remaining > 0 {
            if count == capacity { flush() }
            let step = min(capacity - count, remaining)
            (storage + count).update(from: source, count: step)
            count += step
            source += step
            remaining -= step
        }
    }

    func append(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { append($0) }
    }

    /// Lets `body` write at most `length` bytes (at most 64) in place and returns how many it wrote.
    func write(upTo length: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int) {
        if count + length > capacity { flush() }
        count += body(storage + count)
    }

    /// Drains the buffer but for the bytes of a scalar that has not ended yet, which move to its start.
    private func flush() {
        var lead = count - 1
        while lead > 0, lead > count - 4, storage[lead] & 0xC0 == 0x80 { lead -= 1 }
        let byte = lead >= 0 ? storage[lead] : 0
        let length = byte < 0xC0 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
        let cut = lead >= 0 && lead + length > count ? lead : count
        drain(UnsafeRawBufferPointer(start: storage, count: cut))
        let rest = count - cut
        storage.update(from: storage + cut, count: rest)
        count = rest
    }
}

extension OutputBuffer {
    /// Everything `write` puts out, gathered whole: for tests and callers that want the text.
    public static func collect(_ write: (OutputBuffer) throws -> Void) rethrows -> [UInt8] {
        var bytes: [UInt8] = []
        let buffer = OutputBuffer { bytes.append(contentsOf: $0) }
        try write(buffer)
        buffer.finish()
        return bytes
    }
}
