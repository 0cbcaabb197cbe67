#!/usr/bin/env python3
"""End-to-end tests: the real binary in tmux. Usage: run.py [--torture] BINARY [TEST_NAME ...]

--torture runs the long versions of the fault tests (`make torture`); without it they run
short, as `make test` does."""
import sys
import time
import traceback

import test_browse
import tmux_harness
import test_commands
import test_environment
import test_faults
import test_hostile
import test_monkey
import test_plain
import test_privacy
import test_reflection
import test_transfer

TESTS = [*test_browse.TESTS, *test_reflection.TESTS, *test_plain.TESTS, *test_commands.TESTS, *test_transfer.TESTS,
         *test_faults.TESTS, *test_hostile.TESTS, *test_environment.TESTS, *test_privacy.TESTS, *test_monkey.TESTS]


def main(argv):
    arguments = argv[1:]
    if arguments[:1] == ["--torture"]:
        tmux_harness.TORTURE = True
        arguments = arguments[1:]
    if not arguments:
        print(__doc__)
        return 2
    binary, wanted = arguments[0], set(arguments[1:])
    failures = 0
    started = time.monotonic()
    for test in TESTS:
        if wanted and test.__name__ not in wanted:
            continue
        t0 = time.monotonic()
        try:
            test(binary)
            print(f"ok    {test.__name__} ({time.monotonic() - t0:.1f}s)")
        except Exception:
            failures += 1
            print(f"FAIL  {test.__name__}")
            traceback.print_exc()
    print(f"e2e: {failures} failed, {time.monotonic() - started:.1f}s")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
