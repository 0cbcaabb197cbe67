import Yams

/// Checks what decoding alone cannot: identifiers, counts, references and safe text.
enum PackValidator {
    static let pointRange = 3...5
    static let minimumPrompts = 3

    static func validate(_ header: PackHeader, node: Node, file: String, issues: inout [ContentIssue]) {
        let report = Reporter(file: file, node: node)
        checkID(header.id, at: ["id"], report, &issues)
        if header.version < 1 {
            issues.append(report(.invalidValue, ["version"], "should be 1 or more"))
        }
        if header.welcome.count != 2 {
            issues.append(report(.invalidValue, ["welcome"], "should have exactly 2 lines"))
        }
        var seen: Set<String> = []
        for (index, source) in header.sources.enumerated() {
            checkID(source.id, at: ["sources", FieldKey(index), "id"], report, &issues)
            if !seen.insert(source.id).inserted {
                issues.append(report(.duplicateID, ["sources", FieldKey(index), "id"], "'\(source.id)' is used twice"))
            }
        }
        var texts: [([FieldKey], String)] = [(["title"], header.title), (["about"], header.about)]
        texts += header.welcome.enumerated().map { (["welcome", FieldKey($0.offset)], $0.element) }
        for (index, theme) in header.themes.enumerated() {
            texts += [(["themes", FieldKey(index), "title"], theme.title), (["themes", FieldKey(index), "text"], theme.text)]
        }
        for (index, source) in header.sources.enumerated() {
            texts.append((["sources", FieldKey(index), "title"], source.title))
            if !source.author.isEmpty {
                texts.append((["sources", FieldKey(index), "author"], source.author))
            }
        }
        checkTexts(texts, report, &issues)
    }

    static func validate(
        _ contrasts: [(file: String, node: Node, contrast: Contrast)], fileCount: Int, sourceIDs: Set<String>?,
        issues: inout [ContentIssue]
    ) {
        var ids: [String: String] = [:]
        var numbers: [Int: String] = [:]
        for (file, node, contrast) in contrasts {
            let report = Reporter(file: file, node: node)
            checkID(contrast.id, at: ["id"], report, &issues)
            if let other = ids[contrast.id] {
                issues.append(report(.duplicateID, ["id"], "'\(contrast.id)' is also used in \(other)"))
            } else {
                ids[contrast.id] = file
            }
            if let other = numbers[contrast.number] {
                issues.append(report(.duplicateID, ["number"], "\(contrast.number) is also used in \(other)"))
            } else {
                numbers[contrast.number] = file
            }
            // Counted by files, so one file that fails to decode does not make another's number wrong.
            if !(1...max(1, fileCount)).contains(contrast.number) {
                issues.append(report(.invalidValue, ["number"], "should be between 1 and \(fileCount)"))
            }
            for (key, pole) in [("leader", contrast.leader), ("manager", contrast.manager)]
            where !pointRange.contains(pole.points.count) {
                issues.append(report(.invalidValue, [FieldKey(key), "points"], "should have 3 to 5 points"))
            }
            if contrast.prompts.count < minimumPrompts {
                issues.append(report(.invalidValue, ["prompts"], "should have at least \(minimumPrompts) prompts"))
            }
            if contrast.sources.isEmpty {
                issues.append(report(.invalidValue, ["sources"], "should cite at least one source"))
            }
            if let sourceIDs {
                for (index, id) in contrast.sources.enumerated() where !sourceIDs.contains(id) {
                    issues.append(report(.invalidValue, ["sources", FieldKey(index)], "'\(id)' is not a source in pack.yaml"))
                }
            }
            checkTexts(texts(of: contrast), report, &issues)
        }
    }

    private static func texts(of contrast: Contrast) -> [([FieldKey], String)] {
        var texts: [([FieldKey], String)] = [
            (["title"], contrast.title), (["summary"], contrast.summary),
            (["move"], contrast.move), (["balance"], contrast.balance),
        ]
        for (key, pole) in [("leader", contrast.leader), ("manager", contrast.manager)] {
            texts += [([FieldKey(key), "name"], pole.name), ([FieldKey(key), "headline"], pole.headline)]
            texts += pole.points.enumerated().map { ([FieldKey(key), "points", FieldKey($0.offset)], $0.element) }
        }
        texts += contrast.prompts.enumerated().map { (["prompts", FieldKey($0.offset)], $0.element) }
        return texts
    }

    private static func checkID(_ id: String, at path: [FieldKey], _ report: Reporter, _ issues: inout [ContentIssue]) {
        let allowed = id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
        if id.isEmpty || !allowed {
            issues.append(report(.invalidValue, path, "'\(id)' should use only a-z, 0-9 and '-'"))
        }
    }

    private static func checkTexts(_ texts: [([FieldKey], String)], _ report: Reporter, _ issues: inout [ContentIssue]) {
        for (path, text) in texts {
            if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                issues.append(report(.invalidValue, path, "is empty"))
            } else if let bad = text.unicodeScalars.first(where: isForbidden) {
                let code = "U+" + String(bad.value, radix: 16, uppercase: true)
                issues.append(report(.controlCharacter, path, "contains the control character \(code)"))
            }
        }
    }

    /// Line breaks are the only control characters a paragraph may hold.
    private static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        scalar != "\n" && (scalar.properties.generalCategory == .control || TextSafety.isBidiControl(scalar))
    }
}

/// Builds issues for one file, finding the line of each field.
private struct Reporter {
    let file: String
    let node: Node

    func callAsFunction(_ kind: ContentIssue.Kind, _ path: [FieldKey], _ message: String) -> ContentIssue {
        ContentIssue(kind, file: file, field: NodePath.describe(path), line: NodePath.line(of: path, in: node), message: message)
    }
}

/// A coding key made from a field name or a list index.
struct FieldKey: CodingKey, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    var stringValue: String
    var intValue: Int?

    init(_ string: String) {
        stringValue = string
    }

    init(_ index: Int) {
        stringValue = String(index)
        intValue = index
    }

    init(stringLiteral value: String) { self.init(value) }
    init(integerLiteral value: Int) { self.init(value) }
    init?(stringValue: String) { self.init(stringValue) }
    init?(intValue: Int) { self.init(intValue) }
}
