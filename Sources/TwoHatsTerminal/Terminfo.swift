import CNcurses
#if canImport(Glibc)
import Glibc
#endif

/// The terminal's description, as ncurses read it at start.
enum Terminfo {
    /// A string capability, nil when the terminal has none (`tigetstr` answers -1 for a name
    /// that is not a string capability at all).
    static func string(_ name: String) -> UnsafeMutablePointer<CChar>? {
        guard let pointer = tigetstr(name), Int(bitPattern: pointer) != -1 else { return nil }
        return pointer
    }

    /// A string capability's bytes; none when the terminal has none.
    static func bytes(_ name: String) -> [UInt8] {
        bytes(of: string(name))
    }

    /// The bytes of a C string from terminfo or tparm (none for a missing one).
    static func bytes(of text: UnsafeMutablePointer<CChar>?) -> [UInt8] {
        guard let text else { return [] }
        return Array(UnsafeBufferPointer(start: UnsafeRawPointer(text).assumingMemoryBound(to: UInt8.self), count: strlen(text)))
    }
}
