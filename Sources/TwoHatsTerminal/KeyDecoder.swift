import TwoHatsContent
import TwoHatsCore

/// One unit read from ncurses: a character, or a key code from its keypad translation.
public enum Input: Equatable, Sendable {
    case scalar(Unicode.Scalar)
    case code(Int32)
}

/// The key codes ncurses assigns, named, so the decoder stays independent of the library.
public struct KeyCodes: Sendable {
    public var keys: [Int32: Key]
    public var resize: Int32?
    public var pasteStart: Int32?
    public var pasteEnd: Int32?

    public init(keys: [Int32: Key] = [:], resize: Int32? = nil, pasteStart: Int32? = nil, pasteEnd: Int32? = nil) {
        self.keys = keys
        self.resize = resize
        self.pasteStart = pasteStart
        self.pasteEnd = pasteEnd
    }
}

/// What the decoder recognised.
public enum Decoded: Equatable, Sendable {
    case key(Key)
    case paste(String)
    case resize
}

/// Turns raw input into keys and pastes. Escape sequences that ncurses did not translate
/// (modified arrows, bracketed paste) are parsed here; a lone Esc is only known to be one
/// when no more input follows, so the reader calls `flush()` when input pauses.
public struct KeyDecoder: Sendable {
    private enum Mode: Sendable {
        case normal
        case escape([Unicode.Scalar])
        case paste([Unicode.Scalar])
    }

    private static let pasteEndMarker: [Unicode.Scalar] = ["\u{1B}", "[", "2", "0", "1", "~"]
    /// Pauses in a row after which a paste whose end marker never came (a stray `ESC [ 200 ~`
    /// typed or sent alone) is taken as ended: a second at the run loop's pace. Without it every
    /// later key would be swallowed into the paste for good.
    static let pastePausesBeforeGivingUp = 10

    private let codes: KeyCodes
    private var mode = Mode.normal
    private var pausesInPaste = 0

    public init(codes: KeyCodes) {
        self.codes = codes
    }

    public var isInPaste: Bool {
        if case .paste = mode { return true }
        return false
    }

    public mutating func feed(_ input: Input) -> [Decoded] {
        switch mode {
        case .normal:
            return normal(input)
        case let .escape(buffer):
            guard case let .scalar(scalar) = input else {
                mode = .normal
                return [.key(.escape)] + normal(input)
            }
            return escape(buffer + [scalar])
        case var .paste(text):
            // Taking the buffer out of `mode` leaves it uniquely referenced, so appending is
            // amortised O(1) and a long paste stays linear instead of copying per scalar.
            mode = .normal
            pausesInPaste = 0
            if case let .code(code) = input {
                if code == codes.pasteEnd { return [.paste(Self.cleanPaste(text))] }
                mode = .paste(text)
                // The window still changes size while a paste is open; the frame must follow.
                return code == codes.resize ? [.resize] : []
            }
            guard case let .scalar(scalar) = input else {
                mode = .paste(text)
                return []
            }
            text.append(scalar)
            if text.count >= Self.pasteEndMarker.count, text.suffix(Self.pasteEndMarker.count).elementsEqual(Self.pasteEndMarker) {
                return [.paste(Self.cleanPaste(Array(text.dropLast(Self.pasteEndMarker.count))))]
            }
            mode = .paste(text)
            return []
        }
    }

    /// Input paused: a pending Esc is a real Esc. A paste stays open until its end marker, or
    /// until input has paused `pastePausesBeforeGivingUp` times in a row.
    public mutating func flush() -> [Decoded] {
        if case let .paste(text) = mode {
            pausesInPaste += 1
            guard pausesInPaste >= Self.pastePausesBeforeGivingUp else { return [] }
            mode = .normal
            pausesInPaste = 0
            return [.paste(Self.cleanPaste(text))]
        }
        guard case let .escape(buffer) = mode else { return [] }
        mode = .normal
        if buffer.isEmpty { return [.key(.escape)] }
        // An unfinished sequence: nothing sensible can be made of it.
        return []
    }

    private mutating func normal(_ input: Input) -> [Decoded] {
        switch input {
        case let .code(code):
            if code == codes.resize { return [.resize] }
            if code == codes.pasteStart {
                mode = .paste([])
                return []
            }
            return codes.keys[code].map { [.key($0)] } ?? []
        case let .scalar(scalar):
            return Self.plain(scalar, &mode).map { [.key($0)] } ?? []
        }
    }

    private static func plain(_ scalar: Unicode.Scalar, _ mode: inout Mode) -> Key? {
        switch scalar.value {
        case 0x1B:
            mode = .escape([])
            return nil
        case 0x0D, 0x0A: return .enter
        case 0x09: return .tab
        case 0x7F, 0x08: return .backspace
        case 0x01...0x1A: return .control(Character(Unicode.Scalar(scalar.value + 0x60)!))
        case 0x00...0x1F, 0x80...0x9F: return nil
        default:
            return !TextSafety.isUnsafe(scalar) ? .character(Character(scalar)) : nil
        }
    }

    private mutating func escape(_ buffer: [Unicode.Scalar]) -> [Decoded] {
        let first = buffer[0]
        switch first {
        case "[", "O":
            guard let last = buffer.last, buffer.count > 1, (0x40...0x7E).contains(last.value) else {
                if buffer.count > 16 { mode = .normal }  // runaway sequence
                else { mode = .escape(buffer) }
                return []
            }
            mode = .normal
            let body = String(String.UnicodeScalarView(buffer.dropFirst()))
            if first == "[" && body == "200~" {
                mode = .paste([])
                return []
            }
            return Self.sequence(first == "O" ? "O" + body : body).map { [.key($0)] } ?? []
        case "\u{1B}":
            mode = .escape([])
            return [.key(.escape)]
        default:
            mode = .normal
            guard !TextSafety.isUnsafe(first) else { return [.key(.escape)] + normal(.scalar(first)) }
            return [.key(.alt(Character(first)))]
        }
    }

    /// CSI and SS3 sequences by their text after `ESC [` (or `ESC O`, kept as a prefix).
    static func sequence(_ body: String) -> Key? {
        switch body {
        case "A", "OA": .up
        case "B", "OB": .down
        case "C", "OC": .right
        case "D", "OD": .left
        case "H", "OH", "1~", "7~": .home
        case "F", "OF", "4~", "8~": .end
        case "5~": .pageUp
        case "6~": .pageDown
        case "3~": .delete
        case "Z": .backTab
        case "1;5C", "1;3C", "5C": .wordRight
        case "1;5D", "1;3D", "5D": .wordLeft
        case "OP", "11~": .function(1)
        default: nil
        }
    }

    /// CR LF and lone CR become LF; every other control character is dropped.
    static func cleanPaste(_ scalars: [Unicode.Scalar]) -> String {
        var text = String.UnicodeScalarView()
        var previous: Unicode.Scalar?
        for scalar in scalars {
            defer { previous = scalar }
            if scalar == "\r" {
                text.append("\n")
            } else if scalar == "\n" {
                if previous != "\r" { text.append("\n") }
            } else if !TextSafety.isUnsafe(scalar) {
                text.append(scalar)
            }
        }
        return String(text)
    }
}
