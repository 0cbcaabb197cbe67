import Foundation
import TwoHatsContent
import TwoHatsCore

/// Answers the reducer's effects the way the app's runner does, from memory: a store of
/// reflections and notes, ids from a counter and a clock that ticks a minute per effect.
struct FakeWorld {
    private(set) var reflections: [UUID: Reflection] = [:]
    private(set) var notes: [UUID: Note] = [:]
    private var counter = 0
    private var now = Date(timeIntervalSince1970: 1_795_000_000)
    let pack: ContentPack

    init(pack: ContentPack) {
        self.pack = pack
    }

    mutating func perform(_ effect: Effect) -> [Event] {
        now += 60
        switch effect {
        case .quit, .flush:
            return []
        case .startReflection:
            let reflection = Reflection(id: nextID(), packID: pack.id, packVersion: pack.version, createdAt: now)
            reflections[reflection.id] = reflection
            return [.reflectionReady(reflection)]
        case let .loadReflection(id, forReading):
            guard let reflection = reflections[id] else { return [.storeFailed("gone")] }
            return [forReading ? .reflectionLoaded(reflection) : .reflectionReady(reflection)]
        case let .save(save):
            apply(save)
            return []
        case let .loadHistory(query):
            let matching = (summaries.map(HistoryEntry.reflection) + notes.values.map(HistoryEntry.note)).sorted { $0.date > $1.date }.filter { entry in
                guard let filter = query.filter else { return true }
                switch entry {
                case let .reflection(summary): return filter.matchesReflection(complete: summary.completedAt != nil)
                case let .note(note): return filter.matchesNote(contrastID: note.contrastID, text: note.text)
                }
            }
            let window = matching.dropFirst(query.offset).prefix(query.limit)
            return [.historyLoaded(HistoryPage(query: query, total: matching.count, entries: Array(window)))]
        case .loadStats:
            return [.statsLoaded([:])]
        case .loadResumable:
            return [.resumableLoaded(summaries.first { $0.completedAt == nil })]
        case let .createNote(contrastID):
            let note = Note(id: nextID(), contrastID: contrastID, text: "", createdAt: now)
            notes[note.id] = note
            return [.noteReady(note)]
        case let .deleteReflection(id):
            reflections[id] = nil
            return []
        case let .deleteNote(id):
            notes[id] = nil
            return []
        case let .editExternally(text):
            return [.externalEditFinished(text + "\nfrom the editor 日本")]
        }
    }

    private var summaries: [ReflectionSummary] {
        reflections.values.sorted { $0.updatedAt > $1.updatedAt }.map {
            ReflectionSummary(id: $0.id, createdAt: $0.createdAt, updatedAt: $0.updatedAt, completedAt: $0.completedAt, ratings: $0.ratings, step: $0.position.step)
        }
    }

    private mutating func apply(_ save: Save) {
        switch save {
        case let .rating(id, contrastID, value): reflections[id]?.ratings[contrastID] = value
        case let .answer(id, key, _, text): reflections[id]?.answers[key] = text
        case let .position(id, position): reflections[id]?.position = position
        case let .commitment(id, commitment): reflections[id]?.commitment = commitment
        case let .complete(id): reflections[id]?.completedAt = now
        case let .note(id, lines): notes[id]?.text = lines.text
        }
        if case let .note(id, _) = save { notes[id]?.updatedAt = now } else if let id = save.reflectionID { reflections[id]?.updatedAt = now }
    }

    private mutating func nextID() -> UUID {
        counter += 1
        return UUID(uuidString: String(format: "00000000-0000-0000-0000-%012d", counter))!
    }
}

private extension Save {
    var reflectionID: UUID? {
        switch self {
        case let .rating(id, _, _), let .answer(id, _, _, _), let .position(id, _), let .commitment(id, _), let .complete(id): id
        case .note: nil
        }
    }
}
