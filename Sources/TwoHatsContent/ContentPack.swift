/// A content pack: the words TwoHats shows, kept apart from the code that shows them.
public struct ContentPack: Equatable, Sendable {
    public var id: String
    public var version: Int
    public var title: String
    public var welcome: [String]
    public var about: String
    public var themes: [Theme]
    public var sources: [Source]
    /// Ordered by `Contrast.number`.
    public var contrasts: [Contrast]

    public init(
        id: String, version: Int, title: String, welcome: [String], about: String,
        themes: [Theme], sources: [Source], contrasts: [Contrast]
    ) {
        self.id = id
        self.version = version
        self.title = title
        self.welcome = welcome
        self.about = about
        self.themes = themes
        self.sources = sources
        self.contrasts = contrasts.sorted { $0.number < $1.number }
    }

    /// The sources a contrast cites, in the order it lists them.
    public func sources(of contrast: Contrast) -> [Source] {
        contrast.sources.compactMap { id in sources.first { $0.id == id } }
    }
}

public struct Theme: Codable, Equatable, Sendable {
    public var title: String
    public var text: String

    public init(title: String, text: String) {
        self.title = title
        self.text = text
    }
}

public struct Source: Codable, Equatable, Sendable {
    public var id: String
    public var title: String
    public var author: String

    public init(id: String, title: String, author: String) {
        self.id = id
        self.title = title
        self.author = author
    }

    /// "Title" or "Title (Author)".
    public var citation: String {
        author.isEmpty ? title : "\(title) (\(author))"
    }
}

public struct Pole: Codable, Equatable, Sendable {
    /// One word, shown at an end of the rating scale.
    public var name: String
    public var headline: String
    public var points: [String]

    public init(name: String, headline: String, points: [String]) {
        self.name = name
        self.headline = headline
        self.points = points
    }
}

public struct Contrast: Codable, Equatable, Sendable, Identifiable {
    public var id: String
    public var number: Int
    public var title: String
    public var summary: String
    public var leader: Pole
    public var manager: Pole
    public var move: String
    public var balance: String
    public var prompts: [String]
    public var sources: [String]

    public init(
        id: String, number: Int, title: String, summary: String, leader: Pole, manager: Pole,
        move: String, balance: String, prompts: [String], sources: [String]
    ) {
        self.id = id
        self.number = number
        self.title = title
        self.summary = summary
        self.leader = leader
        self.manager = manager
        self.move = move
        self.balance = balance
        self.prompts = prompts
        self.sources = sources
    }
}
