import ArgumentParser
import Foundation
import TwoHatsContent

/// `twohats show <n|id>`: one contrast as plain text.
struct ShowCommand: ContextualCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print one contrast as plain text.",
        discussion: """
        Prints the contrast's summary, its leader and manager sides, the move toward \
        leadership, the note on balance and the articles it draws on, wrapped to the \
        terminal's width (80 columns when the output is not a terminal).

        Examples:
          twohats show 2
          twohats show sell-tell
          twohats show 3 | less
        """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The contrast's number (as in 'twohats list') or its id.", valueName: "n|id"))
    var contrast: String

    func run(in context: CommandContext) throws {
        let console = context.console
        let pack = try global.pack()
        console.lines(ContrastText.detail(try Self.find(contrast, in: pack), in: pack, width: console.width))
    }

    /// The contrast `choice` names by number or id; anything else is a usage error that lists
    /// the valid choices.
    static func find(_ choice: String, in pack: ContentPack) throws -> Contrast {
        let wanted = choice.trimmingCharacters(in: .whitespaces).lowercased()
        if let found = pack.contrasts.first(where: { String($0.number) == wanted || $0.id == wanted }) {
            return found
        }
        let numbers = pack.contrasts.map { String($0.number) }
        let ids = pack.contrasts.map(\.id).joined(separator: ", ")
        throw Failure(
            message: "there is no contrast '\(choice)'; choose a number from \(numbers.first ?? "1") to \(numbers.last ?? "1") or an id: \(ids)",
            exitCode: Failure.usage
        )
    }
}
