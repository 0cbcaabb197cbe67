/// Why the store could not do what was asked. Each case reads as one line a user can act on,
/// because the run loop shows `description` as it is.
public enum StoreError: Error, Equatable, CustomStringConvertible {
    /// The data folder is read-only, or it could not be created.
    case folderNotWritable(path: String)
    /// The data folder's path names a file.
    case notAFolder(path: String)
    /// The file is not an SQLite database, or a damaged one.
    case corrupt(path: String)
    /// A sound SQLite database (or something else) that TwoHats did not write.
    case foreign(path: String)
    /// A TwoHats database migrated by a newer build than this one.
    case futureVersion(path: String)
    /// Another connection held the lock for longer than the call would wait.
    case busy(path: String)
    /// A write that could not land (disk full, read-only file, missing row): the whole line to show.
    case writeFailed(String)

    public var description: String {
        switch self {
        case .folderNotWritable(let path):
            """
            TwoHats cannot write to the folder \(path). \
            Make it writable, or choose another folder with --data-dir.
            """
        case .notAFolder(let path):
            """
            \(path) is a file, but TwoHats keeps its data in a folder there. \
            Move the file aside, or choose another folder with --data-dir.
            """
        case .corrupt(let path):
            """
            The notes database at \(path) is damaged, so TwoHats left it untouched. \
            Move it aside to start afresh.
            """
        case .foreign(let path):
            """
            \(path) is not a TwoHats database, so TwoHats left it untouched. \
            Move it aside, or choose another folder with --data-dir.
            """
        case .futureVersion(let path):
            """
            The notes database at \(path) was written by a newer TwoHats, so this one left it untouched. \
            Update TwoHats to open it.
            """
        case .busy(let path):
            """
            The notes database at \(path) is locked by another program. \
            Close other copies of TwoHats and try again.
            """
        case .writeFailed(let line):
            line
        }
    }
}
