import Foundation
import Testing
@testable import TwoHatsCommands

@Suite("Config file")
struct ConfigFileTests {
    static let path = "/home/ann/.config/twohats/config.yaml"

    func parse(_ text: String) throws(ConfigError) -> ConfigFile {
        try ConfigFile.parse(text, path: Self.path, home: "/home/ann")
    }

    func error(_ text: String) -> ConfigError? {
        do {
            _ = try parse(text)
            return nil
        } catch {
            return error
        }
    }

    @Test("every key is read; ~ and relative paths become absolute")
    func everyKey() throws {
        let config = try parse("""
            # my settings
            theme: no-color
            content: ~/packs/coach
            editor: nano -w
            data-dir: notes
            """)
        #expect(config == ConfigFile(colour: false, content: "/home/ann/packs/coach", editor: "nano -w", dataDirectory: "/home/ann/.config/twohats/notes"))
        #expect(try parse("theme: color\n").colour == true)
    }

    @Test("an empty file or one with only comments sets nothing")
    func emptyFile() throws {
        #expect(try parse("") == ConfigFile())
        #expect(try parse("# nothing yet\n") == ConfigFile())
    }

    @Test("an unknown key names the file, the line and the key")
    func unknownKey() {
        #expect(error("theme: color\ncolour: no\n")?.description
            == "\(Self.path):2: 'colour': is not a setting; the settings are theme, content, editor, data-dir")
    }

    @Test("a theme other than color or no-color is refused")
    func badTheme() {
        #expect(error("\n\ntheme: blue\n") == ConfigError(path: Self.path, line: 3, key: "theme", message: "should be 'color' or 'no-color', not 'blue'"))
    }

    @Test("a list, a mapping or nothing where a value belongs is a wrong type", arguments: [
        "editor: [nano, -w]\n", "editor:\n  program: nano\n", "editor:\n", "editor: ~\n",
    ])
    func wrongType(text: String) {
        let problem = error(text)
        #expect(problem?.key == "editor")
        #expect(problem?.line == 1)
        #expect(problem?.message == "should be a single value on the same line")
    }

    @Test("a key set twice is refused, at its first line")
    func duplicateKey() {
        let problem = error("theme: color\neditor: vi\neditor: nano\n")
        #expect(problem?.line == 2)
        #expect(problem?.message == "is not valid YAML: the key 'editor' appears here and again later in the same mapping")
    }

    @Test("a file that is not YAML, or not a mapping, names its line")
    func notYAMLOrNotAMapping() {
        #expect(error("theme: color\n  editor: [nano\n")?.message.hasPrefix("is not valid YAML: ") == true)
        #expect(error("theme: color\n  editor: [nano\n")?.line != nil)
        #expect(error("- theme\n- color\n") == ConfigError(path: Self.path, line: 1, message: "should be a list of 'key: value' lines"))
    }

    @Test("the file lives under XDG_CONFIG_HOME, else under ~/.config")
    func location() {
        #expect(ConfigFile.path(environment: ["XDG_CONFIG_HOME": "/x/conf", "HOME": "/home/ann"]) == "/x/conf/twohats/config.yaml")
        #expect(ConfigFile.path(environment: ["XDG_CONFIG_HOME": "relative", "HOME": "/home/ann"]) == Self.path)
        #expect(ConfigFile.path(environment: ["HOME": "/home/ann"]) == Self.path)
    }

    @Test("a missing file is no settings; a broken one is refused when a command is parsed")
    func loadingFromTheEnvironment() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try ConfigFile.load(environment: ["XDG_CONFIG_HOME": folder.path]) == ConfigFile())
        try FileManager.default.createDirectory(at: folder.appending(path: "twohats"), withIntermediateDirectories: true)
        try Data("theme: no-color\neditr: vim\n".utf8).write(to: folder.appending(path: "twohats/config.yaml"))
        #expect(throws: ConfigError.self) { try ConfigFile.load(environment: ["XDG_CONFIG_HOME": folder.path]) }
    }
}

@Suite("Settings precedence: flags, then the environment, then the config file")
struct SettingsPrecedenceTests {
    static let file = ConfigFile(colour: true, content: "/file/pack", editor: "nano", dataDirectory: "/file/data")
    static let home = ["HOME": "/home/ann"]

    func resolve(content: String? = nil, dataDir: String? = nil, noColor: Bool = false,
                 environment: [String: String] = home, file: ConfigFile = file) -> Settings {
        Settings.resolve(contentFlag: content, dataDirectoryFlag: dataDir, noColorFlag: noColor, environment: environment, file: file)
    }

    @Test("colour: --no-color beats NO_COLOR, which beats the theme")
    func colour() {
        #expect(resolve().useColour)
        #expect(!resolve(file: ConfigFile(colour: false)).useColour)
        #expect(!resolve(environment: Self.home.merging(["NO_COLOR": "1"]) { $1 }).useColour, "NO_COLOR beats theme: color")
        #expect(!resolve(noColor: true).useColour)
        #expect(resolve(file: ConfigFile()).useColour, "colour by default")
    }

    @Test("data folder: --data-dir beats XDG_DATA_HOME, which beats data-dir in the file")
    func dataFolder() {
        let xdg = Self.home.merging(["XDG_DATA_HOME": "/xdg"]) { $1 }
        #expect(resolve(dataDir: "/flag", environment: xdg).dataFolder == "/flag")
        #expect(resolve(environment: xdg).dataFolder == "/xdg/twohats")
        #expect(resolve().dataFolder == "/file/data")
        #expect(resolve(file: ConfigFile()).dataFolder == "/home/ann/.local/share/twohats")
    }

    @Test("content: --content beats content in the file; neither means the built-in pack")
    func content() {
        #expect(resolve(content: "/flag/pack").contentDirectory == "/flag/pack")
        #expect(resolve().contentDirectory == "/file/pack")
        #expect(resolve(file: ConfigFile()).contentDirectory == nil)
    }

    @Test("editor: VISUAL beats EDITOR, which beats editor in the file, which beats vi")
    func editor() {
        func command(_ environment: [String: String], _ configured: String?) -> [String] {
            ExternalEditor(folder: URL(fileURLWithPath: "/tmp"), environment: environment, configured: configured).command
        }
        let configured = resolve().editor
        #expect(configured == "nano")
        #expect(command(["VISUAL": "code -w", "EDITOR": "vim"], configured) == ["code", "-w"])
        #expect(command(["EDITOR": "vim"], configured) == ["vim"])
        #expect(command(["EDITOR": "  "], configured) == ["nano"])
        #expect(command([:], configured) == ["nano"])
        #expect(command([:], resolve(file: ConfigFile()).editor) == ["vi"])
    }
}
