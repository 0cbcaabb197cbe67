import TwoHatsContent
import TwoHatsCore
import TwoHatsTerminal

/// Key codes in the range ncurses uses, one for every key the decoder can be told about.
private let codes: KeyCodes = {
    let named: [Key] = [
        .down, .up, .left, .right, .home, .backspace, .function(1), .delete, .pageDown, .pageUp,
        .backTab, .enter, .end, .wordLeft, .wordRight,
    ]
    return KeyCodes(
        keys: Dictionary(uniqueKeysWithValues: zip(Int32(258)..., named)),
        resize: 410, pasteStart: 600, pasteEnd: 601
    )
}()

/// The input is terminal input as UTF-8, where the bytes UTF-8 never uses stand for what
/// ncurses adds: 0xFF a pause (the run loop's flush), 0xFE n and 0xFD n the key codes 256 + n
/// and 512 + n (resize is 0xFE 0x9A, paste start and end 0xFD 0x58 and 0xFD 0x59).
func fuzzKeyDecoder(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let bytes else { return 0 }
    var decoder = KeyDecoder(codes: codes)
    var text: [UInt8] = []
    var index = 0
    func feedText() {
        for scalar in String(decoding: text, as: UTF8.self).unicodeScalars {
            check(decoder.feed(.scalar(scalar)))
        }
        text.removeAll(keepingCapacity: true)
    }
    while index < count {
        let byte = bytes[index]
        index += 1
        switch byte {
        case 0xFF:
            feedText()
            check(decoder.flush())
        case 0xFD...0xFE where index < count:
            feedText()
            check(decoder.feed(.code(Int32(byte == 0xFE ? 256 : 512) + Int32(bytes[index]))))
            index += 1
        default:
            text.append(byte)
        }
    }
    feedText()
    check(decoder.flush())
    // A pause always ends an unfinished escape sequence: the next key is read as itself.
    if !decoder.isInPaste {
        precondition(decoder.feed(.scalar("a")) == [.key(.character("a"))], "a pause left the decoder mid-sequence")
    }
    return 0
}

/// Nothing the decoder hands on may carry a control character to the screen or the store.
private func check(_ decoded: [Decoded]) {
    for item in decoded {
        switch item {
        case let .key(.character(character)), let .key(.alt(character)):
            precondition(!character.unicodeScalars.contains(where: TextSafety.isUnsafe), "unsafe key \(item)")
        case let .key(.control(character)):
            precondition(("a"..."z").contains(character), "control key \(item)")
        case let .paste(text):
            precondition(!text.unicodeScalars.contains { $0 != "\n" && TextSafety.isUnsafe($0) }, "unsafe paste \(item)")
        case .key, .resize:
            break
        }
    }
}
