"""Monkey test: random keys, broken escape sequences, control keys, pastes and resizes down to
1x1, in bursts, against the real binary. After each burst the app must be alive and redraw
within 100 ms when the window changes size; at the end the database passes PRAGMA
integrity_check and the terminal modes are back. TWOHATS_MONKEY_SEED=N replays a run."""
import os
import random
import sqlite3
import time

from tmux_harness import Failure, Pane, runs

FRAME_BUDGET = 0.100
TMUX_RESIZE_DELAY = 0.55
# Ctrl-\ is left out: in the gaps between two runs of the app the terminal is cooked, and
# SIGQUIT there would stop the loop that restarts it. Ctrl-Z is a raw key to the app; Ctrl-C,
# which quits from anywhere, is sent rarely so that most bursts reach a deep state.
CONTROL_BYTES = [b for b in range(0x00, 0x20) if b not in (0x03, 0x1B, 0x1C)] + [0x7F]
SEQUENCES = [
    "\x1b[A", "\x1b[B", "\x1b[C", "\x1b[D", "\x1bOA", "\x1bOH", "\x1b[H", "\x1b[F", "\x1b[5~", "\x1b[6~",
    "\x1b[3~", "\x1b[Z", "\x1b[1;5C", "\x1b[1;5D", "\x1b[1;3C", "\x1bOP", "\x1b[11~", "\x1b[15~", "\x1b[2~",
    "\x1bb", "\x1bf", "\x1bq", "\x1b\x1b", "\x1b[200~", "\x1b[201~",
]
BROKEN = ["\x1b[", "\x1b[1;", "\x1b[99999999999999999999", "\x1bO", "\x1b[?1049", "\x1b]52;c;aGk=", "\x1b[1;5",
          "\x1bP", "\x1b[<0;1;1M", "\x1b[" + "9" * 40 + "~"]
SCRIPTS = [(0x20, 0x7E), (0xA0, 0x24F), (0x300, 0x36F), (0x391, 0x3C9), (0x5D0, 0x5EA), (0x3041, 0x30FF),
           (0x4E00, 0x9FFF), (0x1F300, 0x1F64F)]
SIZES = [(80, 24), (120, 40), (40, 12), (41, 13), (100, 30)]


def check(condition, message):
    if not condition:
        raise Failure(message)


class Monkey:
    """The app restarted in a loop by the shell, so that a quitting key (q, Esc at home, Ctrl-C)
    ends one run and the next one starts: `stty -g` and the exit status are kept for every run.
    Keys that land between two runs reach a cooked terminal: -isig keeps them from raising
    signals, -ixon keeps a Ctrl-S from freezing the output for the next run, and without job
    control the app inherits SIGTSTP ignored, so Ctrl-Z (which it raises itself) cannot stop it
    where no shell would continue it."""

    def __init__(self, binary, seed):
        self.random = random.Random(seed)
        self.seed_text = str(seed)
        self.pane = Pane(binary, env={"VISUAL": "true", "EDITOR": "true"})
        self.output = os.path.join(self.pane.work, "output")
        self.run = 1
        self.keys = 0
        self.bursts = 0
        self.frames = []
        self.slow = 0
        self.size = (80, 24)
        self.resized_at = 0.0
        self.pane.tmux("pipe-pane", "-t", self.pane.name, "-o", f"cat >> {self.output}")
        work, data = self.pane.work, self.pane.data_dir
        self.pane.shell(
            f"set +m; trap '' INT QUIT TSTP; stty -ixon -isig; for i in $(seq 1 100000); do stty -g > {work}/before.$i; "
            f"{self.pane.binary} --data-dir {data}; echo $? > {work}/status.$i; stty -g > {work}/after.$i; "
            f"until [ -e {work}/go.$i ]; do sleep 0.02; done; done")
        self.wait_started(0)

    def path(self, name, run=None):
        return os.path.join(self.pane.work, f"{name}.{run or self.run}")

    def exited(self):
        return os.path.exists(self.path("status"))

    def wait_started(self, written):
        """Waits for a run's first frame: keys typed ahead, read by the new run, may have moved it on from home."""
        deadline = time.monotonic() + 10
        while self.output_size() <= written:
            check(time.monotonic() < deadline, f"run {self.run} drew nothing in 10 s:\n" + self.pane.screen())
            time.sleep(0.01)
        self.quiet()

    def restart_if_ended(self):
        """A run that ended must have ended cleanly; then the next one starts."""
        if not self.exited():
            return
        time.sleep(0.05)
        with open(self.path("status")) as f:
            status = int(f.read().strip() or -1)
        check(status == 0, f"run {self.run} ended with status {status} (seed {self.seed_text})")
        self.check_stty(self.run)
        written = self.output_size()
        self.resize(*SIZES[0])
        open(self.path("go"), "w").close()
        self.run += 1
        self.wait_started(written)

    def check_stty(self, run):
        deadline = time.monotonic() + 5
        while not os.path.exists(self.path("after", run)) and time.monotonic() < deadline:
            time.sleep(0.01)
        with open(self.path("before", run)) as before, open(self.path("after", run)) as after:
            modes = before.read().strip(), after.read().strip()
        check(modes[0] == modes[1], f"run {run}: terminal modes not restored: {modes}")

    def output_size(self):
        try:
            return os.path.getsize(self.output)
        except OSError:
            return 0

    def quiet(self, settle=0.06, timeout=10.0):
        """Waits until the app has written nothing for `settle` seconds; returns when it last wrote."""
        deadline = time.monotonic() + timeout
        size, changed = self.output_size(), time.monotonic()
        while time.monotonic() - changed < settle:
            check(time.monotonic() < deadline, f"the app kept writing for {timeout}s (seed {self.seed_text})")
            time.sleep(0.002)
            now = self.output_size()
            if now != size:
                size, changed = now, time.monotonic()
        return changed

    def resize(self, columns, rows):
        self.size = (columns, rows)
        self.pane.resize(columns, rows)
        self.resized_at = time.monotonic()

    # One burst: a few chunks sent together, with short pauses between them.
    def burst(self, keys):
        sent = 0
        while sent < keys and not self.exited():
            sent += self.chunk(min(keys - sent, self.random.randint(1, 40)))
            roll = self.random.random()
            if roll < 0.08:
                self.resize(self.random.randint(1, 150), self.random.randint(1, 50))
            elif roll < 0.12:
                self.resize(1, 1)
            time.sleep(self.random.choice((0, 0, 0.005, 0.03)))
        self.keys += sent
        self.bursts += 1

    def chunk(self, keys):
        if self.random.random() < 0.08:
            self.pane.paste(self.text(self.random.randint(0, 400), newlines=True))
            return 1
        data = bytearray()
        for _ in range(keys):
            roll = self.random.random()
            if roll < 0.55:
                data += self.text(1).encode()
            elif roll < 0.75:
                data += self.random.choice(SEQUENCES).encode()
            elif roll < 0.83:
                data += self.random.choice(BROKEN).encode()
            elif roll < 0.9695:
                data.append(self.random.choice(CONTROL_BYTES))
            elif roll < 0.97:
                data.append(0x03)
            else:
                data += bytes([0xFF, 0xC3, 0x28, 0xE2, 0x82][self.random.randint(0, 4):])
        self.pane.tmux("send-keys", "-t", self.pane.name, "-H", *(f"{b:02x}" for b in data))
        return keys

    def text(self, length, newlines=False):
        characters = []
        for _ in range(length):
            if newlines and self.random.random() < 0.05:
                characters.append(self.random.choice(("\n", "\r\n", "\t", "\x1b[31m")))
                continue
            low, high = self.random.choice(SCRIPTS)
            characters.append(chr(self.random.randint(low, high)))
        return "".join(characters)

    def frame_after_resize(self):
        """Time from a resize to the end of the redraw it causes; None when nothing was drawn."""
        # tmux holds a pane's resize back until 250 ms after the last one it passed on (its
        # resize timer), and may itself be holding the last one: wait both out, so that what is
        # timed is the app and not tmux.
        time.sleep(max(0.0, self.resized_at + TMUX_RESIZE_DELAY - time.monotonic()))
        start_size = self.output_size()
        choices = [s for s in SIZES if s != self.size]
        started = time.monotonic()
        self.resize(*self.random.choice(choices))
        while self.output_size() == start_size:
            if time.monotonic() - started > 2.0:
                return None
            time.sleep(0.001)
        return self.quiet(settle=0.03) - started

    def check_frame(self):
        self.quiet()
        if self.exited():
            return
        elapsed = self.frame_after_resize()
        # A late frame on a loaded machine is the scheduler; three in a row is the app.
        for _ in range(2):
            if elapsed is None or elapsed <= FRAME_BUDGET or self.exited():
                break
            self.slow += 1
            self.quiet()
            elapsed = self.frame_after_resize()
        if self.exited():
            return
        if elapsed is None:
            raise Failure(f"no frame within 2 s of a resize after burst {self.bursts} (seed {self.seed_text}):\n"
                          + self.pane.screen())
        check(elapsed <= FRAME_BUDGET, f"the frame took {elapsed * 1000:.0f} ms after burst {self.bursts} (seed {self.seed_text})")
        self.frames.append(elapsed)
        screen = self.pane.screen().rstrip("\n").split("\n")
        check(len(screen) == self.size[1] and screen[-1].strip(), f"no footer at {self.size}:\n" + "\n".join(screen))

    def finish(self):
        # A burst may end inside a bracketed paste, where Ctrl-C is pasted text until the
        # paste times out after a second of quiet; so Ctrl-C is sent again until it ends the app.
        deadline = time.monotonic() + 10
        sent = 0.0
        while not self.exited():
            check(time.monotonic() < deadline, "Ctrl-C did not end the app")
            if time.monotonic() - sent > 1.5:
                self.pane.keys("C-c")
                sent = time.monotonic()
            time.sleep(0.02)
        with open(self.path("status")) as f:
            check(f.read().strip() == "0", "the last run did not end with status 0")
        self.check_stty(self.run)
        database = os.path.join(self.pane.data_dir, "twohats.sqlite")
        with sqlite3.connect(database) as connection:
            result = connection.execute("PRAGMA integrity_check").fetchall()
        check(result == [("ok",)], f"integrity_check: {result}")


def test_monkey_keys_and_resizes(binary):
    total = runs(5_000, 25_000)
    seed = int(os.environ.get("TWOHATS_MONKEY_SEED", time.time_ns() % 1_000_000))
    print(f"monkey: seed {seed} (TWOHATS_MONKEY_SEED={seed} replays it), {total} keys")
    monkey = Monkey(binary, seed)
    try:
        while monkey.keys < total:
            monkey.burst(min(total - monkey.keys, monkey.random.randint(50, 300)))
            monkey.restart_if_ended()
            monkey.check_frame()
            monkey.restart_if_ended()
        monkey.finish()
        frames = sorted(monkey.frames)
        print(f"monkey: {monkey.keys} keys in {monkey.bursts} bursts, {monkey.run} runs of the app, "
              f"{len(frames)} frames after a resize: median {frames[len(frames) // 2] * 1000:.1f} ms, "
              f"worst {frames[-1] * 1000:.1f} ms, {monkey.slow} late and timed again")
    finally:
        monkey.pane.close()


TESTS = [test_monkey_keys_and_resizes]
