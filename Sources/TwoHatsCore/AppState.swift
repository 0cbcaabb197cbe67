import Foundation
import TwoHatsContent

/// The whole state of the app: what is on screen follows from this alone.
public struct AppState: Equatable, Sendable {
    public let pack: ContentPack
    /// Where notes are kept, for the About screen and the summary.
    public let dataFolder: String
    /// Dates are shown in this zone; stored in UTC. The user's zone is looked up after the
    /// first frame, before anything with a date is shown; until then UTC stands in, and not
    /// even that is built (making the first TimeZone sets up Foundation's cache of zones,
    /// 0.44 M instructions that would delay the first frame by a seventh).
    public internal(set) var timeZone: TimeZone {
        get { knownTimeZone ?? .gmt }
        set { knownTimeZone = newValue }
    }
    private var knownTimeZone: TimeZone?
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
    /// A storage problem that stays on screen until a write succeeds again.
    public var storeProblem: String?
    /// The newest unfinished reflection, offered on the home screen.
    public var resumable: ReflectionSummary?
    public var stats: [String: ContrastStats] = [:]
    public var reflection: ReflectionSession?
    public var history = HistoryState()
    public var note: NoteSession?

    public init(pack: ContentPack, size: Size, dataFolder: String = "", timeZone: TimeZone? = nil) {
        self.pack = pack
        self.size = size
        self.dataFolder = dataFolder
        knownTimeZone = timeZone
    }

    public var route: Route { routes[routes.count - 1] }

    /// In a text field, printable keys type; `?` and `q` are text, not commands.
    public var isEditingText: Bool {
        switch route {
        case .reflection: reflection?.currentStep.isText ?? false
        case .note: true
        case .history: history.isFiltering
        default: false
        }
    }
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
