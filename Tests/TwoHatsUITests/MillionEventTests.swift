import Foundation
import PropertyBased
import Testing
import TwoHatsCore
import TwoHatsUI

/// A million seeded random events (keys, Esc and control keys, pastes, resizes down to 1x1,
/// store results) through the reducer in sessions of random length, the state checked after
/// every event and the frame drawn and checked after every resize and every 500th event. At this
/// count the real measure (laying out the whole page on every event) would take twenty
/// minutes in a debug build, so the reducer measures with `Layout.measure`, which scrolls
/// and sizes fields by the terminal's size as the real one does; RandomEventTests covers the
/// real layout. The parts run in parallel; a failure names its part, session and step, which
/// replay from the seed.
@Suite("A million random events")
struct MillionEventTests {
    static let parts = 8
    /// TWOHATS_RANDOM_EVENTS sets a smaller total where code runs slower (make sanitize).
    static let eventsPerPart = (ProcessInfo.processInfo.environment["TWOHATS_RANDOM_EVENTS"].flatMap { Int($0) } ?? 1_000_000) / parts
    static let reducer = AppReducer(measure: Layout.measure)

    @Test(arguments: 0..<parts)
    func part(_ part: Int) {
        var random = Xoshiro(seed: (0x7EA5_0001, UInt64(part), 0x2_4A75, 0x0000_0006))
        var events = 0
        var session = 0
        while events < Self.eventsPerPart {
            let length = min(Self.eventsPerPart - events, Int.random(in: 1...3_000, using: &random))
            var state = AppState(pack: Screens.pack, size: RandomEvents.size(using: &random), dataFolder: Screens.dataFolder)
            var world = FakeWorld(pack: Screens.pack)
            for step in 0..<length {
                let event = RandomEvents.event(using: &random)
                RandomEventTests.apply(event, to: &state, in: &world, reducer: Self.reducer)
                let draw: Bool = if case .resize = event { true } else { (events + step) % 500 == 0 }
                let problems = RandomEventTests.problems(in: state, measure: Layout.measure, drawing: draw)
                if !problems.isEmpty {
                    Issue.record("part \(part) session \(session) step \(step), after \(event) at \(state.size) on \(state.route): \(problems)")
                    return
                }
            }
            events += length
            session += 1
        }
        #expect(events == Self.eventsPerPart)
    }
}

/// A stand-in for Renderer.measure that costs nothing: pages as long as the text would be at
/// this width, and a text field filling the terminal but for the chrome.
enum Layout {
    static func measure(_ state: AppState) -> Viewport {
        let columns = max(1, state.size.columns), visible = max(1, state.size.rows - 5)
        let content = switch state.route {
        case .detail: 6_000 / columns + 20
        case .about: 4_000 / columns + 10
        case .entry: 3_000 / columns + 15
        case .reflection: 1_200 / columns + 8
        case .home, .browse, .history, .note: 0
        }
        return Viewport(
            contentRows: content, visibleRows: visible,
            field: Size(columns: max(1, columns - 4), rows: max(1, state.size.rows - 9))
        )
    }
}

/// What a person, a terminal and the store can send, drawn straight from a generator (no
/// shrinking: a million events need the cheapest path).
enum RandomEvents {
    static let keys: [Key] = RandomEventTests.keys + "abcdefghijklmnopqrstuvwxyz".map(Key.control)
        + [.function(3), .function(12), .alt("\u{301}"), .alt("["), .character("\u{301}"), .character("ﷺ")]

    static let pastes = [
        "", "q", "word ", "line one\nline two\n\nfour", "1\n?\u{1B}[31m\u{1B}]52;c;aGk=\u{7}", "\u{202E}evil\u{202C}",
        "e\u{301}\u{301}\u{301} 🇫🇷👩🏽‍💻 日本語のテキスト", String(repeating: "long paste without a break ", count: 120),
        String(repeating: "\n", count: 60), "\r\n\t\u{0}\u{7F}\u{85}",
    ]

    static let outside: [Event] = [
        .interrupt, .storeFailed("the disk is full"), .storeRecovered, .changedElsewhere, .timeZoneFound(.gmt),
        .externalEditFailed("no editor"),
    ]

    static func event(using random: inout Xoshiro) -> Event {
        switch Int.random(in: 0..<100, using: &random) {
        case 0..<78: .key(keys[Int.random(in: 0..<keys.count, using: &random)])
        case 78..<84: .key(.character(Character(scalar(using: &random))))
        case 84..<95: .paste(pastes[Int.random(in: 0..<pastes.count, using: &random)])
        case 95..<98: .resize(size(using: &random))
        default: outside[Int.random(in: 0..<outside.count, using: &random)]
        }
    }

    /// Mostly sizes people use, often tiny ones, down to a single cell.
    static func size(using random: inout Xoshiro) -> Size {
        switch Int.random(in: 0..<10, using: &random) {
        case 0..<3: Size(columns: Int.random(in: 1...45, using: &random), rows: Int.random(in: 1...14, using: &random))
        case 3..<9: Size(columns: Int.random(in: 40...140, using: &random), rows: Int.random(in: 12...50, using: &random))
        default: Size(columns: Int.random(in: 1...300, using: &random), rows: Int.random(in: 1...100, using: &random))
        }
    }

    /// Any printable scalar from a few scripts and symbol blocks (wide, combining, emoji).
    private static func scalar(using random: inout Xoshiro) -> Unicode.Scalar {
        let ranges: [ClosedRange<UInt32>] = [0x20...0x7E, 0xA0...0x24F, 0x300...0x36F, 0x3040...0x30FF, 0x4E00...0x9FFF, 0x1F300...0x1F6FF]
        let range = ranges[Int.random(in: 0..<ranges.count, using: &random)]
        return Unicode.Scalar(UInt32.random(in: range, using: &random)) ?? "?"
    }
}
