"""The questions the game plays, as every pack loader and generator produces them, and the
modes a round can be played in."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from pathlib import Path

from quiz.core.limits import LONGEST_SECONDS, MODE_NAMES

MAX_SECONDS = Decimal(LONGEST_SECONDS)


class QuestionType(StrEnum):
    CHOICE = "choice"
    TRUEFALSE = "truefalse"
    NUMBER = "number"
    TEXT = "text"


class Mode(StrEnum):
    CLASSIC = MODE_NAMES[0]  # the chosen number of timed questions
    PRACTICE = MODE_NAMES[1]  # untimed, no points and no high score
    SUDDEN_DEATH = MODE_NAMES[2]  # timed, every question of the packs until the first miss


class Difficulty(StrEnum):
    EASY = "easy"
    MEDIUM = "medium"
    HARD = "hard"


@dataclass(frozen=True, slots=True)
class Question:
    id: str
    type: QuestionType
    prompt: str
    # Exactly as typed; a number question's value is ``number_answer``, true/false is ``truth``.
    answer: str
    wrong: tuple[str, ...] = ()
    accept: tuple[str, ...] = ()
    tolerance: Decimal = Decimal(0)
    difficulty: Difficulty = Difficulty.MEDIUM
    tags: tuple[str, ...] = ()
    # Questions of one group ask one thing several ways: a round asks only one of them.
    group: str = ""
    explain: str = ""
    evidence: str = ""
    time: Decimal | None = None
    # Names a twist of the story (the killer): left out for players who ask for no spoilers.
    spoiler: bool = False
    # Where the question starts in its file (0 when it has none); not part of its identity.
    line: int = field(default=0, compare=False)

    @property
    def truth(self) -> bool:
        return self.answer.strip().lower() == "true"

    @property
    def number_answer(self) -> Decimal:
        return Decimal(self.answer.strip())


@dataclass(frozen=True, slots=True)
class Pack:
    id: str
    title: str
    version: int
    questions: tuple[Question, ...]
    description: str = ""
    author: str = ""
    source: str = ""
    time: Decimal | None = None
    path: Path | None = field(default=None, compare=False)
