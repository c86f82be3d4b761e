"""High scores as a player outside UTC sees them, and what the game says of a newer file.

A round is stored at the moment it was played whatever the player's time zone, and the
leaderboard shows it in local time: checked here with the clock set to New York (UTC-5),
since a check made only in UTC cannot tell local time from UTC. The warning about a score
file from a newer game names both schema versions. Found unchecked by mutation testing
(docs/mutation.md).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from quiz.scores import RoundRecord, ScoreStore, clean_player_name, local_time, scores_path
from quiz.scores.migrations import SCHEMA_VERSION
from tests.helpers.timezone import local_time_zone

PLAYED = datetime(2025, 3, 1, 12, 30, tzinfo=UTC)


def record(**changes: object) -> RoundRecord:
    fields: dict[str, object] = {
        "player": "Ann",
        "packs": (("tv", 1),),
        "mode": "classic",
        "questions": 10,
        "seconds": 20.0,
        "seed": 7,
        "score": 5000,
        "correct": 6,
        "best_streak": 3,
        "duration": 95.5,
        "played_at": PLAYED,
        "game_version": "0.1.0",
    }
    return RoundRecord(**(fields | changes))  # type: ignore[arg-type]


@pytest.fixture
def new_york() -> Iterator[None]:
    """Local time is five hours behind UTC."""
    with local_time_zone("EST+5"):
        yield


def test_a_round_keeps_its_moment_and_shows_in_local_time(new_york: None, tmp_path: Path) -> None:
    store = ScoreStore.open(tmp_path, pytest.fail)
    played = record()
    store.record(played)
    (entry,) = store.leaderboard(played.board)
    (again,) = store.history()
    store.close()
    assert entry.played_at == PLAYED and again.played_at == PLAYED
    assert local_time(entry.played_at) == "2025-03-01 07:30"


def test_a_round_recorded_in_local_time_is_stored_as_its_utc_moment(
    new_york: None, tmp_path: Path
) -> None:
    store = ScoreStore.open(tmp_path, pytest.fail)
    store.record(record(played_at=PLAYED.astimezone()))  # 07:30 local, the same moment
    store.close()
    db = sqlite3.connect(scores_path(tmp_path))
    assert db.execute("SELECT played_at FROM rounds").fetchall() == [
        ("2025-03-01T12:30:00.000000Z",)
    ]
    db.close()


def test_a_file_from_a_newer_game_is_named_with_both_versions(tmp_path: Path) -> None:
    tmp_path.mkdir(exist_ok=True)
    db = sqlite3.connect(scores_path(tmp_path))
    db.executescript(f"CREATE TABLE later (x TEXT); PRAGMA user_version = {SCHEMA_VERSION + 1};")
    db.close()
    said: list[str] = []
    ScoreStore.open(tmp_path, said.append).close()
    assert said == [
        f"{scores_path(tmp_path)}: written by a newer version of quiz (schema "
        f"{SCHEMA_VERSION + 1}, this one knows {SCHEMA_VERSION}); left as it is, and scores "
        "will not be saved"
    ]


@pytest.mark.parametrize("name", ["Ann\ud800", "Ann\udfff", "\udc80"])
def test_a_name_with_a_lone_surrogate_is_not_a_name(name: str) -> None:
    assert clean_player_name(name) is None


def test_a_name_of_24_characters_is_kept_trimmed() -> None:
    assert clean_player_name("  " + "x" * 24 + " ") == "x" * 24
    assert clean_player_name("x" * 25) is None
