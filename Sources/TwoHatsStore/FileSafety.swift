import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The data folder and the database file on disk: they exist, they are ours to write, and only
/// their owner may read them. Modes are set with chmod after creation because the umask would
/// otherwise decide them.
enum FileSafety {
    static let folderMode: Int = 0o700
    static let fileMode: Int = 0o600

    /// Creates the folder at `path` and any missing parents (all 0700), or checks that what is
    /// there already is a folder.
    static func prepareFolder(_ path: String) throws(StoreError) {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
            guard isFolder.boolValue else { throw .notAFolder(path: path) }
            return
        }
        do {
            try FileManager.default.createDirectory(
                atPath: path, withIntermediateDirectories: true,
                attributes: [.posixPermissions: folderMode]
            )
            try FileManager.default.setAttributes([.posixPermissions: folderMode], ofItemAtPath: path)
        } catch {
            throw .folderNotWritable(path: path)
        }
    }

    /// SQLite needs to create the -wal and -shm files beside the database, so a folder we can
    /// read but not write is refused up front rather than failing on the first save.
    static func requireWritableFolder(_ path: String) throws(StoreError) {
        guard FileManager.default.isWritableFile(atPath: path) else {
            throw .folderNotWritable(path: path)
        }
    }

    /// Creates an empty database file 0600. O_EXCL keeps a file that appears meanwhile (another
    /// TwoHats starting at the same moment) as it is, for the inspection to judge.
    static func createIfMissing(_ path: String, folder: String) throws(StoreError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode_t(fileMode))
        guard descriptor >= 0 else {
            switch errno {
            case EEXIST: return
            case EACCES, EPERM, EROFS: throw .folderNotWritable(path: folder)
            default: throw .writeFailed("TwoHats could not create \(path): \(String(cString: strerror(errno))).")
            }
        }
        defer { close(descriptor) }
        guard fchmod(descriptor, mode_t(fileMode)) == 0 else {
            throw .writeFailed("TwoHats could not make \(path) private: \(String(cString: strerror(errno))).")
        }
    }

    /// The database and the journal files SQLite made beside it become readable by their owner only.
    static func restrictToOwner(_ path: String) throws(StoreError) {
        for file in [path, path + "-wal", path + "-shm"] where FileManager.default.fileExists(atPath: file) {
            do {
                try FileManager.default.setAttributes([.posixPermissions: fileMode], ofItemAtPath: file)
            } catch {
                throw .writeFailed("TwoHats could not make \(file) private (mode 0600). Check that the file is yours.")
            }
        }
    }
}
