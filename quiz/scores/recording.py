"""Recording a finished round: whether it is kept, under which name, and where it placed.

One set of rules for the app and line mode; each words what it tells the player its own way.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import Enum

from quiz.scores.records import Entry, RoundRecord, round_record
from quiz.scores.store import ScoreStore
from quiz.session import Mode, Round


class NotRecorded(Enum):
    """Why a finished round keeps no high score."""

    PRACTICE = "practice"  # it scores no points
    LEFT_EARLY = "left early"  # its score is of fewer questions than its board's rounds


def why_not_recorded(round_: Round) -> NotRecorded | None:
    """Why this finished round is not recorded; None when it is."""
    if round_.mode is Mode.PRACTICE:
        return NotRecorded.PRACTICE
    if not round_.summary().completed:
        return NotRecorded.LEFT_EARLY
    return None


def name_to_ask(round_: Round, store: ScoreStore, player: str | None) -> str | None:
    """The name to offer when asking who made the leaderboard (the player's, else the last
    one used), or None when no name is asked: the score does not make it, or it is 0 (which
    an empty leaderboard would take)."""
    score = round_.summary().score
    name = store.player_name(player)
    if score and store.would_rank(round_record(round_, name).board, score):
        return name
    return None


@dataclass(frozen=True, slots=True)
class Recorded:
    """A round as recorded, and where it placed."""

    record: RoundRecord  # its player is the name it was recorded under
    leaderboard: tuple[Entry, ...]  # its board's best rounds, it among them if it made it
    rank: int | None  # its place there (1 is the best); None below the leaderboard
    saved: bool  # False when the store keeps scores in memory only (it has said so)


def record_finished_round(
    round_: Round, store: ScoreStore, player: str | None, played_at: datetime | None = None
) -> Recorded:
    """Record a round that is to be recorded under the player's name (else the last one
    used); ``played_at`` defaults to now."""
    why_not = why_not_recorded(round_)
    if why_not is not None:
        raise ValueError(f"a round {why_not.value} is not recorded")
    record = round_record(round_, store.player_name(player), played_at)
    store.record(record)
    return _placed(record, store)


def rename_recorded(recorded: Recorded, store: ScoreStore, player: str) -> Recorded:
    """The recorded round under the name the player gave when asked: it was recorded as
    soon as it ended, so that quitting at the question loses nothing."""
    return _placed(store.rename(recorded.record, player), store)


def _placed(record: RoundRecord, store: ScoreStore) -> Recorded:
    leaderboard = tuple(store.leaderboard(record.board))
    rank = next(
        (place for place, entry in enumerate(leaderboard, start=1) if entry.is_of(record)), None
    )
    return Recorded(record, leaderboard, rank, store.saving)
