import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The file an import reads: a plain file is read a part at a time while it is merged
/// (ArchiveJSON.merge(reading:)); anything else (a pipe, as /dev/stdin may be) can be read
/// only once, and so is read whole first, as a refused file is read again whole.
final class ImportFile {
    /// The file could not be read part way, after it had been opened.
    struct ReadFailed: Error {
        let reason: String
    }

    enum Contents {
        case streamed(ImportFile)
        case whole(Data)
    }

    private let descriptor: Int32
    private let path: String

    /// Nil when the file cannot be opened or read.
    static func open(_ path: String) -> Contents? {
        let descriptor = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            defer { close(descriptor) }
            return readToEnd(descriptor).map(Contents.whole)
        }
        return .streamed(ImportFile(descriptor: descriptor, path: path))
    }

    /// Everything left to read from `descriptor`, or nil when a read fails (a directory).
    private static func readToEnd(_ descriptor: Int32) -> Data? {
        var data = Data()
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = Glibc.read(descriptor, &chunk, chunk.count)
            if count > 0 {
                data.append(contentsOf: chunk[..<count])
            } else if count == 0 {
                return data
            } else if errno != EINTR {
                return nil
            }
        }
    }

    private init(descriptor: Int32, path: String) {
        self.descriptor = descriptor
        self.path = path
    }

    deinit {
        close(descriptor)
    }

    /// The next bytes of the file into `buffer`; 0 at its end.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        while true {
            let count = Glibc.read(descriptor, buffer.baseAddress, buffer.count)
            if count >= 0 { return count }
            guard errno == EINTR else { throw ReadFailed(reason: String(cString: strerror(errno))) }
        }
    }

    /// All of the file, read again from its start.
    func whole() throws -> Data {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ReadFailed(reason: "it could not be read again")
        }
        return data
    }
}
