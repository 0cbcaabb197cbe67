"""Terminal injection: text that would drive a terminal, typed, pasted, imported or in a content
pack, is drawn inert. tmux is the witness: its window title, its paste buffers (OSC 52 with
`set-clipboard on`) and the attributes of every cell must not change."""
import base64
import json
import os
import re
import sqlite3
import subprocess
import tempfile

from test_browse import COLOUR, check
from test_reflection import open_sell_tell
from tmux_harness import Pane

TITLE = "PWNED-TITLE"
CLIP = "pwned-clipboard"
B64 = base64.b64encode(CLIP.encode()).decode()

# One case a line, each with a marker to find it by: what a terminal would act on if printed raw.
HOSTILE = {
    "sgr": "L0 \x1b[31mRED\x1b[0m \x1b[7mreverse\x1b[27m",
    "cursor": "L1 \x1b[5;5H\x1b[2J\x1b[Kmoved",
    "title": f"L2 \x1b]2;{TITLE}\x07 title",
    "osc52": f"L3 \x1b]52;c;{B64}\x07 clip",
    "bell": "L4 bell\x07\x07",
    "c1": f"L5 \x9b31mC1 \x9d2;{TITLE}\x9c \x85nel",
    "bidi": "L6 \u202edesrever\u202c \u2066iso\u2069 \u200fmark",
    "passthrough": f"L7 \x1bPtmux;\x1b\x1b]52;c;{B64}\x07\x1b\\ dcs",
    "st": f"L8 \x1b]2;{TITLE}\x1b\\ st",
}
TEXT = "\n".join(HOSTILE.values())
# What each case looks like on screen and in plain output: every control a visible placeholder.
SHOWN = {
    "sgr": "L0 ␛[31mRED␛[0m ␛[7mreverse␛[27m",
    "cursor": "L1 ␛[5;5H␛[2J␛[Kmoved",
    "title": f"L2 ␛]2;{TITLE}␇ title",
    "osc52": f"L3 ␛]52;c;{B64}␇ clip",
    "bell": "L4 bell␇␇",
    "c1": f"L5 �31mC1 �2;{TITLE}� �nel",
    "bidi": "L6 �desrever� �iso� �mark",
    "passthrough": f"L7 ␛Ptmux;␛␛]52;c;{B64}␇␛\\ dcs",
    "st": f"L8 ␛]2;{TITLE}␛\\ st",
}

# What a terminal acts on: C0 but the line break (and CR for CSV rows), DEL, C1, bidi controls.
RAW_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f\x80-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def raw_controls(text, allowed=""):
    return sorted({f"U+{ord(c):04X}" for c in RAW_CONTROL.findall(text) if c not in allowed})


def twohats(binary, *arguments, **kwargs):
    return subprocess.run([binary, *arguments], capture_output=True, text=True, timeout=120, **kwargs)


def hostile_archive(binary, folder, text=TEXT):
    """A valid JSON export whose one note (and one answer) holds `text`."""
    seed = os.path.join(folder, "seed")
    seeded = twohats(binary, "debug", "seed", "--data-dir", seed, "--reflections", "1", "--notes", "1", "--seed", "1")
    check(seeded.returncode == 0, seeded.stderr)
    exported = twohats(binary, "export", "--format", "json", "--data-dir", seed)
    check(exported.returncode == 0, exported.stderr)
    document = json.loads(exported.stdout)
    document["notes"][0]["text"] = text
    document["notes"][0]["updatedAt"] = "2099-01-01T00:00:00.000Z"
    document["reflections"][0]["answers"][0]["text"] = text
    path = os.path.join(folder, "hostile.json")
    with open(path, "w", encoding="utf-8") as file:
        json.dump(document, file)
    return path


class Witness:
    """tmux's own view of what the program did to the terminal: the pane title and the paste
    buffers (OSC 52 lands there with `set-clipboard on`)."""

    def __init__(self, pane):
        self.pane = pane
        pane.tmux("set-option", "-s", "set-clipboard", "on")
        pane.tmux("set-option", "-g", "allow-passthrough", "off", check=False)
        self.title = self.current_title()

    def current_title(self):
        return self.pane.tmux("display-message", "-p", "-t", self.pane.name, "#{pane_title}").strip()

    def buffers(self):
        names = self.pane.tmux("list-buffers", "-F", "#{buffer_name}", check=False).split()
        return [self.pane.tmux("show-buffer", "-b", name, check=False) for name in names]

    def assert_untouched(self, where):
        title = self.current_title()
        check(title == self.title and TITLE not in title, f"{where}: the pane title changed to {title!r}")
        leaked = [b for b in self.buffers() if CLIP in b]
        check(not leaked, f"{where}: an OSC 52 write reached tmux's buffers: {leaked!r}")

    def prove_it_would_see(self):
        """The same sequences printed raw by the shell do change the title and the buffers, so
        the checks above can fail."""
        self.pane.shell(f"printf '\\033]2;{TITLE}\\007\\033]52;c;{B64}\\007'; clear")
        self.pane.wait_for("$")
        for _ in range(100):
            if TITLE in self.current_title() and any(CLIP in b for b in self.buffers()):
                return
            subprocess.run(["sleep", "0.05"])
        raise AssertionError(f"tmux did not register raw OSC 2 / OSC 52: title {self.current_title()!r}")


def assert_inert_screen(pane, keys):
    """Every case in `keys` is on screen as its placeholder text, with no colour anywhere (the
    app runs with NO_COLOR) and no attribute inside the lines that hold the cases."""
    screen = pane.screen()
    for key in keys:
        check(SHOWN[key] in screen, f"{key}: {SHOWN[key]!r} not on screen:\n{screen}")
    styled = pane.screen(escapes=True)
    check(not COLOUR.search(styled), f"colour on a NO_COLOR screen:\n{styled!r}")
    for line in styled.splitlines():
        if re.search(r"L[0-8] ", line):
            attributes = set(";".join(re.findall(r"\x1b\[([0-9;]*)m", line)).split(";")) - {"", "0", "39", "49"}
            check(not attributes, f"a stray attribute {sorted(attributes)} in {line!r}")


def open_note_editor(pane):
    open_sell_tell(pane)
    pane.keys("n")
    pane.wait_for("Note · Sell")


def stored_note(pane):
    """The text of the one note in the pane's database."""
    with sqlite3.connect(os.path.join(pane.data_dir, "twohats.sqlite")) as db:
        return db.execute("SELECT text FROM note").fetchone()[0]


def open_first_note(pane):
    pane.keys("h")
    pane.wait_for("Note")
    pane.keys("Enter")


def test_imported_text_is_drawn_inert(binary):
    pane = Pane(binary, env={"NO_COLOR": "1"})
    try:
        archive = hostile_archive(binary, pane.work)
        imported = twohats(binary, "import", archive, "--data-dir", pane.data_dir)
        check(imported.returncode == 0, imported.stderr)
        witness = Witness(pane)
        pane.start()
        pane.wait_for("Browse the five contrasts")
        open_first_note(pane)
        pane.wait_for("L8 ")
        assert_inert_screen(pane, HOSTILE)
        witness.assert_untouched("a note read in the app")
        pane.keys("Escape")
        pane.wait_for("Notes & history")
        pane.keys("q")
        check(pane.wait_exit() == 0, "q exits 0")
        pane.assert_stty_restored()
        check(stored_note(pane) == TEXT, "reading the note leaves its text as imported")
        witness.prove_it_would_see()
    finally:
        pane.close()


def test_plain_commands_on_a_terminal_are_inert(binary):
    pane = Pane(binary, env={"NO_COLOR": "1"})
    try:
        imported = twohats(binary, "import", hostile_archive(binary, pane.work), "--data-dir", pane.data_dir)
        check(imported.returncode == 0, imported.stderr)
        witness = Witness(pane)
        pane.shell(f"clear; {pane.binary} history --data-dir {pane.data_dir}")
        pane.wait_for("L0 ␛[31mRED")
        witness.assert_untouched("history")
        piped = twohats(binary, "history", "--data-dir", pane.data_dir)
        check(raw_controls(piped.stdout) == [] and SHOWN["sgr"] in piped.stdout, repr(piped.stdout))
        bad = os.path.join(pane.work, f"no\x1b]2;{TITLE}\x07such.json")
        refused = twohats(binary, "import", bad, "--data-dir", pane.data_dir)
        check(refused.returncode == 2 and raw_controls(refused.stderr) == [], repr(refused.stderr))
        check(f"no␛]2;{TITLE}␇such.json" in refused.stderr and refused.stderr.count("\n") == 1, repr(refused.stderr))
        pane.shell(f"clear; {pane.binary} import \"$(printf '{pane.work}/no\\033]2;{TITLE}\\007such.json')\" --data-dir {pane.data_dir}")
        screen = pane.wait_for("is readable")
        check(f"␛]2;{TITLE}␇" in screen.replace("\n", ""), screen)
        witness.assert_untouched("an error quoting a hostile file name")
    finally:
        pane.close()


def test_plain_mode_prints_stored_text_inert(binary):
    """--plain on a terminal, finishing an imported reflection whose commitment is hostile: the
    summary prints the commitment with placeholders."""
    pane = Pane(binary, env={"NO_COLOR": "1"})
    try:
        archive = hostile_archive(binary, pane.work)
        with open(archive, encoding="utf-8") as file:
            document = json.load(file)
        reflection = document["reflections"][0]
        reflection["completedAt"] = None
        reflection["updatedAt"] = "2099-01-01T00:00:00.000Z"
        # About contrast 4, the focus the answers below choose, so the summary shows it.
        reflection["commitment"].update(text=TEXT, contrastID="learning-skills")
        with open(archive, "w", encoding="utf-8") as file:
            json.dump(document, file)
        piped_data = os.path.join(pane.work, "piped")
        for data in (pane.data_dir, piped_data):
            imported = twohats(binary, "import", archive, "--data-dir", data)
            check(imported.returncode == 0, imported.stderr)
        # Resume, then "." ends each question and 4 answers each rating and the focus (in a
        # question or the commitment it is one more line, which the next "." ends).
        answers = os.path.join(pane.work, "answers")
        with open(answers, "w") as file:
            file.write("y\n" + ".\n4\n" * 60)
        witness = Witness(pane)
        pane.shell(f"clear; {pane.binary} --plain --data-dir {pane.data_dir} < {answers}")
        pane.wait_for("Saved in")
        witness.assert_untouched("--plain printing a hostile commitment")
        with open(answers) as stdin:
            piped = twohats(binary, "--plain", "--data-dir", piped_data, stdin=stdin)
        check(piped.returncode == 0, piped.stderr)
        check(raw_controls(piped.stdout) == [], f"--plain printed {raw_controls(piped.stdout)}")
        check(all(f"  {shown}\n" in piped.stdout for shown in SHOWN.values()), piped.stdout[-1500:])
    finally:
        pane.close()


def test_typed_and_pasted_controls_never_reach_the_text(binary):
    pane = Pane(binary, env={"NO_COLOR": "1"})
    try:
        witness = Witness(pane)
        pane.start()
        open_note_editor(pane)
        # Typed, ESC starts a key (a lone one is Esc, ESC ] is Alt-]), so OSC arrives by paste below.
        typed = "T0 \x1b[31mred\x1b[0m \x1b[2J\x1b[5;5H \x9b2J \u202ertl\u202c bell\x07 end"
        pane.tmux("send-keys", "-t", pane.name, "-H", *[f"{b:02x}" for b in typed.encode()])
        pane.wait_for("end")
        pane.keys("Enter")
        pane.paste("P0 " + HOSTILE["sgr"] + " " + HOSTILE["osc52"] + " " + HOSTILE["c1"] + " " + HOSTILE["passthrough"] + " pasted")
        pane.wait_for("pasted")
        witness.assert_untouched("typing and pasting")
        check(not COLOUR.search(pane.screen(escapes=True)), "no colour on a NO_COLOR screen")
        pane.keys("Escape")
        pane.wait_for("Note saved.")
        pane.keys("C-c")
        pane.wait_exit()
        pane.assert_stty_restored()
        stored = stored_note(pane)
        check(raw_controls(stored, allowed="\n") == [], f"controls were stored: {stored!r}")
        check(stored.startswith("T0 red  2J rtl bell end\nP0 L0 [31mRED[0m [7mreverse[27m L3 ]52;c;"), repr(stored))
        check(f"L5 31mC1 2;{TITLE} nel L7 Ptmux;]52;c;{B64}\\ dcs pasted" in stored, repr(stored))
    finally:
        pane.close()


def hostile_pack(binary, folder):
    """A content pack with ESC, BEL, OSC in every title, CSI in the leader's name and only a C1
    control and a bidi override in the manager's."""
    pack = os.path.join(folder, "pack")
    made = twohats(binary, "content", "init", pack)
    check(made.returncode == 0, made.stderr)
    changed = 0
    for path in sorted(os.path.join(top, name) for top, _, names in os.walk(pack) for name in names if name.endswith(".yaml")):
        with open(path, encoding="utf-8") as file:
            text = file.read()
        # YAML's double-quoted escapes: \e is ESC, \a BEL, \x9b the C1 CSI.
        title = f'title: "Vision \\e]2;{TITLE}\\a \\e]52;c;{B64}\\a"'
        new = re.sub(r"^title: .*$", lambda _: title, text, count=1, flags=re.M)
        new = re.sub(r"^(\s+name: ).*$", lambda m: m.group(1) + '"Leader \\e[31m"', new, count=1, flags=re.M)
        new = re.sub(r'^(\s+name: )(?!").*$', lambda m: m.group(1) + '"Manager \\x9b2J \\u202e"', new, count=1, flags=re.M)
        if new != text:
            changed += 1
            with open(path, "w", encoding="utf-8") as file:
                file.write(new)
    check(changed > 0, "the pack was changed")
    return pack


def test_content_pack_with_controls_is_refused_inertly(binary):
    pane = Pane(binary, env={"NO_COLOR": "1"})
    try:
        pack = hostile_pack(binary, pane.work)
        checked = twohats(binary, "content", "check", pack)
        check(checked.returncode == 2, f"content check exits 2, got {checked.returncode}: {checked.stdout}{checked.stderr}")
        report = checked.stdout + checked.stderr
        check("control character" in report and raw_controls(report, allowed="\n") == [], repr(report))
        check(report.count("field 'manager.name'") == 5, f"a C1 or bidi control alone is found too:\n{report}")
        for arguments in (["list"], ["show", "1"], ["--plain"]):
            refused = twohats(binary, *arguments, "--content", pack, input="")
            check(refused.returncode == 2, f"{arguments}: exit {refused.returncode}")
            check(raw_controls(refused.stdout + refused.stderr, allowed="\n") == [], f"{arguments}: {refused.stderr!r}")
        witness = Witness(pane)
        pane.start("--content", pack)
        check(pane.wait_exit() == 2, "the app refuses the pack with status 2")
        pane.assert_stty_restored()
        pane.shell(f"{pane.binary} content check {pack}")
        pane.wait_for("control character")
        witness.assert_untouched("a hostile pack")
    finally:
        pane.close()


def test_exports_hold_no_raw_control_and_json_round_trips(binary):
    with tempfile.TemporaryDirectory() as folder:
        data, copy = os.path.join(folder, "data"), os.path.join(folder, "copy")
        imported = twohats(binary, "import", hostile_archive(binary, folder), "--data-dir", data)
        check(imported.returncode == 0, imported.stderr)
        files = {}
        for form in ("markdown", "csv", "json"):
            path = os.path.join(folder, f"export.{form}")
            made = twohats(binary, "export", "--format", form, "--output", path, "--data-dir", data)
            check(made.returncode == 0, made.stderr)
            with open(path, "rb") as file:
                files[form] = file.read().decode("utf-8")
        check(raw_controls(files["markdown"]) == [], f"markdown: {raw_controls(files['markdown'])}")
        check(all(f"> {shown}\n" in files["markdown"] for shown in SHOWN.values()), "markdown shows every case as its placeholders")
        check(raw_controls(files["csv"], allowed="\r") == [], f"csv: {raw_controls(files['csv'])}")
        check(raw_controls(files["json"]) == [], f"json: {raw_controls(files['json'])}")
        check("\\u001b]52;c;" in files["json"] and "\\u009b31m" in files["json"] and "\\u202e" in files["json"], "json escapes")
        check(json.loads(files["json"])["notes"][0]["text"] == TEXT, "json keeps the text exactly")
        again = twohats(binary, "import", os.path.join(folder, "export.json"), "--data-dir", copy)
        check(again.returncode == 0, again.stderr)
        with sqlite3.connect(os.path.join(copy, "twohats.sqlite")) as db:
            texts = [row[0] for row in db.execute("SELECT text FROM note UNION ALL SELECT text FROM answer WHERE text LIKE 'L0 %'")]
        check(texts == [TEXT, TEXT], "export then import keeps the note and the answer exactly")


TESTS = [
    test_imported_text_is_drawn_inert,
    test_plain_commands_on_a_terminal_are_inert,
    test_plain_mode_prints_stored_text_inert,
    test_typed_and_pasted_controls_never_reach_the_text,
    test_content_pack_with_controls_is_refused_inertly,
    test_exports_hold_no_raw_control_and_json_round_trips,
]
