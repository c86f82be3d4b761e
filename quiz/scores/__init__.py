"""High scores: records of finished rounds in a SQLite file, leaderboards per board."""

from quiz.scores.recording import (
    NotRecorded,
    Recorded,
    name_to_ask,
    record_finished_round,
    rename_recorded,
    why_not_recorded,
)
from quiz.scores.records import (
    LONGEST_NAME,
    Board,
    Entry,
    RoundRecord,
    clean_player_name,
    local_time,
    round_record,
)
from quiz.scores.store import SCORES_FILE, ScoreStore, scores_path

__all__ = [
    "LONGEST_NAME",
    "SCORES_FILE",
    "Board",
    "Entry",
    "NotRecorded",
    "Recorded",
    "RoundRecord",
    "ScoreStore",
    "clean_player_name",
    "local_time",
    "name_to_ask",
    "record_finished_round",
    "rename_recorded",
    "round_record",
    "scores_path",
    "why_not_recorded",
]
