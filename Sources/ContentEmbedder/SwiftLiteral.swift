import TwoHatsContent

/// Swift source text that rebuilds a pack's values, written out field by field so that the
/// compiler checks the generated file against the pack's types.
enum SwiftLiteral {
    static func pack(_ pack: ContentPack) -> String {
        call("ContentPack", [
            ("id", string(pack.id)), ("version", "\(pack.version)"), ("title", string(pack.title)),
            ("welcome", array(pack.welcome.map(string))), ("about", string(pack.about)),
            ("themes", array(pack.themes.map(theme))), ("sources", array(pack.sources.map(source))),
            ("contrasts", array(pack.contrasts.map(contrast))),
        ])
    }

    /// A string literal: only the quote, the backslash and controls are escaped, so the
    /// generated file stays readable.
    static func string(_ text: String) -> String {
        var literal = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": literal += "\\\""
            case "\\": literal += "\\\\"
            case "\n": literal += "\\n"
            case "\t": literal += "\\t"
            case "\r": literal += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    literal += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    literal.unicodeScalars.append(scalar)
                }
            }
        }
        return literal + "\""
    }

    private static func theme(_ theme: Theme) -> String {
        call("Theme", [("title", string(theme.title)), ("text", string(theme.text))])
    }

    private static func source(_ source: Source) -> String {
        call("Source", [("id", string(source.id)), ("title", string(source.title)), ("author", string(source.author))])
    }

    private static func pole(_ pole: Pole) -> String {
        call("Pole", [("name", string(pole.name)), ("headline", string(pole.headline)), ("points", array(pole.points.map(string)))])
    }

    private static func contrast(_ contrast: Contrast) -> String {
        call("Contrast", [
            ("id", string(contrast.id)), ("number", "\(contrast.number)"), ("title", string(contrast.title)),
            ("summary", string(contrast.summary)), ("leader", pole(contrast.leader)), ("manager", pole(contrast.manager)),
            ("move", string(contrast.move)), ("balance", string(contrast.balance)),
            ("prompts", array(contrast.prompts.map(string))), ("sources", array(contrast.sources.map(string))),
        ])
    }

    private static func call(_ type: String, _ arguments: [(label: String, value: String)]) -> String {
        "\(type)(" + arguments.map { "\($0.label): \($0.value)" }.joined(separator: ", ") + ")"
    }

    private static func array(_ elements: [String]) -> String {
        "[" + elements.joined(separator: ", ") + "]"
    }
}
