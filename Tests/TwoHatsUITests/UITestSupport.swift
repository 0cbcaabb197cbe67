import SnapshotTesting
import Testing
import TwoHatsContent
import TwoHatsDefaultPack
import TwoHatsCore
import TwoHatsUI

/// States reached the way a user reaches them: keys through the real reducer and measure.
enum Screens {
    static let pack = PackLoader.defaultPack()

    static let reducer = AppReducer(measure: Renderer.measure)
    static let dataFolder = "/home/ada/.local/share/twohats"

    /// A fresh app at `size` after `keys`; none of them may quit.
    static func state(
        _ size: Size, keys: [Key] = [], sourceLocation: SourceLocation = #_sourceLocation
    ) -> AppState {
        var state = AppState(pack: pack, size: size, dataFolder: dataFolder)
        for key in keys {
            let effects = reducer.reduce(&state, .key(key))
            #expect(effects.isEmpty, "\(key) should not quit", sourceLocation: sourceLocation)
        }
        return state
    }

    /// A fresh app at `size` after `events`, each with its effects answered by a fake store
    /// before the next, as the run loop does.
    static func session(_ size: Size, _ events: [Event]) -> AppState {
        var state = AppState(pack: pack, size: size, dataFolder: dataFolder)
        var world = FakeWorld(pack: pack)
        for event in events {
            var queue = [event]
            while !queue.isEmpty {
                for effect in reducer.reduce(&state, queue.removeFirst()) { queue += world.perform(effect) }
            }
        }
        return state
    }

    static func state(
        _ size: Size, typing text: String, sourceLocation: SourceLocation = #_sourceLocation
    ) -> AppState {
        state(size, keys: text.map(Key.character), sourceLocation: sourceLocation)
    }
}

extension Size {
    static let standard = Size(columns: 80, rows: 24)
    static let large = Size(columns: 120, rows: 40)
    static let narrow = Size(columns: 40, rows: 12)
}

extension Grid {
    /// The style of every cell as one character per cell, a row per line.
    var styleLines: [String] {
        (0..<size.rows).map { y in
            String((0..<size.columns).map { x in self[x, y].style.rawValue })
        }
    }

    /// Whether row `y` holds nothing but blank cells.
    func isBlank(row y: Int) -> Bool {
        (0..<size.columns).allSatisfy { self[$0, y].text == " " }
    }

    /// The text rows, a blank line, then the style map: what a golden snapshot holds.
    var snapshotText: String {
        (lines + [""] + styleLines).joined(separator: "\n") + "\n"
    }

    /// Problems that would tear the screen: a wide character without its continuation cell,
    /// a continuation without its wide character, or a cell whose text is not one drawable unit.
    var tears: [String] {
        var found: [String] = []
        for y in 0..<size.rows {
            for x in 0..<size.columns {
                let cell = self[x, y]
                switch cell.width {
                case 2:
                    if x + 1 >= size.columns || self[x + 1, y].width != 0 {
                        found.append("wide '\(cell.text)' at \(x),\(y) has no continuation")
                    }
                case 0:
                    if x == 0 || self[x - 1, y].width != 2 || !cell.text.isEmpty {
                        found.append("stray continuation at \(x),\(y)")
                    }
                case 1:
                    // Printable ASCII, by far the most common cell, is one column and safe.
                    let utf8 = cell.text.utf8
                    if utf8.count == 1, let byte = utf8.first, (0x20..<0x7F).contains(byte) { continue }
                    if cell.text.isEmpty || DisplayWidth.of(cell.text) != 1 {
                        found.append("cell '\(cell.text)' at \(x),\(y) is not one column wide")
                    }
                default:
                    found.append("cell at \(x),\(y) has width \(cell.width)")
                }
                if cell.text.unicodeScalars.contains(where: TextSafety.isUnsafe) {
                    found.append("unsafe text in cell at \(x),\(y)")
                }
            }
        }
        return found
    }
}

extension Snapshotting where Value == Grid, Format == String {
    /// A grid as its text rows, a blank line and its style map (see `Grid.snapshotText`).
    static var grid: Snapshotting {
        Snapshotting<String, String>.lines.pullback(\.snapshotText)
    }
}
