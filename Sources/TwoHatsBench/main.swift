// Micro-benchmarks run by `make bench` (bench/run.py): each prints its samples as JSON.
import ArgumentParser
import Foundation
import TwoHatsContent
import TwoHatsDefaultPack
import TwoHatsCore
import TwoHatsStore
import TwoHatsUI

struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "TwoHatsBench",
        abstract: "Times the store and the renderer without a terminal (used by make bench).",
        subcommands: [Autosave.self, History.self]
    )
}

struct Common: ParsableArguments {
    @Option(help: "The TwoHats data folder to use (a temporary one: it is written to).")
    var dataDir: String

    @Option(help: "How many times to measure.")
    var iterations = 100

    func openStore() throws -> Store {
        try Store.open(folder: URL(fileURLWithPath: dataDir))
    }
}

/// Nanoseconds taken by `body`.
func time(_ body: () throws -> Void) rethrows -> Int {
    let start = ContinuousClock.now
    try body()
    let elapsed = ContinuousClock.now - start
    return Int(elapsed.components.seconds) * 1_000_000_000 + Int(elapsed.components.attoseconds / 1_000_000_000)
}

func printJSON(_ value: [String: [Int]]) throws {
    let data = try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys])
    print(String(decoding: data, as: UTF8.self))
}

/// One debounced save of an answer, as the app makes it when typing pauses: the save queue
/// hands over the latest text and the store writes it in one transaction.
struct Autosave: ParsableCommand {
    @OptionGroup var common: Common

    @Option(help: "Characters in the answer being saved.")
    var length = 600

    func run() throws {
        let store = try common.openStore()
        let pack = PackLoader.defaultPack()
        let reflection = try store.createReflection(id: UUID(), packID: pack.id, packVersion: pack.version, at: Date())
        let key = AnswerKey(contrastID: pack.contrasts[0].id, prompt: 0)
        let prompt = pack.contrasts[0].prompts[0]
        let base = String(repeating: "What I noticed this week, and what I will try next. ", count: common.iterations)
        var queue = SaveQueue()
        var samples: [Int] = []
        for index in 0..<common.iterations {
            // Each save carries different text, as typing between two saves would.
            let text = String(base.dropFirst(index).prefix(length))
            queue.add(.answer(reflection: reflection.id, key: key, prompt: prompt, text: text), at: Date())
            samples.append(try time {
                for case let .answer(id, key, prompt, text) in queue.take() {
                    try store.saveAnswer(reflection: id, key: key, promptText: prompt, text: text, at: Date())
                }
            })
        }
        try printJSON(["save": samples])
    }
}

/// Opening the history screen: h on the home screen, reading the first window of the list,
/// and drawing the first frame; each phase is reported too.
struct History: ParsableCommand {
    @OptionGroup var common: Common

    func run() throws {
        let store = try common.openStore()
        let pack = PackLoader.defaultPack()
        let reducer = AppReducer(measure: Renderer.measure)
        var phases: [String: [Int]] = ["open": [], "load": [], "reduce": [], "render": []]
        var entries = 0
        for _ in 0..<common.iterations {
            var state = AppState(pack: pack, size: Size(columns: 80, rows: 24))
            var load = 0, reduce = 0, render = 0
            let open = try time {
                var effects: [Effect] = []
                var events: [Event] = []
                reduce += time { effects = reducer.reduce(&state, .key(.character("h"))) }
                load += try time {
                    for case let .loadHistory(query) in effects { events.append(.historyLoaded(try store.historyPage(query))) }
                }
                reduce += time { for event in events { _ = reducer.reduce(&state, event) } }
                render += time { _ = Renderer.render(state) }
            }
            entries = state.history.total
            phases["open", default: []].append(open)
            phases["load", default: []].append(load)
            phases["reduce", default: []].append(reduce)
            phases["render", default: []].append(render)
        }
        phases["entries"] = [entries]
        try printJSON(phases)
    }
}

Bench.main()
