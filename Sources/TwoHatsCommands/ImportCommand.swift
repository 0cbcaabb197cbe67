import ArgumentParser
import Foundation
import TwoHatsExport
import TwoHatsStore

/// `twohats import`: a JSON export merged into this store, all of it or nothing.
struct ImportCommand: ContextualCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Bring a JSON export back in (from another machine, or a backup).",
        discussion: """
        Items are matched by id: a new one is added, one already here is replaced only by a later \
        edit, so importing the same file twice changes nothing. A file that is not a valid export, \
        or comes from a newer TwoHats, is refused whole. \
        Exit status: 0 done, 1 the notes database could not be written, 2 a usage error or a file \
        that cannot be read or was refused.
        """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("A file written by `twohats export --format json`.", valueName: "FILE.json"))
    var file: String

    func run(in context: CommandContext) throws {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw Failure(message: "could not read \(file); check that it exists and is readable.", exitCode: Failure.usage)
        }
        let archive: Archive
        do {
            archive = try ArchiveJSON.decode(data)
        } catch {
            throw Failure(message: "\(file) was not imported, nothing was written: \(error.description).", exitCode: Failure.usage)
        }
        let store = try global.openStore()
        let result = try storeCall { () throws(StoreError) in try store.merge(archive.data) }
        context.console.write("""
            Imported \(file).
            Reflections: \(Self.describe(result.reflections)).
            Notes: \(Self.describe(result.notes)).

            """)
    }

    static func describe(_ counts: MergeCounts) -> String {
        "\(counts.added) added, \(counts.updated) updated, \(counts.unchanged) unchanged"
    }
}
