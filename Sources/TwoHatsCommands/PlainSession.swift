import Foundation
import TwoHatsContent
import TwoHatsCore
import TwoHatsStore
import TwoHatsUI

/// `twohats --plain`: the guided reflection as questions on stdout and answer lines on stdin.
/// The conversation is `PlainConversation`; this prints, reads, and saves every answer as soon
/// as its line is in. The end of the input pauses (status 0); a save that fails stops with status 1.
struct PlainSession {
    let pack: ContentPack
    let store: Store
    let wording: PlainWording
    private let output = PlainOutput()

    init(global: GlobalOptions, pack: ContentPack) throws {
        self.pack = pack
        store = try global.openStore()
        wording = PlainWording(
            pack: pack, timeZone: .current,
            databasePath: global.dataFolder + "/" + Store.fileName,
            resumeCommand: Self.resumeCommand(global)
        )
    }

    func run() throws {
        PlainSignals.install(farewell: wording.interrupted)
        try output.write(wording.intro)
        var conversation = PlainConversation(pack: pack, unfinished: try unfinished())
        try perform(conversation.open(), &conversation)
        try ask(conversation)
        var input = LineReader()
        while conversation.stage != .finished {
            guard let line = input.next() else { return try output.write(wording.paused) }
            let (effects, reply) = conversation.answer(line)
            try perform(effects, &conversation)
            switch reply {
            case .ask: try ask(conversation)
            case .more: break
            case let .problem(problem): try output.write(wording.problem(problem))
            }
        }
    }

    private func ask(_ conversation: PlainConversation) throws {
        if let question = conversation.question { try output.write(wording.question(question)) }
    }

    private func unfinished() throws -> Reflection? {
        do {
            return try store.latestUnfinished().flatMap { summary throws(StoreError) in try store.reflection(id: summary.id) }
        } catch {
            throw Failure(message: "your unfinished reflection could not be read: \(error.description)")
        }
    }

    private func perform(_ effects: [Effect], _ conversation: inout PlainConversation) throws {
        for effect in effects {
            switch effect {
            case .startReflection:
                let reflection = try saving("a new reflection") { () throws(StoreError) in
                    try store.createReflection(id: UUID(), packID: pack.id, packVersion: pack.version, at: Date())
                }
                try perform(conversation.begin(reflection), &conversation)
            case let .save(save):
                try saving(wording.describe(save)) { () throws(StoreError) in try store.apply(save, at: Date()) }
            default:
                break
            }
        }
    }

    /// One save, which a stop signal lets finish; a failure names what was not saved.
    private func saving<T>(_ what: String, _ body: () throws(StoreError) -> T) throws -> T {
        do {
            return try PlainSignals.holding(body)
        } catch {
            throw Failure(message: "\(what) could not be saved: \(error.description)")
        }
    }

    /// `twohats --plain` with the options that point at the same data and pack.
    static func resumeCommand(_ global: GlobalOptions) -> String {
        var words = ["twohats", "--plain"]
        if let folder = global.dataDirectory { words += ["--data-dir", quoted(folder)] }
        if let content = global.contentDirectory { words += ["--content", quoted(content)] }
        return words.joined(separator: " ")
    }

    private static func quoted(_ word: String) -> String {
        let plain = word.allSatisfy { $0.isLetter || $0.isNumber || "/._-~+=:,@".contains($0) }
        return plain && !word.isEmpty ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
