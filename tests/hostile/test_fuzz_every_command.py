"""Hardening, 7: every command, hostile files, odd environments, at once.

Each example makes one set of hostile files (random bytes, the hostile characters, deep
nesting, huge lines, or a sound file with hostile text put in) and one environment (TERM,
LC_ALL, a stream encoding), then runs every command on them in this process. Whatever the
files hold: no exception escapes `quiz.cli.main`, the exit code is 0, 1 or 2, no raw
control character reaches stdout or stderr, and a round of `quiz play --plain` played to
its end is in `quiz scores --json`. Hangs cannot be caught in-process: the FIFO cases are
tests/hostile/test_nothing_hangs.py's.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from unittest import mock

from hypothesis import HealthCheck, Phase, event, given, settings
from hypothesis import strategies as st

from quiz.core.limits import MODE_NAMES
from quiz.interchange import EXPORTERS, IMPORTERS
from tests.helpers.hostile import (
    INVISIBLE,
    Ran,
    data_folder,
    file_names,
    hostile,
    hostile_pack,
    hostile_text,
    importer_input,
    quiz,
    yaml_string,
)
from tests.helpers.packs import PACK
from tests.helpers.paths import REPO

SHEET = (REPO / "seeds" / "his_and_hers.facts.yaml").read_bytes()
ARTICLE = (REPO / "seeds" / "his_and_hers.txt").read_bytes()
EXAMPLES = 250  # some 30 runs of `quiz` each: about 20 seconds in all

# What every example did, for the report at the end of the run (pytest -s shows it).
RUNS: Counter[str] = Counter()


def encoded(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


@st.composite
def mutated(draw: st.DrawFn, base: bytes) -> bytes:
    """The file with hostile text put in at some place, or a piece of it cut out."""
    at = draw(st.integers(0, len(base)))
    if draw(st.booleans()):
        return base[:at] + encoded(draw(hostile_text(surrogates=True))) + base[at:]
    end = draw(st.integers(at, min(len(base), at + 40)))
    return base[:at] + base[end:]


def hostile_file(sound: st.SearchStrategy[bytes]) -> st.SearchStrategy[bytes]:
    """A file to give a command in place of ``sound`` ones."""
    deep = st.integers(1, 60_000)
    return st.one_of(
        sound,
        sound.flatmap(mutated),
        st.binary(max_size=400),
        hostile_text(surrogates=True).map(encoded),
        deep.map(lambda n: b"[" * n),
        deep.map(lambda n: b"{" * n),
        st.integers(1, 5_000).map(lambda n: b"- " * n + b"x\n"),
        st.integers(1, 5_000).map(lambda n: b"a: {" * n),
        st.integers(1, 5_000).map(lambda n: b'{"results": [' * n),
        st.sampled_from([b"x" * 300_000, b"q," + b"a" * 200_000 + b"\n", b"\n" * 100_000]),
    )


packs = hostile_file(st.just(PACK) | hostile_pack().map(encoded))
sheets = hostile_file(
    st.just(SHEET)
    | hostile.map(
        lambda text: SHEET.replace(b"title: His & Hers", b"title: " + encoded(yaml_string(text)))
    )
    | file_names.map(
        lambda name: SHEET.replace(b"his_and_hers.txt\n", encoded(yaml_string(name)) + b"\n")
    )
)
articles = st.just(ARTICLE) | st.just(ARTICLE).flatmap(mutated)
imported = {fmt: hostile_file(importer_input(fmt).map(encoded)) for fmt in IMPORTERS}
# A pack that plays, its text hostile where a pack may be: invisible format characters.
invisible = st.lists(st.sampled_from([*INVISIBLE, "é", "日本", "x"]), max_size=4).map("".join)
sound_packs = invisible.map(
    lambda text: PACK.replace(b"Test pack", b"Test " + encoded(text)).replace(
        b"What is the capital", b"What " + encoded(text) + b"is the capital"
    )
)
answers = st.lists(
    st.sampled_from(["1", "2", "a", "t", "f", "Paris", "Pa\u200bris", "8", "[/]", "s", "", "?"])
    | hostile,
    max_size=6,
)


@st.composite
def environments(draw: st.DrawFn) -> dict[str, str | None]:
    return {
        "TERM": draw(st.sampled_from(["dumb", "xterm-256color", "", "linux", "\x1b]0;x\x07"])),
        "LC_ALL": draw(st.sampled_from([None, "C", "POSIX", "en_US.UTF-8", "xx_XX.bogus"])),
        "PYTHONUTF8": draw(st.sampled_from([None, "0"])),
        "NO_COLOR": draw(st.sampled_from([None, "1"])),
        "COLUMNS": draw(st.sampled_from([None, "5", "x", "-1"])),
    }


@contextmanager
def environment(values: dict[str, str | None]) -> Iterator[None]:
    with mock.patch.dict(os.environ):
        for key, value in values.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        yield


def write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def hostile_files(data: st.DataObject, folder: Path) -> dict[str, Path]:
    """The example's files, beside the data folder, each under a hostile name; the pack
    is installed too."""
    work = folder.parent / "work"
    name = data.draw(file_names, label="name")
    files = {
        "pack": write(work / f"{name}.yaml", data.draw(packs, label="pack")),
        "sound": write(work / "sound" / f"{name}.yaml", data.draw(sound_packs, label="sound")),
        "sheet": write(work / "sheets" / f"{name}.facts.yaml", data.draw(sheets, label="sheet")),
        "out": work / "out",
        "work": work,
    }
    write(files["sheet"].parent / "his_and_hers.txt", data.draw(articles, label="article"))
    write(folder / "packs" / f"{name}.yaml", files["pack"].read_bytes())  # installed as well
    for fmt in IMPORTERS:
        files[fmt] = write(work / "in" / f"{name}.{fmt}", data.draw(imported[fmt], label=fmt))
    return files


def every_command(data: st.DataObject, files: dict[str, Path]) -> list[tuple[str, ...]]:
    pack, sheet, out = str(files["pack"]), str(files["sheet"]), files["out"]
    title = data.draw(hostile, label="title")
    exported = data.draw(st.sampled_from(EXPORTERS), label="exported")
    return [
        ("validate", pack),
        ("validate", "--json", pack),
        ("validate", str(files["work"])),
        ("packs",),
        ("packs", "show", pack),
        ("packs", "--pack", pack, "show", "test-pack"),
        ("facts", "check", sheet),
        ("generate", sheet),
        ("generate", sheet, "--out", str(out / "generated.yaml")),
        ("check", "--seeds", "2", "--examples", "3", sheet, pack),
        *(("import", fmt, str(files[fmt]), "--out", str(out / f"{fmt}.yaml")) for fmt in IMPORTERS),
        *(("export", pack, "--format", fmt) for fmt in EXPORTERS),
        ("export", str(files["sound"]), "--format", exported, "--out", str(out / "exported")),
        ("new", "my-pack", "--title", title, "--out", str(out / "new.yaml")),
        ("play", "--plain", "--pack", pack, "--seed", "1"),
        ("play", "--pack", pack, "--seed", "2"),  # not a terminal: line mode
    ]


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    # `quiz check` explores a sheet with Hypothesis of its own: nested on purpose.
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.nested_given,
    ],
    # Not shrunk: each step of it runs every command again (minutes); the failing command
    # and the character it printed are in the assertion's message.
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
)
@given(data=st.data())
def test_every_command_survives_hostile_files_and_environments(data: st.DataObject) -> None:
    env = data.draw(environments(), label="environment")
    # Under LC_ALL=C (without UTF-8 mode) a terminal's streams are ASCII.
    encoding = "ascii" if env["LC_ALL"] in ("C", "POSIX") else None
    with data_folder() as folder, environment(env):
        files = hostile_files(data, folder)
        for command in every_command(data, files):
            check(quiz(*command, stdin="1\n2\n", encoding=encoding))
        play_a_round(data, files["sound"], encoding)
        for command in [("scores",), ("scores", "--history"), ("scores", "--json")]:
            check(quiz(*command, encoding=encoding))
    RUNS["examples"] += 1


def check(ran: Ran) -> None:
    shown = [ran.argv[0], *(word for word in ran.argv[1:] if word in ("check", "show", "--json"))]
    RUNS[" ".join(shown)] += 1
    RUNS["runs"] += 1
    event(f"exit {ran.code}")
    assert ran.code in (0, 1, 2), ran
    # A pack or an export printed whole is a document: its bytes are its file's.
    ran.assert_shown_safely(
        document=ran.argv[0] in ("generate", "export") and "--out" not in ran.argv
    )


def play_a_round(data: st.DataObject, pack: Path, encoding: str | None) -> None:
    """`quiz play --plain` with the player's answers; a round played to its end is recorded."""
    mode = data.draw(st.sampled_from(MODE_NAMES), label="mode")
    seed = data.draw(st.integers(0, 2**63 - 1), label="seed")
    argv = ["play", "--plain", "--pack", str(pack), "--seed", str(seed), "--mode", mode]
    if mode != "sudden-death" and data.draw(st.booleans(), label="questions given"):
        argv += ["--questions", data.draw(st.sampled_from(["1", "3", "1000"]), label="questions")]
    names = hostile_text().map(lambda text: text.strip()[:24])
    player = data.draw(st.none() | names, label="player")
    if player:
        argv += ["--player", player]
    typed = data.draw(answers, label="answers")
    if data.draw(st.booleans(), label="to the end"):
        typed += ["s"] * 5  # the sample pack has four questions: it is played out
    ran = quiz(*argv, stdin="".join(f"{line}\n" for line in typed), encoding=encoding)
    check(ran)
    finished = ran.code == 0 and "Round over." in ran.out
    event(f"round {'finished' if finished else 'not finished'} ({mode})")
    if not finished or mode == "practice" or "scores will not be saved" in ran.err:
        return
    RUNS["rounds recorded"] += 1
    listed = quiz("scores", "--json")
    assert listed.code == 0, listed
    seeds = [entry["seed"] for board in json.loads(listed.out) for entry in board["entries"]]
    assert seed in seeds, (ran.out, listed.out)


def teardown_module() -> None:
    print(f"\nfuzz: {dict(RUNS)}")
