"""Benchmarks without a screen: the Swift micro-benchmarks, seeding, export and import."""
import json
import os
import shutil
import sqlite3
import time

from measure import Result, ms

NEEDS_SEED = "needs `twohats debug seed` (not in this build yet)"
NEEDS_EXPORT = "needs `twohats export` and `twohats import` (not in this build yet)"


def has_command(sandbox, words, option):
    """Whether the build has this subcommand: its help names `option` (a build without it
    shows the app's help instead)."""
    help = sandbox.run([sandbox.binary, *words, "--help"], check=False)
    return help.returncode == 0 and option in help.stdout


def seed(sandbox, name, reflections, notes):
    """A data folder filled by the app's own generator; returns (folder, seconds taken)."""
    data = sandbox.data(name)
    if not os.path.exists(os.path.join(data, "twohats.sqlite")):
        started = time.perf_counter()
        sandbox.run([sandbox.binary, "debug", "seed", "--data-dir", data,
                     "--reflections", str(reflections), "--notes", str(notes), "--seed", "1"])
        return data, time.perf_counter() - started
    return data, 0.0


def finish_unfinished(source, target):
    """A copy of a seeded store whose reflections are all complete, so that r on the home
    screen starts a new reflection instead of resuming one."""
    shutil.copytree(source, target)
    with sqlite3.connect(os.path.join(target, "twohats.sqlite")) as db:
        db.execute("UPDATE reflection SET completedAt = updatedAt WHERE completedAt IS NULL")
    return target


def micro(bench_binary, sandbox, command, data, iterations, *extra):
    output = sandbox.run([bench_binary, command, "--data-dir", data, "--iterations", str(iterations), *extra]).stdout
    return json.loads(output)


def autosave(bench_binary, sandbox, iterations):
    result = Result("autosave", "Autosave",
                    "One debounced save of a 600-character answer through the real store (SQLite in WAL "
                    "mode, one transaction), as the app writes it half a second after typing pauses.")
    samples = micro(bench_binary, sandbox, "autosave", sandbox.data("autosave"), iterations)["save"]
    series = result.add("TwoHats save", "ms", [ms(s) for s in samples])
    result.check("median ≤ 2 ms", series.median, 2)
    result.check("99th ≤ 10 ms", series.p(99), 10)
    return result


def history_micro(bench_binary, sandbox, data, iterations):
    """Milliseconds per phase of opening history, without a terminal."""
    phases = micro(bench_binary, sandbox, "history", data, iterations)
    return {name: [ms(s) for s in samples] for name, samples in phases.items() if name != "entries"}


def timed(sandbox, argv, runs):
    samples = []
    for _ in range(runs):
        started = time.perf_counter_ns()
        sandbox.run(argv)
        samples.append(ms(time.perf_counter_ns() - started))
    return samples


def export_import(sandbox, data, reflections, runs):
    """Each format out of `data`, then the JSON back into a fresh folder for every run."""
    figures = {}
    files = {}
    for kind in ("markdown", "json", "csv"):
        files[kind] = os.path.join(sandbox.path("exports"), f"{os.path.basename(data)}.{kind}")
        figures[f"export {kind}"] = timed(sandbox, sandbox.twohats(data, "export", "--format", kind, "--force", "--output", files[kind]), runs)
    imports = []
    for run in range(runs):
        target = sandbox.data(f"import-{reflections}-{run}")
        started = time.perf_counter_ns()
        sandbox.run(sandbox.twohats(target, "import", files["json"]))
        imports.append(ms(time.perf_counter_ns() - started))
    figures["import json"] = imports
    return figures


def growth_check(result, label, sizes, medians):
    """Cost per reflection at the largest size must not exceed the smallest size's by much
    (a 1.5 allowance absorbs fixed costs measured at the small end being noisy)."""
    per_item = [m / n for n, m in zip(sizes, medians)]
    result.check(f"{label}: ms per 1,000 reflections at {sizes[-1]:,} ≤ 1.5 × at {sizes[1]:,}",
                 per_item[-1] * 1000, 1.5 * per_item[1] * 1000)
