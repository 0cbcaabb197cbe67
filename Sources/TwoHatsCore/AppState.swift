import TwoHatsContent

/// The whole state of the app: what is on screen follows from this alone.
public struct AppState: Equatable, Sendable {
    public let pack: ContentPack
    /// Where notes are kept, for the About screen.
    public let dataFolder: String
    public var size: Size
    /// Never empty; `.home` at the bottom.
    public var routes: [Route] = [.home]
    public var homeSelection: MenuItem = .browse
    public var browseSelection = 0
    public var detail = DetailState()
    public var aboutScroll = 0
    public var isHelpShown = false
    /// A one-line message for the status bar; cleared by the next key.
    public var status: Status?

    public init(pack: ContentPack, size: Size, dataFolder: String = "") {
        self.pack = pack
        self.size = size
        self.dataFolder = dataFolder
    }

    public var route: Route { routes[routes.count - 1] }
}

public struct DetailState: Equatable, Sendable {
    /// Index into `pack.contrasts`.
    public var index = 0
    public var scroll = 0

    public init(index: Int = 0, scroll: Int = 0) {
        self.index = index
        self.scroll = scroll
    }
}

public struct Status: Equatable, Sendable {
    public enum Tone: Equatable, Sendable { case info, error }

    public var text: String
    public var tone: Tone

    public init(_ text: String, tone: Tone = .info) {
        self.text = text
        self.tone = tone
    }
}
