/// What a piece of text is, not how it looks: a `Theme` decides the look.
public enum Style: Character, Hashable, Sendable, CaseIterable {
    case plain = "."
    case title = "T"
    case heading = "H"
    case leader = "L"
    case manager = "M"
    case selection = "S"
    case muted = "m"
    case key = "K"
    case error = "E"
    case accent = "A"

    /// The style's place in `allCases`, to index tables kept per style: the painter looks one
    /// up at every change of style, and hashing the raw Character cost more than the rest.
    var ordinal: Int {
        switch self {
        case .plain: 0
        case .title: 1
        case .heading: 2
        case .leader: 3
        case .manager: 4
        case .selection: 5
        case .muted: 6
        case .key: 7
        case .error: 8
        case .accent: 9
        }
    }
}

public enum Colour: Hashable, Sendable {
    case red, green, yellow, blue, magenta, cyan
}

/// How a style is drawn: a foreground colour (or the terminal's own) and attributes.
public struct Appearance: Hashable, Sendable {
    public var colour: Colour?
    public var bold = false
    public var reverse = false
    public var dim = false
    public var underline = false

    public init(colour: Colour? = nil, bold: Bool = false, reverse: Bool = false, dim: Bool = false, underline: Bool = false) {
        self.colour = colour
        self.bold = bold
        self.reverse = reverse
        self.dim = dim
        self.underline = underline
    }
}

/// Maps styles to appearances. Selection is reverse video in every theme, so it never
/// depends on colour alone.
public struct Theme: Sendable {
    public let appearance: @Sendable (Style) -> Appearance

    public static let colour = Theme { style in
        switch style {
        case .plain: Appearance()
        case .title: Appearance(colour: .cyan, bold: true)
        case .heading: Appearance(bold: true, underline: true)
        case .leader: Appearance(colour: .green, bold: true)
        case .manager: Appearance(colour: .blue, bold: true)
        case .selection: Appearance(bold: true, reverse: true)
        case .muted: Appearance(dim: true)
        case .key: Appearance(colour: .yellow, bold: true)
        case .error: Appearance(colour: .red, bold: true)
        case .accent: Appearance(colour: .magenta)
        }
    }

    /// For `NO_COLOR` and terminals without colour: attributes only.
    public static let monochrome = Theme { style in
        var look = Theme.colour.appearance(style)
        look.colour = nil
        return look
    }
}
