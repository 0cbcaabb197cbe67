import ArgumentParser
import Foundation
import TwoHatsContent

/// `twohats content check DIR`: every problem in a pack, by file, line and field.
struct ContentCheckCommand: ContextualCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a content pack and name every problem in it.",
        discussion: """
        Reads DIR/pack.yaml and DIR/contrasts/*.yaml as TwoHats would and prints each \
        problem on a line of its own, as FILE:LINE: field 'NAME': what is wrong. Exits with \
        status 0 when the pack is valid and 2 when it is not.

        Examples:
          twohats content check ./my-pack
        """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The pack's folder, the one that holds pack.yaml.", valueName: "DIR"))
    var directory: String

    func run(in context: CommandContext) throws {
        let console = context.console
        let folder = URL(fileURLWithPath: directory)
        guard FileManager.default.isFolder(atPath: folder.path) else {
            throw Failure(message: "\(directory) is not a folder; give the folder that holds pack.yaml", exitCode: Failure.usage)
        }
        let base = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        do {
            let pack = try PackLoader.load(directory: folder)
            let contrasts = pack.contrasts.count == 1 ? "1 contrast" : "\(pack.contrasts.count) contrasts"
            console.line("\(base): pack '\(pack.id)' version \(pack.version) is valid, with \(contrasts).")
        } catch {
            for issue in error.issues {
                console.line(issue.located(in: base).description)
            }
            let problems = error.issues.count == 1 ? "1 problem" : "\(error.issues.count) problems"
            throw Failure(message: "\(base): \(problems); the pack is not valid", exitCode: Failure.usage)
        }
    }
}

extension ContentIssue {
    /// The issue with its file named from the pack folder, as a user would open it.
    func located(in folder: String) -> ContentIssue {
        guard !file.hasPrefix("/") else { return self }
        var issue = self
        issue.file = (folder.hasSuffix("/") ? folder : folder + "/") + file
        return issue
    }
}

extension FileManager {
    func isFolder(atPath path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
