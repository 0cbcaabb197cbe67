/// One problem in a content pack, located as precisely as the input allows.
public struct ContentIssue: Equatable, Sendable, CustomStringConvertible {
    public enum Kind: Equatable, Sendable {
        case missingFile
        case unreadable
        case empty
        case notYAML
        case missingField
        case unknownField
        case wrongType
        case invalidValue
        case duplicateID
        case controlCharacter
    }

    public var kind: Kind
    public var file: String
    /// Dotted path to the field, e.g. `leader.points[2]`; nil for problems with the whole file.
    public var field: String?
    public var line: Int?
    public var message: String

    public init(_ kind: Kind, file: String, field: String? = nil, line: Int? = nil, message: String) {
        self.kind = kind
        self.file = file
        self.field = field
        self.line = line
        self.message = message
    }

    public var description: String {
        var place = file
        if let line { place += ":\(line)" }
        if let field { place += ": field '\(field)'" }
        return "\(place): \(message)"
    }
}

/// Every problem found in a pack; loading stops only after the whole pack has been read.
public struct ContentPackError: Error, Equatable, Sendable, CustomStringConvertible {
    public var issues: [ContentIssue]

    public init(issues: [ContentIssue]) {
        self.issues = issues
    }

    public var description: String {
        issues.map(\.description).joined(separator: "\n")
    }
}
