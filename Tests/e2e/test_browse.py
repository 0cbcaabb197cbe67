"""The browse path: home, list, detail, help, resizing, colour and every way to quit."""
import os
import re
import subprocess

from tmux_harness import Failure, Pane

COLOUR = re.compile(r"\x1b\[[0-9;]*(3[0-7]|38;5;[0-9]+|9[0-7])[;m]")


def check(condition, message):
    if not condition:
        raise Failure(message)


def test_browse_detail_help_resize_quit(binary):
    pane = Pane(binary)
    try:
        pane.start()
        pane.wait_for("Browse the five contrasts")
        pane.keys("b")
        pane.wait_for("Enter opens it.")
        pane.keys("3")
        screen = pane.wait_for("3 of 5")
        check("Relationships" in screen and "Leader ·" in screen and "Manager ·" in screen, screen)
        pane.keys("Right")
        pane.wait_for("4 of 5")
        pane.keys("End")
        screen = pane.wait_for("Sources")
        pane.keys("Home")
        pane.wait_for("4. Learning")
        pane.keys("?")
        pane.wait_for("Any key closes this.")
        pane.keys("x")
        pane.wait_for("Any key closes this.", gone=True)
        pane.resize(120, 40)
        pane.wait_for("Keeping the balance")
        pane.resize(30, 8)
        pane.wait_for("enlarge")
        pane.resize(80, 24)
        pane.wait_for("4 of 5")
        pane.keys("Escape")
        pane.wait_for("Enter opens it.")
        pane.keys("Escape")
        pane.wait_for("Browse the five contrasts")
        pane.keys("q")
        check(pane.wait_exit() == 0, "q should exit with status 0")
        pane.assert_stty_restored()
    finally:
        pane.close()


def test_about_screen(binary):
    pane = Pane(binary)
    try:
        pane.start()
        pane.wait_for("Browse the five contrasts")
        pane.keys("a")
        pane.wait_for("About TwoHats")
        pane.keys("End")
        screen = pane.wait_for("What TwoHats keeps")
        check(pane.data_dir[:20] in screen.replace("\n", ""), "the About screen names the data folder")
        pane.keys("Escape", "Escape")
        check(pane.wait_exit() == 0, "Esc from home quits")
        pane.assert_stty_restored()
    finally:
        pane.close()


def test_no_color(binary):
    for env, expect_colour in (({}, True), ({"NO_COLOR": "1"}, False)):
        pane = Pane(binary, env=env)
        try:
            pane.start()
            pane.wait_for("Browse the five contrasts")
            pane.keys("b")
            pane.wait_for("Enter opens it.")
            screen = pane.screen(escapes=True)
            check(bool(COLOUR.search(screen)) == expect_colour, f"colour escapes present={not expect_colour} with {env}")
            check("\x1b[7m" in screen or ";7m" in screen, "the selection is reverse video")
            check("▸ 1" in pane.screen(), "the selection has a marker")
            pane.keys("q")
            pane.wait_exit()
        finally:
            pane.close()


def test_no_terminal_and_dumb_terminal(binary):
    result = subprocess.run([binary], stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=10)
    check(result.returncode != 0, "no tty must exit non-zero")
    check("terminal" in result.stderr and "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1,
          f"one clear line on stderr, got {result.stderr!r}")
    pane = Pane(binary, env={"TERM": "dumb"})
    try:
        pane.start()
        status = pane.wait_exit()
        check(status != 0, "TERM=dumb exits non-zero")
        pane.assert_stty_restored()
    finally:
        pane.close()


def test_unknown_flag(binary):
    result = subprocess.run([binary, "--frobnicate"], capture_output=True, text=True, timeout=10)
    check(result.returncode == 2, "an unknown flag exits with status 2")
    check(result.stderr.splitlines() == ["twohats: Unknown option '--frobnicate'; see 'twohats --help'"], result.stderr)


TESTS = [
    test_browse_detail_help_resize_quit,
    test_about_screen,
    test_no_color,
    test_no_terminal_and_dumb_terminal,
    test_unknown_flag,
]
