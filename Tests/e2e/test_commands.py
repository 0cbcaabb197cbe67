"""The plain commands: list, show, content init and check, usage errors, completions."""
import os
import shutil
import subprocess
import tempfile

from test_browse import COLOUR
from test_reflection import begin
from tmux_harness import Failure, Pane


def check(condition, message):
    if not condition:
        raise Failure(message)


def run(binary, *args, home):
    """Runs the binary without a terminal, in an empty home so no config file applies."""
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": home, "LANG": "C.UTF-8"}
    return subprocess.run([binary, *args], capture_output=True, text=True, timeout=20, env=env, stdin=subprocess.DEVNULL)


def test_list_show_content_and_usage_errors(binary):
    home = tempfile.mkdtemp(prefix="twohats-e2e-cmd-")
    try:
        listed = run(binary, "list", home=home)
        lines = listed.stdout.splitlines()
        check(listed.returncode == 0 and len(lines) == 5, f"list: five lines, got {listed.returncode} {listed.stdout!r}")
        check(lines[2].startswith("3  Relationships") and "Systems" in lines[2], lines[2])
        check("\x1b" not in listed.stdout, "no control codes in a pipe")

        shown = run(binary, "show", "3", home=home)
        check(shown.returncode == 0 and shown.stderr == "", f"show 3: {shown.returncode} {shown.stderr!r}")
        check(shown.stdout.startswith("Contrast 3 of 5: Relationships"), shown.stdout[:80])
        check(max(len(line) for line in shown.stdout.splitlines()) <= 80, "wrapped to 80 columns without a terminal")
        check("Sources" in shown.stdout and "\x1b" not in shown.stdout, "all parts, no control codes")

        pack = os.path.join(home, "packs", "mine")
        written = run(binary, "content", "init", pack, home=home)
        check(written.returncode == 0, f"content init: {written.stderr!r}")
        checked = run(binary, "content", "check", pack, home=home)
        check(checked.returncode == 0 and "pack 'default' version 1 is valid, with 5 contrasts" in checked.stdout,
              f"content check of a fresh pack: {checked.returncode} {checked.stdout!r} {checked.stderr!r}")
        again = run(binary, "content", "init", pack, home=home)
        check(again.returncode == 2 and len(again.stderr.splitlines()) == 1, f"init into a full folder: {again.stderr!r}")

        contrast = os.path.join(pack, "contrasts", "02-sell-tell.yaml")
        with open(contrast, encoding="utf-8") as f:
            text = f.read()
        with open(contrast, "w", encoding="utf-8") as f:
            f.write(text.replace("number: 2\n", "number: two\n").replace("sources: [", "sources: [nowhere, "))
        broken = run(binary, "content", "check", pack, home=home)
        check(broken.returncode == 2, f"a broken pack exits 2, got {broken.returncode}")
        check(broken.stdout == f"{contrast}:2: field 'number': should be a whole number\n", broken.stdout)
        check(broken.stderr.startswith("twohats: ") and len(broken.stderr.splitlines()) == 1, broken.stderr)

        unknown = run(binary, "--frobnicate", home=home)
        check(unknown.returncode == 2, f"unknown flag exits 2, got {unknown.returncode}")
        check(unknown.stderr.splitlines() == ["twohats: Unknown option '--frobnicate'; see 'twohats --help'"], unknown.stderr)
        missing = run(binary, "show", "9", home=home)
        check(missing.returncode == 2 and len(missing.stderr.splitlines()) == 1 and "sell-tell" in missing.stderr, missing.stderr)

        config = os.path.join(home, ".config", "twohats")
        os.makedirs(config)
        with open(os.path.join(config, "config.yaml"), "w", encoding="utf-8") as f:
            f.write("theme: no-color\ncolour: never\n")
        configured = run(binary, "list", home=home)
        check(configured.returncode == 2, f"a broken config exits 2, got {configured.returncode}")
        check(configured.stderr.splitlines() == [f"twohats: {config}/config.yaml:2: 'colour': is not a setting; "
                                                 "the settings are theme, content, editor, data-dir"], configured.stderr)
    finally:
        shutil.rmtree(home, ignore_errors=True)


def test_list_wraps_to_the_terminal(binary):
    pane = Pane(binary, columns=50, rows=30)
    try:
        pane.shell(f"{pane.binary} list")
        screen = pane.wait_for("manager: Status quo")
        check("   leader: Relationships" in screen, f"at 50 columns each pole has its own line:\n{screen}")
    finally:
        pane.close()


def test_completion_scripts(binary):
    home = tempfile.mkdtemp(prefix="twohats-e2e-cmd-")
    try:
        for shell in ("bash", "zsh", "fish"):
            script = run(binary, "--generate-completion-script", shell, home=home)
            check(script.returncode == 0, f"{shell}: {script.stderr!r}")
            for word in ("list", "show", "content", "check", "init", "data-dir"):
                check(word in script.stdout, f"the {shell} script completes {word}")
    finally:
        shutil.rmtree(home, ignore_errors=True)


def test_config_file_reaches_the_app(binary):
    """theme and editor from the config file, with no NO_COLOR, VISUAL or EDITOR set."""
    pane = Pane(binary)
    try:
        script = os.path.join(pane.work, "config-editor")
        with open(script, "w") as f:
            f.write('#!/bin/sh\nprintf "\\nfrom the configured editor\\n" >> "$1"\n')
        os.chmod(script, 0o755)
        os.makedirs(os.path.join(pane.work, ".config", "twohats"))
        with open(os.path.join(pane.work, ".config", "twohats", "config.yaml"), "w") as f:
            f.write(f"theme: no-color\neditor: {script}\n")
        pane.start()
        pane.wait_for("Browse the five contrasts")
        check(not COLOUR.search(pane.screen(escapes=True)), "theme: no-color draws without colour")
        begin(pane)
        pane.keys("Enter")
        pane.wait_for("question 1 of 4")
        pane.keys("C-e")
        pane.wait_for("from the configured editor")
        pane.keys("C-c")
        pane.wait_exit()
        pane.assert_stty_restored()
    finally:
        pane.close()


TESTS = [test_list_show_content_and_usage_errors, test_list_wraps_to_the_terminal, test_completion_scripts,
         test_config_file_reaches_the_app]
