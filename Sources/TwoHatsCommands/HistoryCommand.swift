import ArgumentParser
import TwoHatsCore
import TwoHatsExport
import TwoHatsStore
import TwoHatsUI

/// `twohats history`: the list the app's history screen shows, for a terminal or a pipe.
struct HistoryCommand: ContextualCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "List your reflections and notes, newest first.",
        discussion: """
        One line each: the date, then for a reflection whether it is complete and its five ratings \
        (1 is the manager's end, 7 the leader's, · not rated yet), for a note its contrast and first line. \
        Exit status: 0 done, 1 the notes database could not be read, 2 a usage error.
        """
    )

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Print the list as JSON, with ids and ISO-8601 UTC dates.")
    var json = false

    func run(in context: CommandContext) throws {
        let pack = try global.pack()
        let store = try global.openStore()
        // The whole list, read as the history screen reads its windows, so both keep one order.
        let everything = HistoryQuery(filter: nil, offset: 0, limit: Int.max)
        let entries = try storeCall { () throws(StoreError) in try store.historyPage(everything) }.entries
        if json {
            context.console.write(HistoryJSON.render(entries, pack: pack))
        } else if entries.isEmpty {
            context.console.write("No reflections or notes yet.\n")
        } else {
            context.console.lines(entries.map { HistoryView.line($0, pack: pack, timeZone: context.timeZone) })
        }
    }
}
