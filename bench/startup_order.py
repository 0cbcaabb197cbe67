#!/usr/bin/env python3
"""Writes bench/startup.order: the functions and data the release binary touches before its
first frame, in the order it first touches them, for the linker's --symbol-ordering-file.

Usage: startup_order.py BINARY [OUT]

Page faults, not instructions, set the time to the first frame: the binary is 20 MB of code
and 38 MB of data, and the start touches a little of it everywhere. Laid out together, what
the start needs takes fewer pages (see bench/notes.md). The binary runs in a pseudo-terminal
of 80x24 under valgrind twice, callgrind for the functions and lackey for the data it reads
and writes, and a preloaded write() wrapper ends it the moment the home screen is written,
so nothing after the frame is counted. Symbols that a later build no longer has are skipped
by the linker, and new ones go where they would go without the file; run this again
(`make startup-order`) after a large change and commit the result.
"""
import bisect
import os
import pty
import re
import select
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
MARKER = "Browse the five contrasts"

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
    if (fd == 1 && marker && memmem(buf, n, marker, strlen(marker))) _exit(0);
    return written;
}
"""


def compiler():
    for name in ("cc", "gcc", "clang"):
        if shutil.which(name):
            return name
    sys.exit("startup_order.py: no C compiler (cc, gcc or clang) on PATH")


def run_in_terminal(argv, env, timeout=120):
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(argv[0], argv, env)
    while True:
        ready, _, _ = select.select([fd], [], [], timeout)
        if not ready:
            os.kill(pid, 9)
            break
        try:
            if not os.read(fd, 1 << 16):
                break
        except OSError:
            break
    os.waitpid(pid, 0)
    os.close(fd)


def functions(callgrind_out):
    """Names in the order callgrind first met them (a function, or a function it called)."""
    names, seen = [], set()
    for line in open(callgrind_out, errors="replace"):
        match = re.match(r"^c?fn=\(\d+\) (.+)$", line.rstrip("\n"))
        if match and not match.group(1).startswith("0x") and match.group(1) not in seen:
            seen.add(match.group(1))
            names.append(match.group(1))
    return names


def data(binary, lackey_log):
    """Writable data and zero-filled symbols, in the order lackey saw them first accessed."""
    symbols = []
    for line in subprocess.run(["nm", "-S", "--defined-only", binary], capture_output=True, text=True, check=True).stdout.splitlines():
        parts = line.split()
        if len(parts) == 4 and parts[2] in "bBdD":
            symbols.append((int(parts[0], 16), int(parts[1], 16), parts[3]))
    symbols.sort()
    starts = [s[0] for s in symbols]
    names, seen = [], set()
    for line in open(lackey_log, errors="replace"):
        if line[:2] not in (" S", " L", " M"):
            continue
        address = int(line[3:].split(",")[0], 16)
        index = bisect.bisect_right(starts, address) - 1
        if index >= 0:
            start, size, name = symbols[index]
            if address < start + max(size, 1) and name not in seen:
                seen.add(name)
                names.append(name)
    return names


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    binary = os.path.abspath(sys.argv[1])
    out = sys.argv[2] if len(sys.argv) == 3 else os.path.join(HERE, "startup.order")
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
        # The first start creates the data folder; the measured starts find it, as users do.
        run_in_terminal(app, env)
        callgrind_out = os.path.join(root, "callgrind.out")
        run_in_terminal(["/usr/bin/valgrind", "--tool=callgrind", "--demangle=no", f"--callgrind-out-file={callgrind_out}",
                         f"--log-file={root}/callgrind.log", *app], env)
        lackey_log = os.path.join(root, "lackey.log")
        run_in_terminal(["/usr/bin/valgrind", "--tool=lackey", "--trace-mem=yes", f"--log-file={lackey_log}", *app], env)
        code, touched = functions(callgrind_out), data(stripped, lackey_log)
    if not code or not touched:
        sys.exit("startup_order.py: valgrind saw no start (is valgrind installed, and did the home screen show?)")
    with open(out, "w") as f:
        f.write("# Written by bench/startup_order.py: what the start touches before the first frame, in order.\n")
        f.write(f"# {len(code)} functions, then {len(touched)} data symbols.\n")
        f.write("\n".join(code + touched) + "\n")
    print(f"{out}: {len(code)} functions, {len(touched)} data symbols")


if __name__ == "__main__":
    main()
