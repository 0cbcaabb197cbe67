"""Temporary homes for every program the benchmarks run: the user's data is never touched."""
import os
import shutil
import subprocess
import tempfile

TERMINAL = {"TERM": "xterm-256color", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}


class Sandbox:
    """One temporary folder holding HOME, the XDG folders and TwoHats data folders."""

    def __init__(self, binary):
        self.binary = os.path.abspath(binary)
        self.root = tempfile.mkdtemp(prefix="twohats-bench-")
        home = self.path("home")
        self.env = {
            "PATH": "/usr/local/bin:/usr/bin:/bin",
            "HOME": home,
            "XDG_DATA_HOME": self.path("home/.local/share"),
            "XDG_CONFIG_HOME": self.path("home/.config"),
            "XDG_CACHE_HOME": self.path("home/.cache"),
            "XDG_STATE_HOME": self.path("home/.local/state"),
            "XDG_RUNTIME_DIR": self.path("runtime"),
            **TERMINAL,
        }
        os.chmod(self.env["XDG_RUNTIME_DIR"], 0o700)

    def path(self, name):
        full = os.path.join(self.root, name)
        os.makedirs(full, exist_ok=True)
        return full

    def data(self, name):
        """A data folder path (not created: TwoHats makes it 0700 itself)."""
        return os.path.join(self.root, "data", name)

    def twohats(self, data, *arguments):
        """`twohats [SUBCOMMAND ...] --data-dir DATA`: options belong after the subcommand."""
        return [self.binary, *arguments, "--data-dir", data]

    def run(self, argv, check=True):
        return subprocess.run(argv, env=self.env, check=check, capture_output=True, text=True)

    def close(self):
        shutil.rmtree(self.root, ignore_errors=True)


def dialog(*arguments):
    return ["/usr/bin/dialog", *arguments]


def whiptail(*arguments):
    return ["/usr/bin/whiptail", *arguments]


MENU_ITEMS = ["1", "Vision and goals", "2", "People and systems", "3", "Change and order",
              "4", "Trust and control", "5", "Why and how"]


def dialog_menu():
    return dialog("--menu", "Pick a contrast", "15", "60", "5", *MENU_ITEMS)


def whiptail_menu():
    return whiptail("--menu", "Pick a contrast", "15", "60", "5", *MENU_ITEMS)


def floor_echo():
    return ["/bin/echo", "Browse the five contrasts"]


def floor_cat():
    """`cat` with the terminal raw: each byte goes through a process and back, nothing more."""
    return ["/bin/sh", "-c", "stty raw -echo; exec cat"]
