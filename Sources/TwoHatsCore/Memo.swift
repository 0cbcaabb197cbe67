import Foundation

/// Values worked out once per key and looked up after: for what every frame repeats, such as
/// wrapping the pack's paragraphs or laying out the title bar and the key footer. A full memo
/// starts over, which bounds its memory at the price of working each value out once more.
public final class Memo<Key: Hashable & Sendable, Value: Sendable>: @unchecked Sendable {
    private let capacity: Int
    private let lock = NSLock()
    private var values: [Key: Value] = [:]

    public init(capacity: Int) {
        self.capacity = capacity
    }

    public func value(for key: Key, compute: () -> Value) -> Value {
        if let known = lock.withLock({ values[key] }) { return known }
        let value = compute()
        lock.withLock {
            if values.count >= capacity { values.removeAll(keepingCapacity: true) }
            values[key] = value
        }
        return value
    }
}
