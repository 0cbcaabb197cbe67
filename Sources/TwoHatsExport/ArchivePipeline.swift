import Foundation

/// Reading an export and writing it out, each on a core of its own: `write` runs on a thread of
/// its own against a stand-in source, while the calling thread serves the stand-in's requests
/// from `source` (the store, whose connection stays on the thread that opened the read). Each
/// side took about half of an export of ten thousand reflections.
public enum ArchivePipeline {
    /// How many batches may wait between the two sides, and how many reflections or notes
    /// make a batch: handing them over one by one cost more in locking than it saved.
    static let depth = 4
    static let batch = 256

    /// With `freesOnSource`, the batches the writer is done with are freed on this thread: in
    /// an import the writer is the slower side, and freeing the reflections it had merged took
    /// 0.15 G of its 4.3 G instructions.
    public static func run(
        _ source: any ArchiveSource, freesOnSource: Bool = false, _ write: @escaping (any ArchiveSource) throws -> Void
    ) throws {
        let handoff = Handoff(freesOnSource: freesOnSource)
        let writer = Unchecked(write)
        let finished = DispatchSemaphore(value: 0)
        let thread = Thread {
            defer { finished.signal() }
            do {
                try writer.value(Relay(handoff: handoff))
                handoff.finish(nil)
            } catch {
                handoff.finish(error)
            }
        }
        thread.start()
        serve(source, handoff)
        finished.wait()
        if let failure = handoff.failure { throw failure.value }
    }

    /// Hands what `forEach` yields to the writer in batches, then the end of the list.
    private static func send<Element>(
        to handoff: Handoff, as reply: @escaping ([Element]) -> Item, _ forEach: ((Element) throws -> Void) throws -> Void
    ) throws {
        var items: [Element] = []
        try forEach {
            items.append($0)
            if items.count == batch {
                try handoff.put(reply(items))
                items.removeAll(keepingCapacity: true)
            }
        }
        try handoff.put(reply(items))
        try handoff.put(.end)
    }

    /// Answers requests until the writer is done; a failure of the source goes to the writer,
    /// whose read then throws it.
    private static func serve(_ source: any ArchiveSource, _ handoff: Handoff) {
        while let request = handoff.nextRequest() {
            do {
                switch request {
                case .counts:
                    let counts = try source.counts()
                    try handoff.put(.counts(reflections: counts.reflections, notes: counts.notes))
                case let .reflections(oldestFirst, ratingsOnly):
                    try send(to: handoff, as: Item.reflections) {
                        try source.forEachReflection(oldestFirst: oldestFirst, ratingsOnly: ratingsOnly, $0)
                    }
                case .notes:
                    try send(to: handoff, as: Item.notes, source.forEachNote)
                }
            } catch is Handoff.Closed {
                return
            } catch {
                try? handoff.put(.failed(Unchecked(error)))
            }
        }
    }
}

/// A value handed to the other thread while this one no longer touches it.
private struct Unchecked<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

private enum Request {
    case counts
    case reflections(oldestFirst: Bool, ratingsOnly: Bool)
    case notes
}

private enum Item {
    case counts(reflections: Int, notes: Int)
    case reflections([ArchivedReflection])
    case notes([ArchivedNote])
    case end
    case failed(Unchecked<any Error>)
}

/// The queues between the two threads, under one condition lock.
private final class Handoff: @unchecked Sendable {
    struct Closed: Error {}

    private let condition = NSCondition()
    private let freesOnSource: Bool
    private var spent: [Item] = []
    private var requests: [Request] = []
    /// Waiting, oldest first; a batch leaves as it is taken, so that the writer's reference
    /// is the last (or, with `freesOnSource`, the one in `spent`).
    private var items: [Item] = []
    private var done = false
    private(set) var failure: Unchecked<any Error>?

    init(freesOnSource: Bool) {
        self.freesOnSource = freesOnSource
    }

    /// The writer's next request, or nil once it has finished.
    func nextRequest() -> Request? {
        condition.lock()
        defer { condition.unlock() }
        while requests.isEmpty && !done { condition.wait() }
        return done ? nil : requests.removeFirst()
    }

    func ask(_ request: Request) {
        condition.lock()
        requests.append(request)
        condition.broadcast()
        condition.unlock()
    }

    /// Waits while the writer is `ArchivePipeline.depth` batches behind; throws once it has finished.
    func put(_ item: Item) throws {
        condition.lock()
        while items.count >= ArchivePipeline.depth && !done { condition.wait() }
        guard !done else {
            condition.unlock()
            throw Closed()
        }
        items.append(item)
        condition.broadcast()
        var used: [Item] = []
        swap(&used, &spent)
        condition.unlock()
        // The last references to what the writer used go here, outside the lock.
        withExtendedLifetime(used) {}
    }

    /// Hands a batch the writer is done with back to be freed by the source (`freesOnSource`).
    func recycle(_ item: Item) {
        guard freesOnSource else { return }
        condition.lock()
        spent.append(item)
        condition.unlock()
    }

    func take() -> Item {
        condition.lock()
        defer { condition.unlock() }
        while items.isEmpty { condition.wait() }
        let item = items.removeFirst()
        condition.broadcast()
        return item
    }

    func finish(_ error: (any Error)?) {
        condition.lock()
        done = true
        failure = error.map(Unchecked.init)
        condition.broadcast()
        condition.unlock()
    }
}

/// The source the writer sees: each call asks the serving thread and reads what it sends back.
private struct Relay: ArchiveSource {
    let handoff: Handoff

    func counts() throws -> (reflections: Int, notes: Int) {
        handoff.ask(.counts)
        switch handoff.take() {
        case let .counts(reflections, notes): return (reflections, notes)
        case let .failed(error): throw error.value
        default: preconditionFailure("an answer out of turn")
        }
    }

    func forEachReflection(oldestFirst: Bool, ratingsOnly: Bool, _ body: (ArchivedReflection) throws -> Void) throws {
        handoff.ask(.reflections(oldestFirst: oldestFirst, ratingsOnly: ratingsOnly))
        while true {
            switch handoff.take() {
            case let .reflections(reflections):
                for reflection in reflections { try body(reflection) }
                handoff.recycle(.reflections(reflections))
            case .end: return
            case let .failed(error): throw error.value
            default: preconditionFailure("an answer out of turn")
            }
        }
    }

    func forEachNote(_ body: (ArchivedNote) throws -> Void) throws {
        handoff.ask(.notes)
        while true {
            switch handoff.take() {
            case let .notes(notes):
                for note in notes { try body(note) }
                handoff.recycle(.notes(notes))
            case .end: return
            case let .failed(error): throw error.value
            default: preconditionFailure("an answer out of turn")
            }
        }
    }
}
