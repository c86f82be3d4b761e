"""Give-aways: no round shows a question's answer (or its quote) before asking it."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from quiz.core.model import Mode, Pack, Question, QuestionType
from quiz.packs.loader import load_pack
from quiz.session.draw import draw_questions, ordered_choices
from quiz.session.giveaway_rate import giveaway_rate
from quiz.session.giveaways import Shown, given_away, shown_texts
from quiz.session.settings import RoundSettings

SHIPPED = sorted((Path(__file__).parents[2] / "question_bank").glob("*.yaml"))


CREW = "director, executive producer and writer Ann Lee"


def question(qid: str, answer: str, **fields: object) -> Question:
    kind = fields.pop("type", QuestionType.TEXT)
    return Question(id=qid, type=kind, prompt=f"Question {qid}?", answer=answer, **fields)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("asked", "shown", "spoiled"),
    [
        (question("a", "Jo Lee"), "Ann (played by Jo Lee) writes", True),
        (question("a", "Jo Lee"), "Ann (played by Jo Leeds) writes", False),  # whole words
        (question("a", "The Crown"), "the crown jewels", True),
        (question("a", "6", type=QuestionType.NUMBER), "a six-part series", True),
        (question("a", "6", type=QuestionType.NUMBER), "in 1966", False),
        (question("a", "600", type=QuestionType.NUMBER, tolerance=Decimal(50)), "640 of", True),
        (question("a", "600", type=QuestionType.NUMBER, tolerance=Decimal(50)), "660 of", False),
        (question("a", "3", type=QuestionType.NUMBER), "on March 3, 2021", False),  # a day
        (question("a", "2021", type=QuestionType.NUMBER), "on March 3, 2021", True),  # a year
        (question("a", "March 3"), "it aired on 3rd March 2021.", True),
        (question("a", "March 3, 2021"), "it aired March 3.", True),
        (question("a", "March 3, 2021"), "it aired March 3, 2020.", False),
        (question("a", "x", evidence="One quote … Another quote"), "said: another quote!", True),
        (question("a", "True", type=QuestionType.TRUEFALSE), "it is true", False),
        (question("a", "Yes", type=QuestionType.CHOICE, wrong=("No",)), "Yes, she said", False),
        # A quote holding a shown one: the player has read part of its proof.
        (
            question("a", "true", type=QuestionType.TRUEFALSE, evidence=CREW + " said so"),
            CREW,
            True,
        ),
        (question("a", "true", type=QuestionType.TRUEFALSE, evidence=CREW), "writer Ann", False),
    ],
)
def test_what_counts_as_given_away(asked: Question, shown: str, spoiled: bool) -> None:
    assert (given_away(asked, [shown]) is not None) is spoiled
    index = Shown()
    index.add([shown])
    assert index.gives_away(asked) is spoiled  # the draw's index agrees with the plain reading


def test_a_question_whose_answer_another_explains_is_asked_first() -> None:
    first = question("a", "Jo Lee", explain="Jo Lee plays Ann.")
    second = question("b", "Ann", explain="Ann is the heiress.")  # gives nothing of "a" away
    pack = Pack(id="p", title="P", version=1, questions=(first, second))
    orders = set()
    for seed in range(20):
        views = draw_questions(RoundSettings((pack,), questions=2, mode=Mode.PRACTICE, seed=seed))
        orders.add(tuple(view.question.id for view in views))
    assert orders == {("b", "a")}


def test_a_question_given_away_every_way_is_left_out() -> None:
    one = question("a", "Jo Lee", explain="Ann is played by Jo Lee.")
    two = question("b", "Ann", explain="Jo Lee plays Ann.")
    pack = Pack(id="p", title="P", version=1, questions=(one, two))
    counts = {
        len(draw_questions(RoundSettings((pack,), questions=2, seed=seed))) for seed in range(20)
    }
    assert counts == {1}


@pytest.mark.parametrize("path", SHIPPED, ids=lambda path: path.stem)
def test_rounds_of_the_shipped_packs_give_nothing_away(path: Path) -> None:
    report = giveaway_rate([load_pack(path)], range(100), 10)
    assert report.rounds == 100
    assert report.questions == 100 * min(10, len(load_pack(path).questions))
    assert report.given_away == 0
    assert str(report) == f"0 of {report.questions} questions given away over 100 rounds"


def test_a_round_keeps_its_length_and_order_where_nothing_is_given_away() -> None:
    pack = Pack(
        id="p", title="P", version=1, questions=tuple(question(f"q{n}", f"a{n}") for n in range(9))
    )
    views = draw_questions(RoundSettings((pack,), questions=9, seed=5))
    assert sorted(view.question.id for view in views) == [f"q{n}" for n in range(9)]
    texts: list[str] = []
    for view in views:
        assert given_away(view.question, texts) is None
        texts += shown_texts(view.question)


@pytest.mark.parametrize(
    ("choices", "shown"),
    [
        (["700", "500", "600", "1,000"], ("500", "600", "700", "1,000")),
        (["March 3", "January 9", "May 1"], ("January 9", "March 3", "May 1")),
        (["Lyon", "Paris", "Nice"], ("Lyon", "Paris", "Nice")),  # names keep their shuffle
        (["12", "Paris"], ("12", "Paris")),
    ],
)
def test_numbers_and_dates_are_offered_in_order(choices: list[str], shown: tuple[str, ...]) -> None:
    assert ordered_choices(choices) == shown


def test_a_number_choice_question_lists_its_choices_in_order() -> None:
    asked = Question(
        id="n", type=QuestionType.CHOICE, prompt="How many?", answer="600", wrong=("500", "700")
    )
    pack = Pack(id="p", title="P", version=1, questions=(asked,))
    for seed in range(10):
        (view,) = draw_questions(RoundSettings((pack,), questions=1, seed=seed))
        assert view.choices == ("500", "600", "700")
        assert view.answer_index == 1


def test_no_spoilers_leaves_the_spoilers_out() -> None:
    twist = question("twist", "the butler", spoiler=True)
    plain = question("plain", "the garden")
    pack = Pack(id="p", title="P", version=1, questions=(twist, plain))
    settings = RoundSettings((pack,), questions=2, seed=1, spoilers=False)
    assert [view.question.id for view in draw_questions(settings)] == ["plain"]
    assert settings.replay_command().endswith("--no-spoilers")
    assert settings.spoiler_packs() == (pack,)
    assert len(draw_questions(RoundSettings((pack,), questions=2, seed=1))) == 2
    only_twists = Pack(id="t", title="T", version=1, questions=(twist,))
    with pytest.raises(ValueError, match="every question of these packs is a spoiler"):
        RoundSettings((only_twists,), spoilers=False)
