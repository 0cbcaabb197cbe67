"""Hostile environments: no UTF-8 locale, no or an unknown TERM, no terminal, tiny and huge
windows, a 1 MB paste and a 100,000-line note."""
import os
import subprocess

from test_browse import check
from test_hostile import hostile_archive, open_note_editor, stored_note, twohats
from tmux_harness import Pane


def quit_and_read_note(pane, timeout=10):
    """q, which must exit 0, then the text of the one note saved."""
    pane.keys("q")
    check(pane.wait_exit(timeout=timeout) == 0, "q exits 0")
    pane.assert_stty_restored()
    return stored_note(pane)


def test_without_a_utf8_locale(binary):
    for env in ({"LANG": "C"}, {"LANG": "C", "LC_ALL": "POSIX"}):
        pane = Pane(binary, env=env)
        try:
            pane.start()
            open_note_editor(pane)
            check("↔" in pane.screen(), f"{env}: Unicode is drawn as Unicode:\n{pane.screen()}")
            pane.type("café 日本語 👍 e\u0301")
            pane.wait_for("日本語")
            pane.keys("Escape")
            pane.wait_for("Note saved.")
            text = quit_and_read_note(pane)
            check(text == "café 日本語 👍 e\u0301", f"{env}: stored {text!r}")
            listed = twohats(binary, "list", env={**env, "PATH": os.environ["PATH"]})
            check(listed.returncode == 0 and "↔" in listed.stdout and len(listed.stdout.splitlines()) == 5, f"{env}: {listed!r}")
        finally:
            pane.close()


def test_missing_unknown_and_dumb_term(binary):
    cases = {"unset": None, "empty": "", "nosuch": "nosuch", "dumb": "dumb"}
    for name, term in cases.items():
        pane = Pane(binary) if term is None else Pane(binary, env={"TERM": term})
        try:
            pane.start(unset_env=("TERM",) if term is None else ())
            status = pane.wait_exit()
            check(status == 1, f"TERM {name}: exit status {status}")
            pane.assert_stty_restored()
            result = subprocess.run(["script", "-qec", f"{pane.binary} --data-dir {pane.data_dir}", "/dev/null"],
                                    capture_output=True, text=True, timeout=20,
                                    env={"PATH": os.environ["PATH"], "HOME": pane.work, **({} if term is None else {"TERM": term})})
            output = result.stdout.strip()
            check(output.startswith("twohats: ") and "--plain" in output and len(output.splitlines()) == 1,
                  f"TERM {name}: one clear line naming --plain, got {output!r}")
            check("Fatal error" not in output and "\x1b" not in output, f"TERM {name}: {output!r}")
        finally:
            pane.close()


def test_stdin_or_stdout_not_a_terminal(binary):
    pane = Pane(binary)
    try:
        out = os.path.join(pane.work, "out")
        for redirect, name in (("< /dev/null", "stdin"), (f"> {out}", "stdout")):
            pane.shell(f"clear; {pane.binary} --data-dir {pane.data_dir} {redirect}; echo {name}-status=$?")
            # The typed command shows `$?`, so only the output holds the number.
            screen = pane.wait_for(f"{name}-status=1")
            check("terminal" in screen and "--plain" in screen, f"{name}:\n{screen}")
        check(os.path.getsize(out) == 0, "nothing was drawn into the file")
        piped = subprocess.run(f"{pane.binary} list | cat", shell=True, capture_output=True, text=True, timeout=20)
        check(piped.returncode == 0 and len(piped.stdout.splitlines()) == 5, piped.stdout + piped.stderr)
    finally:
        pane.close()


def test_one_by_one_and_a_thousand_columns(binary):
    pane = Pane(binary)
    try:
        pane.start()
        pane.wait_for("Browse the five contrasts")
        pane.resize(1, 1)
        pane.wait_for("Browse the five contrasts", gone=True)
        check(pane.app_pid() > 0, "alive at 1x1")
        pane.resize(1000, 300)
        pane.wait_for("Browse the five contrasts")
        pane.keys("b", "Down", "Enter")
        screen = pane.wait_for("2 of 5")
        lines = screen.splitlines()
        check(len(lines) == 300 and max(len(line) for line in lines) == 1000, "the frame fills the 1000x300 window")
        pane.keys("?")
        pane.wait_for("Any key closes this.")
        pane.keys("x")
        pane.wait_for("Any key closes this.", gone=True)
        pane.resize(2, 3)
        pane.wait_for("2 of 5", gone=True)
        pane.resize(80, 24)
        pane.wait_for("2 of 5")
        pane.keys("Escape")
        pane.wait_for("Enter opens it.")
        pane.keys("q")
        check(pane.wait_exit() == 0, "q exits 0 after the resizes")
        pane.assert_stty_restored()
    finally:
        pane.close()


def test_a_one_megabyte_paste(binary):
    pane = Pane(binary)
    try:
        line = "a line of a very long paste, with a little Unicode: é ↔ 日本 👍"
        count = 1_048_576 // len(line.encode()) + 1
        text = "\n".join(f"{n:06} {line}" for n in range(count)) + "\nTHE END"
        check(len(text.encode()) >= 1_048_576, "at least a megabyte")
        source = os.path.join(pane.work, "paste.txt")
        with open(source, "w", encoding="utf-8") as file:
            file.write(text)
        pane.start()
        open_note_editor(pane)
        pane.tmux("load-buffer", "-b", "big", source)
        pane.tmux("paste-buffer", "-p", "-d", "-b", "big", "-t", pane.name)
        pane.wait_for("THE END", timeout=180)
        pane.type("!")
        pane.wait_for("THE END!", timeout=30)
        pane.keys("Escape")
        pane.wait_for("Note saved.", timeout=60)
        stored = quit_and_read_note(pane, timeout=60)
        check(stored == text + "!", f"the paste is stored whole: {len(stored)} of {len(text) + 1} characters")
    finally:
        pane.close()


def test_a_hundred_thousand_line_note(binary):
    pane = Pane(binary)
    try:
        lines = [f"line {n} of a note that goes on and on" for n in range(1, 100_001)]
        archive = hostile_archive(binary, pane.work, "\n".join(lines))
        imported = twohats(binary, "import", archive, "--data-dir", pane.data_dir)
        check(imported.returncode == 0, imported.stderr)
        pane.start()
        pane.wait_for("Browse the five contrasts")
        pane.keys("h")
        pane.wait_for("line 1 of a note")
        pane.keys("e")
        # The editor opens with the cursor at the end of the note.
        pane.wait_for("Saved as you type.", timeout=30)
        pane.wait_for("line 100000 of", timeout=30)
        pane.type(" and one more")
        pane.wait_for("and one more")
        pane.keys("PPage", "PPage")
        pane.wait_for("line 100000 of", gone=True)
        pane.keys("Escape")
        pane.wait_for("Enter read", timeout=30)
        stored = quit_and_read_note(pane, timeout=30)
        check(stored == "\n".join(lines) + " and one more", f"{stored.count(chr(10)) + 1} lines stored, ending {stored[-40:]!r}")
    finally:
        pane.close()


TESTS = [
    test_without_a_utf8_locale,
    test_missing_unknown_and_dumb_term,
    test_stdin_or_stdout_not_a_terminal,
    test_one_by_one_and_a_thousand_columns,
    test_a_one_megabyte_paste,
    test_a_hundred_thousand_line_note,
]
