"""Export and import through the real binary: a seeded store travels to an empty one intact."""
import json
import os
import shlex
import sqlite3
import subprocess
import tempfile

from test_browse import check


def twohats(binary, *arguments):
    return subprocess.run([binary, *arguments], capture_output=True, text=True, timeout=60)


def rows(data_dir):
    """Every row the user wrote, table by table, in a stable order."""
    with sqlite3.connect(os.path.join(data_dir, "twohats.sqlite")) as db:
        return {
            table: db.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()
            for table in ["reflection", "rating", "answer", "commitment", "note"]
        }


def test_export_then_import_round_trip(binary):
    with tempfile.TemporaryDirectory() as folder:
        source, target = os.path.join(folder, "source"), os.path.join(folder, "target")
        archive = os.path.join(folder, "all.json")
        seeded = twohats(binary, "debug", "seed", "--data-dir", source, "--reflections", "25", "--notes", "6", "--seed", "3")
        check(seeded.returncode == 0, seeded.stderr)

        exported = twohats(binary, "export", "--format", "json", "--output", archive, "--data-dir", source)
        check(exported.returncode == 0 and exported.stdout == "", exported.stderr)
        check(oct(os.stat(archive).st_mode & 0o777) == "0o600", "the export is private")
        document = json.load(open(archive, encoding="utf-8"))
        check(document["schemaVersion"] == 1 and len(document["reflections"]) == 25, "schema version and count")

        again = twohats(binary, "export", "--format", "json", "--output", archive, "--data-dir", source)
        check(again.returncode == 2, f"an existing file needs --force, got {again.returncode}")
        check(again.stderr.count("\n") == 1 and "--force" in again.stderr, again.stderr)

        imported = twohats(binary, "import", archive, "--data-dir", target)
        check(imported.returncode == 0, imported.stderr)
        check("Reflections: 25 added, 0 updated, 0 unchanged." in imported.stdout, imported.stdout)
        check(rows(target) == rows(source), "the imported rows equal the exported ones")

        twice = twohats(binary, "import", archive, "--data-dir", target)
        check("Reflections: 0 added, 0 updated, 25 unchanged." in twice.stdout, twice.stdout)
        check(rows(target) == rows(source), "a second import changes nothing")

        # A pipe can be read only once, so it is read whole before the merge; a plain file is
        # read a part at a time while it is merged.
        piped_target = os.path.join(folder, "piped")
        piped = subprocess.run(f"cat {shlex.quote(archive)} | {shlex.quote(binary)} import /dev/stdin --data-dir {shlex.quote(piped_target)}",
                               shell=True, capture_output=True, text=True, timeout=60)
        check(piped.returncode == 0, piped.stderr)
        check(rows(piped_target) == rows(source), "an import from a pipe lands the same rows")

        history = twohats(binary, "history", "--data-dir", target)
        check(history.stdout == twohats(binary, "history", "--data-dir", source).stdout, history.stdout)
        check(len(history.stdout.splitlines()) == 31 and "\x1b" not in history.stdout, history.stdout)


def test_a_bad_file_is_refused_and_nothing_written(binary):
    with tempfile.TemporaryDirectory() as folder:
        data = os.path.join(folder, "data")
        twohats(binary, "debug", "seed", "--data-dir", data, "--reflections", "2", "--notes", "1")
        before = rows(data)
        future = os.path.join(folder, "future.json")
        with open(future, "w", encoding="utf-8") as file:
            json.dump({"schemaVersion": 99, "reflections": []}, file)
        refused = twohats(binary, "import", future, "--data-dir", data)
        check(refused.returncode == 2, f"exit status {refused.returncode}")
        check(refused.stderr.startswith("twohats: ") and refused.stderr.count("\n") == 1, refused.stderr)
        check("newer TwoHats" in refused.stderr and "Traceback" not in refused.stderr, refused.stderr)
        check(rows(data) == before, "the database is unchanged")


TESTS = [test_export_then_import_round_trip, test_a_bad_file_is_refused_and_nothing_written]
