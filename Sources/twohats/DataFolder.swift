import Foundation

/// Where TwoHats keeps its data: `--data-dir`, else `$XDG_DATA_HOME/twohats`, else
/// `~/.local/share/twohats`.
enum DataFolder {
    static func path(override: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let override, !override.isEmpty { return override }
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") { return xdg + "/twohats" }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return home + "/.local/share/twohats"
    }
}
