import Foundation
import TwoHatsContent
import TwoHatsCore
import TwoHatsStore
import TwoHatsTerminal

/// Performs the reducer's effects against the store, the clock and the terminal.
final class EffectRunner: EffectHandler {
    /// What opening the store gave; nil until its first use, which `start` makes right after the first frame.
    private var opened: Result<Store, StoreError>?
    private let openStore: () -> Result<Store, StoreError>
    private let pack: ContentPack
    private let session: TerminalSession?
    private let editor: ExternalEditor
    private var queue = SaveQueue()
    private var isFailing = false
    private var dataVersion: Int?
    private var lastVersionCheck = Date.distantPast

    init(store openStore: @escaping () -> Result<Store, StoreError>, pack: ContentPack, session: TerminalSession?, editor: ExternalEditor) {
        self.openStore = openStore
        self.pack = pack
        self.session = session
        self.editor = editor
    }

    /// The store, opened when first needed. A lock held by another program passes, so a store
    /// that was locked when it was opened is opened again the next time it is needed.
    private var store: Result<Store, StoreError> {
        if let opened, !Self.isLocked(opened) { return opened }
        let result = openStore()
        opened = result
        return result
    }

    private static func isLocked(_ result: Result<Store, StoreError>?) -> Bool {
        if case .failure(.busy)? = result { true } else { false }
    }

    /// What the app needs to know at start: the time zone and what the store holds. Runs
    /// after the first frame, so the housekeeping of a killed session waits here too.
    func start() -> [Event] {
        editor.cleanLeftovers()
        return [.timeZoneFound(.current)] + opening()
    }

    /// What the app learns when the store opens: an unfinished reflection to offer, and the stats.
    private func opening() -> [Event] {
        switch store {
        case .success: perform(.loadResumable) + perform(.loadStats)
        case let .failure(error): [.storeFailed(error.description)]
        }
    }

    func perform(_ effect: Effect) -> [Event] {
        switch effect {
        case .quit:
            return []
        case let .save(save):
            queue.add(save, at: Date())
            return []
        case .flush:
            return flush()
        case let .editExternally(text):
            guard let session else { return [] }
            return [session.handOver { editor.edit(text) }]
        default:
            return read(effect)
        }
    }

    func idle() -> [Event] {
        let now = Date()
        return (queue.isDue(at: now) ? flush() : []) + changesElsewhere(at: now)
    }

    /// Once a second: did another copy of TwoHats write to the same file?
    private func changesElsewhere(at now: Date) -> [Event] {
        // `opened`, not `store`: a locked store is opened again on the user's next step, not every second.
        guard now.timeIntervalSince(lastVersionCheck) >= 1, case let .success(store)? = opened,
              let version = try? store.dataVersion() else { return [] }
        lastVersionCheck = now
        defer { dataVersion = version }
        return dataVersion.map { $0 != version } == true ? [.changedElsewhere] : []
    }

    /// Writes every pending save. A failure keeps the save for a retry and says so on screen;
    /// after a lock, the saves behind it are kept unwritten, as each would wait for it again.
    func flush() -> [Event] {
        guard !queue.isEmpty else { return [] }
        let saves = queue.take()
        var failed: [Save] = []
        var problem: StoreError?
        for (index, save) in saves.enumerated() {
            do {
                try write(save)
            } catch {
                problem = error
                if case .busy = error {
                    failed += saves[index...]
                    break
                }
                failed.append(save)
            }
        }
        if let problem {
            queue.retry(failed, at: Date())
            isFailing = true
            return [.storeFailed("Not saved yet, retrying: \(problem.description)")]
        }
        if isFailing {
            isFailing = false
            return [.storeRecovered]
        }
        return []
    }

    private func write(_ save: Save) throws(StoreError) {
        try store.get().apply(save, at: Date())
    }

    /// Effects that read from or change the store at once and answer with what they found.
    private func read(_ effect: Effect) -> [Event] {
        let wasLocked = Self.isLocked(opened)
        let current = store
        if wasLocked, case .success = current {
            // Opened at last: what opening the store at start would have loaded comes first.
            return [.storeRecovered] + opening() + read(effect)
        }
        do {
            let store = try current.get()
            switch effect {
            case .startReflection:
                return [.reflectionReady(try store.createReflection(id: UUID(), packID: pack.id, packVersion: pack.version, at: Date()))]
            case let .loadReflection(id, forReading):
                _ = flush()
                guard let reflection = try store.reflection(id: id) else {
                    return [.externalEditFailed("That reflection is no longer there; it may have been deleted in another window.")]
                }
                return [forReading ? .reflectionLoaded(reflection) : .reflectionReady(reflection)]
            case let .loadHistory(query):
                _ = flush()
                return [.historyLoaded(try store.historyPage(query))]
            case .loadStats:
                return [.statsLoaded(try store.stats())]
            case .loadResumable:
                return [.resumableLoaded(try store.latestUnfinished())]
            case let .createNote(contrastID):
                return [.noteReady(try store.createNote(id: UUID(), contrastID: contrastID, at: Date()))]
            case let .deleteReflection(id):
                try store.deleteReflection(id: id)
            case let .deleteNote(id):
                try store.deleteNote(id: id)
            case .quit, .save, .flush, .editExternally:
                break
            }
            return []
        } catch {
            return [.storeFailed(error.description)]
        }
    }
}
