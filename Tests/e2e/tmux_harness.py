"""Drives the real twohats binary in a tmux pane, the way a person at a terminal would."""
import os
import shlex
import subprocess
import tempfile
import time
import uuid


# Set by `run.py --torture` (`make torture`): fault tests then run their long versions.
TORTURE = False


def runs(short, long):
    """How many times a fault test repeats: `short` in `make test`, `long` in `make torture`."""
    return long if TORTURE else short


class Failure(AssertionError):
    pass


def tmux(*args, check=True, socket=None):
    prefix = ["-L", socket] if socket else []
    result = subprocess.run(["tmux", *prefix, *args], capture_output=True, text=True)
    if check and result.returncode != 0:
        raise Failure(f"tmux {' '.join(args)}: {result.stderr.strip()}")
    return result.stdout


class Pane:
    """One tmux session running a shell; the app is started inside it so that `stty -g`
    can be read from the same terminal before and after."""

    def __init__(self, binary, columns=80, rows=24, env=None, data_dir=None):
        self.binary = os.path.abspath(binary)
        self.name = "twohats-e2e-" + uuid.uuid4().hex[:8]
        self.work = tempfile.mkdtemp(prefix="twohats-e2e-")
        self.data_dir = data_dir or os.path.join(self.work, "data")
        environment = {"TERM": "xterm-256color", "LANG": "C.UTF-8", "PS1": "$ ", "HOME": self.work}
        environment.update(env or {})
        exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in environment.items())
        self.tmux("new-session", "-d", "-s", self.name, "-x", str(columns), "-y", str(rows),
             f"env -i PATH={shlex.quote(os.environ.get('PATH', '/usr/bin:/bin'))} {exports} bash --norc --noprofile")
        self.tmux("set-option", "-t", self.name, "remain-on-exit", "on")
        self.wait_for("$")

    def tmux(self, *args, check=True):
        """Each pane has its own tmux server, so closing one never races the next."""
        return tmux(*args, check=check, socket=self.name)

    def shell(self, command):
        self.keys(command, "Enter")

    def start(self, *args, record_stty=True, unset_env=()):
        """Starts the app; `stty -g` is written to files before and after it runs."""
        quoted = " ".join(shlex.quote(a) for a in args)
        prefix = " ".join(f"-u {shlex.quote(name)}" for name in unset_env)
        before, after, status = (os.path.join(self.work, n) for n in ("stty.before", "stty.after", "status"))
        for path in (after, status):
            if os.path.exists(path):
                os.remove(path)
        self.stty_files = (before, after)
        self.status_file = status
        command = (f"stty -g > {before}; env {prefix} {shlex.quote(self.binary)} --data-dir {shlex.quote(self.data_dir)} {quoted}; "
                   f"echo $? > {status}; stty -g > {after}; clear")
        self.shell(command)

    def keys(self, *keys):
        self.tmux("send-keys", "-t", self.name, *keys)

    def type(self, text):
        self.tmux("send-keys", "-t", self.name, "-l", text)

    def paste(self, text):
        self.tmux("set-buffer", "-b", self.name, "--", text)  # "--": a paste may start with "-"
        self.tmux("paste-buffer", "-p", "-b", self.name, "-t", self.name)

    def screen(self, escapes=False):
        args = ["capture-pane", "-p", "-t", self.name]
        if escapes:
            args.insert(1, "-e")
        return self.tmux(*args)

    def wait_for(self, text, timeout=10.0, gone=False):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if (text in screen) != gone:
                return screen
            time.sleep(0.03)
        raise Failure(f"waited {timeout}s for {'absence of ' if gone else ''}{text!r}; screen was:\n{self.screen()}")

    def resize(self, columns, rows):
        self.tmux("resize-window", "-t", self.name, "-x", str(columns), "-y", str(rows))

    def app_pid(self, timeout=5.0):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            out = subprocess.run(["pgrep", "-f", "--", f"--data-dir {self.data_dir}"], capture_output=True, text=True).stdout.split()
            pids = [p for p in out if self._is_app(p)]
            if pids:
                return int(pids[0])
            time.sleep(0.03)
        raise Failure("the app is not running")

    def _is_app(self, pid):
        try:
            return os.readlink(f"/proc/{pid}/exe") == os.path.realpath(self.binary)
        except OSError:
            return False

    def wait_exit(self, timeout=10.0):
        """Waits for the app to end; returns its exit status."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if os.path.exists(self.status_file) and os.path.exists(self.stty_files[1]):
                with open(self.status_file) as f:
                    content = f.read().strip()
                with open(self.stty_files[1]) as f:
                    modes = f.read().strip()
                if content and modes:
                    return int(content)
            time.sleep(0.03)
        raise Failure(f"the app did not exit; screen:\n{self.screen()}")

    def assert_stty_restored(self):
        before, after = (open(p).read().strip() for p in self.stty_files)
        if before != after:
            raise Failure(f"terminal modes not restored: before {before!r}, after {after!r}")

    def close(self):
        self.tmux("kill-server", check=False)
