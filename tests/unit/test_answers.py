"""How typed answers are judged: what a player may leave out and still be right."""

from __future__ import annotations

import pytest

from quiz.core.model import Question, QuestionType
from quiz.core.values import CalendarDate, date_spellings
from quiz.session.answers import InvalidAnswer, Judgement, edits_forgiven, judge, judgement

BAND = Question(id="q", type=QuestionType.TEXT, prompt="Who sang Help!?", answer="The Beatles")
CITY = Question(id="c", type=QuestionType.TEXT, prompt="Capital of France?", answer="Paris")


@pytest.mark.parametrize("typed", ["Beatles", "the beatles", "THE Beatles.", "  beatles  "])
def test_a_leading_the_may_be_left_out_or_typed(typed: str) -> None:
    assert judge(BAND, (), -1, typed) == (typed.strip(), True)


@pytest.mark.parametrize("typed", ["The Paris", "the paris"])
def test_a_leading_the_may_be_added(typed: str) -> None:
    assert judge(CITY, (), -1, typed)[1] is True


# "Beatle" is one edit from "Beatles": a forgiven typo (below), not a "The" rule.
@pytest.mark.parametrize("typed", ["The", "Theatles", "Beatles The"])
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


# Typos: one edit forgiven from 5 letters, two from 10 (issue 16, "Alice Feeny" ended a run).
WRITER = Question(
    id="w",
    type=QuestionType.TEXT,
    prompt="Who wrote it?",
    answer="Alice Feeney",
    wrong=("Alice Keeney", "Alison Feeley"),
)


@pytest.mark.parametrize(
    "typed", ["Alice Feeny", "alice feeeney", "Alise Feeney", "Alce Fenney", "ALICE FEENY."]
)
def test_a_near_miss_is_right_and_says_what_it_was_taken_for(typed: str) -> None:
    verdict = judgement(WRITER, (), -1, typed)
    assert (verdict.shown, verdict.correct, verdict.close_to) == (typed, True, "Alice Feeney")
    assert judge(WRITER, (), -1, typed) == (typed, True)


def test_an_exact_answer_is_not_called_close_enough() -> None:
    assert judgement(WRITER, (), -1, "the alice feeney").close_to == ""
    assert judgement(WRITER, (), -1, "alice feeney").correct


@pytest.mark.parametrize("typed", ["Alic Fny", "Alice", "Feeney", "Alicia Fenwick"])
def test_more_typos_than_forgiven_are_wrong(typed: str) -> None:
    assert judgement(WRITER, (), -1, typed) == Judgement(typed, False, "")


@pytest.mark.parametrize(
    ("key", "edits"),
    [("rome", 0), ("paris", 1), ("beatles", 1), ("abcdefghi", 1), ("abcdefghij", 2)],
)
def test_the_edits_forgiven_grow_with_the_letters_of_the_answer(key: str, edits: int) -> None:
    assert edits_forgiven(key) == edits


def test_letters_are_counted_as_the_answer_is_compared() -> None:
    # "The Who!" is "who" (3 letters) once its leading The and punctuation are set aside,
    # and "J. R. R. Tolkien" has 10 letters however many dots and spaces it has.
    who = Question(id="h", type=QuestionType.TEXT, prompt="Band?", answer="The Who!")
    assert not judge(who, (), -1, "Wha")[1]
    assert edits_forgiven("j. r. r. tolkien") == 2
    tolkien = Question(id="t", type=QuestionType.TEXT, prompt="Author?", answer="J. R. R. Tolkien")
    assert judgement(tolkien, (), -1, "J. R. R. Tolkein").close_to == "J. R. R. Tolkien"


def test_paris_is_five_letters_rome_four() -> None:
    assert judgement(CITY, (), -1, "Pariss").close_to == "Paris"
    rome = Question(id="r", type=QuestionType.TEXT, prompt="Capital of Italy?", answer="Rome")
    assert not judge(rome, (), -1, "Roma")[1]


def test_a_near_miss_of_another_accepted_answer_names_that_one() -> None:
    lead = Question(
        id="l", type=QuestionType.TEXT, prompt="A lead?", answer="Ann Lee", accept=("Bo Diazzle",)
    )
    assert judgement(lead, (), -1, "Bo Diazle").close_to == "Bo Diazzle"


@pytest.mark.parametrize("typed", ["Alice Keeny", "Alice Keeney", "Alison Feeley", "Alison Feeny"])
def test_no_typo_is_forgiven_that_is_nearer_a_wrong_answer(typed: str) -> None:
    assert judgement(WRITER, (), -1, typed) == Judgement(typed, False, "")


def test_a_typo_nearer_the_answer_than_any_wrong_one_is_forgiven() -> None:
    # One edit from "Alice Feeney", three from "Alison Feeley" and two from "Alice Keeney".
    assert judgement(WRITER, (), -1, "Alice Feeley").close_to == "Alice Feeney"


def test_a_typo_as_near_a_wrong_answer_as_the_right_one_is_wrong() -> None:
    twins = Question(
        id="t",
        type=QuestionType.TEXT,
        prompt="Which twin?",
        answer="Mary-Kate",
        wrong=("Mary-Kati",),
    )
    assert not judge(twins, (), -1, "Mary-Katx")[1]  # one edit from each
    assert judge(twins, (), -1, "Mary-Kae")[1]  # one from the answer, two from the wrong one


def test_no_typo_is_forgiven_in_a_number_question() -> None:
    year = Question(id="y", type=QuestionType.NUMBER, prompt="Year?", answer="19690")
    assert not judge(year, (), -1, "19691")[1]
    assert not judge(year, (), -1, "1969")[1]


@pytest.mark.parametrize("typed", ["January 9", "Janury 8", "Januar 8", "8 Januar"])
def test_no_typo_is_forgiven_in_a_date(typed: str) -> None:
    assert not judge(DATE, (), -1, typed)[1]


def test_no_typo_is_forgiven_in_the_numbers_of_a_text_answer() -> None:
    mission = Question(id="m", type=QuestionType.TEXT, prompt="Which mission?", answer="Apollo 11")
    assert not judge(mission, (), -1, "Apollo 13")[1]
    assert not judge(mission, (), -1, "Apollo 1")[1]
    assert judgement(mission, (), -1, "Apolo 11").close_to == "Apollo 11"


def test_no_typo_is_forgiven_in_a_choice() -> None:
    choice = Question(
        id="c", type=QuestionType.CHOICE, prompt="Who?", answer="Alice Feeney", wrong=("Bob",)
    )
    with pytest.raises(InvalidAnswer):
        judge(choice, ("Alice Feeney", "Bob"), 0, "Alice Feeny")
