#if canImport(Glibc)
import Glibc
#endif

/// The environment variables TwoHats reads, looked up one by one. Foundation's
/// `ProcessInfo.environment` copies every variable of the process into a dictionary, which
/// was a twelfth of the work before the app's first frame.
enum ProcessEnvironment {
    /// Every name the commands look up (a test checks the sources against this list).
    static let names = ["HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_RUNTIME_DIR", "NO_COLOR", "VISUAL", "EDITOR", "COLUMNS"]

    static var current: [String: String] {
        read { name in getenv(name).map { String(cString: $0) } }
    }

    static func read(_ lookup: (String) -> String?) -> [String: String] {
        var values: [String: String] = [:]
        for name in names {
            if let value = lookup(name) { values[name] = value }
        }
        return values
    }
}
