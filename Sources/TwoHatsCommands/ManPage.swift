import ArgumentParser
import Foundation

/// The man page, `twohats(1)`, in roff: the commands and options come from the command
/// line's own definition (ArgumentParser's `--experimental-dump-help`), so the page cannot
/// drift from `--help`; files, environment and exit status are written here.
enum ManPage {
    static func render() throws -> String {
        let tool = try JSONDecoder().decode(ToolInfo.self, from: Data(dumpHelp().utf8))
        return render(tool.command)
    }

    /// ArgumentParser's description of the command line, as JSON.
    static func dumpHelp() -> String {
        do {
            _ = try TwoHatsCommand.parseAsRoot(["--experimental-dump-help"])
        } catch {
            return TwoHatsCommand.fullMessage(for: error)
        }
        return ""
    }

    static func render(_ root: CommandInfo) -> String {
        let subcommands = (root.subcommands ?? []).filter { $0.shouldDisplay != false && $0.commandName != "help" }
        let app = root.subcommands?.first { $0.commandName == root.defaultSubcommand }
        // The app and the root both list --help and --version; the page lists them once.
        var globalNames: Set<String> = []
        let global = ((app?.arguments ?? []) + (root.arguments ?? [])).filter {
            globalNames.insert($0.preferredName?.name ?? "").inserted
        }
        var page = [
            ".TH TWOHATS 1 \"\" \"TwoHats \(TwoHatsVersion.current)\" \"User Commands\"",
            ".SH NAME",
            "twohats \\- \(escape(root.abstract ?? ""))",
            ".SH SYNOPSIS",
            ".B twohats",
            "[\\fIoptions\\fR]",
            ".br",
            ".B twohats",
            "\\fIcommand\\fR [\\fIoptions\\fR] [\\fIarguments\\fR]",
            ".SH DESCRIPTION",
            escape(root.discussion ?? ""),
            ".SH OPTIONS",
            "These options work with every command.",
        ]
        page += global.filter { $0.kind != "positional" && $0.shouldDisplay != false }.flatMap(option)
        page.append(".SH COMMANDS")
        for command in subcommands {
            page += commandSection(command, path: ["twohats"], skipping: globalNames)
        }
        page += fixedSections
        return page.joined(separator: "\n") + "\n"
    }

    private static func commandSection(_ command: CommandInfo, path: [String], skipping globalNames: Set<String>) -> [String] {
        let path = path + [command.commandName]
        let children = (command.subcommands ?? []).filter { $0.shouldDisplay != false && $0.commandName != "help" }
        let own = (command.arguments ?? []).filter {
            $0.shouldDisplay != false && !globalNames.contains($0.preferredName?.name ?? "")
        }
        let positionals = own.filter { $0.kind == "positional" }.map { "\\fI\(escape($0.valueName ?? ""))\\fR" }
        var lines = [".TP", "\\fB\(escape(path.joined(separator: " ")))\\fR" + positionals.map { " " + $0 }.joined()]
        lines.append(escape(command.abstract ?? ""))
        if let discussion = command.discussion, !discussion.isEmpty {
            lines += [".IP", escape(discussion)]
        }
        if !own.isEmpty {
            lines += nestedOptions(own)
        }
        for child in children {
            lines += commandSection(child, path: path, skipping: globalNames)
        }
        return lines
    }

    /// A command's own options and arguments, indented under it.
    private static func nestedOptions(_ arguments: [ArgumentInfo]) -> [String] {
        [".RS"] + arguments.flatMap(option) + [".RE"]
    }

    private static func option(_ argument: ArgumentInfo) -> [String] {
        let term: String
        if argument.kind == "positional" {
            term = "\\fI\(escape(argument.valueName ?? ""))\\fR"
        } else {
            let names = (argument.names ?? []).map { ($0.kind == "long" ? "\\-\\-" : "\\-") + escape($0.name) }
            let value = argument.kind == "option" ? " \\fI\(escape(argument.valueName ?? ""))\\fR" : ""
            term = names.map { "\\fB\($0)\\fR" }.joined(separator: ", ") + value
        }
        return [".TP", term, escape(argument.abstract ?? "")]
    }

    private static let fixedSections = [
        ".SH FILES",
        ".TP",
        "\\fI$XDG_DATA_HOME/twohats/twohats.sqlite\\fR",
        "Your reflections and notes (by default under \\fI~/.local/share/twohats\\fR).",
        ".TP",
        "\\fI$XDG_CONFIG_HOME/twohats/config.yaml\\fR",
        "Optional settings (by default \\fI~/.config/twohats/config.yaml\\fR), one \\fIkey: value\\fR a line:",
        "\\fBtheme\\fR (\\fIcolor\\fR or \\fIno-color\\fR), \\fBcontent\\fR (a pack folder),",
        "\\fBeditor\\fR (the command Ctrl-E runs) and \\fBdata-dir\\fR (where the notes are kept).",
        "Flags beat the environment, which beats this file.",
        ".SH ENVIRONMENT",
        ".TP",
        ".B NO_COLOR",
        "When set (to any value), draw without colour.",
        ".TP",
        ".BR VISUAL \", \" EDITOR",
        "The editor Ctrl-E opens; else the config file's \\fBeditor\\fR, else \\fBvi\\fR.",
        ".TP",
        ".BR XDG_DATA_HOME \", \" XDG_CONFIG_HOME",
        "Where the data and the config file live.",
        ".SH EXIT STATUS",
        ".TP",
        ".B 0",
        "Success.",
        ".TP",
        ".B 1",
        "A runtime failure: no terminal, a file that cannot be written, a storage problem.",
        ".TP",
        ".B 2",
        "A usage error or bad input: an unknown flag or contrast, an invalid content pack or config file.",
    ]

    /// Makes text safe for roff: backslashes, and a dot or quote at the start of a line.
    private static func escape(_ text: String) -> String {
        let escaped = text.replacingOccurrences(of: "\\", with: "\\e").replacingOccurrences(of: "-", with: "\\-")
        return escaped.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix(".") || $0.hasPrefix("'") ? "\\&" + $0 : String($0) }
            .joined(separator: "\n")
    }
}

/// The parts of ArgumentParser's help dump (ToolInfoV0) that the man page uses.
struct ToolInfo: Decodable {
    var command: CommandInfo
}

struct CommandInfo: Decodable {
    var commandName: String
    var abstract: String?
    var discussion: String?
    var shouldDisplay: Bool?
    var defaultSubcommand: String?
    var arguments: [ArgumentInfo]?
    var subcommands: [CommandInfo]?
}

struct ArgumentInfo: Decodable {
    struct Name: Decodable {
        var kind: String
        var name: String
    }

    var kind: String
    var names: [Name]?
    var preferredName: Name?
    var valueName: String?
    var abstract: String?
    var shouldDisplay: Bool?
}
