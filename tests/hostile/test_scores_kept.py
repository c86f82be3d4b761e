"""Hardening, 3: nothing the player did is lost.

A score file that is ours by its version but not by its tables is moved aside (never
deleted) and a fresh one started, so the next round is recorded; one round that cannot be
read costs only itself, with one warning; a full disk says so in plain words.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from quiz.scores import ScoreStore, scores_path
from tests.helpers.hostile import Ran, quiz
from tests.helpers.packs import PACK
from tests.helpers.scores import START, make_record

ALL_SKIPPED = "s\ns\ns\ns\n"  # the sample pack's four questions, each skipped: played to the end


def play_a_round(pack: Path, player: str = "Zed") -> Ran:
    ran = quiz(
        "play", "--plain", "--pack", str(pack), "--seed", "1", "--player", player, stdin=ALL_SKIPPED
    )
    assert ran.code == 0, ran
    assert "Traceback" not in ran.err
    return ran


def players_in_scores() -> list[str]:
    import json

    ran = quiz("scores", "--json")
    assert ran.code == 0, ran
    return [entry["player"] for board in json.loads(ran.out) for entry in board["entries"]]


def write_database(path: Path, script: str) -> bytes:
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(path)
    db.executescript(script)
    db.close()
    return path.read_bytes()


# Schema version 2 (this game's), but tables this game did not make.
OURS_BY_VERSION_ONLY = {
    "no-tables": "PRAGMA user_version = 2;",
    "another-table": "CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('soup');"
    "PRAGMA user_version = 2;",
    "other-columns": "CREATE TABLE rounds (id INTEGER PRIMARY KEY, who TEXT, points INTEGER);"
    "INSERT INTO rounds VALUES (1, 'Ann', 5); PRAGMA user_version = 2;",
    "a-column-missing": "CREATE TABLE rounds (id INTEGER PRIMARY KEY, player TEXT, packs TEXT,"
    " mode TEXT, questions INTEGER, seconds REAL, seed INTEGER, score INTEGER, correct INTEGER,"
    " best_streak INTEGER, duration REAL, played_at TEXT, game_version TEXT);"
    " PRAGMA user_version = 2;",
}


@pytest.mark.parametrize(
    "script", list(OURS_BY_VERSION_ONLY.values()), ids=list(OURS_BY_VERSION_ONLY)
)
def test_a_score_file_of_our_version_with_other_tables_is_moved_aside_and_the_round_kept(
    data_dir: Path, pack_file: Path, script: str
) -> None:
    path = scores_path(data_dir)
    original = write_database(path, script)
    ran = play_a_round(pack_file)
    asides = sorted(data_dir.glob("scores.sqlite3.corrupt-*"))
    assert [aside.read_bytes() for aside in asides] == [original]  # kept, byte for byte
    [warning] = [line for line in ran.err.splitlines() if "moved it to" in line]
    assert warning.startswith(f"{path}: not a quiz score database")
    assert warning.endswith(f"moved it to {asides[0].name} and started a fresh score file")
    assert "Recorded for Zed." in ran.out
    assert players_in_scores() == ["Zed"]


# One round that cannot be read ---------------------------------------------------------

MALFORMED = {
    "played_at-not-a-date": "UPDATE rounds SET played_at = 'last Tuesday' WHERE player = 'Bad'",
    "played_at-without-zone": "UPDATE rounds SET played_at = '2025-03-01T12:00:00'"
    " WHERE player = 'Bad'",
    "packs-not-json": "UPDATE rounds SET packs = '[[tv' WHERE player = 'Bad'",
    "score-text": "UPDATE rounds SET score = 'lots' WHERE player = 'Bad'",
    "duration-text": "UPDATE rounds SET duration = 'ages' WHERE player = 'Bad'",
    "player-a-blob": "UPDATE rounds SET player = X'426164' WHERE player = 'Bad'",
}


def three_rounds_one_malformed(data_dir: Path, edit: str) -> Path:
    store = ScoreStore.open(data_dir, pytest.fail)
    for minutes, (player, score) in enumerate([("Ann", 500), ("Bad", 700), ("Cy", 300)]):
        played_at = START.replace(minute=minutes)
        store.record(make_record(player=player, score=score, played_at=played_at))
    store.close()
    db = sqlite3.connect(scores_path(data_dir))
    db.execute(edit)
    db.commit()
    db.close()
    return scores_path(data_dir)


@pytest.mark.parametrize("edit", list(MALFORMED.values()), ids=list(MALFORMED))
def test_one_malformed_round_leaves_the_others_shown_with_one_warning(
    data_dir: Path, edit: str
) -> None:
    path = three_rounds_one_malformed(data_dir, edit)
    warning = f"{path}: skipped a round that cannot be read"
    history = quiz("scores", "--history")
    assert (history.code, history.err) == (0, warning + "\n")
    rows = history.out.splitlines()[1:]
    assert [row.split()[2] for row in rows] == ["Cy", "Ann"]  # newest first, Bad left out
    boards = quiz("scores")
    assert boards.code == 0 and boards.err in ("", warning + "\n"), boards
    shown = [line.split()[1] for line in boards.out.splitlines() if line[:1].isdigit()]
    assert {"Ann", "Cy"} <= set(shown) <= {"Ann", "Bad", "Cy"}
    as_json = quiz("scores", "--history", "--json")
    assert as_json.code == 0 and as_json.err == warning + "\n"


# A full disk ---------------------------------------------------------------------------


def test_a_full_disk_says_the_disk_is_full(
    tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The disk is full from the score file's size on (SQLite's max_page_count, which fails
    as a full disk does: SQLITE_FULL), and the round's row needs pages of its own (its
    pack id is 20,000 characters long).

    A file size limit (RLIMIT_FSIZE) would not do: SQLite writes again after the short
    write, gets EFBIG and calls that a disk I/O error."""
    store = ScoreStore.open(data_dir, pytest.fail)
    store.record(make_record(player="Old"))
    store.close()
    path = scores_path(data_dir)
    connect = sqlite3.connect

    def connect_to_a_full_disk(database: object, *args: object, **kwargs: object) -> object:
        db = connect(database, *args, **kwargs)  # type: ignore[arg-type]
        if str(path) in str(database):
            pages = db.execute("PRAGMA page_count").fetchone()[0]
            db.execute(f"PRAGMA max_page_count = {pages}")
        return db

    pack = tmp_path / "long.yaml"
    pack.write_bytes(PACK.replace(b"test-pack", b"a" * 20_000))
    with monkeypatch.context() as full:
        full.setattr(sqlite3, "connect", connect_to_a_full_disk)
        ran = play_a_round(pack)
    assert ran.err.splitlines() == [
        f"{path}: cannot save scores (the disk is full); scores will not be saved"
    ]
    assert "Recorded for" not in ran.out  # the warning has said it: nothing more to say
    assert players_in_scores() == ["Old"]  # the file as it was
