"""Security and privacy: private modes, the editor's temporary file, nothing written outside the
data folder, no network, and the editor started without a shell. strace is the witness."""
import glob
import os
import re
import shutil
import signal
import stat
import subprocess
import tempfile
import time

from test_browse import check
from test_hostile import open_note_editor
from test_reflection import begin
from tmux_harness import Pane


def mode(path):
    return stat.S_IMODE(os.stat(path).st_mode)


def write_script(path, body):
    with open(path, "w") as file:
        file.write("#!/bin/sh\n" + body)
    os.chmod(path, 0o755)


def test_modes_are_private_whatever_the_umask(binary):
    pane = Pane(binary)
    try:
        data = pane.data_dir
        loose = lambda: os.umask(0)
        seeded = subprocess.run([binary, "debug", "seed", "--data-dir", data, "--reflections", "2", "--notes", "2"],
                                capture_output=True, text=True, preexec_fn=loose, timeout=60)
        check(seeded.returncode == 0, seeded.stderr)
        check(mode(data) == 0o700, f"data folder {oct(mode(data))}")
        for name in os.listdir(data):
            if name.startswith("twohats.sqlite"):
                check(mode(os.path.join(data, name)) == 0o600, f"{name} {oct(mode(os.path.join(data, name)))}")
        for form in ("markdown", "json", "csv"):
            out = os.path.join(pane.work, f"export.{form}")
            made = subprocess.run([binary, "export", "--format", form, "--output", out, "--data-dir", data],
                                  capture_output=True, text=True, preexec_fn=loose, timeout=60)
            check(made.returncode == 0, made.stderr)
            check(mode(out) == 0o600, f"export {form} {oct(mode(out))}")
        nested = os.path.join(pane.work, "xdg", "deep")
        made = subprocess.run([binary, "history"], capture_output=True, text=True, preexec_fn=loose, timeout=60,
                              env={"PATH": os.environ["PATH"], "HOME": pane.work, "XDG_DATA_HOME": nested})
        check(made.returncode == 0, made.stderr)
        check(mode(os.path.join(nested, "twohats")) == 0o700, "the default data folder is created 0700")
    finally:
        pane.close()


def test_editor_file_is_private_and_cleaned_after_kill_9(binary):
    for where in ("runtime", "data"):
        scripts = tempfile.mkdtemp(prefix="twohats-editor-")
        log, script = os.path.join(scripts, "editor.log"), os.path.join(scripts, "sleepy-editor")
        write_script(script, f'echo "$$ $1" > {log}\nexec sleep 60\n')
        runtime = os.path.join(scripts, "run")
        os.makedirs(runtime, mode=0o700)
        pane = Pane(binary, env={"EDITOR": script, **({"XDG_RUNTIME_DIR": runtime} if where == "runtime" else {})})
        folder = os.path.join(runtime, "twohats") if where == "runtime" else os.path.join(pane.data_dir, "tmp")
        try:
            pane.start()
            open_note_editor(pane)
            pane.type("private words")
            pane.wait_for("private words")
            pane.keys("C-e")
            deadline = time.monotonic() + 10
            while not (os.path.exists(log) and open(log).read().strip()) and time.monotonic() < deadline:
                time.sleep(0.05)
            editor_pid, path = open(log).read().split(maxsplit=1)
            path = path.strip()
            check(os.path.dirname(path) == folder, f"{where}: the file is in {os.path.dirname(path)}, not {folder}")
            check(mode(folder) == 0o700 and mode(path) == 0o600, f"{where}: modes {oct(mode(folder))} {oct(mode(path))}")
            check(open(path).read() == "private words", f"{where}: the file holds the text")
            os.kill(pane.app_pid(), signal.SIGKILL)
            os.kill(int(editor_pid), signal.SIGKILL)
            pane.wait_exit()
            check(os.path.exists(path), f"{where}: kill -9 leaves the file behind for the next start")
            pane.shell("stty sane; clear")
            pane.start()
            pane.wait_for("Browse the five contrasts")
            check(not os.path.exists(path), f"{where}: the next start removed {path}")
            pane.keys("q")
            pane.wait_exit()
        finally:
            pane.close()
            shutil.rmtree(scripts, ignore_errors=True)


# Every call that can create, change or remove a file; the first quoted argument is the path
# (for renameat/linkat the new name is the last quoted one).
WRITES = re.compile(r'^(\d+)\s+(open|openat|creat|mkdir|mkdirat|unlink|unlinkat|rename|renameat2?|link|linkat|symlink|symlinkat'
                    r'|chmod|fchmodat|truncate|utimensat)\((.*)\)\s+=\s+(-?\d+)')


def written_paths(trace):
    paths = set()
    for line in open(trace, errors="replace"):
        match = WRITES.match(line)
        if not match or match.group(4).startswith("-"):
            continue
        call, arguments = match.group(2), match.group(3)
        if call in ("open", "openat") and not re.search(r"O_WRONLY|O_RDWR|O_CREAT|O_TRUNC", arguments):
            continue
        quoted = re.findall(r'"((?:[^"\\]|\\.)*)"', arguments)
        if quoted:
            paths.add(quoted[-1] if call.startswith(("rename", "link", "symlink")) else quoted[0])
    return paths


def traced(pane, trace, number, *arguments, stdin=None):
    """Starts twohats under strace in the pane (file, network and process calls, in every
    process); returns what the pane shows when it exits with status 0."""
    redirect = f" < {stdin}" if stdin else ""
    pane.shell(f"clear; strace -f -qq -s 4096 -e trace=%file,%network,%process -o {trace}.{number} "
               f"{pane.binary} --data-dir {pane.data_dir} {' '.join(arguments)}{redirect}; echo run{number}-status=$?")
    return f"run{number}-status=0"


def test_a_whole_session_writes_only_the_data_folder_and_uses_no_network(binary):
    pane = Pane(binary)
    root = pane.work
    env = {"HOME": f"{root}/home", "XDG_DATA_HOME": f"{root}/xdg-data", "XDG_CONFIG_HOME": f"{root}/xdg-config",
           "XDG_CACHE_HOME": f"{root}/xdg-cache", "XDG_STATE_HOME": f"{root}/xdg-state", "XDG_RUNTIME_DIR": f"{root}/run",
           "TMPDIR": f"{root}/tmp"}
    for folder in env.values():
        os.makedirs(folder, mode=0o700, exist_ok=True)
    editor = os.path.join(root, "editor")
    marker = os.path.join(root, "interpreted")
    write_script(editor, 'for last in "$@"; do :; done\nprintf "from the editor\\n" >> "$last"\n')
    env["EDITOR"] = f"{editor} $(touch {marker}) ; touch {marker} 'quoted words' \"double\" `touch {marker}`"
    pane.close()
    pane = Pane(binary, env=env)
    trace = os.path.join(pane.work, "trace")
    export = os.path.join(pane.work, "asked-for.md")
    try:
        done = traced(pane, trace, 0)
        open_note_editor(pane)
        pane.type("a note")
        pane.keys("C-e")
        pane.wait_for("from the editor")
        pane.keys("Escape")
        pane.wait_for("Note saved.")
        pane.keys("Escape", "Escape")
        begin(pane)
        pane.keys("Right", "Enter")
        pane.wait_for("question 1 of")
        pane.type("an answer")
        pane.keys("Tab")
        pane.wait_for("question 2 of")
        pane.keys("Escape")
        pane.wait_for("Browse the five contrasts")
        pane.keys("h")
        pane.wait_for("Notes & history")
        pane.keys("q")
        pane.wait_for(done)
        answers = os.path.join(pane.work, "answers")
        with open(answers, "w") as file:
            file.write("\n4\n.\n")
        runs = ((["--plain"], answers), (["list"], None), (["show", "2"], None), (["history"], None),
                (["export", "--format", "markdown", "--output", export], None))
        for number, (arguments, stdin) in enumerate(runs, start=1):
            pane.wait_for(traced(pane, trace, number, *arguments, stdin=stdin), timeout=30)
        traces = [os.path.join(pane.work, n) for n in os.listdir(pane.work) if n.startswith("trace.")]
        check(len(traces) == 6, f"six traced runs, found {len(traces)}")
        data = os.path.realpath(pane.data_dir)
        allowed = {export, f"{root}/run/twohats", "/dev/tty"}
        written = set().union(*(written_paths(t) for t in traces))
        check(f"{pane.data_dir}/twohats.sqlite" in written and export in written, "the trace shows the writes asked for")
        outside = set()
        for path in written:
            full = os.path.realpath(path if os.path.isabs(path) else os.path.join(root, path))
            if full == data or full.startswith(data + "/") or full in allowed or full.startswith(f"{root}/run/twohats/edit-"):
                continue
            # The export is written to a temporary name beside it and renamed.
            if os.path.basename(full).startswith(".asked-for.md.") and os.path.dirname(full) == os.path.dirname(export):
                continue
            if full.startswith("/dev/pts/") or full == "/dev/null":
                continue
            outside.add(full)
        check(not outside, f"written outside the data folder: {sorted(outside)}")
        check(os.listdir(f"{root}/run/twohats") == [], "the editor's temporary file is gone")
        check(not [n for n in os.listdir(root) if n.startswith(".asked-for.md.")], "the export's temporary file is gone")
        for folder in ("home", "xdg-config", "xdg-cache", "xdg-state", "tmp"):
            check(os.listdir(f"{root}/{folder}") == [], f"{folder} stays empty")
        # Foundation looks up a file's owner when GRDB reads the WAL's size, and glibc asks its
        # user cache (nscd) over a local socket for that; any other socket is a failure.
        calls = [line for t in traces for line in open(t, errors="replace")
                 if re.match(r"^\d+\s+(socket|connect|bind|listen|accept4?|sendto|sendmsg)\(", line)]
        network = [line for line in calls if not (line.split()[1].startswith("socket(AF_UNIX,")
                                                  or 'sun_path="/var/run/nscd/socket"' in line)]
        check(not network, f"network calls: {network[:5]}")
        check(not os.path.exists(marker), "nothing in EDITOR was interpreted by a shell")
        execs = [line for t in traces for line in open(t, errors="replace") if re.match(r"^\d+\s+execve\(", line)]
        spawned = [line for line in execs if f'"{editor}"' in line.split(",")[0]]
        check(len(spawned) == 1, f"the editor was exec'd once, directly: {execs}")
        words = ['"$(touch"', f'"{marker})"', '";"', '"touch"', f'"{marker}"', "\"'quoted\"", "\"words'\"", '"\\"double\\""', '"`touch"', f'"{marker}`"']
        check(", ".join(words) in spawned[0], f"the editor got its words literally: {spawned[0]}")
        shells = [line for line in execs if re.search(r'execve\("[^"]*/(ba|da|z)?sh", \[[^]]*"-c"', line)]
        check(not shells, f"a shell was started: {shells}")
    finally:
        pane.close()


def test_the_binary_imports_no_network_calls(binary):
    """TwoHats' own code (and its SQLite, YAML and argument libraries) calls no network function
    and no shell. The binary links Foundation statically, whose unused networking classes do
    refer to sockets, so the objects are read rather than the binary; the traced session above
    shows that nothing calls them."""
    build = os.path.dirname(os.path.realpath(binary))
    objects = sorted(glob.glob(os.path.join(build, "TwoHats*.build", "*.o")) + glob.glob(os.path.join(build, "twohats.build", "*.o"))
                     + glob.glob(os.path.join(build, "GRDB.build", "*.o")) + glob.glob(os.path.join(build, "Yams.build", "*.o"))
                     + glob.glob(os.path.join(build, "ArgumentParser.build", "*.o")))
    check(objects, f"object files next to {binary}")
    symbols = subprocess.run(["nm", "--undefined-only", *objects], capture_output=True, text=True, timeout=60).stdout
    names = {line.split()[-1].split("@")[0] for line in symbols.splitlines() if line.strip() and not line.endswith(":")}
    check("posix_spawnp" in names, "the symbol list was read (posix_spawnp starts the editor)")
    found = names & {"socket", "connect", "bind", "listen", "accept", "accept4", "getaddrinfo", "gethostbyname", "system", "popen"}
    check(not found, f"TwoHats' code refers to {sorted(found)}")


TESTS = [
    test_modes_are_private_whatever_the_umask,
    test_editor_file_is_private_and_cleaned_after_kill_9,
    test_a_whole_session_writes_only_the_data_folder_and_uses_no_network,
    test_the_binary_imports_no_network_calls,
]
