import Foundation

/// Everything that can happen to the app, as data. The run loop turns the outside world
/// (keys, pastes, resizes, signals, store results) into events; only the reducer reads them.
public enum Event: Equatable, Sendable {
    case key(Key)
    /// Text that arrived in one bracketed paste: never treated as key bindings.
    case paste(String)
    case resize(Size)
    /// Ctrl-C, SIGTERM or SIGHUP: leave now, keeping what has been typed.
    case interrupt
    /// A reflection to work on: newly created, or loaded to resume.
    case reflectionReady(Reflection)
    /// A reflection loaded to be read in history.
    case reflectionLoaded(Reflection)
    case historyLoaded(HistoryPage)
    case statsLoaded([String: ContrastStats])
    case resumableLoaded(ReflectionSummary?)
    /// A new, empty note to write in.
    case noteReady(Note)
    /// A write failed; the text stays in the editor and the write is retried.
    case storeFailed(String)
    /// Pending writes reached the database after a failure.
    case storeRecovered
    /// Another copy of TwoHats saved to the same data.
    case changedElsewhere
    /// The user's time zone, for the dates on screen. Finding it is slow (Foundation reads
    /// the zone database), so the app looks it up after its first frame.
    case timeZoneFound(TimeZone)
    /// The external editor closed: the text it left, or why it could not run.
    case externalEditFinished(String)
    case externalEditFailed(String)
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
