import TwoHatsContent
import TwoHatsDefaultPack

private let files = PackLoader.defaultFiles

/// The first byte picks a file of the built-in pack (or, past the last, a new contrast file);
/// the rest, read as UTF-8, replaces its text. The loader must answer with a pack or with
/// problems that each name a file and say what is wrong, and never crash.
func fuzzContentPack(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let bytes, count > 0 else { return 0 }
    let buffer = UnsafeBufferPointer(start: bytes, count: count)
    let text = String(decoding: buffer.dropFirst(), as: UTF8.self)
    let choice = Int(bytes[0]) % (files.count + 1)
    var pack = files
    if choice < files.count {
        pack[choice].text = text
    } else {
        pack.append((path: "\(PackLoader.contrastsFolder)/99-fuzz.yaml", text: text))
    }
    do {
        let loaded = try PackLoader.load(files: pack)
        precondition(!loaded.contrasts.isEmpty, "a pack without contrasts loaded")
    } catch {
        precondition(!error.issues.isEmpty, "refused without a reason")
        for issue in error.issues {
            precondition(!issue.file.isEmpty && !issue.message.isEmpty, "a problem without a file or message: \(issue)")
            precondition(issue.line.map { $0 >= 1 } ?? true, "line \(issue.line ?? 0) in \(issue)")
        }
    }
    return 0
}
