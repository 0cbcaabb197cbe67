/// Word wrapping by display width, for read-only text.
public enum TextWrap {
    /// Splits `text` into lines no wider than `width` cells. Paragraph breaks ("\n") are
    /// kept; a word wider than the line is broken between characters.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        guard text.utf8.count <= WrapMemo.largestText else { return wrapParagraphs(text, width: width) }
        return WrapMemo.shared.lines(text, width: width) { wrapParagraphs(text, width: width) }
    }

    private static func wrapParagraphs(_ text: String, width: Int) -> [String] {
        if let lines = wrapPrintableASCII(text, width: width) { return lines }
        return wrapByCharacters(text, width: width)
    }

    /// The same wrap for text of printable ASCII and line breaks, read as bytes: a cell per
    /// byte and words between spaces, with no graphemes to find. Most of the pack is such
    /// text, and the first frame wraps every paragraph it shows. Nil for any other text.
    static func wrapPrintableASCII(_ text: String, width: Int) -> [String]? {
        var text = text
        return text.withUTF8 { bytes -> [String]? in
            for byte in bytes where (byte < 0x20 && byte != 0x0A) || byte >= 0x7F { return nil }
            var lines: [String] = []
            for paragraph in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
                var line: [UInt8] = []
                for word in paragraph.split(separator: 0x20) {
                    if !line.isEmpty, line.count + 1 + word.count <= width {
                        line.append(0x20)
                        line += word
                        continue
                    }
                    if !line.isEmpty {
                        lines.append(String(decoding: line, as: UTF8.self))
                        line.removeAll(keepingCapacity: true)
                    }
                    // A word wider than the line is cut into pieces of the width.
                    var rest = word[...]
                    while rest.count > width {
                        lines.append(String(decoding: rest.prefix(width), as: UTF8.self))
                        rest = rest.dropFirst(width)
                    }
                    line += rest
                }
                lines.append(String(decoding: line, as: UTF8.self))
            }
            return lines
        }
    }

    static func wrapByCharacters(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lines += wrapParagraph(paragraph, width: width)
        }
        return lines
    }

    private static func wrapParagraph(_ paragraph: Substring, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
            let wordWidth = DisplayWidth.of(word)
            if lineWidth > 0 && lineWidth + 1 + wordWidth <= width {
                line += " " + word
                lineWidth += 1 + wordWidth
                continue
            }
            if lineWidth > 0 {
                lines.append(line)
                line = ""
                lineWidth = 0
            }
            if wordWidth <= width {
                line = String(word)
                lineWidth = wordWidth
                continue
            }
            for character in word {
                let characterWidth = DisplayWidth.of(character)
                if lineWidth + characterWidth > width && lineWidth > 0 {
                    lines.append(line)
                    line = ""
                    lineWidth = 0
                }
                line.append(character)
                lineWidth += characterWidth
            }
        }
        lines.append(line)
        return lines
    }

    /// Cuts `text` to `width` cells, ending with "…" when something was cut.
    public static func truncate(_ text: String, to width: Int) -> String {
        guard DisplayWidth.of(text) > width else { return text }
        var result = ""
        var used = 0
        for character in text {
            let next = DisplayWidth.of(character)
            if used + next > width - 1 { break }
            result.append(character)
            used += next
        }
        return width > 0 ? result + "…" : ""
    }
}
