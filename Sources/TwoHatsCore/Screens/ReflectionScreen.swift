import Foundation
import TwoHatsContent

/// The guided reflection: intro, a rating and prompts per contrast, review, focus,
/// commitment and summary. Every change is saved as it happens.
enum ReflectionScreen {
    static func open(_ reflection: Reflection, in state: inout AppState) -> [Effect] {
        var session = ReflectionSession(reflection: reflection, pack: state.pack)
        session.focusSelection = reflection.commitment
            .flatMap { commitment in state.pack.contrasts.firstIndex { $0.id == commitment.contrastID } }
            ?? session.suggestedFocus(in: state.pack)
        session.editor = TextEditor(
            text: session.text(of: session.currentStep, in: state.pack),
            line: reflection.position.line, column: reflection.position.column
        )
        if state.route != .reflection { state.push(.reflection) }
        state.reflection = session
        state.resumable = nil
        return []
    }

    static func reduce(_ state: inout AppState, _ key: Key, measure: Measure) -> [Effect] {
        guard let session = state.reflection else { return state.back() }
        let confirms = key == .tab || key == .control("s")
        switch session.currentStep {
        case let .rating(contrast) where confirms:
            return rate(contrast, .enter, &state)
        case .focus where confirms:
            return focus(.enter, &state)
        default:
            break
        }
        switch key {
        case .tab, .control("s"):
            return go(to: session.step + 1, &state)
        case .backTab:
            return go(to: session.step - 1, &state)
        case .escape:
            return pause(&state)
        default:
            break
        }
        switch session.currentStep {
        case .intro:
            return key == .enter ? go(to: session.step + 1, &state) : scroll(key, &state, measure: measure)
        case let .rating(contrast):
            return rate(contrast, key, &state)
        case .answer, .commitment:
            if key == .control("e") { return [.editExternally(session.editor.text)] }
            return TextInput.key(key, in: &state, measure: measure)
        case .review:
            return review(key, &state)
        case .focus:
            return focus(key, &state)
        case .summary:
            return key == .enter ? finish(&state) : scroll(key, &state, measure: measure)
        }
    }

    private static func scroll(_ key: Key, _ state: inout AppState, measure: Measure) -> [Effect] {
        guard let offset = state.reflection?.scroll, let target = measure(state).scroll(offset, by: key) else { return [] }
        state.reflection?.scroll = target
        return []
    }

    /// Moves to another step; leaving the commitment for the summary completes the reflection.
    static func go(to target: Int, _ state: inout AppState) -> [Effect] {
        guard var session = state.reflection else { return [] }
        let step = min(max(0, target), session.steps.count - 1)
        guard step != session.step else { return [] }
        var effects: [Effect] = []
        if session.steps[step] == .summary {
            effects.append(.save(.complete(reflection: session.reflection.id)))
        }
        if session.steps[step] == .focus, session.reflection.commitment == nil {
            session.focusSelection = session.suggestedFocus(in: state.pack)
        }
        session.step = step
        session.scroll = 0
        session.editor = TextEditor(text: session.text(of: session.currentStep, in: state.pack), line: .max, column: .max)
        state.reflection = session
        return effects + [.save(.position(reflection: session.reflection.id, session.position)), .flush]
    }

    private static func pause(_ state: inout AppState) -> [Effect] {
        let effects = state.keepPosition() + [.flush, .loadResumable, .loadStats]
        state.reflection = nil
        state.routes = [.home]
        state.homeSelection = .reflect
        state.status = Status("Paused. Everything you wrote is saved; press r to resume.")
        return effects
    }

    private static func finish(_ state: inout AppState) -> [Effect] {
        state.reflection = nil
        state.routes = [.home]
        state.homeSelection = .history
        return [.flush, .loadResumable, .loadStats]
    }

    private static func rate(_ contrast: Int, _ key: Key, _ state: inout AppState) -> [Effect] {
        guard var session = state.reflection else { return [] }
        let id = state.pack.contrasts[contrast].id
        let current = session.reflection.ratings[id]
        let marker = current ?? 4
        var value: Int?
        switch key {
        case .left, .character("h"): value = marker - 1
        case .right, .character("l"): value = marker + 1
        case .home: value = Reflection.ratingRange.lowerBound
        case .end: value = Reflection.ratingRange.upperBound
        case let .character(character):
            if let digit = character.wholeNumberValue, Reflection.ratingRange.contains(digit) { value = digit }
        case .enter:
            if current == nil { value = marker }
            var effects: [Effect] = []
            if let value {
                session.reflection.ratings[id] = value
                state.reflection = session
                effects.append(.save(.rating(reflection: session.reflection.id, contrastID: id, value: value)))
            }
            return effects + go(to: session.step + 1, &state)
        default:
            break
        }
        guard let value else { return [] }
        let clamped = min(max(value, Reflection.ratingRange.lowerBound), Reflection.ratingRange.upperBound)
        session.reflection.ratings[id] = clamped
        state.reflection = session
        return [.save(.rating(reflection: session.reflection.id, contrastID: id, value: clamped))]
    }

    private static func review(_ key: Key, _ state: inout AppState) -> [Effect] {
        guard var session = state.reflection else { return [] }
        let targets = session.reviewTargets
        switch key {
        case .up, .character("k"): session.reviewSelection = max(0, session.reviewSelection - 1)
        case .down, .character("j"): session.reviewSelection = min(targets.count - 1, session.reviewSelection + 1)
        case .home: session.reviewSelection = 0
        case .end: session.reviewSelection = targets.count - 1
        case .enter:
            return go(to: targets[session.reviewSelection], &state)
        default: return []
        }
        state.reflection = session
        return []
    }

    private static func focus(_ key: Key, _ state: inout AppState) -> [Effect] {
        guard var session = state.reflection else { return [] }
        let last = state.pack.contrasts.count - 1
        switch key {
        case .up, .character("k"): session.focusSelection = max(0, session.focusSelection - 1)
        case .down, .character("j"): session.focusSelection = min(last, session.focusSelection + 1)
        case .enter:
            let commitment = session.commitment(focus: session.focusSelection, in: state.pack)
            session.reflection.commitment = commitment
            state.reflection = session
            return [.save(.commitment(reflection: session.reflection.id, commitment))] + go(to: session.step + 1, &state)
        default:
            if let index = state.contrastIndex(for: key) { session.focusSelection = index } else { return [] }
        }
        state.reflection = session
        return []
    }
}
