"""`quiz import gift`: the GIFT kinds the game plays, the ones it skips, and syntax errors."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from quiz.core.model import QuestionType
from tests.helpers.files import write
from tests.helpers.imports import import_fails, import_file
from tests.helpers.paths import IMPORT_DATA


def test_sample_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = IMPORT_DATA / "sample.gift"
    pack, out = import_file(capsys, tmp_path, "gift", source)
    by_id = {question.id: question for question in pack.questions}
    assert list(by_id) == [
        "capital",
        "moon-is-a-planet",
        "dracula",
        "rosetta",
        "range",
        "q6",
        "escapes",
    ]
    capital = by_id["capital"]
    assert capital.type is QuestionType.CHOICE
    assert (capital.prompt, capital.answer, capital.wrong) == (
        "What is the capital of France?",
        "Paris",
        ("Lyon", "Nice"),
    )
    assert capital.tags == ("Geography",)
    assert by_id["moon-is-a-planet"].type is QuestionType.TRUEFALSE
    assert not by_id["moon-is-a-planet"].truth
    dracula = by_id["dracula"]
    assert dracula.type is QuestionType.TEXT
    assert (dracula.prompt, dracula.answer, dracula.accept) == (
        "Who wrote\nDracula?",
        "Bram Stoker",
        ("Stoker",),
    )
    assert dracula.explain == "Published in 1897."
    rosetta = by_id["rosetta"]
    assert (rosetta.type, rosetta.answer, rosetta.tolerance) == (
        QuestionType.NUMBER,
        "1822",
        Decimal(1),
    )
    assert (by_id["range"].answer, by_id["range"].tolerance) == ("3", Decimal(2))
    assert by_id["q6"].prompt == "Mount Everest is in the _____ range."
    escapes = by_id["escapes"]
    assert escapes.prompt == "What does {a=b} mean: ~ or #?"
    assert (escapes.answer, escapes.wrong) == ("assignment =", ("comparison",))
    assert f"{source}:23: skipped: a matching question (a -> b) cannot be played" in out
    assert f"{source}:25: skipped: an essay question (empty {{}}) cannot be played" in out
    assert f"{source}:27: skipped: a description, not a question" in out
    assert f"{source}:29: skipped: no fully right answer: a choice question has exactly one" in out
    assert "Imported 7 questions, skipped 4" in out


def test_partial_credit_counts_as_wrong_with_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write(tmp_path, "q.gift", "Best?\n{=A ~%50%B ~C}\n\nNames?{=Ann =%50%Anne}")
    pack, out = import_file(capsys, tmp_path, "gift", source)
    assert pack.questions[0].wrong == ("B", "C")
    assert pack.questions[1].accept == ()
    assert f"{source}:2: warning: 'B' earns part marks in GIFT; here it counts as wrong" in out
    assert f"{source}:4: warning: 'Anne' earns part marks in GIFT; it is left out" in out


def test_true_false_spellings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = "\n\n".join(f"Q{n}? {{{word}}}" for n, word in enumerate(["T", "TRUE", "f", "FALSE#no"]))
    pack, _ = import_file(capsys, tmp_path, "gift", write(tmp_path, "tf.gift", text))
    assert [q.truth for q in pack.questions] == [True, True, False, False]


def test_several_numeric_answers_keep_the_fully_right_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write(tmp_path, "n.gift", "When? {#=1822:0 =%50%1821:2}")
    pack, out = import_file(capsys, tmp_path, "gift", source)
    assert (pack.questions[0].answer, pack.questions[0].tolerance) == ("1822", Decimal(0))
    assert "warning: only the first fully right number is kept" in out


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Q1? {=a ~b}\n\nQ2?\n{=a ~b", "bad:4: '{' opens an answer block that is never closed"),
        ("Q? =a ~b}", "bad:1: '}' closes no answer block"),
        ("::title Q? {=a}", "bad:1: '::' starts a title that is never closed"),
        ("Q? {Paris}", "bad:1: each answer starts with = (right) or ~ (wrong)"),
        ("Q? {=a ~}", "bad:1: an empty answer after '~'"),
        ("Q? {#twelve}", "bad:1: 'twelve' is not a number"),
        ("Q? {#1..x}", "bad:1: 'x' is not a number"),
        ("Q? {=a} and {=b}", "bad:1: a question has one {answer block}"),
        ("[html]Q &nope; {=a}", "bad:1: unknown HTML entity '&nope;'"),
    ],
)
def test_syntax_errors(
    text: str, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert message in import_fails(capsys, tmp_path, "gift", text)


def test_html_questions_are_stripped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = write(tmp_path, "h.gift", "::h::[html]<p>Is <b>this</b> &amp; that bold?</p>{T}")
    pack, _ = import_file(capsys, tmp_path, "gift", source)
    assert pack.questions[0].prompt == "Is this & that bold?"
