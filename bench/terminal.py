"""A program in a pseudo-terminal, its output parsed by pyte as an 80x24 xterm would show it.

Every read is timestamped the moment it returns, before pyte parses it, so the emulator's
own cost is not counted against the program. A frame is "drawn" when the emulated screen
equals a target captured beforehand (or holds a text), which works the same for every
program measured.
"""
import fcntl
import os
import pty
import select
import signal
import struct
import termios
import time

import pyte

APP_CURSOR_ON = b"\x1b[?1h"
APP_CURSOR_OFF = b"\x1b[?1l"
KEYS = {"down": "B", "up": "A", "right": "C", "left": "D"}


class Exited(Exception):
    """The program closed the terminal before the frame we waited for appeared."""


class Timeout(Exception):
    pass


def now():
    return time.perf_counter_ns()


class Terminal:
    # Every terminal not yet closed, so that a benchmark that fails leaves no program behind.
    live = set()

    @classmethod
    def close_all(cls):
        for term in list(cls.live):
            term.close(signal.SIGKILL)

    def __init__(self, argv, env, columns=80, rows=24):
        self.columns, self.rows = columns, rows
        self.screen = pyte.Screen(columns, rows)
        self.stream = pyte.ByteStream(self.screen)
        self.app_cursor = False
        self.received = 0
        self.closed = False
        self._rows = []
        self.output = bytearray()
        self.started = now()
        pid, fd = pty.fork()
        if pid == 0:
            self._set_size(0, columns, rows)
            try:
                os.execve(argv[0], argv, env)
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd
        self.exit_status = None
        Terminal.live.add(self)

    @staticmethod
    def _set_size(fd, columns, rows):
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))

    # Input -------------------------------------------------------------------------------

    def write(self, data):
        if isinstance(data, str):
            data = data.encode()
        view = memoryview(data)
        while view:
            _, ready, _ = select.select([], [self.fd], [], 0.05)
            if ready:
                view = view[os.write(self.fd, view):]
            else:
                # A big paste: drain the screen so the program is never blocked writing to us.
                self._read_available(0)
        return now()

    def key(self, name):
        """The bytes an xterm sends for an arrow key, honouring application cursor mode."""
        return ("\x1bO" if self.app_cursor else "\x1b[") + KEYS[name]

    def resize(self, columns, rows):
        self.columns, self.rows = columns, rows
        self.screen.resize(rows, columns)
        stamp = now()
        self._set_size(self.fd, columns, rows)
        return stamp

    # Output ------------------------------------------------------------------------------

    def _read_available(self, timeout):
        """Reads whatever arrives within `timeout` seconds (then all that follows at once).
        Returns the timestamp of the last read, or None when nothing came."""
        if self.closed:
            raise Exited()
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return None
        chunks, stamp = [], None
        while True:
            try:
                chunk = os.read(self.fd, 1 << 16)
            except OSError:
                chunk = b""
            if not chunk:
                self.closed = True
                break
            stamp = now()
            chunks.append(chunk)
            ready, _, _ = select.select([self.fd], [], [], 0)
            if not ready:
                break
        data = b"".join(chunks)
        self._feed(data)
        if not data and self.closed:
            raise Exited()
        return stamp

    def _feed(self, data):
        self.output += data
        self.received += len(data)
        on, off = data.rfind(APP_CURSOR_ON), data.rfind(APP_CURSOR_OFF)
        if on != off:
            self.app_cursor = on > off
        self.stream.feed(data)

    def wait(self, done, timeout=10.0):
        """Reads until `done(self)` holds; returns the timestamp of the read that made it so."""
        deadline = time.monotonic() + timeout
        if done(self):
            return now()
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise Timeout(self.text())
            stamp = self._read_available(left)
            if stamp is not None and done(self):
                return stamp

    def settle(self, quiet=0.15, timeout=10.0):
        """Reads until nothing has arrived for `quiet` seconds."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                if self._read_available(quiet) is None:
                    return
            except Exited:
                return
        raise Timeout(self.text())

    def drain(self, seconds):
        """Keeps reading for `seconds`, so late bytes are counted against the right key."""
        end = time.monotonic() + seconds
        while (left := end - time.monotonic()) > 0:
            try:
                self._read_available(left)
            except Exited:
                return

    # The screen --------------------------------------------------------------------------

    def text(self):
        return "\n".join(self.screen.display)

    def contains(self, needle):
        return lambda term: any(needle in line for line in term.screen.display)

    def snapshot(self):
        """Characters and looks of every cell, and the cursor when it is shown. Only the
        lines pyte marked dirty are read again, so checking after each read stays cheap."""
        screen = self.screen
        if len(self._rows) != screen.lines or any(len(r) != screen.columns for r in self._rows[:1]):
            self._rows = [None] * screen.lines
            screen.dirty.update(range(screen.lines))
        for y in screen.dirty:
            if y < screen.lines:
                line = screen.buffer[y]
                self._rows[y] = tuple((c.data, c.fg, c.bg, c.reverse, c.bold) for c in (line[x] for x in range(screen.columns)))
        screen.dirty.clear()
        cursor = None if screen.cursor.hidden else (screen.cursor.x, screen.cursor.y)
        return (tuple(self._rows), cursor)

    def wrote(self, needle, since):
        """Whether the program wrote `needle` after byte `since` of its output."""
        return lambda term: term.output.find(needle, since) >= 0

    def shows(self, target):
        return lambda term: term.snapshot() == target

    def cursor(self):
        return (self.screen.cursor.x, self.screen.cursor.y)

    # The process -------------------------------------------------------------------------

    def peak_rss_kib(self):
        with open(f"/proc/{self.pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
        return None

    def close(self, sig=signal.SIGTERM, timeout=5.0):
        if self.exit_status is None:
            try:
                os.kill(self.pid, sig)
            except ProcessLookupError:
                pass
            self.wait_exit(timeout)
        if self in Terminal.live:
            Terminal.live.discard(self)
            os.close(self.fd)

    def wait_exit(self, timeout=5.0):
        deadline = time.monotonic() + timeout
        while self.exit_status is None:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.exit_status = status
                return status
            if time.monotonic() > deadline:
                os.kill(self.pid, signal.SIGKILL)
                _, self.exit_status = os.waitpid(self.pid, 0)
                return self.exit_status
            try:
                self._read_available(0.01)
            except Exited:
                time.sleep(0.005)
        return self.exit_status
