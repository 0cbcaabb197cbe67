import TwoHatsContent

/// The steps of a guided reflection, in order: an intro; per contrast a rating and its prompts;
/// then review, focus, commitment and summary.
public enum ReflectionStep: Hashable, Sendable {
    case intro
    case rating(contrast: Int)
    case answer(contrast: Int, prompt: Int)
    case review
    case focus
    case commitment
    case summary

    public static func steps(for pack: ContentPack) -> [ReflectionStep] {
        var steps: [ReflectionStep] = [.intro]
        for (index, contrast) in pack.contrasts.enumerated() {
            steps.append(.rating(contrast: index))
            steps += contrast.prompts.indices.map { .answer(contrast: index, prompt: $0) }
        }
        return steps + [.review, .focus, .commitment, .summary]
    }

    /// The contrast the step belongs to, if any.
    public var contrast: Int? {
        switch self {
        case let .rating(contrast), let .answer(contrast, _): contrast
        case .intro, .review, .focus, .commitment, .summary: nil
        }
    }

    /// Steps with a text field.
    public var isText: Bool {
        switch self {
        case .answer, .commitment: true
        default: false
        }
    }
}
