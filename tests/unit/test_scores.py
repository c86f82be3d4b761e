"""The high-score store: what is recorded, leaderboards, personal bests, history, names."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.core.model import Pack, Question, QuestionType
from quiz.scores import (
    LONGEST_NAME,
    Board,
    RoundRecord,
    ScoreStore,
    clean_player_name,
    round_record,
    scores_path,
)
from quiz.session import Mode, Round, RoundSettings
from tests.helpers.messages import Warnings
from tests.helpers.scores import BOARD, START, make_record


@pytest.fixture
def store(tmp_path: Path, warnings: Warnings) -> Iterator[ScoreStore]:
    opened = ScoreStore.open(tmp_path / "data", warnings)
    yield opened
    opened.close()
    assert warnings == []


def test_a_recorded_round_comes_back_whole_after_reopening(tmp_path: Path) -> None:
    record = make_record(
        player="Zoë 李",
        packs=(("science", 4), ("tv", 2)),
        mode="sudden-death",
        seconds=12.5,
        seed=2**63 - 1,
        played_at=datetime(2025, 3, 1, 12, 0, 0, 123456, tzinfo=UTC),
    )
    first = ScoreStore.open(tmp_path, print)
    first.record(record)
    first.close()
    again = ScoreStore.open(tmp_path, print)
    assert again.history() == [record]
    assert scores_path(tmp_path).is_file()
    again.close()


def test_the_leaderboard_is_best_first_and_a_tie_goes_to_the_earlier_round(
    store: ScoreStore,
) -> None:
    # Recorded out of time order, so that neither order of recording can pass for time.
    store.record(make_record(player="early", score=900, played_at=START))
    store.record(make_record(player="late", score=900, played_at=START + timedelta(hours=2)))
    store.record(make_record(player="middle", score=900, played_at=START + timedelta(hours=1)))
    store.record(make_record(player="top", score=1200, played_at=START + timedelta(hours=2)))
    store.record(make_record(player="low", score=100))
    board = store.leaderboard(BOARD)
    assert [entry.player for entry in board] == ["top", "early", "middle", "late", "low"]
    assert board[0].played_at == START + timedelta(hours=2)
    assert board[0].played_at.tzinfo is not None


def test_scores_are_compared_only_within_one_board(store: ScoreStore) -> None:
    other_boards = [
        make_record(packs=(("tv", 1), ("world", 1))),
        make_record(mode="sudden-death"),
        make_record(questions=20),
        make_record(seconds=10.0),
    ]
    for record in other_boards:
        store.record(dataclasses.replace(record, score=99999))
    store.record(make_record(score=10))
    assert [entry.score for entry in store.leaderboard(BOARD)] == [10]
    assert len(store.boards()) == 5


def test_a_board_ignores_pack_versions(store: ScoreStore) -> None:
    store.record(make_record(packs=(("tv", 1),), score=1))
    store.record(make_record(packs=(("tv", 2),), score=2))
    assert [entry.score for entry in store.leaderboard(BOARD)] == [2, 1]


def test_the_leaderboard_shows_ten_unless_asked_otherwise(store: ScoreStore) -> None:
    store.record_many(make_record(score=score) for score in range(15))
    assert [entry.score for entry in store.leaderboard(BOARD)] == list(range(14, 4, -1))
    assert len(store.leaderboard(BOARD, limit=3)) == 3


def test_would_rank_until_the_board_is_full_then_only_above_the_tenth(store: ScoreStore) -> None:
    assert store.would_rank(BOARD, 0)
    store.record_many(make_record(score=100 * n) for n in range(1, 10))
    assert store.would_rank(BOARD, 0)  # nine rounds: there is room
    store.record(make_record(score=50))
    assert not store.would_rank(BOARD, 50)  # a tie ranks below the earlier round
    assert store.would_rank(BOARD, 51)
    assert store.would_rank(dataclasses.replace(BOARD, mode="sudden-death"), 0)


def test_personal_best_is_the_players_top_round_on_that_board(store: ScoreStore) -> None:
    store.record(make_record(player="Ann", score=300))
    store.record(make_record(player="Ann", score=700, played_at=START + timedelta(days=1)))
    store.record(make_record(player="Bob", score=900))
    store.record(make_record(player="Ann", score=5000, questions=20))
    best = store.personal_best(BOARD, "Ann")
    assert best is not None
    assert (best.score, best.played_at) == (700, START + timedelta(days=1))
    assert store.personal_best(BOARD, "ann") is None
    assert store.personal_best(BOARD, "Cy") is None


def test_rounds_recorded_together_are_kept_all_or_none(store: ScoreStore) -> None:
    unstorable = make_record(player="bad\udcff")  # a lone surrogate has no UTF-8 form
    with pytest.raises(UnicodeEncodeError):
        store.record_many([make_record(player="fine"), unstorable])
    assert store.history() == []
    store.record(make_record(player="fine"))
    assert [record.player for record in store.history()] == ["fine"]


def test_history_is_newest_first_and_can_be_limited(store: ScoreStore) -> None:
    times = [START + timedelta(minutes=n) for n in (5, 1, 9, 3)]
    store.record_many(make_record(player=f"p{n}", played_at=at) for n, at in enumerate(times))
    assert [record.player for record in store.history()] == ["p2", "p0", "p3", "p1"]
    assert [record.player for record in store.history(limit=2)] == ["p2", "p0"]
    assert store.last_player() == "p2"


def test_a_round_is_recorded_under_the_name_given_else_the_last_one_used(
    store: ScoreStore,
) -> None:
    assert store.player_name(None) == "Player"
    store.record(make_record(player="Zoë"))
    assert (store.player_name(None), store.player_name(""), store.player_name("Ann")) == (
        "Zoë",
        "Zoë",
        "Ann",
    )


def test_times_from_any_zone_are_stored_as_utc(store: ScoreStore) -> None:
    paris = timezone(timedelta(hours=2))
    played = datetime(2025, 6, 1, 14, 30, tzinfo=paris)
    store.record(make_record(played_at=played))
    [entry] = store.leaderboard(BOARD)
    assert entry.played_at == played
    assert entry.played_at.utcoffset() == timedelta(0)


def test_an_empty_store_answers_every_question(store: ScoreStore) -> None:
    assert store.boards() == []
    assert store.leaderboard(BOARD) == []
    assert store.history() == []
    assert store.last_player() is None
    assert store.personal_best(BOARD, "Ann") is None


def test_a_record_needs_a_time_with_a_zone() -> None:
    with pytest.raises(ValueError, match="timezone"):
        make_record(played_at=datetime(2025, 1, 1))


def test_names_with_markup_and_control_characters_are_stored_as_given(
    store: ScoreStore,
) -> None:
    names = ["[bold]x[/]", "[/]", "a\x1b[2Jb", "\u202eevil", "O'Brien; DROP TABLE rounds"]
    store.record_many(make_record(player=name) for name in names)
    assert sorted(entry.player for entry in store.leaderboard(BOARD)) == sorted(names)


def test_a_store_in_memory_keeps_nothing_on_disk(tmp_path: Path) -> None:
    store = ScoreStore.in_memory(print)
    store.record(make_record())
    assert [entry.player for entry in store.leaderboard(BOARD)] == ["Ann"]
    assert not store.saving
    assert list(tmp_path.iterdir()) == []


# Building a record from a round --------------------------------------------------------


def pack(pack_id: str, version: int, count: int = 6) -> Pack:
    questions = tuple(
        Question(id=f"q{n}", type=QuestionType.TRUEFALSE, prompt=f"{n}?", answer="true")
        for n in range(count)
    )
    return Pack(id=pack_id, title=pack_id, version=version, questions=questions)


def test_round_record_takes_everything_from_the_finished_round() -> None:
    now = [100.0]
    settings = RoundSettings(
        packs=(pack("world", 3), pack("tv", 2), pack("world", 3)),
        questions=4,
        seconds=10.0,
        mode=Mode.CLASSIC,
        seed=42,
    )
    game = Round(settings, clock=lambda: now[0])
    for answer in ("t", "t", "f", "t"):
        now[0] += 2.0
        game.answer(answer)
        game.advance()
    summary = game.summary()
    record = round_record(game, "Ann", played_at=START)
    assert record == RoundRecord(
        player="Ann",
        packs=(("tv", 2), ("world", 3)),
        mode="classic",
        questions=4,
        seconds=10.0,
        seed=42,
        score=summary.score,
        correct=3,
        best_streak=2,
        duration=8.0,
        played_at=START,
        game_version=record.game_version,
    )
    assert record.game_version not in ("", "unknown")
    assert record.board == Board(packs=("tv", "world"), mode="classic", questions=4, seconds=10.0)


def test_a_sudden_death_board_counts_the_questions_the_round_had() -> None:
    game = Round(RoundSettings(packs=(pack("tv", 1, count=7),), mode=Mode.SUDDEN_DEATH))
    game.answer("f")
    game.advance()
    record = round_record(game, "Ann")
    assert (record.mode, record.questions, record.correct) == ("sudden-death", 7, 0)
    assert record.played_at.tzinfo is not None
    assert abs(record.played_at - datetime.now(UTC)) < timedelta(minutes=1)


def test_a_packs_own_time_is_the_boards_seconds_not_the_setting_it_overrode() -> None:
    timed = dataclasses.replace(pack("tv", 1), time=Decimal(20))
    game = Round(RoundSettings(packs=(timed,), questions=1, seconds=8.0))
    game.skip()
    game.advance()
    assert round_record(game, "Ann").board.seconds == 20.0


# Player names --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("  Ann  ", "Ann"),
        ("李小龍", "李小龍"),
        ("Zoë", "Zoë"),
        ("مريم", "مريم"),
        ("[b]x[/b]", "[b]x[/b]"),
        ("a\x1bb", "a\x1bb"),
        ("x" * LONGEST_NAME, "x" * LONGEST_NAME),
        ("\t" + "y" * LONGEST_NAME + "\n", "y" * LONGEST_NAME),
    ],
)
def test_a_name_is_trimmed_and_kept_as_typed(typed: str, kept: str) -> None:
    assert clean_player_name(typed) == kept


@pytest.mark.parametrize("typed", ["", "   ", "\u3000", "x" * (LONGEST_NAME + 1), "bad\udcff"])
def test_an_empty_too_long_or_unstorable_name_is_refused(typed: str) -> None:
    assert clean_player_name(typed) is None


@given(st.text(max_size=40))
def test_a_clean_name_is_trimmed_and_1_to_24_characters(text: str) -> None:
    name = clean_player_name(text)
    if name is not None:
        assert name == name.strip() == text.strip()
        assert 1 <= len(name) <= LONGEST_NAME
    else:
        stripped = text.strip()
        assert not 1 <= len(stripped) <= LONGEST_NAME or any(
            "\ud800" <= char <= "\udfff" for char in stripped
        )


@settings(max_examples=50)
@given(st.text(min_size=1, max_size=40).map(clean_player_name).filter(bool))
def test_every_clean_name_is_stored_and_read_back_exactly(name: str) -> None:
    store = ScoreStore.in_memory(print)
    store.record(make_record(player=name))
    assert store.history()[0].player == name
    assert store.leaderboard(BOARD)[0].player == name
