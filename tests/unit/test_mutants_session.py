"""What a player reads during a round: the hints after an unusable answer, the right answer
shown, and the results (outcome, time taken, best streak, length of the round).

Messages are pinned whole, not by a substring. Found unchecked by mutation testing
(docs/mutation.md).
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from quiz.core.model import Mode, Pack, Question, QuestionType
from quiz.session import InvalidAnswer, Outcome, Round, RoundSettings
from quiz.session.answers import choice_hint, judge, right_answer_text


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def choice(qid: str) -> Question:
    return Question(
        id=qid, type=QuestionType.CHOICE, prompt=f"{qid}?", answer="Right", wrong=("W1", "W2")
    )


def start(count: int = 3, seconds: float = 20.0) -> tuple[Round, Clock]:
    pack = Pack(
        id="demo", title="Demo", version=1, questions=tuple(choice(f"q{n}") for n in range(count))
    )
    clock = Clock()
    settings = RoundSettings(packs=(pack,), questions=count, seconds=seconds)
    return Round(settings, clock=clock), clock


NUMBER = Question(id="n", type=QuestionType.NUMBER, prompt="How many?", answer="6")
TEXT = Question(id="t", type=QuestionType.TEXT, prompt="Who?", answer="Ann")
TRUTH = Question(id="f", type=QuestionType.TRUEFALSE, prompt="Wet?", answer="true")


@pytest.mark.parametrize(
    ("question", "choices", "response", "hint"),
    [
        (NUMBER, (), "six", "type a number in digits, such as 42 or 3.5"),
        (TEXT, (), "   ", "type an answer"),
        (TEXT, (), 0, "this question has no choices: type the answer"),
        (TRUTH, ("True", "False"), "x", "choose 1-2 or a-b, or t / f"),
        (choice("c"), ("A", "B", "C"), "9", "choose 1-3 or a-c"),
        (choice("c"), ("1", "2", "3", "4"), "9", "choose a-d"),
    ],
)
def test_the_hint_after_an_unusable_answer(
    question: Question, choices: tuple[str, ...], response: str | int, hint: str
) -> None:
    with pytest.raises(InvalidAnswer) as caught:
        judge(question, choices, 0, response)
    assert str(caught.value) == hint
    if question is TRUTH:
        assert choice_hint(question, choices) == hint


def test_the_right_answer_shown_names_a_margin_only_when_there_is_one() -> None:
    assert right_answer_text(NUMBER) == "6"
    margin = Question(
        id="n", type=QuestionType.NUMBER, prompt="P", answer=" 6 ", tolerance=Decimal("0.5")
    )
    assert right_answer_text(margin) == "6 (give or take 0.5)"
    assert right_answer_text(TRUTH) == "True"


def test_a_round_with_no_right_answer_has_no_streak() -> None:
    game, _ = start(count=2)
    for _ in range(2):
        game.answer((game.current.answer_index + 1) % len(game.current.choices))
        game.advance()
    summary = game.summary()
    assert (summary.best_streak, summary.score, summary.mode) == (0, 0, Mode.CLASSIC)


def test_a_skip_in_time_is_skipped_and_one_after_the_deadline_timed_out() -> None:
    game, clock = start(count=2, seconds=10.0)
    clock.now += 4.0
    first = game.skip()
    assert (first.outcome, first.given, first.seconds_taken) == (Outcome.SKIPPED, "", 4.0)
    game.advance()
    clock.now += 12.5
    late = game.skip()
    assert (late.outcome, late.given, late.seconds_taken) == (Outcome.TIMED_OUT, "", 12.5)


def test_a_question_closed_by_the_clock_took_all_its_time_and_more() -> None:
    game, clock = start(count=2, seconds=10.0)
    clock.now += 10.5
    result = game.check_timeout()
    assert result is not None
    assert (result.outcome, result.seconds_taken, result.points) == (Outcome.TIMED_OUT, 10.5, 0)


def test_every_pause_is_left_out_of_the_round_and_of_the_question() -> None:
    game, clock = start(count=1, seconds=20.0)
    clock.now += 2.0
    for _ in range(2):
        game.pause()
        clock.now += 100.0
        game.resume()
        clock.now += 3.0
    assert game.time_left() == 12.0
    result = game.answer(game.current.answer_index)
    assert result.seconds_taken == 8.0
    game.advance()
    assert game.summary().duration == 8.0


def test_a_finished_round_keeps_its_length_however_long_the_results_stay_on_screen() -> None:
    game, clock = start(count=1, seconds=20.0)
    clock.now += 5.0
    game.answer(game.current.answer_index)
    game.advance()
    clock.now += 60.0  # reading the results, typing a name
    assert game.summary().duration == 5.0
