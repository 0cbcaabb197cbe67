"""Faults: kill -9 while typing, signals, storage problems and two copies on one folder.
Each proves that nothing typed is lost and that the terminal comes back as it was.
`make torture` (run.py --torture) runs the long versions."""
import hashlib
import os
import random
import shlex
import signal
import sqlite3
import subprocess
import tempfile
import threading
import time

from test_browse import check
from test_reflection import begin, review_and_commit
from tmux_harness import Failure, Pane, runs

# Typed one unit at a time: whole grapheme clusters, so that a chunk never starts with a
# combining mark or splits an emoji sequence. No ";": tmux takes a trailing one as a separator.
SCRIPT = [*"Café crème, naïve façade ", "e\u0301", *" 日本語の文章と ", "👍🏽", " ", "👩\u200d💻", " ",
          "🇳🇿", *" Ελληνικά ok, 한국어도 ", "n\u0303", *"o, über straße. "]
# A save may wait this long after a keystroke (the 0.5 s debounce, the 0.1 s poll), and kill -9
# may take at most this much of what was typed.
ALLOWED_LOSS = 1.0


def database_path(data_dir):
    return os.path.join(data_dir, "twohats.sqlite")


def read_only(data_dir):
    """The database opened so that this check can never change it."""
    return sqlite3.connect(f"file:{database_path(data_dir)}?mode=ro", uri=True)


def integrity(data_dir):
    with read_only(data_dir) as db:
        return [row[0] for row in db.execute("PRAGMA integrity_check")]


def first_answer(data_dir):
    """The saved answer to the first question, "" when nothing was saved yet."""
    if not os.path.exists(database_path(data_dir)):
        return ""
    with read_only(data_dir) as db:
        row = db.execute("SELECT text FROM answer WHERE contrastID = 'vision-goals' AND promptIndex = 0").fetchone()
    return row[0] if row else ""


def wait_until(condition, what, timeout=10.0):
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise Failure(f"waited {timeout}s for {what}")
        time.sleep(0.05)


def at_first_question(pane, *args):
    pane.start(*args)
    begin(pane)
    pane.keys("Enter")
    pane.wait_for("question 1 of 4")


def digest(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def run_plain(binary, *args, home, stdout=subprocess.PIPE, **options):
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": home, "LANG": "C.UTF-8"}
    return subprocess.run([binary, *args], stdout=stdout, stderr=subprocess.PIPE, env=env, timeout=30,
                          stdin=subprocess.DEVNULL, **options)


def seeded_folder(binary, reflections=20, notes=20):
    home = tempfile.mkdtemp(prefix="twohats-faults-")
    data_dir = os.path.join(home, "data")
    seeded = run_plain(binary, "debug", "seed", "--reflections", str(reflections), "--notes", str(notes),
                       "--data-dir", data_dir, home=home)
    check(seeded.returncode == 0, f"debug seed: {seeded.stderr.decode()}")
    return home, data_dir


# kill -9 while typing

def type_until_killed(pane, rng):
    """Types SCRIPT in chunks of one to four units, a few dozen milliseconds apart, and kill -9s the
    app at a random moment. Returns the chunks with the time each was sent, and the time of the kill."""
    pid = pane.app_pid()
    kill_at = time.monotonic() + rng.uniform(0.1, 3.0)
    sent, position = [], 0
    while time.monotonic() < kill_at:
        size = rng.randint(1, 4)
        chunk = "".join(SCRIPT[(position + i) % len(SCRIPT)] for i in range(size))
        position += size
        pane.type(chunk)
        sent.append((chunk, time.monotonic()))
        time.sleep(min(rng.uniform(0.01, 0.08), max(0.0, kill_at - time.monotonic())))
    os.kill(pid, signal.SIGKILL)
    return sent, time.monotonic()


def loss(sent, killed_at, saved):
    """What kill -9 took: the characters typed but not saved, and how long before the kill the
    first of them was sent. The saved text must be a prefix of what was typed."""
    typed = "".join(chunk for chunk, _ in sent)
    check(typed.startswith(saved), f"the saved text is not what was typed: {saved!r} vs {typed!r}")
    length = 0
    for chunk, at in sent:
        length += len(chunk)
        if length > len(saved):
            return len(typed) - len(saved), killed_at - at
    return 0, 0.0


def test_kill_9_while_typing(binary):
    worst_characters, worst_seconds = 0, 0.0
    count = runs(5, 50)
    for run in range(count):
        rng = random.Random(run)
        pane = Pane(binary)
        try:
            at_first_question(pane)
            sent, killed_at = type_until_killed(pane, rng)
            pane.wait_exit()
            pane.shell("stty sane")
            check(integrity(pane.data_dir) == ["ok"], f"run {run}: integrity_check {integrity(pane.data_dir)}")
            saved = first_answer(pane.data_dir)
            characters, seconds = loss(sent, killed_at, saved)
            check(seconds <= ALLOWED_LOSS, f"run {run}: lost {characters} characters typed {seconds:.2f}s before the kill")
            worst_characters, worst_seconds = max(worst_characters, characters), max(worst_seconds, seconds)

            pane.start()
            pane.wait_for("Resume your reflection from")
            pane.wait_for("(contrast 1 of 5)")
            pane.keys("r")
            pane.wait_for("question 1 of 4")
            pane.type("!")
            pane.keys("C-c")
            check(pane.wait_exit() == 0, f"run {run}: Ctrl-C exits 0")
            pane.assert_stty_restored()
            resumed = first_answer(pane.data_dir)
            check(resumed == saved + "!", f"run {run}: resumed with the cursor at the end: {resumed!r}, saved {saved!r}")
        finally:
            pane.close()
    print(f"      kill -9 while typing: {count} runs, worst loss {worst_characters} characters, "
          f"typed {worst_seconds:.2f}s before the kill")


def saved_note(data_dir):
    """The text of the only note, "" before it is saved."""
    with read_only(data_dir) as db:
        row = db.execute("SELECT text FROM note").fetchone()
    return row[0] if row else ""


def paste_long_note(pane, body):
    """A new note about contrast 2 holding `body`, pasted (through a file: tmux takes no argument
    that long) and saved."""
    pane.wait_for("Browse the five contrasts")
    pane.keys("b", "2")
    pane.wait_for("2 of 5")
    pane.keys("n")
    pane.wait_for("Note · Sell")
    path = os.path.join(pane.work, "paste.txt")
    with open(path, "w", encoding="utf-8") as file:
        file.write(body)
    pane.tmux("load-buffer", "-b", pane.name, path)
    pane.tmux("paste-buffer", "-p", "-b", pane.name, "-t", pane.name)
    pane.wait_for(body[body.rindex("\n") + 1:], timeout=30)
    wait_until(lambda: saved_note(pane.data_dir) == body, "the pasted note's save")


def test_kill_9_while_typing_into_a_long_note(binary):
    """A note's saves carry its lines and are joined only when written: with 20,000 lines, kill -9
    still takes at most the last second, and every line from before stays."""
    body = "\n".join(f"line {n} of a long note" for n in range(1, 20_001))
    worst_characters, worst_seconds = 0, 0.0
    count = runs(3, 20)
    for run in range(count):
        rng = random.Random(1_000 + run)
        pane = Pane(binary)
        try:
            pane.start()
            paste_long_note(pane, body)
            sent, killed_at = type_until_killed(pane, rng)
            pane.wait_exit()
            pane.shell("stty sane")
            check(integrity(pane.data_dir) == ["ok"], f"run {run}: integrity_check {integrity(pane.data_dir)}")
            text = saved_note(pane.data_dir)
            check(text.startswith(body), f"run {run}: the note lost lines it had before the typing")
            characters, seconds = loss(sent, killed_at, text[len(body):])
            check(seconds <= ALLOWED_LOSS, f"run {run}: lost {characters} characters typed {seconds:.2f}s before the kill")
            worst_characters, worst_seconds = max(worst_characters, characters), max(worst_seconds, seconds)
        finally:
            pane.close()
    print(f"      kill -9 while typing into a 20,000-line note: {count} runs, worst loss {worst_characters} "
          f"characters, typed {worst_seconds:.2f}s before the kill")


# Signals

def start_as_job(pane, wrapper):
    """Starts the app through `wrapper` (a script that does not exec it) as the shell's only job,
    so that Ctrl-Z stops the job and `fg` resumes it; `finish_job` records the status and modes."""
    before, after, status = (os.path.join(pane.work, n) for n in ("stty.before", "stty.after", "status"))
    for path in (after, status):
        if os.path.exists(path):
            os.remove(path)
    pane.stty_files, pane.status_file = (before, after), status
    pane.shell(f"stty -g > {before}")
    pane.shell(f"{shlex.quote(wrapper)} --data-dir {shlex.quote(pane.data_dir)}")


def finish_job(pane, command=""):
    before, after = pane.stty_files
    pane.shell(f"{command}echo $? > {pane.status_file}; stty -g > {after}")


def draft(pane, settle):
    """Types a draft in two parts, the second just before a signal; with `settle` the first part
    has had time to be saved by the debounce."""
    first, second = "before the signal: Grüße 日本 👍🏽 ", "and just now ✓"
    pane.type(first)
    pane.wait_for("before the signal")
    if settle:
        wait_until(lambda: first_answer(pane.data_dir) == first, "the debounced save")
    pane.type(second)
    pane.wait_for("and just now")
    return first, first + second


def test_signals_save_the_draft_and_restore_the_terminal(binary):
    """Signals the app can act on flush what was typed a moment ago; a crash signal sent from
    outside keeps what the debounce saved. `stty -g` is the same before and after, every time."""
    flushed = {"ctrl-c": "C-c", "SIGTERM": signal.SIGTERM, "SIGHUP": signal.SIGHUP, "SIGQUIT": signal.SIGQUIT}
    crashes = {"SIGSEGV": signal.SIGSEGV, "SIGABRT": signal.SIGABRT}
    for name, how in list({**flushed, **crashes}.items()) * runs(1, 10):
        pane = Pane(binary)
        try:
            pane.shell("ulimit -c 0")
            at_first_question(pane)
            kept, typed = draft(pane, settle=name in crashes)
            if isinstance(how, str):
                pane.keys(how)
            else:
                os.kill(pane.app_pid(), how)
            status = pane.wait_exit()
            pane.assert_stty_restored()
            saved = first_answer(pane.data_dir)
            if name in crashes:
                check(status == 128 + how, f"{name}: status {status}")
                check(saved.startswith(kept) and typed.startswith(saved), f"{name}: saved {saved!r}")
            else:
                check(status == 0, f"{name}: status {status}")
                check(saved == typed, f"{name}: saved {saved!r}")
            check(integrity(pane.data_dir) == ["ok"], f"{name}: integrity")
        finally:
            pane.close()


def test_closing_the_window_saves_the_draft(binary):
    """SIGHUP the way a terminal sends it: the tmux window is closed under the app."""
    for _ in range(runs(1, 10)):
        pane = Pane(binary)
        try:
            at_first_question(pane)
            _, typed = draft(pane, settle=False)
            pid = pane.app_pid()
            pane.tmux("kill-window", "-t", pane.name)
            wait_until(lambda: not os.path.exists(f"/proc/{pid}"), "the app to end after its window closed")
            check(first_answer(pane.data_dir) == typed, f"saved {first_answer(pane.data_dir)!r}")
            check(integrity(pane.data_dir) == ["ok"], "integrity")
        finally:
            pane.close()


def test_ctrl_z_then_fg(binary):
    """Ctrl-Z gives the terminal back as it was, stops the whole job (a wrapper script too), and
    `fg` redraws the screen so typing carries on."""
    for _ in range(runs(1, 10)):
        suspend_and_resume(binary)


def suspend_and_resume(binary):
    pane = Pane(binary)
    try:
        wrapper = os.path.join(pane.work, "wrapper")
        with open(wrapper, "w") as f:
            f.write(f'#!/bin/sh\n{shlex.quote(pane.binary)} "$@"\n')
        os.chmod(wrapper, 0o755)
        start_as_job(pane, wrapper)
        begin(pane)
        pane.keys("Enter")
        pane.wait_for("question 1 of 4")
        pane.type("before Ctrl-Z, ça va ")
        pane.wait_for("before Ctrl-Z")
        pane.keys("C-z")
        pane.wait_for("Stopped")
        suspended = os.path.join(pane.work, "stty.suspended")
        pane.shell(f"stty -g > {suspended}")
        wait_until(lambda: os.path.exists(suspended) and open(suspended).read().strip(), "stty while suspended")
        with open(pane.stty_files[0]) as a, open(suspended) as b:
            check(a.read() == b.read(), "the terminal modes while suspended are those from before the start")
        pane.shell("clear; fg")
        pane.wait_for("before Ctrl-Z")
        pane.wait_for("question 1 of 4")
        pane.type("and after fg ✓")
        pane.wait_for("and after fg")
        pane.keys("C-c")
        pane.wait_for("$")
        finish_job(pane)
        check(pane.wait_exit() == 0, "Ctrl-C after fg exits 0")
        pane.assert_stty_restored()
        saved = first_answer(pane.data_dir)
        check(saved == "before Ctrl-Z, ça va and after fg ✓", f"saved {saved!r}")
    finally:
        pane.close()


def test_plain_commands_on_a_closed_output(binary):
    """`list`, `history` and `export` into a pipe that closes early (SIGPIPE, or EPIPE when the
    signal is ignored) and onto a full device: no stack trace, no hang, one line at most."""
    home, data_dir = seeded_folder(binary, reflections=200, notes=200)
    commands = [["list"], ["history"], ["export", "--format", "markdown"]]
    ignore_sigpipe = {"default SIGPIPE": None, "ignored SIGPIPE": lambda: signal.signal(signal.SIGPIPE, signal.SIG_IGN)}
    for command in commands:
        for how, preexec in ignore_sigpipe.items():
            piped = subprocess.run(f"{shlex.quote(binary)} {' '.join(command)} --data-dir {shlex.quote(data_dir)} "
                                   f"| head -c 1 >/dev/null; echo ${{PIPESTATUS[0]}}", shell=True, executable="/bin/bash",
                                   capture_output=True, timeout=30, preexec_fn=preexec, env={"PATH": os.environ["PATH"], "HOME": home})
            status = int(piped.stdout.decode().strip() or -1)
            clean_failure(command, how, "| head -c 1", status, piped.stderr)

            reader, writer = os.pipe()
            os.close(reader)
            closed = run_plain(binary, *command, "--data-dir", data_dir, home=home, stdout=writer, preexec_fn=preexec)
            os.close(writer)
            clean_failure(command, how, "a closed pipe", closed.returncode, closed.stderr, broken=True)
        with open("/dev/full", "wb") as full:
            result = run_plain(binary, *command, "--data-dir", data_dir, home=home, stdout=full)
        clean_failure(command, "", "/dev/full", result.returncode, result.stderr, broken=True)
        check(result.returncode == 1 and result.stderr.decode().startswith("twohats: "),
              f"{command} on a full disk: {result.returncode} {result.stderr!r}")


def clean_failure(command, how, where, status, stderr, broken=False):
    what = f"{' '.join(command)} into {where} ({how})"
    status = 128 - status if status < 0 else status  # killed by a signal, as a shell reports it
    text = stderr.decode(errors="replace")
    check(not any(word in text for word in ("Fatal error", "Stack dump", "Backtrace", "Current stack trace", "0x")),
          f"{what}: a stack trace: {text}")
    check(len(text.splitlines()) <= 1, f"{what}: more than one line on stderr: {text}")
    allowed = {1, 128 + signal.SIGPIPE} | (set() if broken else {0})
    check(status in allowed, f"{what}: exit status {status}")



# Storage faults

def wait_for_words(pane, words, timeout=10.0):
    """Like `wait_for`, but across the line breaks of a wrapped message."""
    wait_until(lambda: words in " ".join(pane.screen().split()), f"{words!r} on screen; it was:\n{pane.screen()}", timeout)


def truncated(data_dir, home, binary):
    _, seeded = seeded_folder(binary, reflections=60, notes=60)
    with open(database_path(seeded), "rb") as f:
        content = f.read()
    with open(database_path(data_dir), "wb") as f:
        f.write(content[:len(content) * 3 // 5])


def from_the_future(data_dir, home, binary):
    _, seeded = seeded_folder(binary, reflections=2, notes=2)
    with sqlite3.connect(database_path(seeded)) as db:
        db.execute("INSERT INTO grdb_migrations VALUES ('v99-written-by-a-newer-twohats')")
        db.execute("CREATE TABLE mood (id TEXT PRIMARY KEY, value INTEGER)")
    db.close()
    os.replace(database_path(seeded), database_path(data_dir))


def random_bytes(data_dir, home, binary):
    with open(database_path(data_dir), "wb") as f:
        f.write(random.Random(6).randbytes(16384))


def another_program(data_dir, home, binary):
    with sqlite3.connect(database_path(data_dir)) as other:
        other.execute("CREATE TABLE contacts (name TEXT)")
        other.execute("INSERT INTO contacts VALUES ('Ada')")
    other.close()


def test_refused_files_are_left_alone(binary):
    """A database TwoHats did not write or cannot read is named on screen, never modified, and
    the contrasts can still be browsed."""
    cases = {
        "truncated": (truncated, "is damaged, so TwoHats left it untouched"),
        "random bytes": (random_bytes, "is damaged, so TwoHats left it untouched"),
        "another program's SQLite file": (another_program, "is not a TwoHats database, so TwoHats left it untouched"),
        "a newer schema": (from_the_future, "was written by a newer TwoHats, so this one left it untouched"),
    }
    for name, (make, message) in cases.items():
        pane = Pane(binary)
        try:
            os.makedirs(pane.data_dir, mode=0o700)
            make(pane.data_dir, pane.work, binary)
            before = digest(database_path(pane.data_dir))
            pane.start()
            pane.wait_for("Browse the five contrasts")
            # The store opens just after the first frame, so the problem follows the home screen.
            wait_for_words(pane, message)
            pane.keys("r")
            wait_for_words(pane, message)
            pane.keys("b", "Enter")
            pane.wait_for("1 of 5")
            pane.keys("q")
            check(pane.wait_exit() == 0, f"{name}: q exits 0")
            pane.assert_stty_restored()
            check(digest(database_path(pane.data_dir)) == before, f"{name}: the file was modified")
        finally:
            pane.close()

    pane = Pane(binary)
    try:
        with open(pane.data_dir, "w") as f:
            f.write("not a folder")
        before = digest(pane.data_dir)
        pane.start()
        pane.wait_for("Browse the five contrasts")
        wait_for_words(pane, "is a file, but TwoHats keeps its data in a folder there")
        pane.keys("r")
        pane.wait_for("Browse the five contrasts")
        pane.keys("b", "3")
        pane.wait_for("3 of 5")
        pane.keys("q")
        pane.wait_exit()
        pane.assert_stty_restored()
        check(digest(pane.data_dir) == before, "the file in the data folder's place was modified")
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
        wait_for_words(pane, "cannot write to the folder")
        pane.keys("b", "3")
        pane.wait_for("3 of 5")
        pane.keys("q")
        check(pane.wait_exit() == 0, "q exits with status 0")
        pane.assert_stty_restored()
        check(os.listdir(pane.data_dir) == [], "nothing was written in the read-only folder")
    finally:
        os.chmod(pane.data_dir, 0o755)
        pane.close()


def test_disk_full_keeps_the_text_and_saves_it_once_there_is_room(binary):
    """`ulimit -f` makes the journal's writes fail as on a full disk (SIGXFSZ is ignored, so the
    write fails instead of killing the app); raising the limit from outside is freeing space.
    256 KiB leaves the WAL room for the reflection to begin (a frame is a 16 KiB page)."""
    home, data_dir = seeded_folder(binary, reflections=0, notes=0)
    pane = Pane(binary, data_dir=data_dir)
    try:
        wrapper = os.path.join(pane.work, "small-disk")
        with open(wrapper, "w") as f:
            f.write(f'#!/bin/bash\nulimit -S -f 256\nexec {shlex.quote(pane.binary)} "$@"\n')
        os.chmod(wrapper, 0o755)
        real, pane.binary = pane.binary, wrapper
        at_first_question(pane)
        pane.binary = real
        typed = ""
        deadline = time.monotonic() + 20
        while "the disk may be full" not in " ".join(pane.screen().split()):
            check(time.monotonic() < deadline, f"no storage problem shown after typing {len(typed)} characters")
            line = f"line {len(typed)} of a long answer, 長い答え ✓\n"
            pane.type(line)
            typed += line
            time.sleep(0.1)
        wait_for_words(pane, "Not saved yet, retrying")
        pane.wait_for(f"line {typed.splitlines()[-1].split()[1]} of a long answer")
        check(first_answer(data_dir) != typed, "the last lines are not saved while the disk is full")
        pane.keys("Escape")
        pane.wait_for("Browse the five contrasts")
        pane.keys("b")
        pane.wait_for("Enter opens it.")
        subprocess.run(["prlimit", "--pid", str(pane.app_pid()), "--fsize=unlimited"], check=True)
        wait_until(lambda: first_answer(data_dir) == typed, "the text to be saved once there is room")
        pane.keys("q")
        check(pane.wait_exit() == 0, "q exits 0 once everything is saved")
        pane.assert_stty_restored()
        check(integrity(data_dir) == ["ok"], "integrity")
    finally:
        pane.close()


class Lock:
    """Another program holding the database's write lock (BEGIN EXCLUSIVE) for `seconds`."""

    def __init__(self, data_dir, seconds):
        self.connection = sqlite3.connect(database_path(data_dir), isolation_level=None, timeout=10)
        self.connection.execute("BEGIN EXCLUSIVE")
        self.release_at = time.monotonic() + seconds

    def release(self):
        time.sleep(max(0.0, self.release_at - time.monotonic()))
        self.connection.execute("ROLLBACK")
        self.connection.close()


def test_locked_database_while_typing(binary):
    """The lock outlasts the 5 s busy timeout: the message says so, the text stays in the field,
    browsing works, and once the lock is released the text is saved."""
    pane = Pane(binary)
    try:
        at_first_question(pane)
        pane.type("saved before the lock, ")
        wait_until(lambda: first_answer(pane.data_dir) == "saved before the lock, ", "the first save")
        lock = Lock(pane.data_dir, 10)
        try:
            pane.type("typed while it is locked ✓")
            wait_for_words(pane, "is locked by another program", timeout=15)
            pane.wait_for("typed while it is locked")
            pane.keys("Escape")
            pane.wait_for("Browse the five contrasts", timeout=15)
            pane.keys("b")
            pane.wait_for("Enter opens it.", timeout=15)
        finally:
            lock.release()
        typed = "saved before the lock, typed while it is locked ✓"
        wait_until(lambda: first_answer(pane.data_dir) == typed, "the save after the lock was released", timeout=15)
        pane.keys("q")
        check(pane.wait_exit() == 0, "q exits 0")
        pane.assert_stty_restored()
        check(integrity(pane.data_dir) == ["ok"], "integrity")
    finally:
        pane.close()


def test_locked_database_at_start(binary):
    """Locked before the app starts: browsing works meanwhile, and a reflection can be started and
    saved once the lock is gone, without restarting the app."""
    home, data_dir = seeded_folder(binary, reflections=0, notes=0)
    pane = Pane(binary, data_dir=data_dir)
    try:
        lock = Lock(data_dir, 10)
        try:
            pane.start()
            pane.wait_for("Browse the five contrasts")
            pane.keys("r")
            wait_for_words(pane, "is locked by another program", timeout=15)
            pane.keys("b", "2")
            pane.wait_for("2 of 5", timeout=15)
            pane.keys("Escape", "Escape")
            pane.wait_for("Browse the five contrasts", timeout=15)
        finally:
            lock.release()
        begin(pane)
        pane.keys("Enter")
        pane.wait_for("question 1 of 4")
        pane.type("after the lock")
        pane.wait_for("after the lock")
        pane.keys("C-c")
        check(pane.wait_exit() == 0, "Ctrl-C exits 0")
        pane.assert_stty_restored()
        check(first_answer(data_dir) == "after the lock", f"saved {first_answer(data_dir)!r}")
    finally:
        pane.close()


# Two copies on one folder

def reflect_until(pane, deadline, typed):
    """Whole reflections, answer after answer, until `deadline`; every answer ends with Tab."""
    while True:
        begin(pane)
        for contrast in range(5):
            pane.wait_for(f"Contrast {contrast + 1} of 5")
            pane.keys("Enter")
            for prompt in range(4):
                pane.wait_for(f"question {prompt + 1} of 4")
                if time.monotonic() > deadline:
                    return
                text = f"answer {len(typed)} from the first copy, ça marche 日本"
                pane.type(text)
                pane.wait_for(f"answer {len(typed)} from the first copy")
                typed.append(text)
                pane.keys("Tab")
        text = f"commitment {len(typed)} from the first copy"
        review_and_commit(pane, text)
        typed.append(text)
        pane.keys("Enter")


def notes_until(pane, deadline, typed):
    """Notes about the second contrast, one after another, until `deadline`."""
    pane.wait_for("Browse the five contrasts")
    pane.keys("b", "2")
    pane.wait_for("2 of 5")
    while time.monotonic() < deadline:
        pane.keys("n")
        pane.wait_for("Note · Sell")
        text = f"note {len(typed)} from the second copy, Grüße 👍🏽"
        pane.type(text)
        pane.wait_for(f"note {len(typed)} from the second copy")
        typed.append(text)
        pane.keys("Escape")
        pane.wait_for(f"You have {len(typed)} note")


def test_two_copies_typing_into_one_folder(binary):
    seconds = runs(10, 60)
    data_dir = tempfile.mkdtemp(prefix="twohats-faults-shared-")
    panes = [Pane(binary, data_dir=data_dir), Pane(binary, data_dir=data_dir)]
    typed = ([], [])
    problems = []
    try:
        panes[0].start()
        panes[0].wait_for("Browse the five contrasts")
        panes[1].start()
        deadline = time.monotonic() + seconds

        def work(body, pane, texts):
            try:
                body(pane, deadline, texts)
                pane.keys("C-c")
                pane.wait_exit(timeout=20)
                pane.assert_stty_restored()
            except Exception as problem:
                problems.append(problem)

        threads = [threading.Thread(target=work, args=(body, pane, texts))
                   for body, pane, texts in zip((reflect_until, notes_until), panes, typed)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        if problems:
            raise problems[0]
        check(all(len(texts) > 3 for texts in typed), f"each copy typed something: {[len(t) for t in typed]}")
        with read_only(data_dir) as db:
            saved = {text for (text,) in db.execute("SELECT text FROM answer UNION SELECT text FROM commitment")}
            notes = {text for (text,) in db.execute("SELECT text FROM note")}
        missing = [t for t in typed[0] if t not in saved] + [t for t in typed[1] if t not in notes]
        check(not missing, f"lost writes: {missing}")
        check(integrity(data_dir) == ["ok"], "integrity")
        print(f"      two copies for {seconds}s: {len(typed[0])} answers and {len(typed[1])} notes, all saved")
    finally:
        for pane in panes:
            pane.close()

TESTS = [
    test_kill_9_while_typing,
    test_kill_9_while_typing_into_a_long_note,
    test_signals_save_the_draft_and_restore_the_terminal,
    test_closing_the_window_saves_the_draft,
    test_ctrl_z_then_fg,
    test_plain_commands_on_a_closed_output,
    test_refused_files_are_left_alone,
    test_read_only_data_folder,
    test_disk_full_keeps_the_text_and_saves_it_once_there_is_room,
    test_locked_database_while_typing,
    test_locked_database_at_start,
    test_two_copies_typing_into_one_folder,
]
