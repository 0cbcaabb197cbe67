import Foundation

/// The lines `TextWrap.wrap` gave for a text at a width. The pack's paragraphs are laid out
/// again for every key and every frame (the reducer measures a screen, the renderer draws
/// it), and wrapping by display width walks every grapheme; this keeps that to one lookup.
/// Only short texts are kept, so a long note is never held twice.
final class WrapMemo: @unchecked Sendable {
    static let shared = WrapMemo()
    static let largestText = 4_096
    private static let capacity = 2_048

    private struct Key: Hashable {
        let text: String
        let width: Int
    }

    private let lock = NSLock()
    private var lines: [Key: [String]] = [:]

    func lines(_ text: String, width: Int, wrap: () -> [String]) -> [String] {
        let key = Key(text: text, width: width)
        if let known = lock.withLock({ lines[key] }) { return known }
        let wrapped = wrap()
        lock.withLock {
            if lines.count >= Self.capacity { lines.removeAll(keepingCapacity: true) }
            lines[key] = wrapped
        }
        return wrapped
    }
}
