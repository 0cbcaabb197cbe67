import Foundation
import TwoHatsContent

/// The list of reflections and notes, newest first, with read-only viewing, editing,
/// deleting (after y/n) and a text filter.
enum HistoryScreen {
    static func load(reflections: [ReflectionSummary], notes: [Note], into state: inout AppState) {
        state.history.entries = HistoryEntry.newestFirst(reflections: reflections, notes: notes)
        state.history.isLoaded = true
        state.history.selection = min(state.history.selection, max(0, state.history.visible(state.pack).count - 1))
    }

    static func show(_ entry: OpenEntry, in state: inout AppState) -> [Effect] {
        state.history.open = entry
        state.history.scroll = 0
        state.history.confirmingDelete = false
        if state.route != .entry { state.push(.entry) }
        return []
    }

    static func reduce(_ state: inout AppState, _ key: Key) -> [Effect] {
        if state.history.isFiltering { return filter(key, &state) }
        if state.history.confirmingDelete { return confirmDelete(key, &state) }
        let visible = state.history.visible(state.pack)
        let last = max(0, visible.count - 1)
        switch key {
        case .up, .character("k"): state.history.selection = max(0, state.history.selection - 1)
        case .down, .character("j"): state.history.selection = min(last, state.history.selection + 1)
        case .home, .pageUp: state.history.selection = 0
        case .end, .pageDown: state.history.selection = last
        case .character("/"):
            state.history.isFiltering = true
        case .escape:
            return state.back()
        case .enter:
            guard let entry = selected(state) else { return [] }
            switch entry {
            case let .note(note): return show(.note(note), in: &state)
            case let .reflection(summary): return [.loadReflection(summary.id, forReading: true)]
            }
        case .character("e"):
            guard let entry = selected(state) else { return [] }
            return edit(entry, &state)
        case .character("d"):
            if selected(state) != nil { state.history.confirmingDelete = true }
        default:
            break
        }
        return []
    }

    /// The read-only view of one entry.
    static func reduceEntry(_ state: inout AppState, _ key: Key, measure: Measure) -> [Effect] {
        guard let open = state.history.open else { return state.back() }
        if state.history.confirmingDelete { return confirmDelete(key, &state) }
        switch key {
        case .escape:
            state.history.open = nil
            return state.back()
        case .character("e"):
            switch open {
            case let .note(note): return edit(.note(note), &state)
            case let .reflection(reflection):
                return edit(.reflection(ReflectionSummary(
                    id: reflection.id, createdAt: reflection.createdAt, updatedAt: reflection.updatedAt,
                    completedAt: reflection.completedAt, ratings: reflection.ratings, step: reflection.position.step
                )), &state)
            }
        case .character("d"):
            state.history.confirmingDelete = true
        default:
            if let offset = measure(state).scroll(state.history.scroll, by: key) {
                state.history.scroll = offset
            }
        }
        return []
    }

    private static func selected(_ state: AppState) -> HistoryEntry? {
        let visible = state.history.visible(state.pack)
        return visible.indices.contains(state.history.selection) ? visible[state.history.selection] : nil
    }

    private static func edit(_ entry: HistoryEntry, _ state: inout AppState) -> [Effect] {
        switch entry {
        case let .note(note):
            state.note = NoteSession(note: note)
            state.push(.note)
            return []
        case let .reflection(summary):
            guard summary.completedAt == nil else {
                state.status = Status("A finished reflection is kept as it was; start a new one with r from home.")
                return []
            }
            state.routes = [.home]
            return [.loadReflection(summary.id, forReading: false)]
        }
    }

    private static func confirmDelete(_ key: Key, _ state: inout AppState) -> [Effect] {
        state.history.confirmingDelete = false
        guard key == .character("y") || key == .character("Y") else {
            state.status = Status("Nothing was deleted.")
            return []
        }
        let id: UUID?
        var effects: [Effect]
        if state.route == .entry, let open = state.history.open {
            switch open {
            case let .note(note): id = note.id; effects = [.deleteNote(note.id)]
            case let .reflection(reflection): id = reflection.id; effects = [.deleteReflection(reflection.id)]
            }
            state.history.open = nil
            effects = state.back() + effects
        } else if let entry = selected(state) {
            id = entry.id
            switch entry {
            case let .note(note): effects = [.deleteNote(note.id)]
            case let .reflection(summary): effects = [.deleteReflection(summary.id)]
            }
        } else {
            return []
        }
        state.history.entries.removeAll { $0.id == id }
        state.history.selection = min(state.history.selection, max(0, state.history.visible(state.pack).count - 1))
        if state.resumable?.id == id { state.resumable = nil }
        state.status = Status("Deleted.")
        return effects + [.loadStats]
    }

    private static func filter(_ key: Key, _ state: inout AppState) -> [Effect] {
        switch key {
        case .escape:
            state.history.filter = ""
            state.history.isFiltering = false
        case .enter:
            state.history.isFiltering = false
        case .backspace:
            if !state.history.filter.isEmpty { state.history.filter.removeLast() }
        case .control("w"), .control("u"):
            state.history.filter = ""
        case let .character(character):
            state.history.filter.append(character)
        default:
            return []
        }
        state.history.selection = 0
        return []
    }
}

extension HistoryState {
    /// The entries that match the filter: a note's text or the title of its contrast, a
    /// reflection's status; case and accents are ignored.
    public func visible(_ pack: ContentPack) -> [HistoryEntry] {
        let needle = filter.trimmingCharacters(in: .whitespaces)
        guard !needle.isEmpty else { return entries }
        return entries.filter { entry in
            let haystack: String
            switch entry {
            case let .note(note):
                let title = pack.contrasts.first { $0.id == note.contrastID }?.title ?? ""
                haystack = "note \(title) \(note.text)"
            case let .reflection(summary):
                haystack = "reflection " + (summary.completedAt == nil ? "in progress" : "complete")
            }
            return haystack.range(of: needle, options: [.caseInsensitive, .diacriticInsensitive]) != nil
        }
    }
}
