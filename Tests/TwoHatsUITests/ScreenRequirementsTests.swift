import Testing
import TwoHatsCore
import TwoHatsUI

/// What the design asks of every screen, checked on the rendered grid: the selection is
/// shown by a marker and reverse video, and the footer offers help and quit.
@Suite("Screen requirements")
struct ScreenRequirementsTests {
    /// The row holding the selection marker `▸`, when it is drawn in the selection style.
    private func selectedRow(_ grid: Grid) -> String? {
        for (y, line) in grid.lines.enumerated() {
            guard let index = line.firstIndex(of: "▸") else { continue }
            let x = line.distance(from: line.startIndex, to: index)
            if grid[x, y].style == .selection { return line }
        }
        return nil
    }

    private func footer(_ grid: Grid) -> String {
        grid.lines[grid.size.rows - 1]
    }

    @Test(arguments: [Size.standard, .large])
    func selectedMenuEntryIsMarkedAndVisible(size: Size) {
        for (index, item) in MenuItem.allCases.enumerated() {
            let state = Screens.state(size, keys: Array(repeating: .down, count: index))
            let row = selectedRow(Renderer.render(state))
            #expect(row?.contains("[\(item.shortcut)]") == true, "\(item) at \(size)")
        }
    }

    /// On a short terminal the welcome gives way, so every entry of the menu stays on screen.
    @Test func selectedMenuEntryIsVisibleOnANarrowTerminal() {
        for (index, item) in MenuItem.allCases.enumerated() {
            let state = Screens.state(.narrow, keys: Array(repeating: .down, count: index))
            #expect(selectedRow(Renderer.render(state))?.contains("[\(item.shortcut)]") == true, "\(item)")
        }
    }

    @Test(arguments: [Size.standard, .large, .narrow])
    func selectedContrastIsMarkedAndVisible(size: Size) {
        for index in 0..<Screens.pack.contrasts.count {
            let state = Screens.state(size, keys: [.character("b")] + Array(repeating: .down, count: index))
            let title = Screens.pack.contrasts[index].title
            #expect(selectedRow(Renderer.render(state))?.contains(title) == true, "\(title) at \(size)")
        }
    }

    /// Every screen, reached by keys.
    static let screens: [(String, [Key])] = [
        ("home", []), ("browse", [.character("b")]), ("detail", [.character("1")]), ("about", [.character("a")]),
    ]

    @Test func footerOffersHelpAndQuitOnAWideTerminal() {
        for (name, keys) in Self.screens {
            let line = footer(Renderer.render(Screens.state(.large, keys: keys)))
            #expect(line.contains("? help") && line.contains("q quit"), "\(name): \(line)")
        }
    }

    /// The footer keeps room for help and quit, whatever else has to give way.
    @Test func footerOffersHelpAndQuitAtEverySize() {
        for size in [Size.standard, .narrow] {
            for (name, keys) in Self.screens {
                let line = footer(Renderer.render(Screens.state(size, keys: keys)))
                #expect(line.contains("? help") && line.contains("q quit"), "\(name) at \(size): \(line)")
            }
        }
    }

    @Test func footerIsDrawnOnEveryScreenAtEveryUsableSize() {
        for size in [Size.standard, .large, .narrow] {
            for (name, keys) in Self.screens {
                let line = footer(Renderer.render(Screens.state(size, keys: keys)))
                #expect(line.hasPrefix(" ") && line.dropFirst().first != " ", "\(name) at \(size): \(line)")
            }
        }
    }

    /// The scale of each contrast keeps both pole names whole on a narrow terminal: the
    /// track gives way first.
    @Test(arguments: [Size.standard, .narrow, Size(columns: 44, rows: 16)])
    func ratingScaleNamesBothPolesInFull(size: Size) {
        var events: [Event] = [.key(.character("r")), .key(.enter)]
        for contrast in Screens.pack.contrasts {
            let grid = Renderer.render(Screens.session(size, events))
            let scale = grid.lines.first { $0.contains("◀") } ?? ""
            #expect(scale.contains("\(contrast.manager.name) ◀") && scale.contains("▶ \(contrast.leader.name)"), "\(contrast.id) at \(size): \(scale)")
            events += [.key(.enter)] + Array(repeating: .key(.tab), count: contrast.prompts.count)
        }
    }

    /// Help lists every key of the screen, however small the terminal: on a short one the
    /// keys share lines.
    @Test(arguments: [Size.standard, .narrow, Size(columns: 44, rows: 16)])
    func helpListsEveryKey(size: Size) {
        let screens: [(String, AppState)] = Self.screens.map { ($0.0, Screens.state(size, keys: $0.1)) } + [
            ("answer", Screens.session(size, [.key(.character("r")), .key(.enter), .key(.enter)])),
        ]
        for (name, state) in screens {
            var shown = state
            _ = Screens.reducer.reduce(&shown, .key(state.isEditingText ? .function(1) : .character("?")))
            let box = Renderer.render(shown).lines.dropLast().joined(separator: "\n")
            for hint in KeyHints.hints(for: state) {
                #expect(box.contains(hint.keys) && box.contains(hint.action), "\(name) at \(size): \(hint.keys) \(hint.action)\n\(box)")
            }
        }
    }

    /// The steps of a reflection without a text field quit with q as well, and say so.
    @Test(arguments: [Size.standard, .narrow])
    func reflectionFooterOffersHelpAndQuitOutsideTextFields(size: Size) {
        var toReview: [Event] = [.key(.character("r")), .key(.enter)]
        for contrast in Screens.pack.contrasts {
            toReview += [.key(.enter)] + Array(repeating: .key(.tab), count: contrast.prompts.count)
        }
        let steps: [(String, [Event])] = [
            ("intro", [.key(.character("r"))]), ("rating", [.key(.character("r")), .key(.enter)]),
            ("review", toReview), ("focus", toReview + [.key(.tab)]),
            ("summary", toReview + [.key(.tab), .key(.enter), .key(.tab)]),
        ]
        for (name, events) in steps {
            let line = footer(Renderer.render(Screens.session(size, events)))
            #expect(line.contains("? help") && line.contains("q quit"), "\(name) at \(size): \(line)")
        }
    }

    /// The note editor's line of guidance says how to finish at every width: a narrow window
    /// gets the short wording instead of the long one cut off.
    @Test(arguments: [Size.standard, .narrow, Size(columns: 44, rows: 16)])
    func noteGuidanceEndsWholeAtEveryWidth(size: Size) {
        let grid = Renderer.render(Screens.session(size, [.key(.character("1")), .key(.character("n"))]))
        let line = grid.lines.first { $0.contains("Saved as you type.") }?.trimmingCharacters(in: .whitespaces) ?? ""
        #expect(line.hasSuffix("when done.") || line.hasSuffix("when you are done."), "\(size): \(line)")
        #expect(line.contains("Esc"), "\(size): \(line)")
    }

    /// "Please enlarge" names the key that really quits: in a text field q is typed.
    @Test func pleaseEnlargeNamesTheQuitKeyThatWorks() {
        let small = Size(columns: 30, rows: 8)
        let words = { (grid: Grid) in grid.lines.joined(separator: " ").split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        let browsing = words(Renderer.render(Screens.state(small, typing: "b")))
        #expect(browsing.contains("q quits") && !browsing.contains("Ctrl-C"), "\(browsing)")
        var writing = Screens.session(.standard, [.key(.character("1")), .key(.character("n")), .paste("draft")])
        #expect(writing.isEditingText)
        writing.size = small
        let text = words(Renderer.render(writing))
        #expect(text.contains("Ctrl-C quits"), "\(text)")
    }
}
