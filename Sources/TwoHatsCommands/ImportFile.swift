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

        /// What the failed call left in errno.
        static var last: ReadFailed { ReadFailed(reason: String(cString: strerror(errno))) }
    }

    enum Contents {
        case streamed(ImportFile)
        case whole(Data)
    }

    private let descriptor: Int32

    /// Nil when the file cannot be opened or read.
    static func open(_ path: String) -> Contents? {
        let descriptor = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        let file = ImportFile(descriptor: descriptor)
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return nil }
        guard status.st_mode & S_IFMT == S_IFREG else { return (try? file.readToEnd()).map(Contents.whole) }
        return .streamed(file)
    }

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }

    /// The next bytes of the file into `buffer`; 0 at its end.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        while true {
            let count = Glibc.read(descriptor, buffer.baseAddress, buffer.count)
            if count >= 0 { return count }
            guard errno == EINTR else { throw ReadFailed.last }
        }
    }

    /// All of the file, read again from its start through the same descriptor, so that it is
    /// the file that was opened even if another has taken its name meanwhile.
    func whole() throws -> Data {
        guard lseek(descriptor, 0, SEEK_SET) == 0 else { throw ReadFailed.last }
        return try readToEnd()
    }

    /// Everything left to read.
    private func readToEnd() throws -> Data {
        var data = Data()
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = try chunk.withUnsafeMutableBytes { try read(into: $0) }
            guard count > 0 else { return data }
            data.append(contentsOf: chunk[..<count])
        }
    }
}
