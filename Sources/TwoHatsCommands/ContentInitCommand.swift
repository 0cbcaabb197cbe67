import ArgumentParser
import Foundation
import TwoHatsContent
import TwoHatsDefaultPack

/// `twohats content init DIR`: a copy of the built-in pack to edit.
struct ContentInitCommand: ContextualCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a copy of the built-in content pack to a folder, to edit.",
        discussion: """
        Creates DIR (and any missing parent folders) and writes pack.yaml and \
        contrasts/*.yaml into it. A folder that already holds files is refused unless \
        --force is given, which overwrites the pack's files and leaves other files alone.

        Examples:
          twohats content init ./my-pack
          twohats content check ./my-pack
          twohats --content ./my-pack
        """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The folder to write the pack to.", valueName: "DIR"))
    var directory: String

    @Flag(help: "Write into a folder that is not empty, replacing the pack's files.")
    var force = false

    func run(in context: CommandContext) throws {
        let console = context.console
        let manager = FileManager.default
        let folder = URL(fileURLWithPath: directory)
        if manager.fileExists(atPath: folder.path) {
            guard manager.isFolder(atPath: folder.path) else {
                throw Failure(message: "\(directory) exists and is not a folder", exitCode: Failure.usage)
            }
            let existing = (try? manager.contentsOfDirectory(atPath: folder.path)) ?? []
            guard existing.isEmpty || force else {
                throw Failure(
                    message: "\(directory) is not empty; choose an empty or new folder, or add --force to overwrite the pack's files",
                    exitCode: Failure.usage
                )
            }
        }
        let files = PackLoader.defaultFiles
        do {
            for file in files {
                let url = folder.appending(path: file.path)
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.text.utf8).write(to: url, options: .atomic)
            }
        } catch {
            throw Failure(message: "could not write the pack to \(directory): \(error.localizedDescription)")
        }
        console.line("Wrote \(files.count) files to \(directory). Edit them, then run 'twohats content check \(directory)'.")
    }
}
