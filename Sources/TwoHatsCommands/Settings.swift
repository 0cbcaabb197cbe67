/// What a command runs with. Flags beat the environment, which beats the config file.
struct Settings: Equatable {
    var useColour: Bool
    /// The pack folder; nil for the pack built into the binary.
    var contentDirectory: String?
    /// The config file's editor; `ExternalEditor` prefers `$VISUAL` and `$EDITOR` to it.
    var editor: String?
    var dataFolder: String

    static func resolve(
        contentFlag: String?, dataDirectoryFlag: String?, noColorFlag: Bool,
        environment: [String: String], file: ConfigFile
    ) -> Settings {
        Settings(
            useColour: !noColorFlag && environment["NO_COLOR"] == nil && file.colour != false,
            contentDirectory: contentFlag ?? file.content,
            editor: file.editor,
            dataFolder: DataFolder.path(override: dataDirectoryFlag, configured: file.dataDirectory, environment: environment)
        )
    }
}
