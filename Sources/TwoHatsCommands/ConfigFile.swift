import Foundation
import TwoHatsContent
import Yams

/// The optional settings file, `$XDG_CONFIG_HOME/twohats/config.yaml` (by default
/// `~/.config/twohats/config.yaml`). Every key may be left out.
struct ConfigFile: Equatable {
    static let keys = ["theme", "content", "editor", "data-dir"]
    static let themes = ["color": true, "no-color": false]

    /// `theme: color` or `theme: no-color`; nil when the file does not say.
    var colour: Bool?
    /// A pack folder, as an absolute path.
    var content: String?
    /// The command Ctrl-E runs, split into words as `$VISUAL` is.
    var editor: String?
    /// Where the notes are kept, as an absolute path.
    var dataDirectory: String?

    static func path(environment: [String: String]) -> String {
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") { return xdg + "/twohats/config.yaml" }
        return (environment["HOME"] ?? NSHomeDirectory()) + "/.config/twohats/config.yaml"
    }

    /// The file at `path(environment:)`, or no settings when there is none.
    static func load(environment: [String: String]) throws(ConfigError) -> ConfigFile {
        let path = path(environment: environment)
        guard FileManager.default.fileExists(atPath: path) else { return ConfigFile() }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigError(path: path, message: "cannot be read")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigError(path: path, message: "is not UTF-8 text")
        }
        return try parse(text, path: path, home: environment["HOME"] ?? NSHomeDirectory())
    }

    /// Reads the settings in `text`. Paths may start with `~/`; relative paths are taken
    /// from the folder the file is in.
    static func parse(_ text: String, path: String, home: String) throws(ConfigError) -> ConfigFile {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw ConfigError(path: path, line: YAMLProblem.line(of: error, in: text), message: "is not valid YAML: \(YAMLProblem.summary(of: error))")
        } catch {
            throw ConfigError(path: path, message: "is not valid YAML")
        }
        guard let node else { return ConfigFile() }
        guard case let .mapping(mapping) = node else {
            throw ConfigError(path: path, line: node.mark?.line, message: "should be a list of 'key: value' lines")
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        var config = ConfigFile()
        for (keyNode, valueNode) in mapping {
            let line = keyNode.mark?.line
            guard case let .scalar(keyScalar) = keyNode, keys.contains(keyScalar.string) else {
                let name = keyNode.scalar?.string ?? "?"
                throw ConfigError(path: path, line: line, key: name, message: "is not a setting; the settings are \(keys.joined(separator: ", "))")
            }
            let key = keyScalar.string
            guard case let .scalar(scalar) = valueNode, !isNull(scalar) else {
                throw ConfigError(path: path, line: line, key: key, message: "should be a single value on the same line")
            }
            let value = scalar.string
            switch key {
            case "theme":
                guard let colour = themes[value] else {
                    throw ConfigError(path: path, line: line, key: key, message: "should be 'color' or 'no-color', not '\(value)'")
                }
                config.colour = colour
            case "content":
                config.content = absolute(value, folder: folder, home: home)
            case "editor":
                config.editor = value
            default:
                config.dataDirectory = absolute(value, folder: folder, home: home)
            }
        }
        return config
    }

    private static func isNull(_ scalar: Node.Scalar) -> Bool {
        scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    private static func absolute(_ value: String, folder: URL, home: String) -> String {
        if value == "~" { return home }
        if value.hasPrefix("~/") { return home + value.dropFirst(1) }
        return URL(fileURLWithPath: value, relativeTo: folder).standardizedFileURL.path
    }
}

/// A problem in the config file: the file, the line and the key, on one line.
struct ConfigError: Error, Equatable, CustomStringConvertible {
    var path: String
    var line: Int?
    var key: String?
    var message: String

    var description: String {
        var place = path
        if let line { place += ":\(line)" }
        if let key { place += ": '\(key)'" }
        return "\(place): \(message)"
    }
}
