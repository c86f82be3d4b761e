"""Hardening, 4: the files the game keeps are checked when read back.

The settings file, the pack index and the pack cache are the game's own, but anyone can
edit them, and a disk can damage them: a value that makes no sense falls back to its
default, a file that does not parse is moved aside (the settings) or rebuilt (the index,
the cache), and none of them ever costs a traceback or hands the game a pack its loader
would refuse.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import time
from pathlib import Path

import pytest

from quiz.packs.cache import load_cached
from quiz.packs.loader import load_pack
from quiz.storage.settings import Settings, load_settings
from tests.helpers.hostile import quiz
from tests.helpers.messages import Warnings
from tests.helpers.packs import PACK

DEEP = "[" * 100_000


def settings_file(data_dir: Path, text: str) -> Path:
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / "settings.json"
    path.write_text(text, encoding="utf-8")
    return path


def installed_sample(data_dir: Path) -> Path:
    packs = data_dir / "packs"
    packs.mkdir(parents=True, exist_ok=True)
    path = packs / "sample.yaml"
    path.write_bytes(PACK)
    return path


# settings.json -------------------------------------------------------------------------


def test_settings_nested_too_deep_are_moved_aside_and_the_defaults_used(data_dir: Path) -> None:
    installed_sample(data_dir)
    path = settings_file(data_dir, DEEP)
    played = quiz("play", "--plain", "--seed", "1", stdin="q\n")
    assert played.code == 0, played
    [aside] = data_dir.glob("settings.json.damaged-*")
    assert aside.read_text(encoding="utf-8") == DEEP
    assert played.err.splitlines() == [
        f"{path}: is not valid JSON; moved it to {aside.name} and using the defaults"
    ]
    assert load_settings(data_dir, pytest.fail) == Settings(packs=())
    settings_file(data_dir, DEEP)
    shown = quiz("scores")
    assert (shown.code, shown.err) == (0, "")


async def test_the_app_starts_on_settings_nested_too_deep(data_dir: Path) -> None:
    from tests.helpers.tui import make_app

    installed_sample(data_dir)
    settings_file(data_dir, DEEP)
    app, _ = make_app(data_dir, start=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert type(app.screen).__name__ == "HomeScreen"
    assert len(list(data_dir.glob("settings.json.damaged-*"))) == 1


# A name no one could have typed: a lone surrogate (undecodable bytes), or too long.
BAD_NAMES = {"lone-surrogate": '"\\ud800"', "thirty-characters": json.dumps("N" * 30)}


@pytest.mark.parametrize("name", list(BAD_NAMES.values()), ids=list(BAD_NAMES))
def test_a_remembered_name_no_one_could_type_gives_the_default_name(
    data_dir: Path, pack_file: Path, name: str
) -> None:
    settings_file(data_dir, f'{{"player": {name}, "questions": 4}}')
    warnings = Warnings()
    assert load_settings(data_dir, warnings).player == Settings().player
    assert warnings == []
    # Saving the settings again (--questions changes them) writes a file that reads back.
    ran = quiz("play", "--plain", "--pack", str(pack_file), "--questions", "3", stdin="q\n")
    assert ran.code == 0 and ran.err == "", ran
    assert load_settings(data_dir, pytest.fail).questions == 3


@pytest.mark.parametrize("name", list(BAD_NAMES.values()), ids=list(BAD_NAMES))
async def test_a_round_in_the_app_is_recorded_under_the_default_name(
    data_dir: Path, name: str
) -> None:
    from quiz.scores import ScoreStore
    from tests.helpers.tui import answer_every_question_right, make_app, round_screen

    settings_file(data_dir, f'{{"player": {name}}}')
    app, _ = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        answer_every_question_right(round_screen(app))
        await pilot.pause()
        if type(app.screen).__name__ == "NameEntryScreen":  # the name offered, taken as it is
            await pilot.press("enter")
            await pilot.pause()
        assert type(app.screen).__name__ == "ResultsScreen"
    store = ScoreStore.open(data_dir, pytest.fail)
    try:
        assert [record.player for record in store.history()] == ["Player"]
    finally:
        store.close()


@pytest.mark.parametrize(
    ("text", "field", "default"),
    [
        ('{"questions": 1000000000000000000000000000000}', "#questions", "10"),
        ('{"questions": 1001}', "#questions", "10"),
        ('{"seconds": 1e-300}', "#seconds", "20"),
    ],
    ids=["questions-10**30", "questions-1001", "seconds-1e-300"],
)
async def test_a_remembered_value_out_of_range_shows_its_default_on_home(
    data_dir: Path, text: str, field: str, default: str
) -> None:
    from textual.widgets import Input

    from tests.helpers.tui import make_app

    installed_sample(data_dir)
    settings_file(data_dir, text)
    app, _ = make_app(data_dir, start=False)
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.screen.query_one(field, Input).value == default
        await pilot.press("ctrl+s")  # and a round starts from it
        await pilot.pause()
        assert type(app.screen).__name__ == "RoundScreen"


# pack-index.json -----------------------------------------------------------------------


def index_path(data_dir: Path) -> Path:
    return data_dir / "pack-index.json"


def edit_index(data_dir: Path, pack: Path, **summary: object) -> None:
    """Change the summary the index keeps of ``pack``, leaving its stamp valid."""
    index = json.loads(index_path(data_dir).read_text(encoding="utf-8"))
    entry = index["packs"][str(pack.resolve())]
    entry["summary"].update(summary)
    index_path(data_dir).write_text(json.dumps(index), encoding="utf-8")


WRONG_TYPES = {
    "title-a-number": {"title": 42},
    "question_count-text": {"question_count": "999"},
    "question_count-zero": {"question_count": 0},
    "seconds-a-list": {"seconds": [45]},
    "seconds-nan": {"seconds": float("nan")},
    "id-not-an-id": {"id": "Not An Id"},
    "title-escape": {"title": "\x1b[2J"},
}


@pytest.mark.parametrize("summary", list(WRONG_TYPES.values()), ids=list(WRONG_TYPES))
async def test_an_index_entry_of_wrong_types_is_rebuilt_and_the_pack_listed_right(
    data_dir: Path, summary: dict[str, object]
) -> None:
    from quiz.tui.widgets import PackList
    from tests.helpers.tui import make_app

    pack = installed_sample(data_dir)
    right = quiz("packs")
    assert right.code == 0, right
    edit_index(data_dir, pack, **summary)
    listed = quiz("packs")
    assert (listed.code, listed.out, listed.err) == (0, right.out, "")
    rows = [re.split(r"  +", line) for line in listed.out.splitlines()]
    assert [row[:3] for row in rows if row[0] == "test-pack"] == [["test-pack", "Test pack", "4"]]
    edit_index(data_dir, pack, **summary)
    app, _ = make_app(data_dir, start=False)
    async with app.run_test(size=(80, 24)):
        packs = app.screen.query_one("#packs", PackList)
        labels = [str(packs.get_option_at_index(i).prompt) for i in range(packs.option_count)]
    assert "Test pack  4 questions · the test article" in labels


@pytest.mark.parametrize("text", [DEEP, '{"packs": ' * 100_000], ids=["lists", "objects"])
def test_an_index_nested_too_deep_is_rebuilt(data_dir: Path, text: str) -> None:
    installed_sample(data_dir)
    right = quiz("packs")
    index_path(data_dir).write_text(text, encoding="utf-8")
    listed = quiz("packs")
    assert (listed.code, listed.out, listed.err) == (0, right.out, "")
    assert json.loads(index_path(data_dir).read_text(encoding="utf-8"))["packs"]  # rewritten


# pack-cache/*.json ---------------------------------------------------------------------


def cached_entry(data_dir: Path, pack: Path) -> Path:
    """Play from ``pack`` once, so that its cache entry is written; the entry's path. The
    file is made older first: a file changed in the last seconds is not cached yet."""
    old = time.time() - 60
    os.utime(pack, (old, old))
    ran = quiz("play", "--plain", "--pack", str(pack), "--seed", "1", stdin="q\n")
    assert ran.code == 0, ran
    entries = [
        entry
        for entry in (data_dir / "pack-cache").glob("*.json")
        if str(pack.resolve()) in json.loads(entry.read_text().split("\n", 1)[0])["stamp"]
    ]
    assert len(entries) == 1, entries
    return entries[0]


def edit_entry(entry: Path, edit: dict[str, object]) -> None:
    """Change the cached pack: every prompt says EDITED, and ``edit`` applies to the pack
    (key ``time``) or its choice question (key ``question``); the checksum is made again,
    so that only a check of the pack itself can tell."""
    header_line, body_line = entry.read_text(encoding="ascii").split("\n", 1)
    header, body = json.loads(header_line), json.loads(body_line)
    for question in body["questions"]:
        question["prompt"] = f"EDITED {question['prompt']}"
        if question["type"] == "choice":
            question.update(edit.get("question", {}))  # type: ignore[arg-type]
    if "time" in edit:
        body["time"] = edit["time"]
    text = json.dumps(body)
    header["sha256"] = hashlib.sha256(text.encode("ascii")).hexdigest()
    entry.write_text(f"{json.dumps(header)}\n{text}", encoding="ascii")


EDITS = {
    "one-choice": {"question": {"wrong": []}},
    "time-minus-5": {"time": "-5"},
    "time-nan": {"time": "NaN"},
    "time-0.0000000001": {"time": "0.0000000001"},
    "answer-among-wrong": {"question": {"wrong": ["Paris", "Lyon"]}},
}


@pytest.mark.parametrize("edit", list(EDITS.values()), ids=list(EDITS))
def test_an_edited_cache_entry_is_not_played_the_files_questions_are(
    data_dir: Path, pack_file: Path, edit: dict[str, object]
) -> None:
    entry = cached_entry(data_dir, pack_file)
    edit_entry(entry, edit)
    ran = quiz("play", "--plain", "--pack", str(pack_file), "--seed", "1", stdin="q\n")
    assert ran.code == 0, ran
    assert "Traceback" not in ran.err
    assert "EDITED" not in ran.out
    assert "Classic round: 4 questions, 20 seconds per question." in ran.out
    assert load_cached(pack_file, data_dir / "pack-cache") == load_pack(pack_file)
