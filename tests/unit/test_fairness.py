"""Unfair-question warnings: printed by `quiz validate` and `quiz import`, never a failure."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.core.model import Pack, Question, QuestionType
from quiz.packs.fairness import unfair_questions
from tests.helpers.cli import run_cli
from tests.helpers.files import write


def messages(*questions: Question) -> list[str]:
    pack = Pack(id="p", title="P", version=1, questions=questions)
    return [unfair.message for unfair in unfair_questions(pack)]


def choice(prompt: str, answer: str, *wrong: str) -> Question:
    return Question(id="c", type=QuestionType.CHOICE, prompt=prompt, answer=answer, wrong=wrong)


def test_a_number_among_names() -> None:
    assert messages(choice("Capital of Peru?", "Lima", "Quito", "42")) == [
        "'42' is a number but the answer 'Lima' is not: easy to rule out"
    ]
    assert messages(choice("Year of the fall?", "1989", "Berlin", "Bonn", "1991")) == [
        "the answer '1989' is a number but 'Berlin', 'Bonn' are not: easy to rule out"
    ]


def test_answers_of_one_kind_are_fair() -> None:
    assert (
        messages(choice("Year?", "1,989", "1991", "-3.5"), choice("City?", "Lima", "Quito")) == []
    )


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            Question(id="t", type=QuestionType.TEXT, prompt="Who wrote Dracula?", answer="Dracula"),
            ["the prompt contains the answer 'Dracula'"],
        ),
        (
            Question(
                id="t",
                type=QuestionType.TEXT,
                prompt="Which café is Café Nero?",
                answer="Costa",
                accept=("cafe nero",),
            ),
            ["the prompt contains the answer 'cafe nero'"],
        ),
        (
            Question(
                id="n", type=QuestionType.NUMBER, prompt="Of 6 episodes, how many?", answer="6"
            ),
            ["the prompt contains the answer '6'"],
        ),
        (
            Question(id="n", type=QuestionType.NUMBER, prompt="How many in 1966?", answer="6"),
            [],  # a digit inside a longer number gives nothing away
        ),
        (
            Question(
                id="f", type=QuestionType.TRUEFALSE, prompt="True or false: yes", answer="true"
            ),
            [],
        ),
        (choice("Is Paris or Lyon the capital?", "Paris", "Lyon"), []),  # both are named
        (
            choice("Is Paris the capital of France?", "Paris", "Lyon"),
            ["the prompt contains the answer 'Paris'"],
        ),
    ],
)
def test_a_prompt_that_gives_its_answer_away(question: Question, expected: list[str]) -> None:
    assert messages(question) == expected


PACK = """pack: {id: unfair, title: Unfair, version: 1}
questions:
  - {id: ok, type: text, prompt: Who?, answer: Ann}
  - {id: giveaway, type: text, prompt: Was it Ann?, answer: Ann}
"""


def test_validate_warns_without_failing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, "unfair.yaml", PACK)
    code, out, _ = run_cli(capsys, "validate", str(path))
    assert code == 0
    assert out.splitlines() == [
        f"{path}: ok, pack 'unfair' with 2 questions",
        f"{path}:4: warning: the prompt contains the answer 'Ann'",
    ]
    code, out, _ = run_cli(capsys, "validate", "--json", str(path))
    assert (code, out) == (0, "[]\n")


def test_import_warns_at_the_line_of_the_written_pack(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write(tmp_path, "q.csv", "Pick a year,1989,Berlin,1991\n")
    out = tmp_path / "q.yaml"
    code, stdout, stderr = run_cli(capsys, "import", "csv", str(source), "--out", str(out))
    assert code == 0
    assert f"{out}:8: warning: the answer '1989' is a number but 'Berlin' is not" in stderr
    assert stdout == f"Imported 1 question: {out}\n"  # warnings are not the product


def test_a_prompt_that_names_another_questions_answer() -> None:
    actor = Question(id="actor", type=QuestionType.TEXT, prompt="Who plays Ann?", answer="Jo Lee")
    job = Question(
        id="job", type=QuestionType.TEXT, prompt="What is Jo Lee's job?", answer="geneticist"
    )
    field = choice("Which geneticist wrote it?", "Ada Roe", "Bo Ray", "Cy Dee")
    assert messages(actor, job, field) == [
        "the prompt names 'Jo Lee', the answer of question 'actor': "
        "a round asks that one first or not at all",
        "the prompt names 'geneticist', the answer of question 'job': "
        "a round asks that one first or not at all",
    ]


def test_other_answers_of_its_group_common_words_and_short_ones_are_not_warned() -> None:
    forward = Question(
        id="f", type=QuestionType.TEXT, prompt="Who plays Ann?", answer="Jo Lee", group="g"
    )
    reverse = Question(
        id="r", type=QuestionType.TEXT, prompt="Whom does Jo Lee play?", answer="Ann", group="g"
    )
    red = choice("Which is not red?", "Red", "Blue", "Green")
    short = choice("Who drove?", "Ed", "Al", "Bo")
    colour = choice("What colour was Ed's car?", "Red", "Blue", "Green")
    assert messages(forward, reverse, red, short, colour) == [
        "the prompt contains the answer 'Red'",  # its own answer, as before
    ]
    number = Question(id="n", type=QuestionType.NUMBER, prompt="How many?", answer="6")
    assert messages(number, choice("Which of the 6 is it?", "Ann", "Bo", "Cy")) == [
        "the prompt names '6', the answer of question 'n': "
        "a round asks that one first or not at all"
    ]
