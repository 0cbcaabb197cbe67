#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// glibc declares wcwidth only under _XOPEN_SOURCE, which Swift's Glibc module does not set.
@_silgen_name("wcwidth")
private func libcWcwidth(_ scalar: Int32) -> Int32

/// Terminal cell widths, computed the way ncurses computes them (libc `wcwidth` per
/// scalar), so that the layout and the screen never disagree about where a character ends.
public enum DisplayWidth {
    /// `wcwidth` only knows wide characters in a UTF-8 locale; the terminal sets the user's
    /// locale first, and this covers the processes that never do (tests, plain commands).
    private static let localeReady: Bool = {
        if libcWcwidth(0x4E2D) != 2 { setlocale(LC_CTYPE, "C.UTF-8") }
        return true
    }()

    /// Cells for one scalar: 0 for combining marks and controls, 2 for wide ones. Inlinable,
    /// like the two below, because every frame measures its text and printable ASCII, most
    /// of it, needs no call at all.
    @inlinable
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value >= 0x20 && value < 0x7F { return 1 }
        return ofOther(value)
    }

    @usableFromInline
    static func ofOther(_ value: UInt32) -> Int {
        _ = localeReady
        return max(0, Int(libcWcwidth(Int32(bitPattern: value))))
    }

    @inlinable
    public static func of(_ character: Character) -> Int {
        var total = 0
        for scalar in character.unicodeScalars { total += of(scalar) }
        return total
    }

    @inlinable
    public static func of(_ text: some StringProtocol) -> Int {
        var total = 0
        for scalar in text.unicodeScalars { total += of(scalar) }
        return total
    }
}
