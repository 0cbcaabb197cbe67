#!/usr/bin/env python3
"""Runs the benchmarks and writes bench/results.md.

Usage: run.py [--quick] [--only NAME ...] [--out FILE] BINARY BENCH_BINARY

BINARY is the release `twohats`, BENCH_BINARY the release `TwoHatsBench`. --only runs some
benchmarks: first-frame key-to-frame typing resize memory autosave history export growth
huge-note
(key-to-frame also gives bytes per key; typing gives the long answer and bytes per letter).
--quick runs one iteration of each, to check that the harness still works.
"""
import argparse
import os
import sys
import time
import traceback

import batch
import huge_note
import interactive
import report
from measure import Result
from sandbox import Sandbox
from terminal import Terminal

HERE = os.path.dirname(os.path.abspath(__file__))
NAMES = ["first-frame", "key-to-frame", "typing", "resize", "memory", "autosave", "history", "export", "growth", "huge-note"]

FULL = dict(runs=60, presses=200, letters=200, long_lines=5000, resizes=50, saves=1000,
            history_runs=20, export_runs=5, reflections=10_000, growth=[1_000, 10_000, 100_000],
            note_presses=200, note_lines=100_000)
QUICK = dict(runs=1, presses=1, letters=1, long_lines=50, resizes=2, saves=1,
             history_runs=1, export_runs=1, reflections=100, growth=[50, 100, 200],
             note_presses=1, note_lines=1_000)


class Run:
    def __init__(self, sandbox, bench_binary, size):
        self.sandbox, self.bench, self.size = sandbox, bench_binary, size
        self.has_seed = batch.has_command(sandbox, ["debug", "seed"], "--reflections")
        self.has_export = batch.has_command(sandbox, ["export"], "--format") and batch.has_command(sandbox, ["import"], "import")
        self.seeded = {}

    def store(self, reflections):
        """A store with `reflections` reflections and as many notes, seeded once per run."""
        if reflections not in self.seeded:
            data, seconds = batch.seed(self.sandbox, f"seeded-{reflections}", reflections, reflections)
            self.seeded[reflections] = data
            print(f"  seeded {reflections:,} reflections and notes in {seconds:.1f} s", flush=True)
        return self.seeded[reflections]

    def first_frame(self):
        return [interactive.first_frame(self.sandbox, self.size["runs"])]

    def key_to_frame(self):
        self.keys = interactive.key_to_frame(self.sandbox, self.size["presses"])
        return list(self.keys)

    def typing(self):
        if not hasattr(self, "keys"):
            self.keys = (None, Result("bytes-per-key", "Bytes per key", "Bytes per typed letter."))
        return list(interactive.typing(self.sandbox, self.size["letters"], self.size["long_lines"], self.keys[1]))

    def resize(self):
        return [interactive.resize(self.sandbox, self.size["resizes"])]

    def memory(self):
        count = self.size["reflections"]
        if not self.has_seed:
            result = interactive.memory(self.sandbox, self.sandbox.data("memory-empty"), 0)
            result.notes.append(f"Measured with an empty store: the {count:,}-reflection figure {batch.NEEDS_SEED}.")
            return [result]
        data = batch.finish_unfinished(self.store(count), self.sandbox.data(f"memory-{count}"))
        return [interactive.memory(self.sandbox, data, count)]

    def autosave(self):
        return [batch.autosave(self.bench, self.sandbox, self.size["saves"])]

    def history(self):
        count = self.size["reflections"]
        result = Result("history", f"History with {count:,} reflections and {count:,} notes",
                        "Key h on the home screen until the history screen is drawn (then Esc, not timed); "
                        "and the same without a terminal, by phase: loading from the store, the reducer, "
                        "drawing the frame.")
        if not self.has_seed:
            result.skipped = batch.NEEDS_SEED
            return [result]
        data = self.store(count)
        screen = result.add("TwoHats: h to frame", "ms", interactive.history_screen(self.sandbox, data, self.size["history_runs"], count))
        for phase, samples in batch.history_micro(self.bench, self.sandbox, data, self.size["history_runs"]).items():
            result.add(f"TwoHats without a terminal: {phase}", "ms", samples)
        result.check("median ≤ 30 ms", screen.median, 30)
        return [result]

    def export(self):
        count = self.size["reflections"]
        result = Result("export", f"Export and import of {count:,} reflections",
                        "`twohats export --format F --output FILE` for each format, and `twohats import` of "
                        "the JSON into an empty data folder; whole processes, start to exit.")
        if not (self.has_seed and self.has_export):
            result.skipped = batch.NEEDS_SEED if not self.has_seed else batch.NEEDS_EXPORT
            return [result]
        for name, samples in batch.export_import(self.sandbox, self.store(count), count, self.size["export_runs"]).items():
            result.add(name, "ms", samples)
            result.check(f"{name} ≤ 1 s", result.series[-1].median, 1000)
        return [result]

    def growth(self):
        sizes = self.size["growth"]
        result = Result("growth", "Cost growth",
                        f"Opening history (without a terminal) and exporting JSON at {', '.join(f'{n:,}' for n in sizes)} "
                        "reflections (with as many notes).")
        if not self.has_seed:
            result.skipped = batch.NEEDS_SEED
            return [result]
        history, exports = [], []
        for count in sizes:
            data = self.store(count)
            history.append(result.add(f"history open, {count:,}", "ms", batch.history_micro(self.bench, self.sandbox, data, 5)["open"]))
            if self.has_export:
                out = os.path.join(self.sandbox.path("exports"), f"growth-{count}.json")
                exports.append(result.add(f"export json, {count:,}", "ms",
                                          batch.timed(self.sandbox, self.sandbox.twohats(data, "export", "--format", "json", "--force", "--output", out), 1)))
        batch.growth_check(result, "history", sizes, [s.median for s in history])
        if exports:
            batch.growth_check(result, "export", sizes, [s.median for s in exports])
        else:
            result.notes.append(f"Export growth {batch.NEEDS_EXPORT}.")
        return [result]

    def huge_note(self):
        return [huge_note.huge_note(self.sandbox, self.size["note_presses"], self.size["note_lines"])]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("binary")
    parser.add_argument("bench_binary")
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--only", nargs="+", choices=NAMES, default=NAMES)
    parser.add_argument("--out", default=os.path.join(HERE, "results.md"))
    args = parser.parse_args()
    started = time.monotonic()
    sandbox = Sandbox(args.binary)
    run = Run(sandbox, os.path.abspath(args.bench_binary), QUICK if args.quick else FULL)
    results, failed = [], 0
    try:
        for name in [n for n in NAMES if n in args.only]:
            print(f"{name}…", flush=True)
            t0 = time.monotonic()
            try:
                produced = getattr(run, name.replace("-", "_"))()
            except Exception as error:
                traceback.print_exc()
                failed += 1
                produced = [Result(name, name, "", skipped=f"the harness failed: {type(error).__name__}: {str(error)[:200]!r}")]
            finally:
                Terminal.close_all()
            for result in produced:
                if result not in results:
                    results.append(result)
                    for check in result.checks:
                        print(f"  {result.title}: {check.text}: {check.value:.2f} (limit {check.limit:.2f}) "
                              f"{'met' if check.met else 'MISSED'}")
                    if result.skipped:
                        print(f"  {result.title}: skipped, {result.skipped}")
            print(f"  ({time.monotonic() - t0:.0f} s)", flush=True)
    finally:
        sandbox.close()
    closing = open(os.path.join(HERE, "notes.md")).read() if os.path.exists(os.path.join(HERE, "notes.md")) else ""
    report.write(args.out, results, report.header_lines(args.binary, time.monotonic() - started), closing)
    print(f"wrote {args.out}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
