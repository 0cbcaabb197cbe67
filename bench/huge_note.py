"""Key to frame with a 100,000-line note open in its editor: typing at its end and moving the
cursor, against the same keys in a note that fits on the screen."""
import json
import os

from interactive import GAP, Typist
from measure import Result, ms
from terminal import Terminal

SMALL = 10  # lines in the note to compare with: it fits on the screen


def note_store(sandbox, name, lines):
    """A data folder holding one note of `lines` lines, made by importing a JSON export."""
    data = sandbox.data(name)
    body = "\n".join(f"line {n} of a note that goes on and on" for n in range(1, lines + 1))
    document = {
        "schemaVersion": 1, "exportedAt": "2026-01-01T00:00:00.000Z", "appVersion": "bench", "since": None,
        "reflections": [],
        "notes": [{"id": "00000000-0000-4000-8000-000000000001", "contrastID": None, "text": body,
                   "createdAt": "2026-01-01T00:00:00.000Z", "updatedAt": "2026-01-01T00:00:00.000Z"}],
    }
    path = os.path.join(sandbox.path("notes"), f"{name}.json")
    with open(path, "w", encoding="utf-8") as file:
        json.dump(document, file)
    sandbox.run(sandbox.twohats(data, "import", path))
    return data


def open_note(sandbox, data, last_line):
    """TwoHats in the note's editor, which opens with the cursor at the end of the note."""
    term = Terminal(sandbox.twohats(data), sandbox.env)
    term.wait(term.contains("Browse the five contrasts"), timeout=60)
    term.write("h")
    term.wait(term.contains("line 1 of a note"), timeout=60)
    term.write("e")
    term.wait(term.contains(last_line), timeout=60)
    term.settle()
    return term


def enter(term):
    """A new line, waited for: a save of the whole note can hold the frame back longer than
    the typing benchmark's short settle, and a letter timed from a stale cursor never lands."""
    before = term.cursor()
    term.write("\r")
    term.wait(lambda t: t.cursor() != before, timeout=60)
    term.settle(0.05)
    return term


class Mover:
    """Moves the cursor up through the note and back down; each move is timed until the cursor
    stands on its new row."""

    def __init__(self, term):
        self.term = term
        self.times = []

    def move(self, count):
        term = self.term
        for index in range(count):
            x, y = term.cursor()
            key = "\x1b[A" if index % 2 == 0 else "\x1b[B"
            sent = term.write(key)
            self.times.append(ms(term.wait(lambda t: t.cursor()[1] != y or t.cursor()[0] != x) - sent))
            term.drain(GAP)


def huge_note(sandbox, presses, lines):
    result = Result("huge-note", f"Key to frame in a {lines:,}-line note",
                    f"A note of {lines:,} lines (imported) opened in its editor (h, e), then letters typed "
                    "at its end until each is on screen with the cursor past it, and ↑/↓ until the cursor has "
                    "moved; the same keys in a 10-line note, in turn, so both see the same load.")
    big, small = note_store(sandbox, "huge-note", lines), note_store(sandbox, "small-note", SMALL)
    big_term = open_note(sandbox, big, f"line {lines} of")
    small_term = open_note(sandbox, small, f"line {SMALL} of")
    typists = {"big": Typist(big_term, enter), "small": Typist(small_term, enter)}
    movers = {"big": Mover(big_term), "small": Mover(small_term)}
    while len(typists["big"].times) < presses:
        for name in ("big", "small"):
            typists[name].type(min(10, presses - len(typists[name].times)))
            movers[name].move(min(10, presses - len(movers[name].times)))
    big_term.close()
    small_term.close()
    typed = result.add(f"TwoHats: a letter, {lines:,}-line note", "ms", typists["big"].times)
    result.add("TwoHats: a letter, 10-line note", "ms", typists["small"].times, peer=True)
    moved = result.add(f"TwoHats: ↑ or ↓, {lines:,}-line note", "ms", movers["big"].times)
    result.add("TwoHats: ↑ or ↓, 10-line note", "ms", movers["small"].times, peer=True)
    result.check("letter median ≤ 2 × the 10-line note's", typed.median, 2 * result.series[1].median)
    result.check("↑/↓ median ≤ 2 × the 10-line note's", moved.median, 2 * result.series[3].median)
    return result
