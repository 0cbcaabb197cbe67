import Foundation

/// Where TwoHats keeps its data: `--data-dir`, else `$XDG_DATA_HOME/twohats`, else the
/// config file's `data-dir`, else `~/.local/share/twohats`.
enum DataFolder {
    static func path(
        override: String?, configured: String? = nil, environment: [String: String] = ProcessEnvironment.current
    ) -> String {
        if let override, !override.isEmpty { return override }
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") { return xdg + "/twohats" }
        if let configured, !configured.isEmpty { return configured }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return home + "/.local/share/twohats"
    }

    /// A private folder for the external editor's temporary file, outside the notes when
    /// the system offers a per-user runtime folder.
    static func scratch(dataFolder: String, environment: [String: String]) -> URL {
        if let runtime = environment["XDG_RUNTIME_DIR"], runtime.hasPrefix("/") {
            return URL(fileURLWithPath: runtime).appending(path: "twohats")
        }
        return URL(fileURLWithPath: dataFolder).appending(path: "tmp")
    }
}
