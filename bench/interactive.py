"""Benchmarks that drive programs through the pseudo-terminal: frames, keys, bytes, resizes, memory."""
import string

from measure import Result, ms
from sandbox import dialog, dialog_menu, floor_cat, floor_echo, whiptail, whiptail_menu
from terminal import Terminal

GAP = 0.005  # after each frame: late bytes are counted against the key that caused them
LETTERS = string.ascii_lowercase


def settled(argv, env, quiet=0.3):
    term = Terminal(argv, env)
    term.settle(quiet)
    return term


def twohats_at(sandbox, data, *steps):
    """TwoHats on its home screen, then each (keys, text to wait for) step."""
    term = Terminal(sandbox.twohats(data), sandbox.env)
    term.wait(term.contains("Browse the five contrasts"))
    for keys, text in steps:
        term.write(keys)
        term.wait(term.contains(text))
    term.settle()
    return term


def first_frame(sandbox, runs):
    result = Result("first-frame", "Time to first frame",
                    "From fork/exec until the first screen is on the emulated 80x24 screen exactly as it "
                    "settles (TwoHats: the home screen, with a data folder already created).")
    data = sandbox.data("first-frame")
    subjects = [
        ("TwoHats", sandbox.twohats(data)),
        ("dialog --msgbox", dialog("--msgbox", "Browse the five contrasts", "8", "50")),
        ("whiptail --msgbox", whiptail("--msgbox", "Browse the five contrasts", "8", "50")),
        ("floor: /bin/echo", floor_echo()),
    ]
    targets = {}
    for name, argv in subjects:
        term = settled(argv, sandbox.env)
        targets[name] = term.snapshot()
        term.close()
    samples = {name: [] for name, _ in subjects}
    for _ in range(runs):
        for name, argv in subjects:
            term = Terminal(argv, sandbox.env)
            stamp = term.wait(term.shows(targets[name]))
            samples[name].append(ms(stamp - term.started))
            term.close()
    for index, (name, _) in enumerate(subjects):
        result.add(name, "ms", samples[name], peer=index > 0)
    ours, peer = result.series[0].median, result.series[1].median
    result.check("median ≤ 1.2 × dialog --msgbox's median", ours, 1.2 * peer)
    return result


class Cycler:
    """Moves a selection down through `positions` items and back up; only the moves down
    are timed. Screens are captured once (after the output settles), then every timed move
    waits for the captured screen of its position."""

    def __init__(self, term, positions):
        self.term = term
        self.targets = [term.snapshot()]
        for _ in range(positions - 1):
            term.write(term.key("down"))
            term.settle()
            self.targets.append(term.snapshot())
        for index in reversed(range(positions - 1)):
            term.write(term.key("up"))
            term.wait(term.shows(self.targets[index]))
        term.settle()
        self.times, self.bytes = [], []

    def cycle(self, wanted):
        term = self.term
        reached = 0
        for index in range(1, len(self.targets)):
            if len(self.times) >= wanted:
                break
            before = term.received
            sent = term.write(term.key("down"))
            self.times.append(ms(term.wait(term.shows(self.targets[index])) - sent))
            term.drain(GAP)
            self.bytes.append(term.received - before)
            reached = index
        for index in reversed(range(reached)):
            term.write(term.key("up"))
            term.wait(term.shows(self.targets[index]))
        term.drain(GAP)


class Echoes:
    """The floor: `cat` on a raw terminal echoing a byte and moving back over it."""

    def __init__(self, term):
        self.term = term
        self.times, self.bytes = [], []

    def cycle(self, wanted):
        term = self.term
        for _ in range(4):
            if len(self.times) >= wanted:
                break
            before = term.received
            sent = term.write(b"x\b")
            self.times.append(ms(term.wait(lambda t: t.received - before >= 2) - sent))
            term.drain(GAP)
            self.bytes.append(term.received - before)


def key_to_frame(sandbox, presses):
    result = Result("key-to-frame", "Key to frame (↓ in a list)",
                    "From writing ↓ until the screen shows the next item selected, in a list of five. "
                    "The moves back up are not timed. The floor is `cat` on a raw terminal echoing "
                    "two bytes.")
    data = sandbox.data("key-to-frame")
    movers = {
        "TwoHats (browse list)": Cycler(twohats_at(sandbox, data, ("b", "Vision")), 5),
        "dialog --menu": Cycler(settled(dialog_menu(), sandbox.env), 5),
        "whiptail --menu": Cycler(settled(whiptail_menu(), sandbox.env), 5),
        "floor: cat": Echoes(settled(floor_cat(), sandbox.env, 0.05)),
    }
    while any(len(m.times) < presses for m in movers.values()):
        for mover in movers.values():
            mover.cycle(presses)
    for mover in movers.values():
        mover.term.close()
    bytes_result = Result("bytes-per-key", "Bytes per key",
                          "Bytes the program wrote to the terminal per ↓ in the list (everything between "
                          "one key and the next), and per typed letter (see the typing benchmark).")
    for index, (name, mover) in enumerate(movers.items()):
        result.add(name, "ms", mover.times, peer=index > 0)
        bytes_result.add(name + " ↓", "bytes", mover.bytes, peer=index > 0)
    ours, peer, floor = result.series[0], result.series[1], result.series[3]
    result.check("median ≤ dialog --menu's median", ours.median, peer.median)
    result.check("99th ≤ the floor's 99th + 2 ms", ours.p(99), floor.p(99) + 2)
    bytes_result.check("median bytes per ↓ ≤ dialog --menu's", bytes_result.series[0].median, bytes_result.series[1].median)
    return result, bytes_result


class Typist:
    """Types letters, `line_length` to a line, into one program; each letter is timed until
    it is on screen where the cursor was and the cursor stands one column further on."""

    def __init__(self, term, newline, line_length=30):
        self.term, self.newline, self.line_length = term, newline, line_length
        self.times, self.bytes = [], []

    def type(self, count):
        for _ in range(count):
            index = len(self.times)
            if index and index % self.line_length == 0:
                self.term = self.newline(self.term)
            term, letter = self.term, LETTERS[index % len(LETTERS)]
            x, y = term.cursor()
            before = term.received
            sent = term.write(letter)
            done = lambda t: t.cursor() == (x + 1, y) and t.screen.buffer[y][x].data == letter
            self.times.append(ms(term.wait(done) - sent))
            term.drain(GAP)
            self.bytes.append(term.received - before)


def enter(term):
    term.write("\r")
    term.settle(0.05)
    return term


def long_answer(lines):
    body = "\n".join(f"line {n} of a long answer, pasted to see whether typing stays quick" for n in range(1, lines + 1))
    return body + "\n"


def typing(sandbox, letters, long_lines, bytes_result):
    result = Result("typing", "Typing into a text field",
                    "From writing a letter until it is on screen and the cursor has moved past it: "
                    f"{letters} letters, 30 to a line. TwoHats types into the first question of a "
                    "reflection, empty and then holding a long pasted answer; dialog into an input "
                    "box (restarted every 30 letters); the floor is `cat` echoing on a raw terminal.")
    question = [("r", "A guided reflection"), ("\r", "Where do you stand"), ("\r", "question 1 of 4")]

    def restart(old):
        old.close()
        return settled(dialog("--inputbox", "Type here", "8", "70"), sandbox.env)

    long_result = Result("long-answer", f"Typing into a {long_lines:,}-line answer",
                         f"The same letters typed after pasting {long_lines:,} lines into the field "
                         "(bracketed paste), ten at a time in turn with the empty field so both see "
                         "the same load; the paste itself is timed too, until the last line shows.")
    long_term = twohats_at(sandbox, sandbox.data("typing-long"), *question)
    sent = long_term.write("\x1b[200~" + long_answer(long_lines) + "\x1b[201~")
    pasted = long_term.wait(long_term.contains(f"line {long_lines} of a long answer"), timeout=300)
    long_term.settle()
    typists = {
        "short": Typist(twohats_at(sandbox, sandbox.data("typing-short"), *question), enter),
        "long": Typist(long_term, enter),
        "peer": Typist(settled(dialog("--inputbox", "Type here", "8", "70"), sandbox.env), restart),
        "floor": Typist(settled(floor_cat(), sandbox.env, 0.05), enter),
    }
    while len(typists["short"].times) < letters:
        for typist in typists.values():
            typist.type(min(10, letters - len(typist.times)))
    for typist in typists.values():
        typist.term.close()
    short, short_bytes = typists["short"].times, typists["short"].bytes
    long, long_bytes = typists["long"].times, typists["long"].bytes
    peer, peer_bytes = typists["peer"].times, typists["peer"].bytes
    floor, floor_bytes = typists["floor"].times, typists["floor"].bytes

    result.add("TwoHats (empty answer)", "ms", short)
    result.add("dialog --inputbox", "ms", peer, peer=True)
    result.add("floor: cat", "ms", floor, peer=True)
    long_result.add(f"TwoHats ({long_lines:,}-line answer)", "ms", long)
    long_result.add("TwoHats (empty answer)", "ms", short, peer=True)
    long_result.add(f"paste of {long_lines:,} lines", "ms", [ms(pasted - sent)])
    long_result.check("median ≤ 2 × the empty answer's median", long_result.series[0].median, 2 * result.series[0].median)
    letter = bytes_result.add("TwoHats letter", "bytes", short_bytes)
    bytes_result.add(f"TwoHats letter ({long_lines:,}-line answer)", "bytes", long_bytes)
    bytes_result.add("dialog --inputbox letter", "bytes", peer_bytes)
    bytes_result.add("floor: cat letter", "bytes", floor_bytes)
    bytes_result.check("median bytes per typed letter ≤ 64", letter.median, 64)
    return result, long_result


def resize(sandbox, count):
    result = Result("resize", "Resize",
                    "From changing the terminal's size (the kernel sends SIGWINCH) until the new frame "
                    "is drawn, alternating between 80x24 and 100x30. TwoHats shows its browse list and "
                    "counts when the screen equals the settled frame at that size. dialog does not redraw "
                    "to the same screen twice (it leaves parts of the old box behind), so it counts when "
                    "it has written its last button, `<Cancel>`.")
    twohats = twohats_at(sandbox, sandbox.data("resize"), ("b", "Vision"))
    peer = settled(dialog_menu(), sandbox.env)
    sizes = [(100, 30), (80, 24)]
    targets = []
    for columns, rows in sizes:
        twohats.resize(columns, rows)
        twohats.settle()
        targets.append(twohats.snapshot())
    ours, theirs = [], []
    for turn in range(count):
        columns, rows = sizes[turn % 2]
        sent = twohats.resize(columns, rows)
        ours.append(ms(twohats.wait(twohats.shows(targets[turn % 2])) - sent))
        twohats.drain(GAP)
        start = len(peer.output)
        sent = peer.resize(columns, rows)
        theirs.append(ms(peer.wait(peer.wrote(b"Cancel", start)) - sent))
        peer.settle(0.05)
    twohats.close()
    peer.close()
    result.add("TwoHats (browse list)", "ms", ours)
    result.add("dialog --menu", "ms", theirs, peer=True)
    result.check("median ≤ 5 ms", result.series[0].median, 5)
    return result


def reflect(term):
    """A whole reflection typed through the keyboard, as a user would."""
    term.write("r")
    term.wait(term.contains("A guided reflection"))
    term.write("\r")
    for contrast in range(5):
        term.wait(term.contains(f"Contrast {contrast + 1} of 5"))
        term.wait(term.contains("Where do you stand"))
        term.write(term.key("right") * (contrast % 3) + "\r")
        for prompt in range(4):
            term.wait(term.contains(f"question {prompt + 1} of 4"))
            term.write(f"Answer {contrast}.{prompt}: what I noticed this week, and what I will try next.")
            term.wait(term.contains(f"Answer {contrast}.{prompt}"))
            term.write("\t")
    term.wait(term.contains("Your profile"))
    term.write("\t")
    term.wait(term.contains("Which contrast will you work on"))
    term.write("\r")
    term.wait(term.contains("Your commitment"))
    term.write("Ask why before how in Monday's one-to-ones")
    term.wait(term.contains("Ask why before how"))
    term.write("\t")
    term.wait(term.contains("Saved in"))
    term.write("\r")
    term.wait(term.contains("Browse the five contrasts"))
    term.settle()


def memory(sandbox, data, reflections):
    result = Result("memory", "Peak memory",
                    f"Peak resident set (VmHWM) after a whole reflection typed through the keyboard, with "
                    f"{reflections:,} reflections in the store; dialog --menu after moving through its list.")
    term = Terminal(sandbox.twohats(data), sandbox.env)
    term.wait(term.contains("Browse the five contrasts"))
    reflect(term)
    ours = term.peak_rss_kib() / 1024
    term.write("h")
    term.settle(0.5)
    with_history = term.peak_rss_kib() / 1024
    term.close()
    term = Cycler(settled(dialog_menu(), sandbox.env), 5)
    term.cycle(4)
    peer = term.term.peak_rss_kib() / 1024
    term.term.close()
    result.add("TwoHats after a reflection", "MiB", [ours])
    result.add("TwoHats after also opening history", "MiB", [with_history])
    result.add("dialog --menu", "MiB", [peer], peer=True)
    result.check("peak RSS after a reflection ≤ 32 MiB", ours, 32)
    return result


def history_screen(sandbox, data, runs, label):
    """Key h on the home screen until the history screen is drawn, then Esc back (not timed)."""
    term = Terminal(sandbox.twohats(data), sandbox.env)
    term.wait(term.contains("Browse the five contrasts"), timeout=60)
    term.settle()
    # One round trip first: coming back, the home menu has h selected.
    for _ in range(2):
        home = term.snapshot()
        term.write("h")
        term.wait(lambda t: t.snapshot() != home, timeout=60)
        term.settle(0.3)
        history = term.snapshot()
        term.write("\x1b")
        term.settle(0.3)
    home = term.snapshot()
    times = []
    for _ in range(runs):
        sent = term.write("h")
        times.append(ms(term.wait(term.shows(history), timeout=60) - sent))
        term.drain(GAP)
        term.write("\x1b")
        term.wait(term.shows(home), timeout=60)
        term.settle(0.05)
    term.close()
    return times
