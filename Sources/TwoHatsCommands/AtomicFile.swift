import Foundation
import TwoHatsExport
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a whole file or nothing: the text goes to a private temporary file beside the
/// target, which then takes the target's name in one step. A reader never sees half a file,
/// and a failed write leaves what was there.
enum AtomicFile {
    /// Writes to `path` what `fill` puts into the buffer, a buffer at a time while `fill` is
    /// still making the rest. Without `replace`, an existing file is left alone and the write
    /// fails with a usage error, even when the file appears while we write.
    static func write(to path: String, replace: Bool, _ fill: (OutputBuffer) throws -> Void) throws {
        if isStream(path) { return try stream(to: path, fill) }
        // A link is followed: renaming over it would replace the link, not the file it names.
        let path = isLink(path) ? resolved(path) : path
        let target = URL(fileURLWithPath: path)
        let folder = target.deletingLastPathComponent().path
        var template = Array("\(folder)/.\(target.lastPathComponent).XXXXXX".utf8CString)
        // mkstemp creates the file 0600: an export holds private notes.
        let descriptor = mkstemp(&template)
        guard descriptor >= 0 else {
            throw Failure(message: "could not write to \(folder): \(String(cString: strerror(errno))).")
        }
        let temporary = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        var moved = false
        defer { if !moved { unlink(temporary) } }
        var file = Sink(descriptor: descriptor)
        let buffer = OutputBuffer { file.append($0) }
        do {
            try fill(buffer)
        } catch {
            close(descriptor)
            throw error
        }
        buffer.finish()
        let synced = file.failure == nil && fsync(descriptor) == 0
        let failure = file.failure ?? errno
        close(descriptor)
        guard synced else {
            throw Failure(message: "could not write \(path): \(String(cString: strerror(failure))).")
        }
        if replace {
            guard rename(temporary, path) == 0 else {
                throw Failure(message: "could not replace \(path): \(String(cString: strerror(errno))).")
            }
            moved = true
        } else {
            // link() fails when the name is taken, so a file that appeared meanwhile survives.
            guard link(temporary, path) == 0 else {
                if errno == EEXIST { throw exists(path) }
                throw Failure(message: "could not create \(path): \(String(cString: strerror(errno))).")
            }
            // The temporary name goes with the defer above; the file lives on under `path`.
        }
    }

    /// A terminal, a pipe or a device (`/dev/null`, `/dev/stdout` on a pipe) is written to as it
    /// is: a file renamed over it would take its place.
    static func isStream(_ path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0 else { return false }
        let type = info.st_mode & S_IFMT
        return type == S_IFCHR || type == S_IFIFO || type == S_IFSOCK
    }

    private static func isLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK
    }

    /// Where a link points, or the path itself when that cannot be found.
    private static func resolved(_ path: String) -> String {
        guard let real = realpath(path, nil) else { return path }
        defer { free(real) }
        return String(cString: real)
    }

    private static func stream(to path: String, _ fill: (OutputBuffer) throws -> Void) throws {
        let descriptor = open(path, O_WRONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw Failure(message: "could not write \(path): \(String(cString: strerror(errno))).")
        }
        defer { close(descriptor) }
        var file = Sink(descriptor: descriptor)
        let buffer = OutputBuffer { file.append($0) }
        try fill(buffer)
        buffer.finish()
        if let failure = file.failure {
            throw Failure(message: "could not write \(path): \(String(cString: strerror(failure))).")
        }
    }

    static func exists(_ path: String) -> Failure {
        Failure(message: "\(path) already exists; pass --force to replace it.", exitCode: Failure.usage)
    }

    /// The temporary file as the buffer drains into it. The first failure is kept and later
    /// chunks are dropped, so the writer needs no error path of its own.
    private struct Sink {
        let descriptor: Int32
        var offset = 0
        var failure: Int32?

        mutating func append(_ chunk: UnsafeRawBufferPointer) {
            guard failure == nil, let base = chunk.baseAddress else { return }
            var written = 0
            while written < chunk.count {
                let count = Glibc.write(descriptor, base + written, chunk.count - written)
                if count < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                written += count
            }
            #if os(Linux)
            // Linux starts writing the chunk to the disk at this advice (without waiting for it),
            // so the disk works while the next chunk is made and the fsync at the end waits for
            // the last one only; a file of a hundred megabytes took a third of a second to sync.
            _ = posix_fadvise(descriptor, off_t(offset), off_t(chunk.count), POSIX_FADV_DONTNEED)
            #endif
            offset += chunk.count
        }
    }
}
