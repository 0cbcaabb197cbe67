import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a whole file or nothing: the text goes to a private temporary file beside the
/// target, which then takes the target's name in one step. A reader never sees half a file,
/// and a failed write leaves what was there.
enum AtomicFile {
    /// Writes `text` to `path` (`save`, so as not to hide libc's `write`). Without `replace`, an existing file is left alone and the
    /// write fails with a usage error, even when the file appears while we write.
    static func save(_ text: String, to path: String, replace: Bool) throws {
        try save(bytes: Array(text.utf8), to: path, replace: replace)
    }

    /// The same for text already held as UTF-8 bytes, which an export of many megabytes is
    /// spared copying into a String and back.
    static func save(bytes: [UInt8], to path: String, replace: Bool) throws {
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
        let written = writeAll(bytes, to: descriptor)
        let synced = fsync(descriptor) == 0
        close(descriptor)
        guard written, synced else {
            throw Failure(message: "could not write \(path): \(String(cString: strerror(errno))).")
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

    static func exists(_ path: String) -> Failure {
        Failure(message: "\(path) already exists; pass --force to replace it.", exitCode: Failure.usage)
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
        bytes.withUnsafeBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                let count = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += count
            }
            return true
        }
    }
}
