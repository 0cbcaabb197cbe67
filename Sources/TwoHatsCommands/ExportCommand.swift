import ArgumentParser
import Foundation
import TwoHatsExport
import TwoHatsStore

enum ExportFormat: String, CaseIterable, ExpressibleByArgument {
    case markdown, json, csv
}

/// `twohats export`: everything the user wrote, to stdout or atomically to a file.
struct ExportCommand: ContextualCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write your reflections and notes as Markdown, JSON or CSV.",
        discussion: """
        markdown is a document to read or share, json the complete data (the format is described in \
        docs/export-format.md, and `twohats import` reads it back), csv one row per rating for charts. \
        Exit status: 0 done, 1 the data could not be read or the file could not be written, \
        2 a usage error, a bad date, or FILE exists without --force.
        """
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: "The form of the export.")
    var format: ExportFormat

    @Option(name: [.short, .long], help: ArgumentHelp("Write to FILE instead of standard output.", valueName: "FILE"))
    var output: String?

    @Option(help: ArgumentHelp("Only what changed on or after DATE (2026-11-22, or an ISO-8601 time).", valueName: "DATE"))
    var since: String?

    @Flag(help: "Replace FILE if it already exists.")
    var force = false

    func run(in context: CommandContext) throws {
        let from = try since.map { try DateArgument.parse($0, option: "--since", timeZone: context.timeZone) }
        // Checked before anything is read, so the refusal is quick; AtomicFile checks again when it writes.
        if let output, !force, !AtomicFile.isStream(output), FileManager.default.fileExists(atPath: output) {
            throw AtomicFile.exists(output)
        }
        let pack = try global.pack()
        let store = try global.openStore()
        let header = ArchiveHeader(exportedAt: context.now, appVersion: TwoHatsVersion.current, since: from)
        // Rows go out as they are read, so an export of any size is never held whole.
        let write: (any ArchiveSource, OutputBuffer) throws -> Void = switch format {
        case .markdown: { try MarkdownRenderer(pack: pack, timeZone: context.timeZone).write(header, $0, to: $1) }
        case .json: { try ArchiveJSON.write(header, $0, to: $1) }
        case .csv: { try CSVRenderer(pack: pack).write($0, to: $1) }
        }
        do {
            try store.withUserData(since: from) { rows in
                try ArchivePipeline.run(rows) { source in
                    if let output {
                        try AtomicFile.write(to: output, replace: force) { try write(source, $0) }
                    } else {
                        // Chunks end on whole scalars, so each is text by itself.
                        let buffer = OutputBuffer { context.console.write(String(decoding: $0, as: UTF8.self)) }
                        try write(source, buffer)
                        buffer.finish()
                    }
                }
            }
        } catch let error as StoreError {
            throw Failure(message: error.description)
        }
    }
}
