"""The round engine: no user interface here, only the rules of a round.

settings.py says what a round is asked to be, draw.py which questions it asks, round.py
is the state machine that plays them, results.py what came of it; answers.py reads what
the player typed and scoring.py gives the points.
"""

from quiz.core.limits import DEFAULT_QUESTIONS, DEFAULT_SECONDS, LARGEST_SEED, LONGEST_SECONDS
from quiz.core.model import Mode
from quiz.session.answers import InvalidAnswer, choice_index, read_number
from quiz.session.draw import QuestionView, draw_questions
from quiz.session.results import AnswerResult, Outcome, Summary
from quiz.session.round import Clock, Phase, Round, RoundStateError
from quiz.session.scoring import speed_points, streak_bonus
from quiz.session.settings import RoundSettings, random_seed, read_seconds, read_whole_number

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
    "draw_questions",
    "random_seed",
    "read_number",
    "read_seconds",
    "read_whole_number",
    "speed_points",
    "streak_bonus",
]
