import Yams

/// Where and what a Yams error is, for messages that name a line.
public enum YAMLProblem {
    /// The 1-based line of the problem. The reader (bad bytes, raw control characters)
    /// gives only a byte offset, so the line is counted from it.
    public static func line(of error: YamlError, in text: String) -> Int? {
        switch error {
        case let .scanner(_, _, mark, _), let .parser(_, _, mark, _), let .composer(_, _, mark, _):
            mark.line
        case let .duplicatedKeysInMapping(_, context):
            context.mark.line
        case let .reader(_, offset?, _, _):
            text.utf8.prefix(offset).count(where: { $0 == UInt8(ascii: "\n") }) + 1
        default:
            nil
        }
    }

    /// What is wrong, in a few words.
    public static func summary(of error: YamlError) -> String {
        switch error {
        case let .scanner(_, problem, _, _), let .parser(_, problem, _, _), let .composer(_, problem, _, _),
             let .reader(problem, _, _, _):
            problem
        case let .duplicatedKeysInMapping(duplicates, _):
            "the key '\(duplicates.first ?? "")' appears here and again later in the same mapping"
        default:
            "\(error)"
        }
    }
}
