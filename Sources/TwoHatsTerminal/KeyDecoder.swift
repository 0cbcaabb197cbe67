import TwoHatsContent
import TwoHatsCore

/// What the decoder recognised.
public enum Decoded: Equatable, Sendable {
    case key(Key)
    case paste(String)
}

/// Turns the terminal's input into keys and pastes. Escape sequences are looked up in the
/// terminal's own list (terminfo's) and then in the ones xterm-like terminals send; a lone
/// Esc is only known to be one when no more input follows, so the reader calls `flush()`
/// when input pauses.
public struct KeyDecoder: Sendable {
    private enum Mode: Sendable {
        case normal
        /// What followed the Esc so far: a few ASCII scalars, held inline in the string.
        case escape(String)
        case paste([Unicode.Scalar])
    }

    private static let pasteEndMarker: [Unicode.Scalar] = ["\u{1B}", "[", "2", "0", "1", "~"]
    /// Pauses in a row after which a paste whose end marker never came (a stray `ESC [ 200 ~`
    /// typed or sent alone) is taken as ended: a second at the run loop's pace. Without it every
    /// later key would be swallowed into the paste for good.
    static let pastePausesBeforeGivingUp = 10

    private let sequences: [String: Key]
    private var mode = Mode.normal
    private var pausesInPaste = 0

    /// `sequences`: the terminal's key sequences by their text after Esc ("OA" for ↑).
    public init(sequences: [String: Key] = [:]) {
        self.sequences = sequences
    }

    public var isInPaste: Bool {
        if case .paste = mode { return true }
        return false
    }

    /// Inside an escape sequence (or after an Esc) whose end has not come yet.
    public var isInEscape: Bool {
        if case .escape = mode { return true }
        return false
    }

    public mutating func feed(_ scalar: Unicode.Scalar) -> [Decoded] {
        switch mode {
        case .normal:
            return normal(scalar)
        case var .escape(sequence):
            sequence.unicodeScalars.append(scalar)
            return escape(sequence)
        case var .paste(text):
            // Taking the buffer out of `mode` leaves it uniquely referenced, so appending is
            // amortised O(1) and a long paste stays linear instead of copying per scalar.
            mode = .normal
            pausesInPaste = 0
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
        guard case let .escape(sequence) = mode else { return [] }
        mode = .normal
        if sequence.isEmpty { return [.key(.escape)] }
        // An unfinished sequence: nothing sensible can be made of it.
        return []
    }

    private mutating func normal(_ scalar: Unicode.Scalar) -> [Decoded] {
        Self.plain(scalar, &mode).map { [.key($0)] } ?? []
    }

    private static func plain(_ scalar: Unicode.Scalar, _ mode: inout Mode) -> Key? {
        switch scalar.value {
        case 0x1B:
            mode = .escape("")
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

    private mutating func escape(_ sequence: String) -> [Decoded] {
        // Sequences are ASCII: their bytes are checked, which costs less than their scalars.
        let bytes = sequence.utf8
        let lead = bytes.first!
        switch lead {
        case UInt8(ascii: "["), UInt8(ascii: "O"):
            let count = bytes.count
            // The Linux console's function keys are `ESC [ [ A` and on: the second `[` is no end.
            guard count > 1, sequence != "[[", let last = bytes.last, (0x40...0x7E).contains(last) else {
                if count > 16 { mode = .normal }  // runaway sequence
                else { mode = .escape(sequence) }
                return []
            }
            mode = .normal
            if sequence == "[200~" {
                mode = .paste([])
                return []
            }
            if let key = sequences[sequence] { return [.key(key)] }
            let name = lead == UInt8(ascii: "O") ? sequence : String(sequence.dropFirst())
            return Self.sequence(name).map { [.key($0)] } ?? []
        case 0x1B:
            mode = .escape("")
            return [.key(.escape)]
        default:
            mode = .normal
            let first = sequence.unicodeScalars.first!
            guard !TextSafety.isUnsafe(first) else { return [.key(.escape)] + normal(first) }
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
