"""How typed answers are judged: what a player may leave out and still be right."""

from __future__ import annotations

import pytest

from quiz.core.model import Question, QuestionType
from quiz.core.values import CalendarDate, date_spellings
from quiz.session.answers import judge

BAND = Question(id="q", type=QuestionType.TEXT, prompt="Who sang Help!?", answer="The Beatles")
CITY = Question(id="c", type=QuestionType.TEXT, prompt="Capital of France?", answer="Paris")


@pytest.mark.parametrize("typed", ["Beatles", "the beatles", "THE Beatles.", "  beatles  "])
def test_a_leading_the_may_be_left_out_or_typed(typed: str) -> None:
    assert judge(BAND, (), -1, typed) == (typed.strip(), True)


@pytest.mark.parametrize("typed", ["The Paris", "the paris"])
def test_a_leading_the_may_be_added(typed: str) -> None:
    assert judge(CITY, (), -1, typed)[1] is True


@pytest.mark.parametrize("typed", ["Beatle", "The", "Theatles", "Beatles The"])
def test_the_is_no_wildcard(typed: str) -> None:
    assert judge(BAND, (), -1, typed)[1] is False


DATE = Question(
    id="d",
    type=QuestionType.TEXT,
    prompt="When?",
    answer="January 8",
    accept=date_spellings(CalendarDate(None, 1, 8)),
)


@pytest.mark.parametrize("typed", ["Jan 8", "8 January", "8 Jan", "8th Jan", "January 8th"])
def test_a_date_may_be_typed_the_usual_ways(typed: str) -> None:
    assert judge(DATE, (), -1, typed)[1] is True
