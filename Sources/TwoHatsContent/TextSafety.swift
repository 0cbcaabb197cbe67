/// Which characters must never reach a terminal raw: they could move the cursor, change
/// colours, write to the clipboard (OSC 52) or reorder text (bidi overrides).
public enum TextSafety {
    public static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: true
        default: false
        }
    }

    /// C0 and C1 controls, DEL and bidi controls; newline and tab are the caller's to handle.
    /// Every cell drawn asks this, so it tests the ranges themselves: the general category
    /// Control (Cc) is exactly U+0000–U+001F and U+007F–U+009F, and Unicode's stability
    /// policy keeps it so, while looking the category up costs far more.
    @inline(__always)
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value >= 0x20 && value < 0x7F { return false }
        return value < 0x20 || (0x7F...0x9F).contains(value) || isBidiControl(scalar)
    }
}

extension TextSafety {
    /// What to show instead of an unsafe scalar: C0 controls as their Control Pictures (ESC
    /// as ␛), DEL as ␡, everything else as �; nil for a safe scalar.
    public static func placeholder(for scalar: Unicode.Scalar) -> Unicode.Scalar? {
        guard isUnsafe(scalar) else { return nil }
        if scalar.value < 0x20 { return Unicode.Scalar(0x2400 + scalar.value) }
        if scalar.value == 0x7F { return "\u{2421}" }
        return "\u{FFFD}"
    }

    /// `text` with every unsafe scalar replaced by its placeholder, safe to print anywhere.
    public static func inert(_ text: String) -> String {
        guard containsUnsafe(text, allowingNewlines: false) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            result.append(placeholder(for: scalar) ?? scalar)
        }
        return String(result)
    }
}

extension TextSafety {
    /// `text` with every unsafe scalar but the newline replaced by its placeholder: for files
    /// made of lines (Markdown, CSV), which keep the user's line breaks and nothing else raw.
    /// Clean text is returned as it is, so a large export pays one byte scan.
    public static func inertKeepingNewlines(_ text: String) -> String {
        guard containsUnsafe(text, allowingNewlines: true) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            result.append(scalar == "\n" ? scalar : placeholder(for: scalar) ?? scalar)
        }
        return String(result)
    }

    /// Whether `text` holds an unsafe scalar (a newline too, unless `allowingNewlines`), read
    /// from its UTF-8 bytes: decoding scalars costs several times more, and exports and plain
    /// output ask this of every piece of text they print.
    public static func containsUnsafe(_ text: String, allowingNewlines: Bool) -> Bool {
        var text = text
        return text.withUTF8 { utf8 in
            var index = 0
            while true {
                index = ByteScan.firstIndex(
                    in: utf8, from: index,
                    wordMayMatch: { ByteScan.anyBelow($0, 0x20) || ByteScan.anyAtLeastDEL($0) },
                    matches: { isSuspect($0) || $0 == 0x0A }
                )
                guard index < utf8.count else { return false }
                let byte = utf8[index]
                index += 1
                switch byte {
                case 0x0A: if !allowingNewlines { return true }
                case 0xC2: if index < utf8.count, (0x80...0x9F).contains(utf8[index]) { return true }
                case 0xD8: if index < utf8.count, utf8[index] == 0x9C { return true }
                case 0xE2:
                    guard index + 1 < utf8.count else { continue }
                    let second = utf8[index], third = utf8[index + 1]
                    if second == 0x80, third == 0x8E || third == 0x8F || (0xAA...0xAE).contains(third) { return true }
                    if second == 0x81, (0xA6...0xA9).contains(third) { return true }
                default: return true
                }
            }
        }
    }

    /// Whether a UTF-8 byte can be part of an unsafe scalar other than the newline: a C0
    /// control or DEL, or the lead byte of a C1 control (0xC2) or a bidi control (0xD8, 0xE2).
    @inline(__always)
    public static func isSuspect(_ byte: UInt8) -> Bool {
        (byte < 0x20 && byte != 0x0A) || byte == 0x7F || byte == 0xC2 || byte == 0xD8 || byte == 0xE2
    }
}
