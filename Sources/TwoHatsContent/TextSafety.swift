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
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .control || isBidiControl(scalar)
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
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            result.append(placeholder(for: scalar) ?? scalar)
        }
        return String(result)
    }
}
