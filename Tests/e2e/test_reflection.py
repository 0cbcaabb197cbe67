"""The guided reflection, notes and history, with what lands in the database."""
import os
import signal
import sqlite3
import stat
import time

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
        pane.wait_for("Your profile")
        pane.keys("Tab")
        pane.wait_for("Which contrast will you work on")
        pane.keys("Enter")
        pane.wait_for("Your commitment")
        pane.type("Ask why before how in Monday's one-to-ones")
        pane.keys("Tab")
        screen = pane.wait_for("Saved in")
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


def test_kill_9_while_typing_then_resume(binary):
    pane = Pane(binary)
    try:
        pane.start()
        begin(pane)
        pane.keys("Enter")
        pane.wait_for("question 1 of 4")
        pane.type("written before the pause ")
        time.sleep(1.5)
        pane.type("and this was typed at the last moment")
        os.kill(pane.app_pid(), signal.SIGKILL)
        pane.wait_exit()
        pane.shell("stty sane")
        with database(pane) as db:
            (saved,) = db.execute("SELECT text FROM answer").fetchone()
        typed = "written before the pause and this was typed at the last moment"
        check(typed.startswith(saved) and saved.startswith("written before the pause"), f"saved {saved!r}")
        pane.start()
        pane.wait_for("Resume your reflection from")
        pane.wait_for("(contrast 1 of 5)")
        pane.keys("r")
        pane.wait_for("written before the pause")
        pane.type("!")
        pane.wait_for(saved.rstrip() + ("!" if saved.endswith(" ") is False else ""))
        pane.keys("C-c")
        pane.wait_exit()
        pane.assert_stty_restored()
        with database(pane) as db:
            (text,) = db.execute("SELECT text FROM answer").fetchone()
        check(text == saved + "!", f"resumed with the cursor at the end: {text!r}")
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


def test_storage_problems_are_shown_and_files_left_alone(binary):
    import hashlib
    cases = {
        "random bytes": os.urandom(8192),
        "another program's database": None,
    }
    for name, content in cases.items():
        pane = Pane(binary)
        try:
            os.makedirs(pane.data_dir, mode=0o700)
            path = os.path.join(pane.data_dir, "twohats.sqlite")
            if content is None:
                with sqlite3.connect(path) as other:
                    other.execute("CREATE TABLE contacts (name TEXT)")
                    other.execute("INSERT INTO contacts VALUES ('Ada')")
            else:
                with open(path, "wb") as f:
                    f.write(content)
            before = hashlib.sha256(open(path, "rb").read()).hexdigest()
            pane.start()
            pane.wait_for("Browse the five contrasts")
            # The store opens just after the first frame, so the problem follows the home screen.
            pane.wait_for("left it untouched")
            pane.keys("b", "Enter")
            pane.wait_for("1 of 5")
            pane.keys("q")
            pane.wait_exit()
            after = hashlib.sha256(open(path, "rb").read()).hexdigest()
            check(before == after, f"{name}: the file was modified")
        finally:
            pane.close()
    pane = Pane(binary)
    try:
        with open(pane.data_dir, "w") as f:
            f.write("not a folder")
        pane.start()
        pane.wait_for("Browse the five contrasts")
        pane.wait_for("is a file")
        pane.keys("r")
        pane.wait_for("Browse the five contrasts")
        pane.keys("q")
        pane.wait_exit()
        pane.assert_stty_restored()
    finally:
        pane.close()


def test_read_only_data_folder(binary):
    """A folder the user cannot write to: said on screen, browsing still works. Root writes
    anywhere, so as root the app runs as `nobody` through setpriv, in a folder root owns."""
    pane = Pane(binary)
    try:
        os.makedirs(pane.data_dir, mode=0o755)
        if os.geteuid() == 0:
            wrapper = os.path.join(pane.work, "as-nobody")
            with open(wrapper, "w") as f:
                f.write(f'#!/bin/sh\nexec setpriv --reuid=65534 --regid=65534 --clear-groups {pane.binary} "$@"\n')
            os.chmod(wrapper, 0o755)
            os.chmod(pane.work, 0o755)
            pane.binary = wrapper
        else:
            os.chmod(pane.data_dir, 0o555)
        pane.start()
        pane.wait_for("Browse the five contrasts")
        pane.wait_for("cannot write to the folder")
        pane.keys("b", "3")
        pane.wait_for("3 of 5")
        pane.keys("q")
        check(pane.wait_exit() == 0, "q exits with status 0")
        pane.assert_stty_restored()
        check(os.listdir(pane.data_dir) == [], "nothing was written in the read-only folder")
    finally:
        os.chmod(pane.data_dir, 0o755)
        pane.close()


TESTS = [
    test_whole_reflection_with_unicode,
    test_kill_9_while_typing_then_resume,
    test_escape_pauses_and_resumes,
    test_note_found_in_history,
    test_external_editor,
    test_keys_typed_ahead_reach_the_screen_they_open,
    test_storage_problems_are_shown_and_files_left_alone,
    test_read_only_data_folder,
]
