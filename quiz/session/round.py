"""One round: the questions drawn by the seed, the timer, each answer's result, the summary.

A user interface shows this state and forwards the player's actions; it never decides
anything. Time comes from the injected clock, so tests play whole rounds without waiting.
"""

from __future__ import annotations

import random
import shlex
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from quiz.model import MAX_SECONDS, Pack, Question, QuestionType
from quiz.session.answers import TRUE_FALSE_CHOICES, InvalidAnswer, judge, right_answer_text
from quiz.session.scoring import speed_points, streak_bonus

DEFAULT_QUESTIONS = 10
DEFAULT_SECONDS = 20.0
LONGEST_SECONDS = float(MAX_SECONDS)
RANDOM_SEEDS = 1_000_000
# Seeds end up in the score store's 64-bit integer column.
LARGEST_SEED = 2**63 - 1

Clock = Callable[[], float]


class Mode(StrEnum):
    CLASSIC = "classic"  # the chosen number of timed questions
    PRACTICE = "practice"  # untimed, no points and no high score
    SUDDEN_DEATH = "sudden-death"  # timed, every question of the packs until the first miss


class Phase(StrEnum):
    ASKING = "asking"  # a question is open: answer, skip, or let it time out
    REVIEWING = "reviewing"  # the last result is on show; advance() moves on
    FINISHED = "finished"


class Outcome(StrEnum):
    CORRECT = "correct"
    WRONG = "wrong"
    SKIPPED = "skipped"
    TIMED_OUT = "timed out"


class RoundStateError(RuntimeError):
    """An action the round does not allow now, such as answering a finished round."""


@dataclass(frozen=True, slots=True)
class RoundSettings:
    packs: tuple[Pack, ...]
    questions: int = DEFAULT_QUESTIONS  # sudden death ignores it: it plays every question
    seconds: float = DEFAULT_SECONDS  # a pack's or a question's own time wins
    mode: Mode = Mode.CLASSIC
    seed: int = 0
    # How the player named the packs (installed ids, or paths of files not installed), so
    # that the replay command names them the same way; empty: by their ids.
    pack_names: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not any(pack.questions for pack in self.packs):
            raise ValueError("a round needs at least one pack with questions")
        if self.questions < 1:
            raise ValueError("a round needs at least one question")
        if not 0 < self.seconds <= LONGEST_SECONDS:
            raise ValueError(f"seconds per question must be above 0 and at most {MAX_SECONDS}")
        if not 0 <= self.seed <= LARGEST_SEED:
            raise ValueError(f"the seed must be a whole number from 0 to {LARGEST_SEED}")

    def replay_command(self) -> str:
        """The `quiz play` command line that plays this round again, question for question."""
        words = ["quiz", "play"]
        # In the order named: of two packs with one id, the first named is played.
        names = self.pack_names or [pack.id for pack in self.unique_packs()]
        for name in dict.fromkeys(names):
            words += ["--pack", name]
        if self.mode is not Mode.SUDDEN_DEATH:
            words += ["--questions", str(self.questions)]
        words += ["--time", f"{self.seconds:g}", "--mode", str(self.mode), "--seed", str(self.seed)]
        return shlex.join(words)

    def unique_packs(self) -> tuple[Pack, ...]:
        """The packs sorted by id, each once, so the order they were named in does not matter."""
        by_id: dict[str, Pack] = {}
        for pack in self.packs:
            by_id.setdefault(pack.id, pack)
        return tuple(by_id[pack_id] for pack_id in sorted(by_id))


@dataclass(frozen=True, slots=True)
class QuestionView:
    """A question as this round asks it: its place, its shuffled choices, its time limit."""

    number: int  # 1-based
    question: Question
    source: str
    choices: tuple[str, ...]  # empty for number and text questions
    answer_index: int  # index of the right choice; -1 without choices
    seconds: float | None  # None: untimed

    @property
    def prompt(self) -> str:
        return self.question.prompt

    @property
    def type(self) -> QuestionType:
        return self.question.type


@dataclass(frozen=True, slots=True)
class AnswerResult:
    view: QuestionView
    outcome: Outcome
    given: str  # the player's answer as shown; empty when skipped or timed out unanswered
    right_answer: str
    seconds_taken: float
    speed_points: int = 0
    streak_bonus: int = 0

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


def read_whole_number(text: str) -> int | None:
    """A count or a seed as typed: ASCII digits only, no longer than the largest seed."""
    text = text.strip()
    if not text.isascii() or not text.isdigit() or len(text) > len(str(LARGEST_SEED)):
        return None
    return int(text)


def read_seconds(text: str) -> float | None:
    """Seconds per question as typed; None unless above 0 and at most LONGEST_SECONDS."""
    try:
        value = float(text)
    except ValueError:
        return None
    return value if 0 < value <= LONGEST_SECONDS else None  # nan is neither


def random_seed() -> int:
    """A seed for a new round: small enough to type back from memory to replay it."""
    return random.randrange(RANDOM_SEEDS)


def draw_questions(settings: RoundSettings) -> tuple[QuestionView, ...]:
    """The round's questions and choice orders; the same settings always draw the same."""
    rng = random.Random(settings.seed)
    pool = [(pack, question) for pack in settings.unique_packs() for question in pack.questions]
    count = len(pool) if settings.mode is Mode.SUDDEN_DEATH else min(settings.questions, len(pool))
    views = []
    for number, (pack, question) in enumerate(_draw(rng, pool, count), start=1):
        choices: tuple[str, ...] = ()
        answer_index = -1
        if question.type is QuestionType.CHOICE:
            choices = tuple(rng.sample([question.answer, *question.wrong], len(question.wrong) + 1))
            answer_index = choices.index(question.answer)
        elif question.type is QuestionType.TRUEFALSE:
            choices = TRUE_FALSE_CHOICES
            answer_index = 0 if question.truth else 1
        limit = question.time if question.time is not None else pack.time
        seconds = float(limit) if limit is not None else settings.seconds
        views.append(
            QuestionView(
                number=number,
                question=question,
                source=pack.source,
                choices=choices,
                answer_index=answer_index,
                seconds=None if settings.mode is Mode.PRACTICE else seconds,
            )
        )
    return tuple(views)


def _draw(
    rng: random.Random, pool: list[tuple[Pack, Question]], count: int
) -> list[tuple[Pack, Question]]:
    """`count` of the pool in random order, asking one question of a group (one thing asked
    several ways) before any other of it: those come last, when the round needs them."""
    if not any(question.group for _, question in pool):
        return rng.sample(pool, count)  # as before groups, so old seeds replay the same
    first: list[tuple[Pack, Question]] = []
    later: list[tuple[Pack, Question]] = []
    asked: set[tuple[str, str]] = set()
    for pack, question in rng.sample(pool, len(pool)):
        group = (pack.id, question.group)  # a group is the pack's own
        if question.group and group in asked:
            later.append((pack, question))
        else:
            asked.add(group)
            first.append((pack, question))
    return (first + later)[:count]


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
            given, correct = judge(view.question, view.choices, view.answer_index, response)
        except InvalidAnswer:
            if not self._late(elapsed):
                raise
            given, correct = str(response).strip(), False
        if self._late(elapsed):
            return self._close(Outcome.TIMED_OUT, given, elapsed)
        return self._close(Outcome.CORRECT if correct else Outcome.WRONG, given, elapsed)

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

    def _close(self, outcome: Outcome, given: str, elapsed: float) -> AnswerResult:
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
        )
        self._results.append(result)
        self._score += result.points
        self._phase = Phase.REVIEWING
        return result

    def _finish(self) -> None:
        self._phase = Phase.FINISHED
        self._ended_at = self._now()
        self.resume()
