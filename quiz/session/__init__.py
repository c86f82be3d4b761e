"""The round engine: no user interface here, only the rules of a round (see round.py)."""

from quiz.session.answers import InvalidAnswer, choice_index, read_number
from quiz.session.round import (
    DEFAULT_QUESTIONS,
    DEFAULT_SECONDS,
    LARGEST_SEED,
    LONGEST_SECONDS,
    AnswerResult,
    Clock,
    Mode,
    Outcome,
    Phase,
    QuestionView,
    Round,
    RoundSettings,
    RoundStateError,
    Summary,
    random_seed,
    read_seconds,
    read_whole_number,
)
from quiz.session.scoring import speed_points, streak_bonus

__all__ = [
    "DEFAULT_QUESTIONS",
    "DEFAULT_SECONDS",
    "LARGEST_SEED",
    "LONGEST_SECONDS",
    "AnswerResult",
    "Clock",
    "InvalidAnswer",
    "Mode",
    "Outcome",
    "Phase",
    "QuestionView",
    "Round",
    "RoundSettings",
    "RoundStateError",
    "Summary",
    "choice_index",
    "random_seed",
    "read_number",
    "read_seconds",
    "read_whole_number",
    "speed_points",
    "streak_bonus",
]
