/// Lets the global options come before the subcommand (`twohats --data-dir X history`), as
/// users type them. ArgumentParser reads options before a subcommand's name as the default
/// subcommand's, so they are moved behind it, where every subcommand's `GlobalOptions` reads them.
enum ArgumentOrder {
    static let valuedOptions: Set<String> = ["--data-dir", "--content"]
    static let flags: Set<String> = ["--no-color"]

    static func subcommandFirst(_ arguments: [String], subcommands: Set<String>) -> [String] {
        var globals: [String] = []
        var index = arguments.startIndex
        while index < arguments.endIndex {
            let argument = arguments[index]
            let name = String(argument.prefix { $0 != "=" })
            if flags.contains(argument) || (valuedOptions.contains(name) && argument.contains("=")) {
                globals.append(argument)
                index += 1
            } else if valuedOptions.contains(argument), index + 1 < arguments.endIndex {
                globals += arguments[index...index + 1]
                index += 2
            } else {
                break
            }
        }
        guard !globals.isEmpty, index < arguments.endIndex, subcommands.contains(arguments[index]) else { return arguments }
        let rest = arguments[index...]
        guard let terminator = rest.firstIndex(of: "--") else { return Array(rest) + globals }
        return Array(rest[..<terminator]) + globals + Array(rest[terminator...])
    }
}
