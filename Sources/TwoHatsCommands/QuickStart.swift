/// The usual start, `twohats` with at most the app's own options, read without building
/// ArgumentParser's model of the command: that alone took 11 M instructions, a third of the
/// time to the first frame. Anything else (help, a subcommand, a typo, a missing value) is
/// left to ArgumentParser, which then parses, explains and refuses exactly as before.
enum QuickStart {
    static func app(_ arguments: [String]) -> AppCommand? {
        var content: String?, data: String?, noColor = false, plain = false
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            let (name, attached) = split(argument)
            switch name {
            case "--content", "--data-dir":
                guard let value = attached ?? rest.popFirst(), !value.hasPrefix("-") else { return nil }
                if name == "--content" { content = value } else { data = value }
            case "--no-color" where attached == nil: noColor = true
            case "--plain" where attached == nil: plain = true
            default: return nil
            }
        }
        var global = GlobalOptions()
        global.contentDirectory = content
        global.dataDirectory = data
        global.noColor = noColor
        var command = AppCommand()
        command.global = global
        command.plain = plain
        return command
    }

    /// `--name=value` as the name and the value; any other argument as itself.
    private static func split(_ argument: String) -> (String, String?) {
        guard argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") else { return (argument, nil) }
        return (String(argument[..<equals]), String(argument[argument.index(after: equals)...]))
    }
}
