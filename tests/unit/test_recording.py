"""Recording a finished round: which rounds are kept, under which name, when a name is
asked for, and the place on the leaderboard that the app and line mode then show."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest

from quiz.core.model import Pack, Question, QuestionType
from quiz.scores import (
    NotRecorded,
    ScoreStore,
    name_to_ask,
    record_finished_round,
    rename_recorded,
    round_record,
    why_not_recorded,
)
from quiz.session import Mode, Round, RoundSettings

QUESTIONS = tuple(
    Question(id=f"q{n}", type=QuestionType.TRUEFALSE, prompt=f"Is {n} a number?", answer="true")
    for n in range(4)
)
PACK = Pack(id="numbers", title="Numbers", version=1, questions=QUESTIONS)


def played(answers: str, mode: Mode = Mode.CLASSIC) -> Round:
    """A round of the four questions answered in turn: t right, f wrong, s skipped; it is
    left at a q. The clock stands still, so each right answer is worth its most."""
    round_ = Round(RoundSettings((PACK,), questions=4, seconds=20, mode=mode), clock=lambda: 0.0)
    for key in answers:
        if key == "q":
            round_.quit()
            break
        if key == "s":
            round_.skip()
        else:
            round_.answer(key)
        round_.advance()
    return round_


@pytest.fixture
def store(tmp_path: Path) -> Iterator[ScoreStore]:
    opened = ScoreStore.open(tmp_path / "data", pytest.fail)
    yield opened
    opened.close()


def test_a_practice_round_is_not_recorded(store: ScoreStore) -> None:
    round_ = played("tttt", Mode.PRACTICE)
    assert why_not_recorded(round_) is NotRecorded.PRACTICE
    with pytest.raises(ValueError, match="practice"):
        record_finished_round(round_, store, "Ann")
    assert store.history() == []


def test_a_round_left_early_is_not_recorded(store: ScoreStore) -> None:
    round_ = played("ttq")
    assert why_not_recorded(round_) is NotRecorded.LEFT_EARLY
    with pytest.raises(ValueError, match="left early"):
        record_finished_round(round_, store, "Ann")
    assert store.history() == []


def test_a_sudden_death_round_ended_by_a_miss_is_played_to_its_end() -> None:
    assert why_not_recorded(played("tf", Mode.SUDDEN_DEATH)) is None


def test_a_finished_round_is_recorded_and_placed_on_its_leaderboard(store: ScoreStore) -> None:
    round_ = played("tttt")
    assert why_not_recorded(round_) is None
    recorded = record_finished_round(round_, store, "Ann")
    assert (recorded.record.player, recorded.record.score) == ("Ann", 4600)
    assert (recorded.rank, recorded.saved) == (1, True)  # "Number 1 of the top 1"
    assert [entry.player for entry in recorded.leaderboard] == ["Ann"]
    assert [record.player for record in store.history()] == ["Ann"]


def test_zero_points_asks_no_name_yet_is_recorded(store: ScoreStore) -> None:
    round_ = played("ssss")
    assert name_to_ask(round_, store, None) is None  # an empty leaderboard would take it
    recorded = record_finished_round(round_, store, None)
    assert (recorded.record.player, recorded.record.score, recorded.rank) == ("Player", 0, 1)


def test_a_score_that_makes_the_leaderboard_asks_the_name_offering_the_last_one(
    store: ScoreStore,
) -> None:
    assert name_to_ask(played("tfff"), store, None) == "Player"  # nobody has played yet
    record_finished_round(played("tfff"), store, "Zoë")
    assert name_to_ask(played("tttt"), store, None) == "Zoë"
    assert name_to_ask(played("tttt"), store, "Ann") == "Ann"


def test_a_round_is_recorded_under_the_name_given_else_the_last_one_used(
    store: ScoreStore,
) -> None:
    assert record_finished_round(played("tfff"), store, None).record.player == "Player"
    record_finished_round(played("tfff"), store, "Zoë")
    assert record_finished_round(played("tfff"), store, "").record.player == "Zoë"
    assert record_finished_round(played("tfff"), store, "Ann").record.player == "Ann"


def test_ranks_go_by_score_and_a_tie_to_the_earlier_round(store: ScoreStore) -> None:
    assert record_finished_round(played("tfff"), store, "Ann").rank == 1  # 1000 points
    assert record_finished_round(played("tttt"), store, "Bo").rank == 1  # 4600 points
    assert record_finished_round(played("tfff"), store, "Cy").rank == 3  # tied with Ann
    placed = record_finished_round(played("ttff"), store, "Di")  # 2100 points
    assert placed.rank == 2
    assert [entry.player for entry in placed.leaderboard] == ["Bo", "Di", "Ann", "Cy"]


def test_below_a_full_leaderboard_no_name_is_asked_and_the_round_has_no_rank(
    store: ScoreStore,
) -> None:
    better = round_record(played("tttt"), "Ann")
    store.record_many(dataclasses.replace(better, player=f"p{n}") for n in range(10))
    round_ = played("tfff")
    assert name_to_ask(round_, store, "Bo") is None
    recorded = record_finished_round(round_, store, "Bo")
    assert recorded.rank is None and len(recorded.leaderboard) == 10
    assert "Bo" not in [entry.player for entry in recorded.leaderboard]


def test_a_store_that_cannot_save_says_the_round_was_not_saved() -> None:
    store = ScoreStore.in_memory(pytest.fail)
    recorded = record_finished_round(played("tttt"), store, "Ann")
    assert (recorded.saved, recorded.rank) == (False, 1)  # "Scores are not being saved."


def test_the_name_given_afterwards_renames_the_round_already_recorded(store: ScoreStore) -> None:
    """The app records a round as soon as it ends and asks the name after: the answer
    renames that round, and no second one is recorded."""
    recorded = record_finished_round(played("tttt"), store, None)
    assert [entry.player for entry in recorded.leaderboard] == ["Player"]
    renamed = rename_recorded(recorded, store, "Zoë")
    assert (renamed.record.player, renamed.rank) == ("Zoë", 1)
    assert [entry.player for entry in renamed.leaderboard] == ["Zoë"]
    assert [record.player for record in store.history()] == ["Zoë"]
    assert store.player_name(None) == "Zoë"  # the name offered next time
