"""What came of each question and of the whole round: outcomes, points, the summary."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from quiz.core.model import Mode
from quiz.session.draw import QuestionView


class Outcome(StrEnum):
    CORRECT = "correct"
    WRONG = "wrong"
    SKIPPED = "skipped"
    TIMED_OUT = "timed out"


@dataclass(frozen=True, slots=True)
class AnswerResult:
    view: QuestionView
    outcome: Outcome
    given: str  # the player's answer as shown; empty when skipped or timed out unanswered
    right_answer: str
    seconds_taken: float
    speed_points: int = 0
    streak_bonus: int = 0
    # The accepted answer a typed one was taken for despite a typo ("close enough"); empty
    # when the answer was exactly right, or not right.
    close_to: str = ""

    @property
    def correct(self) -> bool:
        return self.outcome is Outcome.CORRECT

    @property
    def points(self) -> int:
        return self.speed_points + self.streak_bonus

    @property
    def points_earned(self) -> str:
        """What the score went up by, and how: "+1072 points (972 for speed, 100 streak
        bonus)"; empty when it did not."""
        if not self.points:
            return ""
        if not self.streak_bonus:
            return f"+{self.points} points"
        how = f"{self.speed_points} for speed, {self.streak_bonus} streak bonus"
        return f"+{self.points} points ({how})"

    @property
    def also_accepted(self) -> tuple[str, ...]:
        """Other typed answers that count as right (a question may have several)."""
        return self.view.question.accept

    @property
    def explain(self) -> str:
        return self.view.question.explain

    @property
    def evidence(self) -> str:
        return self.view.question.evidence

    @property
    def source(self) -> str:
        return self.view.source


@dataclass(frozen=True, slots=True)
class Summary:
    mode: Mode
    score: int
    total: int  # questions the round had
    best_streak: int
    completed: bool  # played to its end, not quit or cut short
    duration: float  # seconds of play, pauses left out
    results: tuple[AnswerResult, ...]  # the review, one per question played

    @property
    def played(self) -> int:
        return len(self.results)

    @property
    def correct(self) -> int:
        return sum(result.correct for result in self.results)

    @property
    def accuracy(self) -> float:
        """The share of questions played that were answered right, from 0 to 1."""
        return self.correct / self.played if self.results else 0.0

    @property
    def average_seconds(self) -> float | None:
        """Mean time to answer, over the questions answered (right or wrong)."""
        times = [
            result.seconds_taken
            for result in self.results
            if result.outcome in (Outcome.CORRECT, Outcome.WRONG)
        ]
        return sum(times) / len(times) if times else None
