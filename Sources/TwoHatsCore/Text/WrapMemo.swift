/// The lines `TextWrap.wrap` gave for a text at a width. The pack's paragraphs are laid out
/// again for every key and every frame (the reducer measures a screen, the renderer draws
/// it), and wrapping by display width walks every grapheme; this keeps that to one lookup.
/// Only short texts are kept, so a long note is never held twice.
final class WrapMemo: Sendable {
    static let shared = WrapMemo()
    static let largestText = 4_096

    private struct Key: Hashable {
        let text: String
        let width: Int
    }

    private let memo = Memo<Key, [String]>(capacity: 2_048)

    func lines(_ text: String, width: Int, wrap: () -> [String]) -> [String] {
        memo.value(for: Key(text: text, width: width), compute: wrap)
    }
}
