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
        guard let contents = ImportFile.open(file) else {
            throw Failure(message: "could not read \(file); check that it exists and is readable.", exitCode: Failure.usage)
        }
        let folder = URL(fileURLWithPath: global.dataFolder)
        // The file is read while it is merged, so the store is open before it is known to be
        // valid; a refused file leaves no data folder behind where there was none.
        let isNew = !FileManager.default.fileExists(atPath: folder.path)
        let result: MergeResult
        do {
            result = try merge(contents)
        } catch let error as ArchiveError {
            throw refused(error.description, removing: isNew ? folder : nil)
        } catch let error as ImportFile.ReadFailed {
            throw refused("it could not be read (\(error.reason))", removing: isNew ? folder : nil)
        }
        context.console.write("""
            Imported \(file).
            Reflections: \(Self.describe(result.reflections)).
            Notes: \(Self.describe(result.notes)).

            """)
    }

    /// The failure for a file that was not imported, once the data folder the import made
    /// (`new`, when there was none) is taken back.
    private func refused(_ reason: String, removing new: URL?) -> Failure {
        if let new { Store.removeNew(folder: new) }
        return Failure(message: "\(file) was not imported, nothing was written: \(reason).", exitCode: Failure.usage)
    }

    /// The merge, with the store released when it returns.
    private func merge(_ contents: ImportFile.Contents) throws -> MergeResult {
        let store = try global.openStore()
        do {
            switch contents {
            case let .streamed(file): return try ArchiveJSON.merge(reading: file.read, whole: file.whole) { try store.merge($0) }
            case let .whole(data): return try ArchiveJSON.merge(data) { try store.merge($0) }
            }
        } catch let error as StoreError {
            throw Failure(message: error.description)
        }
    }

    static func describe(_ counts: MergeCounts) -> String {
        "\(counts.added) added, \(counts.updated) updated, \(counts.unchanged) unchanged"
    }
}
