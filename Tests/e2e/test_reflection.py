"""The guided reflection, notes and history, with what lands in the database."""
import os
import sqlite3
import stat

from tmux_harness import Pane
from test_browse import check

UNICODE = "Café ☕ 日本語 👍🏽 👩‍💻 e\u0301"


def database(pane):
    return sqlite3.connect(os.path.join(pane.data_dir, "twohats.sqlite"))


def open_sell_tell(pane):
    pane.wait_for("Browse the five contrasts")
    pane.keys("b", "2")
    pane.wait_for("2 of 5")


def begin(pane):
    pane.wait_for("Browse the five contrasts")
    pane.keys("r")
    pane.wait_for("A guided reflection")
    pane.keys("Enter")
    pane.wait_for("Where do you stand")


def review_and_commit(pane, commitment):
    """From the review after the last question to the summary: the suggested focus and `commitment`."""
    pane.wait_for("Your profile")
    pane.keys("Tab")
    pane.wait_for("Which contrast will you work on")
    pane.keys("Enter")
    pane.wait_for("Your commitment")
    pane.type(commitment)
    pane.wait_for(commitment[:20])
    pane.keys("Tab")
    return pane.wait_for("Saved in")


def test_whole_reflection_with_unicode(binary):
    pane = Pane(binary)
    try:
        pane.start()
        begin(pane)
        for contrast in range(5):
            pane.wait_for(f"Contrast {contrast + 1} of 5")
            pane.wait_for("Where do you stand")
            pane.keys(*(["Right"] * (contrast % 3)), "Enter")
            for prompt in range(4):
                pane.wait_for(f"question {prompt + 1} of 4")
                pane.type(f"{contrast}.{prompt} {UNICODE}")
                pane.wait_for(f"{contrast}.{prompt} Café")
                pane.keys("Tab")
        screen = review_and_commit(pane, "Ask why before how in Monday's one-to-ones")
        check("Ask why before how" in screen, screen)
        pane.keys("Enter")
        pane.wait_for("Browse the five contrasts")
        pane.keys("q")
        pane.wait_exit()
        pane.assert_stty_restored()
        with database(pane) as db:
            answers = dict(((c, p), t) for c, p, t in db.execute("SELECT contrastID, promptIndex, text FROM answer"))
            check(len(answers) == 20, f"20 answers saved, got {len(answers)}")
            check(answers[("vision-goals", 0)] == f"0.0 {UNICODE}", repr(answers[("vision-goals", 0)]))
            ratings = sorted(v for (v,) in db.execute("SELECT value FROM rating"))
            check(ratings == [4, 4, 5, 5, 6], f"ratings {ratings}")
            (completed,) = db.execute("SELECT completedAt FROM reflection").fetchone()
            check(completed is not None, "the reflection is complete")
            (text, focus) = db.execute("SELECT text, contrastID FROM commitment").fetchone()
            check(text.startswith("Ask why") and focus == "vision-goals", (text, focus))
        mode = stat.S_IMODE(os.stat(pane.data_dir).st_mode)
        check(mode == 0o700, f"data folder mode {oct(mode)}")
        mode = stat.S_IMODE(os.stat(os.path.join(pane.data_dir, "twohats.sqlite")).st_mode)
        check(mode == 0o600, f"database mode {oct(mode)}")
    finally:
        pane.close()


def test_escape_pauses_and_resumes(binary):
    pane = Pane(binary)
    try:
        pane.start()
        begin(pane)
        pane.keys("Right", "Enter")
        pane.wait_for("question 1 of 4")
        pane.type("hello\nsecond line")
        pane.wait_for("second line")
        pane.keys("Escape")
        pane.wait_for("Paused")
        pane.wait_for("Resume your reflection from")
        pane.keys("r")
        screen = pane.wait_for("second line")
        check("hello" in screen and "question 1 of 4" in screen, screen)
        pane.keys("q")
        pane.wait_for("second lineq")
        pane.keys("C-c")
        pane.wait_exit()
        with database(pane) as db:
            (text,) = db.execute("SELECT text FROM answer").fetchone()
        check(text == "hello\nsecond lineq", f"q typed into the field at the restored cursor: {text!r}")
    finally:
        pane.close()


def test_note_found_in_history(binary):
    pane = Pane(binary)
    try:
        pane.start()
        open_sell_tell(pane)
        pane.keys("n")
        pane.wait_for("Note · Sell")
        pane.type("Coach, do not tell: try it with Sam")
        pane.keys("Escape")
        pane.wait_for("Note saved.")
        pane.wait_for("You have 1 note about this")
        pane.keys("Escape", "Escape")
        pane.wait_for("Browse the five contrasts")
        pane.keys("h")
        pane.wait_for("Sell ↔ Tell: Coach, do not tell")
        pane.keys("/")
        pane.type("sam")
        pane.keys("Enter")
        pane.wait_for("Coach, do not tell")
        pane.keys("Enter")
        pane.wait_for("Note · Sell ↔ Tell ·")
        pane.keys("Escape", "d")
        pane.wait_for("Delete this for good?")
        pane.keys("y")
        pane.wait_for("Nothing")
        pane.keys("q")
        pane.wait_exit()
        with database(pane) as db:
            check(db.execute("SELECT count(*) FROM note").fetchone()[0] == 0, "the note was deleted")
    finally:
        pane.close()


def test_external_editor(binary):
    pane = Pane(binary)
    script = os.path.join(pane.work, "append-editor")
    with open(script, "w") as f:
        f.write('#!/bin/sh\nprintf "\\nadded by the editor\\n" >> "$1"\n')
    os.chmod(script, 0o755)
    pane.close()
    pane = Pane(binary, env={"EDITOR": script})
    try:
        pane.start()
        begin(pane)
        pane.keys("Enter")
        pane.wait_for("question 1 of 4")
        pane.type("typed first")
        pane.wait_for("typed first")
        pane.keys("C-e")
        pane.wait_for("added by the editor")
        pane.keys("Tab")
        pane.wait_for("question 2 of 4")
        pane.keys("C-c")
        pane.wait_exit()
        pane.assert_stty_restored()
        with database(pane) as db:
            (text,) = db.execute("SELECT text FROM answer WHERE promptIndex = 0").fetchone()
        check(text == "typed first\nadded by the editor", repr(text))
        leftovers = [n for n in os.listdir(os.path.join(pane.data_dir, "tmp")) if n.startswith("edit-")]
        check(not leftovers, f"temporary files left: {leftovers}")
    finally:
        pane.close()


def test_keys_typed_ahead_reach_the_screen_they_open(binary):
    """Keys that arrive in one burst with the key opening a screen land on that screen."""
    pane = Pane(binary)
    try:
        pane.start()
        open_sell_tell(pane)
        pane.type("nhello, typed ahead")
        pane.wait_for("hello, typed ahead")
        pane.keys("Escape")
        pane.wait_for("Note saved.")
        pane.keys("Escape", "Escape")
        pane.wait_for("Browse the five contrasts")
        pane.keys("r", "Enter", "Right", "Enter")
        pane.wait_for("question 1 of 4")
        pane.keys("C-c")
        pane.wait_exit()
        with database(pane) as db:
            (text,) = db.execute("SELECT text FROM note").fetchone()
            check(text == "hello, typed ahead", repr(text))
            (rating,) = db.execute("SELECT value FROM rating").fetchone()
            check(rating == 5, f"rating {rating}")
    finally:
        pane.close()


TESTS = [
    test_whole_reflection_with_unicode,
    test_escape_pauses_and_resumes,
    test_note_found_in_history,
    test_external_editor,
    test_keys_typed_ahead_reach_the_screen_they_open,
]
