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
