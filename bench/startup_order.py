#!/usr/bin/env python3
"""Writes bench/startup.order: the functions and data the release binary touches before its
first frame, in the order it first touches them, for the linker's --symbol-ordering-file.

Usage: startup_order.py BINARY [OUT]

Page faults, not instructions, set the time to the first frame: the binary is 20 MB of code
and 38 MB of data, and the start touches a little of it everywhere. Laid out together, what
the start needs takes fewer pages (see bench/notes.md). The binary runs in a pseudo-terminal
of 80x24 under valgrind twice, and a preloaded write() wrapper ends it the moment the home
screen is written, so nothing after the frame is counted. Functions come from callgrind, in
the order its profile lists them: by object file, then as first met (in 20 starts each, 354
to 363 page faults against 363 and 364 for the order of first execution: most code cannot
be moved a function at a time, only a file's code at once). Data symbols come
from lackey, which logs every load and store, in the order first touched; each address is
matched to the symbol that holds it, so BINARY must be linked at a fixed address (the release
build is). Symbols that a later build
no longer has are skipped by the linker, and new ones go where they would go without the
file; run this again (`make startup-order`) after a large change and commit the result.
"""
import bisect
import fcntl
import os
import pty
import re
import select
import shutil
import struct
import subprocess
import sys
import tempfile
import termios

HERE = os.path.dirname(os.path.abspath(__file__))
MARKER = "Browse the five contrasts"
# The status the wrapper exits with once the marker is written, so a start that failed or
# ended some other way is told apart from one that showed the home screen.
SHOWN = 77
IDLE_SECONDS = 60

# Exits as soon as a write to the terminal holds the home screen.
STOP_AT_FRAME = r"""
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
ssize_t write(int fd, const void *buf, size_t n) {
    static ssize_t (*real)(int, const void *, size_t);
    if (!real) real = (ssize_t (*)(int, const void *, size_t))dlsym(RTLD_NEXT, "write");
    ssize_t written = real(fd, buf, n);
    const char *marker = getenv("STARTUP_ORDER_MARKER");
    if (fd == 1 && marker && memmem(buf, n, marker, strlen(marker))) _exit(%d);
    return written;
}
""" % SHOWN


def fail(message):
    sys.exit(f"startup_order.py: {message}")


def compiler():
    for name in ("cc", "gcc", "clang"):
        if shutil.which(name):
            return name
    fail("no C compiler (cc, gcc or clang) on PATH")


def run_in_terminal(argv, env):
    """Runs `argv` in an 80x24 pseudo-terminal until it exits, or until it has been silent
    for IDLE_SECONDS (then it is killed); returns its exit status, or None when killed."""
    pid, fd = pty.fork()
    if pid == 0:
        try:
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
            os.execve(argv[0], argv, env)
        finally:
            os._exit(127)
    killed = False
    while True:
        ready, _, _ = select.select([fd], [], [], IDLE_SECONDS)
        if not ready:
            os.kill(pid, 9)
            killed = True
            break
        try:
            if not os.read(fd, 1 << 16):
                break
        except OSError:
            break
    _, status = os.waitpid(pid, 0)
    os.close(fd)
    return None if killed or not os.WIFEXITED(status) else os.WEXITSTATUS(status)


def symbols(binary, kinds):
    """(start, size, name) of the binary's defined symbols of the given nm kinds, by address."""
    found = []
    listing = subprocess.run(["nm", "-S", "--defined-only", binary], capture_output=True, text=True, check=True)
    for line in listing.stdout.splitlines():
        parts = line.split()
        if len(parts) == 4 and parts[2] in kinds:
            found.append((int(parts[0], 16), int(parts[1], 16), parts[3]))
    return sorted(found)


def first_touched(table, addresses):
    """The names of `table` (from `symbols`) that hold `addresses`, in the order first met."""
    starts = [entry[0] for entry in table]
    names, seen = [], set()
    for address in addresses:
        index = bisect.bisect_right(starts, address) - 1
        if index >= 0:
            start, size, name = table[index]
            if address < start + max(size, 1) and name not in seen:
                seen.add(name)
                names.append(name)
    return names


def accesses(lackey_log):
    """The data addresses in lackey's log (stores, loads and modifies, in that order)."""
    for line in open(lackey_log, errors="replace"):
        if line[:2] in (" S", " L", " M"):
            yield int(line[3:].split(",")[0], 16)


def functions(callgrind_out, defined):
    """The functions of `defined` in callgrind's profile, in the order it names them (each
    function the first time it appears, as a caller or a callee)."""
    names, seen = [], set()
    for line in open(callgrind_out, errors="replace"):
        match = re.match(r"^c?fn=\(\d+\) (.+)$", line.rstrip("\n"))
        # Callgrind marks a recursive call's frame with 'N; the symbol is the same.
        name = re.sub(r"'\d+$", "", match.group(1)) if match else None
        if name in defined and name not in seen:
            seen.add(name)
            names.append(name)
    return names


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    binary = os.path.abspath(sys.argv[1])
    out = sys.argv[2] if len(sys.argv) == 3 else os.path.join(HERE, "startup.order")
    for tool in ("valgrind", "objcopy", "nm", "readelf"):
        if not shutil.which(tool):
            fail(f"{tool} is not installed (apt install valgrind binutils)")
    header = subprocess.run(["readelf", "-h", binary], capture_output=True, text=True, check=True).stdout
    if "EXEC (Executable file)" not in header:
        fail(f"{binary} is position-independent; its addresses change at every run, so they "
             "cannot be matched to its symbols (build it with `make build`)")
    with tempfile.TemporaryDirectory(prefix="twohats-order-") as root:
        shim = os.path.join(root, "stop-at-frame.so")
        source = os.path.join(root, "stop-at-frame.c")
        with open(source, "w") as f:
            f.write(STOP_AT_FRAME)
        subprocess.run([compiler(), "-O2", "-shared", "-fPIC", "-o", shim, source, "-ldl"], check=True)
        # valgrind 3.19 cannot read the DWARF 5 that Swift writes; the symbols are what counts.
        stripped = os.path.join(root, "twohats")
        subprocess.run(["objcopy", "--strip-debug", binary, stripped], check=True)
        home = os.path.join(root, "home")
        env = {"PATH": "/usr/bin:/bin", "HOME": home, "TERM": "xterm-256color", "LANG": "C.UTF-8",
               "XDG_DATA_HOME": os.path.join(home, "data"), "XDG_CONFIG_HOME": os.path.join(home, "config"),
               "LD_PRELOAD": shim, "STARTUP_ORDER_MARKER": MARKER}
        app = [stripped, "--data-dir", os.path.join(root, "data")]
        # The first start creates the data folder; the measured start finds it, as users do.
        if run_in_terminal(app, env) != SHOWN:
            fail(f"{binary} did not show the home screen (\"{MARKER}\") in a terminal of 80x24")
        callgrind_out = os.path.join(root, "callgrind.out")
        lackey_log = os.path.join(root, "lackey.log")
        runs = {
            "callgrind": ["--demangle=no", f"--callgrind-out-file={callgrind_out}", f"--log-file={root}/callgrind.log"],
            "lackey": ["--trace-mem=yes", f"--log-file={lackey_log}"],
        }
        for tool, options in runs.items():
            status = run_in_terminal([shutil.which("valgrind"), f"--tool={tool}", *options, *app], env)
            if status != SHOWN:
                fail(f"under valgrind's {tool}, {binary} did not show the home screen (status {status})")
        code = functions(callgrind_out, {entry[2] for entry in symbols(stripped, "tTwW")})
        touched = first_touched(symbols(stripped, "bBdD"), accesses(lackey_log))
    with open(out, "w") as f:
        f.write("# Written by bench/startup_order.py: what the start touches before the first frame, in order.\n")
        f.write(f"# {len(code)} functions, then {len(touched)} data symbols.\n")
        f.write("\n".join(code + touched) + "\n")
    print(f"{out}: {len(code)} functions, {len(touched)} data symbols")


if __name__ == "__main__":
    main()
