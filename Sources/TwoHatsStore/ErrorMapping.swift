import GRDB

extension StoreError {
    /// Turns what GRDB or SQLite threw into the line the user sees, naming the database file.
    init(_ error: any Error, path: String) {
        if let error = error as? StoreError {
            self = error
            return
        }
        // Rows that do not decode (an id that is no UUID, say) were not written by this store.
        if error is RowDecodingError || error is DecodingError {
            self = .corrupt(path: path)
            return
        }
        guard let error = error as? DatabaseError else {
            self = .writeFailed("TwoHats could not use the notes database at \(path): \(error).")
            return
        }
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            self = .busy(path: path)
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            self = .corrupt(path: path)
        case .SQLITE_FULL:
            self = .writeFailed(
                "The disk holding \(path) is full, so TwoHats could not save. Free some space and try again."
            )
        case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_CANTOPEN, .SQLITE_AUTH:
            self = .writeFailed(
                "TwoHats may not write to \(path). Make the file and its folder yours and writable, then try again."
            )
        case .SQLITE_IOERR where error.extendedResultCode == .SQLITE_IOERR_WRITE:
            // What a full disk or a file size limit (EFBIG) looks like when it does not say ENOSPC.
            self = .writeFailed(
                "Writing to \(path) failed; the disk may be full. Free some space and try again."
            )
        case .SQLITE_IOERR:
            self = .writeFailed(
                "Reading or writing \(path) failed with a disk error. Check the disk, then try again."
            )
        default:
            let reason = error.message ?? "SQLite error \(error.resultCode.rawValue)"
            self = .writeFailed("TwoHats could not save to \(path) (\(reason)). Please report this.")
        }
    }
}
