import CNcurses
#if canImport(Glibc)
import Glibc
#endif
import TwoHatsUI

/// Paints grids: the cells that changed since the last frame, encoded with the terminal's own
/// control sequences from terminfo and sent in one write. ncurses' own screen update cost as
/// much per key as the rest of the app (it prices every cursor move several ways through
/// tparm), and the grid already knows what changed; ncurses keeps the terminal's modes, the
/// keys and the screen's start and end.
struct Painter {
    private let encoder: FrameEncoder
    private var last: Grid?
    private var bytes: [UInt8] = []
    private var isCursorShown = false
    /// Sent with the next frame, in the same write (a mode the terminal is asked for at start).
    var prefix: [UInt8] = []

    init(theme: Theme, useColour: Bool) {
        var styles: [Style: [UInt8]] = [:]
        var coloured: Set<Style> = []
        for style in Style.allCases {
            let appearance = theme.appearance(style)
            styles[style] = Self.sequence(for: appearance, useColour: useColour)
            if useColour, appearance.colour != nil { coloured.insert(style) }
        }
        let cache = AddressCache(cup: Terminfo.string("cup"))
        encoder = FrameEncoder(controls: FrameEncoder.Controls(
            clear: Terminfo.bytes("clear"),
            styles: styles,
            coloured: coloured,
            colourOff: useColour ? Terminfo.bytes("op") : [],
            canWriteLastCell: tigetflag("am") != 1 || tigetflag("xenl") == 1,
            cursorAddress: { row, column in cache.address(row: row, column: column) }
        ))
    }

    mutating func paint(_ grid: Grid) {
        if last?.size != grid.size {
            // ncurses refreshes its own (blank) window before a read once it counts as
            // changed, as it does at the start and after a resize; that would wipe the frame.
            // The frame clears the screen itself.
            untouchwin(twohats_stdscr())
            last = nil
        }
        bytes.removeAll(keepingCapacity: true)
        bytes += prefix
        prefix = []
        encoder.encode(grid, since: last, into: &bytes)
        Self.send(bytes)
        last = grid
        let showCursor = grid.cursor != nil
        if showCursor != isCursorShown {
            isCursorShown = showCursor
            curs_set(showCursor ? 1 : 0)
        }
    }

    /// Puts the cursor where ncurses believes it is (the top-left corner, where it starts)
    /// in plain text, so that ncurses' moves when it suspends or ends start from the truth;
    /// the next paint redraws every cell.
    mutating func release() {
        Self.send(encoder.home)
        last = nil
    }

    private static func send(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(STDOUT_FILENO, buffer.baseAddress! + offset, buffer.count - offset)
                if written > 0 {
                    offset += written
                } else if written < 0, errno == EINTR {
                    continue
                } else if written < 0, errno == EAGAIN {
                    // A terminal left non-blocking by another program: wait until it takes more.
                    var ready = pollfd(fd: STDOUT_FILENO, events: Int16(POLLOUT), revents: 0)
                    guard poll(&ready, 1, 1_000) > 0 else { return }
                } else {
                    // The terminal is gone (a closed window): nothing more can be shown.
                    return
                }
            }
        }
    }

    /// A style's attributes through `sgr` when the terminal has it (one sequence that sets
    /// them all), else a reset and each attribute's own; then its colour.
    private static func sequence(for appearance: Appearance, useColour: Bool) -> [UInt8] {
        var bytes: [UInt8]
        if let sgr = Terminfo.string("sgr") {
            bytes = Terminfo.bytes(of: twohats_sgr(
                sgr, flag(appearance.underline), flag(appearance.reverse), flag(appearance.dim), flag(appearance.bold)
            ))
        } else {
            bytes = Terminfo.bytes("sgr0")
            for (isOn, name) in [(appearance.bold, "bold"), (appearance.dim, "dim"), (appearance.reverse, "rev"), (appearance.underline, "smul")] where isOn {
                bytes += Terminfo.bytes(name)
            }
        }
        if useColour, let colour = appearance.colour, let setaf = Terminfo.string("setaf") {
            bytes += Terminfo.bytes(of: twohats_tiparm1(setaf, code(colour)))
        }
        return bytes
    }

    private static func flag(_ isOn: Bool) -> Int32 { isOn ? 1 : 0 }

    private static func code(_ colour: Colour) -> Int32 {
        switch colour {
        case .red: COLOR_RED
        case .green: COLOR_GREEN
        case .yellow: COLOR_YELLOW
        case .blue: COLOR_BLUE
        case .magenta: COLOR_MAGENTA
        case .cyan: COLOR_CYAN
        }
    }
}

/// The cursor-addressing sequence for each cell asked for so far: tparm formats one in a few
/// thousand instructions, and a frame moves to the same few places again and again.
private final class AddressCache {
    private let cup: UnsafeMutablePointer<CChar>?
    private var addresses: [Int: [UInt8]] = [:]

    init(cup: UnsafeMutablePointer<CChar>?) {
        self.cup = cup
    }

    func address(row: Int, column: Int) -> [UInt8] {
        let key = row << 16 | column
        if let known = addresses[key] { return known }
        guard let cup else { return [] }
        let address = Terminfo.bytes(of: twohats_tiparm2(cup, Int32(row), Int32(column)))
        addresses[key] = address
        return address
    }
}
