"""Round records for the score store, built field by field.

Also imported by the scripts tests/unit/test_scores_faults.py runs in subprocesses.
"""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

from quiz.scores import RoundRecord

START = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)


def make_record(**changes: object) -> RoundRecord:
    """A classic round on the "tv" pack; change any field by keyword."""
    record = RoundRecord(
        player="Ann",
        packs=(("tv", 1),),
        mode="classic",
        questions=10,
        seconds=20.0,
        seed=7,
        score=5000,
        correct=6,
        best_streak=3,
        duration=95.5,
        played_at=START,
        game_version="0.1.0",
    )
    return dataclasses.replace(record, **changes)  # type: ignore[arg-type]


BOARD = make_record().board
