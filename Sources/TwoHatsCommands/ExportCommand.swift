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
        if let output, !force, FileManager.default.fileExists(atPath: output) {
            throw AtomicFile.exists(output)
        }
        let pack = try global.pack()
        let store = try global.openStore()
        let data = try storeCall { () throws(StoreError) in try store.userData(since: from) }
        let archive = Archive(exportedAt: context.now, appVersion: TwoHatsVersion.current, since: from, data: data)
        // JSON stays bytes on its way to a file: at ten thousand reflections a String copy of it
        // is a hundred megabytes more.
        let bytes: [UInt8] = switch format {
        case .markdown: Array(MarkdownRenderer(pack: pack, timeZone: context.timeZone).render(archive).utf8)
        case .json: ArchiveJSON.encodedBytes(archive)
        case .csv: Array(CSVRenderer(pack: pack).render(archive).utf8)
        }
        if let output {
            try AtomicFile.save(bytes: bytes, to: output, replace: force)
        } else {
            context.console.write(String(decoding: bytes, as: UTF8.self))
        }
    }
}
