"""Any sequence of player actions keeps a round's score, streaks and counters consistent,
and a pause (a dialog over the question) never costs the player time."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from quiz.core.model import Mode, Question, QuestionType
from quiz.session.answers import InvalidAnswer
from quiz.session.results import Outcome
from quiz.session.round import Phase, Round, RoundStateError
from quiz.session.scoring import streak_bonus
from quiz.session.settings import RoundSettings
from tests.helpers.clock import FakeClock
from tests.helpers.packs import choice, make_pack

QUESTIONS = (
    choice("c1"),
    choice("c2", "Paris", ("Lyon",)),
    Question(id="tf", type=QuestionType.TRUEFALSE, prompt="?", answer="true"),
    Question(id="n", type=QuestionType.NUMBER, prompt="?", answer="42", tolerance=Decimal(1)),
    Question(id="t", type=QuestionType.TEXT, prompt="?", answer="Ada", accept=("Lovelace",)),
    Question(id="slow", type=QuestionType.TEXT, prompt="?", answer="x", time=Decimal(45)),
)
IN_TIME_MARGIN = 1e-6
RIGHT_TEXT = {"n": "42.5", "t": "ada", "slow": "X"}
WRONG_TEXT = {"n": "44", "t": "Babbage", "slow": "y"}


class RoundMachine(RuleBasedStateMachine):
    @initialize(
        mode=st.sampled_from(Mode),
        questions=st.integers(1, 8),
        seconds=st.sampled_from([1.0, 5.0, 20.0]),
        seed=st.integers(0, 2**63 - 1),
    )
    def start(self, mode: Mode, questions: int, seconds: float, seed: int) -> None:
        self.clock = FakeClock()
        self.mode = mode
        self.game = Round(
            RoundSettings(
                packs=(make_pack(list(QUESTIONS)),),
                questions=questions,
                seconds=seconds,
                mode=mode,
                seed=seed,
            ),
            clock=self.clock,
        )
        self.points_awarded: list[int] = []
        self.streak = 0
        self.finished_by_quit = False
        self.time_left_at_pause: float | None = None

    def record(self, outcome: Outcome, streak_before: int) -> None:
        result = self.game.last_result
        assert result is not None and result.outcome is outcome
        self.points_awarded.append(result.points)
        if outcome is Outcome.CORRECT:
            if self.mode is Mode.PRACTICE:
                assert result.points == 0
            else:
                assert 500 <= result.speed_points <= 1000
                assert result.streak_bonus == streak_bonus(streak_before)
            self.streak += 1
        else:
            assert result.points == 0
            self.streak = 0

    def respond(self, right: bool) -> str | int:
        view = self.game.current
        if view.choices:
            return view.answer_index if right else (view.answer_index + 1) % len(view.choices)
        table = RIGHT_TEXT if right else WRONG_TEXT
        return table[view.question.id]

    def within_time(self, share: float) -> None:
        limit = self.game.current.seconds
        if limit is None:
            self.clock.advance(share * 100.0)
        else:  # a hair inside the deadline, which float rounding must not push past it
            self.clock.advance(min(share * limit, limit - IN_TIME_MARGIN))

    @precondition(lambda self: self.game.phase is Phase.ASKING and not self.game.paused)
    @rule(share=st.floats(0, 1), right=st.booleans())
    def answer_in_time(self, share: float, right: bool) -> None:
        before = self.streak
        self.within_time(share)
        self.game.answer(self.respond(right))
        self.record(Outcome.CORRECT if right else Outcome.WRONG, before)

    @precondition(lambda self: self.game.phase is Phase.ASKING and not self.game.paused)
    @rule(share=st.floats(0, 1))
    def skip(self, share: float) -> None:
        self.within_time(share)
        self.game.skip()
        self.record(Outcome.SKIPPED, self.streak)

    @precondition(lambda self: self.game.phase is Phase.ASKING and not self.game.paused)
    @rule(late=st.floats(0.001, 1000), answer_anyway=st.booleans())
    def time_out(self, late: float, answer_anyway: bool) -> None:
        limit = self.game.current.seconds
        self.clock.advance((limit or 0) + late)
        if limit is None:  # practice never times out: the answer still counts
            assert self.game.check_timeout() is None
            before = self.streak
            self.game.answer(self.respond(True))
            self.record(Outcome.CORRECT, before)
            return
        if answer_anyway:
            self.game.answer(self.respond(True))
        else:
            assert self.game.check_timeout() is not None
        self.record(Outcome.TIMED_OUT, self.streak)

    @precondition(lambda self: self.game.phase is Phase.ASKING and not self.game.paused)
    @rule()
    def unusable_input(self) -> None:
        if self.game.current.type is QuestionType.TEXT:
            return  # any non-empty text is an answer
        played = len(self.game.results)
        with pytest.raises(InvalidAnswer):
            self.game.answer("no such key")
        assert len(self.game.results) == played

    @precondition(lambda self: not self.game.paused)
    @rule()
    def pause(self) -> None:
        self.time_left_at_pause = self.game.time_left()
        self.game.pause()

    @precondition(lambda self: self.game.paused)
    @rule(seconds=st.floats(0, 600))
    def wait_while_paused(self, seconds: float) -> None:
        self.clock.advance(seconds)
        assert self.game.check_timeout() is None

    @precondition(lambda self: self.game.paused and self.game.phase is Phase.ASKING)
    @rule()
    def answer_while_paused(self) -> None:
        for action in (lambda: self.game.answer(self.respond(True)), self.game.skip):
            with pytest.raises(RoundStateError):
                action()

    @precondition(lambda self: self.game.paused)
    @rule()
    def resume(self) -> None:
        self.game.resume()
        self.a_pause_stops_the_time(resumed=True)

    @precondition(lambda self: self.game.phase is Phase.REVIEWING)
    @rule(pause=st.floats(0, 600))
    def advance(self, pause: float) -> None:
        self.clock.advance(pause)
        self.game.advance()
        if self.game.paused and self.game.phase is Phase.ASKING:
            # The next question, asked while paused, has all its time when play resumes.
            self.time_left_at_pause = self.game.current.seconds

    @rule()
    def quit(self) -> None:
        if self.game.phase is not Phase.FINISHED and not self.game.over:
            self.finished_by_quit = True
        self.game.quit()

    @invariant()
    def score_is_never_negative_and_is_the_sum_of_the_points(self) -> None:
        assert self.game.score >= 0
        assert self.game.score == sum(self.points_awarded)
        assert self.game.score == sum(result.points for result in self.game.results)

    @invariant()
    def streaks_follow_the_results(self) -> None:
        assert self.game.streak == self.streak
        runs, run = [0], 0
        for result in self.game.results:
            run = run + 1 if result.correct else 0
            runs.append(run)
        assert self.game.best_streak == max(runs)
        assert self.game.streak == runs[-1]

    @invariant()
    def counters_agree_with_the_phase(self) -> None:
        played = len(self.game.results)
        assert played <= self.game.total
        if self.game.phase is Phase.ASKING:
            assert played == self.game.current.number - 1
            assert not self.game.over
        elif self.game.phase is Phase.REVIEWING:
            assert played == self.game.current.number
        misses = [result for result in self.game.results if not result.correct]
        if self.mode is Mode.SUDDEN_DEATH:
            # the first miss ends sudden death, so only the last result can be one
            assert misses == list(self.game.results[-1:]) or not misses
        summary = self.game.summary()
        assert summary.correct + len(misses) == summary.played == played
        assert summary.completed is self.game.over

    @invariant()
    def a_pause_stops_the_time(self, resumed: bool = False) -> None:
        if self.game.paused or resumed:
            left = self.game.time_left()
            expected = self.time_left_at_pause
            assert left == expected or left == pytest.approx(expected, abs=IN_TIME_MARGIN)

    @invariant()
    def a_finished_round_cannot_be_played_on(self) -> None:
        if self.game.phase is not Phase.FINISHED:
            return
        assert self.game.summary().completed is not self.finished_by_quit
        score = self.game.score
        for action in (lambda: self.game.answer(0), self.game.skip, self.game.advance):
            with pytest.raises(RoundStateError):
                action()
        assert self.game.check_timeout() is None
        assert self.game.score == score


TestRoundMachine = RoundMachine.TestCase
TestRoundMachine.settings = settings(max_examples=100, stateful_step_count=40, deadline=None)
