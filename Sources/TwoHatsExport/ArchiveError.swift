/// Why an export file was refused: one line naming the field at fault and what it should hold.
public struct ArchiveError: Error, Equatable, CustomStringConvertible {
    public enum Kind: Equatable, Sendable {
        /// Not JSON, or JSON of the wrong shape (a missing field, a wrong type).
        case malformed
        /// Well-formed, but a value breaks a rule (a rating of 9, an id used twice).
        case invalid
        /// Written by a newer TwoHats whose format this build does not know.
        case futureVersion
    }

    public var kind: Kind
    /// Where in the file, as `reflections[2].ratings[0].value`; empty for the file as a whole.
    public var path: String
    public var problem: String

    public init(_ kind: Kind, path: String, _ problem: String) {
        self.kind = kind
        self.path = path
        self.problem = problem
    }

    public var description: String {
        path.isEmpty ? problem : "\(path): \(problem)"
    }
}

/// A coding path as it reads in a message: `reflections[2].ratings[0].value`.
func pathText(_ path: [any CodingKey]) -> String {
    path.reduce(into: "") { text, key in
        if let index = key.intValue {
            text += "[\(index)]"
        } else {
            text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
        }
    }
}
