import ArgumentParser
import Foundation
import TwoHatsExport
import TwoHatsStore

/// `twohats debug seed`: fills a store with made-up reflections and notes through the same
/// merge an import uses. The same seed and base date always give the same data.
struct DebugSeedCommand: ContextualCommand {
    static let configuration = CommandConfiguration(
        commandName: "seed",
        abstract: "Fill the store with sample reflections and notes."
    )

    /// The default base date, fixed so that a seed means the same data on every run.
    static let defaultBase = "2026-06-01T09:00:00Z"

    @OptionGroup var global: GlobalOptions

    @Option(help: "How many reflections to add.")
    var reflections = 0

    @Option(help: "How many notes to add.")
    var notes = 0

    @Option(help: "The seed of the generator.")
    var seed: UInt64 = 1

    @Option(name: .customLong("base-date"), help: ArgumentHelp("The newest sample is just before DATE.", valueName: "DATE"))
    var baseDate = Self.defaultBase

    func validate() throws {
        guard reflections >= 0, notes >= 0 else {
            throw ValidationError("--reflections and --notes take a count of 0 or more.")
        }
    }

    func run(in context: CommandContext) throws {
        let base = try DateArgument.parse(baseDate, option: "--base-date", timeZone: context.timeZone)
        let data = SampleData.generate(reflections: reflections, notes: notes, seed: seed, base: base, pack: try global.pack())
        let store = try global.openStore()
        let result = try storeCall { () throws(StoreError) in try store.merge(data) }
        context.console.write("""
            Seeded \(global.dataFolder): reflections \(ImportCommand.describe(result.reflections)); \
            notes \(ImportCommand.describe(result.notes)).

            """)
    }
}
