/// Everything that can happen to the app, as data. The run loop turns the outside world
/// (keys, pastes, resizes, signals) into events; the reducer is the only thing that reads them.
public enum Event: Equatable, Sendable {
    case key(Key)
    /// Text that arrived in one bracketed paste: never treated as key bindings.
    case paste(String)
    case resize(Size)
    /// Ctrl-C, SIGTERM or SIGHUP: leave now, keeping what has been typed.
    case interrupt
}

public struct Size: Hashable, Sendable, CustomStringConvertible {
    public var columns: Int
    public var rows: Int

    public init(columns: Int, rows: Int) {
        self.columns = columns
        self.rows = rows
    }

    /// Below this, the app asks for a bigger terminal instead of drawing.
    public static let minimum = Size(columns: 40, rows: 12)

    public var isUsable: Bool { columns >= Self.minimum.columns && rows >= Self.minimum.rows }

    public var description: String { "\(columns)x\(rows)" }
}
