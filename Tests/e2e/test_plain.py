"""`twohats --plain` through a pty (pexpect) and through pipes, with what lands in the database."""
import datetime
import os
import re
import signal
import sqlite3
import subprocess
import tempfile
import time

import pexpect

from test_browse import check
from tmux_harness import Pane

UNICODE = "Café ☕ 日本語 👍🏽 👩‍💻 e\u0301"
STEPS = 30  # intro, 5 x (rating + 4 prompts), review, focus, commitment, summary
# Anything a terminal would act on: C0 controls but CR and LF, DEL, C1 controls.
CONTROL = re.compile("[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f]")


class Plain:
    """One `twohats --plain` run on a pty, with TERM=dumb, recording everything it prints."""

    def __init__(self, binary, data_dir):
        self.data_dir = data_dir
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "TERM": "dumb", "LANG": "C.UTF-8", "HOME": data_dir}
        self.child = pexpect.spawn(os.path.abspath(binary), ["--plain", "--data-dir", data_dir], env=env,
                                   encoding="utf-8", timeout=10, dimensions=(24, 80))
        self.output = []
        self.child.logfile_read = self

    def write(self, text):
        self.output.append(text)

    def flush(self):
        pass

    def expect(self, text):
        self.child.expect_exact(text)

    def line(self, text):
        self.child.sendline(text)

    def finish(self):
        """Waits for the exit; returns the status (128 + n after signal n, as a shell reports it)."""
        self.child.expect(pexpect.EOF)
        self.child.close()
        text = "".join(self.output)
        check(not CONTROL.search(text), f"control characters in the output: {CONTROL.findall(text)}")
        return self.child.exitstatus


def database(data_dir):
    return sqlite3.connect(os.path.join(data_dir, "twohats.sqlite"))


def wait_for_row(data_dir, query, expected, timeout=10.0):
    """Until the app has read and saved what was typed: a signal must not race the read."""
    deadline = time.monotonic() + timeout
    while True:
        with database(data_dir) as db:
            if db.execute(query).fetchone() == expected:
                return
        if time.monotonic() > deadline:
            raise AssertionError(f"{query} never gave {expected}")
        time.sleep(0.05)


def answer_contrast(run, contrast, rating, prompts=range(4)):
    run.expect(f"Contrast {contrast + 1} of 5: ")
    run.expect("to 7 (")
    run.line(str(rating))
    for prompt in prompts:
        run.expect(f"Question {prompt + 1} of 4 on ")
        run.expect("only a full stop.)")
        run.line(f"{contrast}.{prompt} {UNICODE}")
        run.line(".")


def first_question(binary, rating):
    """A new reflection in a fresh data folder, rated and waiting for the first answer."""
    data_dir = tempfile.mkdtemp(prefix="twohats-plain-")
    run = Plain(binary, data_dir)
    answer_contrast(run, 0, rating, prompts=[])
    run.expect("Question 1 of 4")
    run.expect("only a full stop.)")
    return run, data_dir


def focus_and_commit(run, commitment, suggestion=""):
    run.expect("Which contrast will you work on")
    run.expect(suggestion)
    run.expect("press Enter for ")
    run.line("")
    run.expect("Write one concrete thing")
    run.expect("only a full stop.)")
    run.line(commitment)
    run.line(".")
    run.expect("Your reflection is complete")


def test_plain_whole_reflection_with_unicode(binary):
    data_dir = tempfile.mkdtemp(prefix="twohats-plain-")
    run = Plain(binary, data_dir)
    run.expect("about 15 minutes")
    run.expect("only a full stop (.)")
    run.expect("Where do you stand")
    for bad in ["9", "", "four"]:
        run.line(bad)
        run.expect("That is not a rating.")
    run.line("4")
    run.expect("Question 1 of 4 on Vision versus Goals:")
    run.line(f"first {UNICODE}")
    run.line("")
    run.line("third line ✓")
    run.line(".")
    run.expect("Question 2 of 4")
    run.line(".")  # left empty
    for prompt in (2, 3):
        run.expect(f"Question {prompt + 1} of 4")
        run.line(f"0.{prompt} {UNICODE}")
        run.line(".")
    for contrast, rating in ((1, 2), (2, 6), (3, 5), (4, 7)):
        answer_contrast(run, contrast, rating)
    focus_and_commit(run, "Ask why before how in Monday's one-to-ones 🙂",
                     suggestion="2 Sell versus Tell: rated 2, your lowest, suggested")
    check(run.finish() == 0, "exit status 0 after a whole reflection")
    summary = "".join(run.output).split("Your reflection is complete")[-1].replace("\r\n", "\n")
    check(re.search(r"\n  2 Sell versus Tell: +2 of 7 \[##-----\]\n", summary), summary)
    check("\nFocus: Sell versus Tell\n" in summary and f"Saved in {data_dir}/twohats.sqlite" in summary, summary)
    with database(data_dir) as db:
        answers = {(c, p): t for c, p, t in db.execute("SELECT contrastID, promptIndex, text FROM answer")}
        check(len(answers) == 20, f"20 answers saved, got {len(answers)}")
        check(answers[("vision-goals", 0)] == f"first {UNICODE}\n\nthird line ✓", repr(answers[("vision-goals", 0)]))
        check(answers[("vision-goals", 1)] == "", "the skipped question is saved empty")
        check(answers[("innovation-status-quo", 3)] == f"4.3 {UNICODE}", repr(answers[("innovation-status-quo", 3)]))
        ratings = dict(db.execute("SELECT contrastID, value FROM rating"))
        check(ratings == {"vision-goals": 4, "sell-tell": 2, "relationships-systems": 6, "learning-skills": 5,
                          "innovation-status-quo": 7}, f"ratings {ratings}")
        created, completed, step = db.execute("SELECT createdAt, completedAt, step FROM reflection").fetchone()
        check(completed is not None and step == STEPS - 1, f"complete at the summary, got {completed!r} step {step}")
        text, focus, due = db.execute("SELECT text, contrastID, dueDate FROM commitment").fetchone()
        check(text == "Ask why before how in Monday's one-to-ones 🙂" and focus == "sell-tell", (text, focus))
        days = (datetime.datetime.fromisoformat(due) - datetime.datetime.fromisoformat(created)).days
        check(days == 28, f"due {days} days after the reflection began")


def test_plain_pause_with_eof_then_resume(binary):
    data_dir = tempfile.mkdtemp(prefix="twohats-plain-")
    run = Plain(binary, data_dir)
    answer_contrast(run, 0, 3, prompts=[0])
    run.expect("Question 2 of 4")
    run.expect("only a full stop.)")
    run.line("half an answer, ελληνικά")
    run.line("its second line")
    run.child.sendeof()
    run.expect("Paused. Everything you answered is saved; run twohats --plain --data-dir")
    check(run.finish() == 0, "exit status 0 on the end of input")
    with database(data_dir) as db:
        (text,) = db.execute("SELECT text FROM answer WHERE promptIndex = 1").fetchone()
        check(text == "half an answer, ελληνικά\nits second line", repr(text))
        check(db.execute("SELECT completedAt FROM reflection").fetchone() == (None,), "still unfinished")

    run = Plain(binary, data_dir)
    run.expect("(contrast 1 of 5)? [Y/n]")
    run.line("")
    run.expect("Question 2 of 4 on Vision versus Goals:")
    run.expect("You had written:")
    run.expect("  its second line")
    run.line("and a third")
    run.line(".")
    for prompt in (2, 3):
        run.expect(f"Question {prompt + 1} of 4")
        run.line(".")
    for contrast in range(1, 5):
        answer_contrast(run, contrast, 5)
    focus_and_commit(run, "one thing")
    check(run.finish() == 0, "exit status 0 after finishing")
    with database(data_dir) as db:
        check(db.execute("SELECT count(*) FROM reflection").fetchone() == (1,), "the same reflection was resumed")
        (text,) = db.execute("SELECT text FROM answer WHERE contrastID = 'vision-goals' AND promptIndex = 1").fetchone()
        check(text == "half an answer, ελληνικά\nits second line\nand a third", repr(text))
        check(db.execute("SELECT count(*) FROM answer").fetchone() == (20,), "every answer")
        check(db.execute("SELECT completedAt IS NOT NULL FROM reflection").fetchone() == (1,), "complete")


def test_plain_and_full_screen_resume_each_other(binary):
    run, data_dir = first_question(binary, 3)
    run.line(".")
    run.expect("Question 2 of 4")
    run.expect("only a full stop.)")
    run.line("from plain")
    run.child.sendeof()
    check(run.finish() == 0, "paused")

    pane = Pane(binary, data_dir=data_dir)
    try:
        pane.start()
        pane.wait_for("(contrast 1 of 5)")
        pane.keys("r")
        pane.wait_for("question 2 of 4")
        pane.wait_for("from plain")
        pane.type(" and full screen")
        pane.wait_for("from plain and full screen")
        pane.keys("Tab")
        pane.wait_for("question 3 of 4")
        pane.type("typed in full screen")
        pane.wait_for("typed in full screen")
        pane.keys("Escape")
        pane.wait_for("Paused")
        pane.keys("q")
        pane.wait_exit()
    finally:
        pane.close()

    run = Plain(binary, data_dir)
    run.expect("(contrast 1 of 5)? [Y/n]")
    run.line("y")
    run.expect("Question 3 of 4")
    run.expect("You had written:\r\n  typed in full screen\r\n")
    run.child.sendeof()
    check(run.finish() == 0, "paused again")
    with database(data_dir) as db:
        (text,) = db.execute("SELECT text FROM answer WHERE promptIndex = 1").fetchone()
        check(text == "from plain and full screen", f"the full-screen app went on at the end of the plain answer: {text!r}")


def test_plain_ctrl_c_sigterm_and_sigquit_keep_every_line(binary):
    run, data_dir = first_question(binary, 6)
    run.line("kept after Ctrl-C")
    wait_for_row(data_dir, "SELECT text FROM answer", ("kept after Ctrl-C",))
    run.child.send("not yet entered")
    run.child.sendintr()
    run.expect("Stopped. Everything up to your last Enter is saved")
    check(run.finish() == 130, f"Ctrl-C exits 130, got {run.child.exitstatus}")

    kept = "kept after Ctrl-C"
    for name, number in (("SIGTERM", signal.SIGTERM), ("SIGQUIT", signal.SIGQUIT)):
        run = Plain(binary, data_dir)
        run.expect("[Y/n]")
        run.line("y")
        run.expect("You had written:")
        run.line(f"kept after {name}")
        kept += f"\nkept after {name}"
        wait_for_row(data_dir, "SELECT text FROM answer", (kept,))
        run.child.kill(number)
        check(run.finish() == 128 + number, f"{name} exits {128 + number}, got {run.child.exitstatus}")
    with database(data_dir) as db:
        (text,) = db.execute("SELECT text FROM answer").fetchone()
        check(text == "kept after Ctrl-C\nkept after SIGTERM\nkept after SIGQUIT", repr(text))
        check(db.execute("SELECT value FROM rating").fetchone() == (6,), "the rating")


def test_plain_through_pipes(binary):
    """No terminal at all and TERM=dumb, where the full-screen app refuses to start."""
    data_dir = tempfile.mkdtemp(prefix="twohats-plain-")
    lines = []
    for contrast in range(5):
        lines += [str(contrast + 1)] + [f"pipe {contrast}.{p}\r" if p == 0 else "." for p in range(4)] + ["."]
    script = "\n".join(lines + ["", "from a pipe", "."]) + "\n"
    env = {"PATH": os.environ.get("PATH", ""), "TERM": "dumb", "LANG": "C.UTF-8", "HOME": data_dir}
    result = subprocess.run([binary, "--plain", "--data-dir", data_dir], input=script.encode(), env=env,
                            capture_output=True, timeout=30)
    out = result.stdout.decode()
    check(result.returncode == 0, f"exit {result.returncode}: {result.stderr.decode()}")
    check(result.stderr == b"", f"stderr: {result.stderr.decode()}")
    check("Your reflection is complete" in out and "1 of 7 [#------]" in out, out[-800:])
    check(not CONTROL.search(out.replace("\r", "")), "control characters on a pipe")
    with database(data_dir) as db:
        check(db.execute("SELECT text FROM answer WHERE promptIndex = 0 AND contrastID = 'sell-tell'").fetchone()
              == ("pipe 1.0",), "CR LF input is one line")
        check(db.execute("SELECT contrastID, text FROM commitment").fetchone() == ("vision-goals", "from a pipe"),
              "the lowest rating is the focus")
    refused = subprocess.run([binary, "--data-dir", data_dir], env=env, capture_output=True, stdin=subprocess.DEVNULL)
    check(refused.returncode == 1 and b"twohats --plain" in refused.stderr, "the full-screen app refuses a pipe and points to --plain")


def test_plain_store_problems(binary):
    env = {"PATH": os.environ.get("PATH", ""), "LANG": "C.UTF-8"}

    def plain(data_dir, text="5\n"):
        return subprocess.run([binary, "--plain", "--data-dir", data_dir], input=text.encode(), env=env,
                              capture_output=True, timeout=30)

    folder = tempfile.mkdtemp(prefix="twohats-plain-")
    damaged = os.path.join(folder, "twohats.sqlite")
    junk = b"this is not a database " * 200
    with open(damaged, "wb") as file:
        file.write(junk)
    result = plain(folder)
    err = result.stderr.decode()
    check(result.returncode == 1, f"a damaged database exits 1, got {result.returncode}")
    check(err.startswith("twohats: ") and err.count("\n") == 1 and "damaged" in err, err)
    with open(damaged, "rb") as file:
        check(file.read() == junk, "the damaged file is left as it was")

    not_a_folder = os.path.join(folder, "file")
    open(not_a_folder, "w").close()
    result = plain(not_a_folder)
    err = result.stderr.decode()
    check(result.returncode == 1 and err.count("\n") == 1 and "--data-dir" in err, err)

    # A save that fails half way (the reflection deleted by another copy) stops with status 1 and says what.
    run, data_dir = first_question(binary, 2)
    with database(data_dir) as db:
        db.execute("DELETE FROM reflection")
    run.line("lost words")
    run.expect("twohats: your answer to question 1 on Vision versus Goals could not be saved: ")
    check(run.finish() == 1, f"a failed save exits 1, got {run.child.exitstatus}")


TESTS = [
    test_plain_whole_reflection_with_unicode,
    test_plain_pause_with_eof_then_resume,
    test_plain_and_full_screen_resume_each_other,
    test_plain_ctrl_c_sigterm_and_sigquit_keep_every_line,
    test_plain_through_pipes,
    test_plain_store_problems,
]
