"""One round: the questions drawn by the seed, the timer, each answer's result, the summary.

A user interface shows this state and forwards the player's actions; it never decides
anything. Time comes from the injected clock, so tests play whole rounds without waiting.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from enum import StrEnum

from quiz.core.model import Mode
from quiz.session.answers import InvalidAnswer, Judgement, judgement, right_answer_text
from quiz.session.draw import QuestionView, draw_questions
from quiz.session.results import AnswerResult, Outcome, Summary
from quiz.session.scoring import speed_points, streak_bonus
from quiz.session.settings import RoundSettings

Clock = Callable[[], float]


class Phase(StrEnum):
    ASKING = "asking"  # a question is open: answer, skip, or let it time out
    REVIEWING = "reviewing"  # the last result is on show; advance() moves on
    FINISHED = "finished"


class RoundStateError(RuntimeError):
    """An action the round does not allow now, such as answering a finished round."""


class Round:
    """The state of one round, changed only by the player's actions and the clock."""

    def __init__(self, settings: RoundSettings, clock: Clock = time.monotonic) -> None:
        self.settings = settings
        self._clock = clock
        self._views = draw_questions(settings)
        self._index = 0
        self._results: list[AnswerResult] = []
        self._phase = Phase.ASKING
        self._score = 0
        self._streak = 0
        self._best_streak = 0
        self._paused_since: float | None = None  # on the injected clock
        self._paused_for = 0.0
        self._started_at = self._now()
        self._asked_at = self._started_at
        self._ended_at: float | None = None

    @property
    def seconds_per_question(self) -> float:
        """The time limit as played: the packs' or questions' own when every question of the
        round had that one, else the setting (high scores compare rounds by it)."""
        limits = self.seconds_range
        return limits[0] if limits and limits[0] == limits[1] else self.settings.seconds

    @property
    def seconds_range(self) -> tuple[float, float] | None:
        """The shortest and longest time limit of the round's questions; None if untimed."""
        limits = [view.seconds for view in self._views if view.seconds is not None]
        return (min(limits), max(limits)) if limits else None

    @property
    def clock(self) -> Clock:
        """The round's play time, which stands still while it is paused: for a display that
        times its own waits (the feedback's pause) the same way."""
        return self._now

    @property
    def paused(self) -> bool:
        return self._paused_since is not None

    def pause(self) -> None:
        """Stop the round's time, as while something hides the question; resume() restarts it.

        No answer is taken while paused, and the pause costs the player no seconds."""
        if self._paused_since is None and self._phase is not Phase.FINISHED:
            self._paused_since = self._clock()

    def resume(self) -> None:
        if self._paused_since is not None:
            self._paused_for += self._clock() - self._paused_since
            self._paused_since = None

    @property
    def mode(self) -> Mode:
        return self.settings.mode

    @property
    def total(self) -> int:
        return len(self._views)

    @property
    def phase(self) -> Phase:
        return self._phase

    @property
    def current(self) -> QuestionView:
        """The question being asked, or the one just answered."""
        return self._views[self._index]

    @property
    def results(self) -> tuple[AnswerResult, ...]:
        return tuple(self._results)

    @property
    def last_result(self) -> AnswerResult | None:
        return self._results[-1] if self._results else None

    @property
    def score(self) -> int:
        return self._score

    @property
    def streak(self) -> int:
        return self._streak

    @property
    def best_streak(self) -> int:
        return self._best_streak

    @property
    def over(self) -> bool:
        """No question is left to ask: every one played, or sudden death ended by a miss."""
        if len(self._results) == self.total:
            return True
        last = self.last_result
        return self.mode is Mode.SUDDEN_DEATH and last is not None and not last.correct

    def time_left(self) -> float | None:
        """Seconds left for the open question; None when untimed or no question is open."""
        limit = self.current.seconds
        if self._phase is not Phase.ASKING or limit is None:
            return None
        return max(0.0, limit - self._elapsed())

    def check_timeout(self) -> AnswerResult | None:
        """Close the open question if its time is up; call it on every tick of the display."""
        if self._phase is not Phase.ASKING:
            return None
        elapsed = self._elapsed()
        if not self._late(elapsed):
            return None
        return self._close(Outcome.TIMED_OUT, "", elapsed)

    def answer(self, response: str | int) -> AnswerResult:
        """Answer with a choice index or typed text (keys such as "2", "b" or "t" work too;
        see answers.choice_keys for when a digit is a choice's text instead).

        An answer after the deadline counts as timed out. Raises InvalidAnswer, leaving the
        question open, for input that answers nothing (a letter for a number question).
        """
        view = self._open_question()
        elapsed = self._elapsed()
        try:
            verdict = judgement(view.question, view.choices, view.answer_index, response)
        except InvalidAnswer:
            if not self._late(elapsed):
                raise
            verdict = Judgement(str(response).strip(), False)
        if self._late(elapsed):
            return self._close(Outcome.TIMED_OUT, verdict.shown, elapsed)
        outcome = Outcome.CORRECT if verdict.correct else Outcome.WRONG
        return self._close(outcome, verdict.shown, elapsed, verdict.close_to)

    def skip(self) -> AnswerResult:
        self._open_question()
        elapsed = self._elapsed()
        outcome = Outcome.TIMED_OUT if self._late(elapsed) else Outcome.SKIPPED
        return self._close(outcome, "", elapsed)

    def advance(self) -> None:
        """Leave the result on show: ask the next question, or finish the round."""
        if self._phase is not Phase.REVIEWING:
            raise RoundStateError(f"nothing to move on from while {self._phase}")
        if self.over:
            self._finish()
            return
        self._index += 1
        self._asked_at = self._now()
        self._phase = Phase.ASKING

    def quit(self) -> None:
        """End the round now; the open question, if any, is not counted."""
        if self._phase is not Phase.FINISHED:
            self._finish()

    def summary(self) -> Summary:
        end = self._ended_at if self._ended_at is not None else self._now()
        return Summary(
            mode=self.mode,
            score=self._score,
            total=self.total,
            best_streak=self._best_streak,
            completed=self.over,
            duration=max(0.0, end - self._started_at),
            results=self.results,
        )

    def _open_question(self) -> QuestionView:
        if self._phase is not Phase.ASKING:
            raise RoundStateError(f"no question is open while {self._phase}")
        if self.paused:
            raise RoundStateError("the round is paused")
        return self.current

    def _now(self) -> float:
        """Play time: the clock less the time spent paused."""
        now = self._clock() if self._paused_since is None else self._paused_since
        return now - self._paused_for

    def _elapsed(self) -> float:
        return max(0.0, self._now() - self._asked_at)

    def _late(self, elapsed: float) -> bool:
        limit = self.current.seconds
        return limit is not None and elapsed > limit

    def _close(
        self, outcome: Outcome, given: str, elapsed: float, close_to: str = ""
    ) -> AnswerResult:
        view = self.current
        points = bonus = 0
        if outcome is Outcome.CORRECT:
            if view.seconds is not None:
                points = speed_points(elapsed, view.seconds)
                bonus = streak_bonus(self._streak)
            self._streak += 1
            self._best_streak = max(self._best_streak, self._streak)
        else:
            self._streak = 0
        result = AnswerResult(
            view=view,
            outcome=outcome,
            given=given,
            right_answer=right_answer_text(view.question),
            seconds_taken=elapsed,
            speed_points=points,
            streak_bonus=bonus,
            close_to=close_to,
        )
        self._results.append(result)
        self._score += result.points
        self._phase = Phase.REVIEWING
        return result

    def _finish(self) -> None:
        self._phase = Phase.FINISHED
        self._ended_at = self._now()
        self.resume()
