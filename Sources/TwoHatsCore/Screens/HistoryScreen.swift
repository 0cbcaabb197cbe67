import Foundation
import TwoHatsContent

/// The list of reflections and notes, newest first, with read-only viewing, editing,
/// deleting (after y/n) and a text filter.
enum HistoryScreen {
    static func open(_ state: inout AppState) -> [Effect] {
        state.history = HistoryState()
        state.push(.history)
        return [reload(state)]
    }

    /// Reads the window around the selection again, for the filter as it is now.
    static func reload(_ state: AppState) -> Effect {
        let window = state.history.window(rows: state.size.rows)
        return .loadHistory(HistoryQuery(filter: state.history.storeFilter(state.pack), offset: window.offset, limit: window.limit))
    }

    static func load(_ page: HistoryPage, into state: inout AppState) -> [Effect] {
        // A page for a filter typed over since is stale; the one for the new filter follows it.
        guard page.query.filter == state.history.storeFilter(state.pack) else { return [] }
        state.history.entries = page.entries
        state.history.offset = page.query.offset
        state.history.total = page.total
        state.history.isLoaded = true
        state.history.selection = min(state.history.selection, max(0, page.total - 1))
        let next = reload(state)
        return state.history.covers(rows: state.size.rows) || next == .loadHistory(page.query) ? [] : [next]
    }

    /// After the selection moved or the screen grew: the next window, once the screen would
    /// show rows beyond the loaded one.
    static func follow(_ state: AppState) -> [Effect] {
        guard state.history.isLoaded, !state.history.covers(rows: state.size.rows) else { return [] }
        return [reload(state)]
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
        let last = max(0, state.history.total - 1)
        switch key {
        case .up, .character("k"):
            state.history.selection = max(0, state.history.selection - 1)
            return follow(state)
        case .down, .character("j"):
            state.history.selection = min(last, state.history.selection + 1)
            return follow(state)
        case .home, .pageUp:
            state.history.selection = 0
            return follow(state)
        case .end, .pageDown:
            state.history.selection = last
            return follow(state)
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
        state.history.entry(at: state.history.selection)
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
        let before = state.history.entries.count
        state.history.entries.removeAll { $0.id == id }
        state.history.total -= before - state.history.entries.count
        state.history.selection = min(state.history.selection, max(0, state.history.total - 1))
        if state.resumable?.id == id { state.resumable = nil }
        state.status = Status("Deleted.")
        return effects + [reload(state), .loadStats]
    }

    private static func filter(_ key: Key, _ state: inout AppState) -> [Effect] {
        switch key {
        case .escape:
            state.history.filter = ""
            state.history.isFiltering = false
        case .enter:
            state.history.isFiltering = false
            return []
        case .backspace:
            if !state.history.filter.isEmpty { state.history.filter.removeLast() }
        case .control("w"), .control("u"):
            state.history.filter = ""
        case let .character(character):
            state.history.filter.append(character)
        default:
            return []
        }
        return refilter(&state)
    }

    /// The filter changed: back to the newest entry that matches it.
    static func refilter(_ state: inout AppState) -> [Effect] {
        state.history.selection = 0
        return [reload(state)]
    }
}

extension HistoryState {
    /// The filter as the store applies it; nil while it is blank.
    func storeFilter(_ pack: ContentPack) -> HistoryFilter? {
        let needle = filter.trimmingCharacters(in: .whitespaces)
        guard !needle.isEmpty else { return nil }
        return HistoryFilter(needle: needle, titles: Dictionary(pack.contrasts.map { ($0.id, $0.title) }) { first, _ in first })
    }

    /// Entry `index` of those that match, when it is in the loaded window.
    public func entry(at index: Int) -> HistoryEntry? {
        let local = index - offset
        return entries.indices.contains(local) ? entries[local] : nil
    }

    /// Three screens around the selection, so that a screen's worth of moves either way
    /// needs no read.
    func window(rows: Int) -> (offset: Int, limit: Int) {
        let limit = max(3 * rows, 60)
        return (max(0, selection - limit / 2), limit)
    }

    /// Whether every row a screen of `rows` could show around the selection is loaded.
    func covers(rows: Int) -> Bool {
        let low = max(0, selection - rows)
        let high = min(total, selection + rows + 1)
        return low >= offset && high <= offset + entries.count
    }
}
