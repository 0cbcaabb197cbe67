import Yams

/// The fields a pack's files may hold, so that a misspelt or stray field is named instead of
/// being ignored (a misspelt required field would otherwise show only as a missing one).
indirect enum PackShape: Sendable {
    case value
    case list(PackShape)
    case fields([(name: String, shape: PackShape)])

    static let pole = PackShape.fields([("name", .value), ("headline", .value), ("points", .list(.value))])

    static let contrast = PackShape.fields([
        ("id", .value), ("number", .value), ("title", .value), ("summary", .value),
        ("leader", pole), ("manager", pole), ("move", .value), ("balance", .value),
        ("prompts", .list(.value)), ("sources", .list(.value)),
    ])

    static let pack = PackShape.fields([
        ("id", .value), ("version", .value), ("title", .value), ("welcome", .list(.value)), ("about", .value),
        ("themes", .list(.fields([("title", .value), ("text", .value)]))),
        ("sources", .list(.fields([("id", .value), ("title", .value), ("author", .value)]))),
    ])

    /// An issue for every key of `node` that the shape does not name, at the key's line.
    /// Parts of the wrong kind are left to the decoder, which names them.
    func unknownFields(in node: Node, file: String, path: [FieldKey] = []) -> [ContentIssue] {
        switch (self, node) {
        case let (.list(element), .sequence(sequence)):
            return sequence.enumerated().flatMap { element.unknownFields(in: $0.element, file: file, path: path + [FieldKey($0.offset)]) }
        case let (.fields(fields), .mapping(mapping)):
            return mapping.flatMap { key, value -> [ContentIssue] in
                let name = key.string ?? ""
                guard let field = fields.first(where: { $0.name == name }) else {
                    return [ContentIssue(
                        .unknownField, file: file, field: NodePath.describe(path + [FieldKey(name)]), line: key.mark?.line,
                        message: "is not one of the fields here: \(fields.map(\.name).joined(separator: ", "))"
                    )]
                }
                return field.shape.unknownFields(in: value, file: file, path: path + [FieldKey(name)])
            }
        default:
            return []
        }
    }
}
