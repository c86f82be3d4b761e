"""`quiz import csv`: the Kahoot-style sheet and the plain question,answer sheet."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from quiz.core.model import QuestionType
from tests.helpers.imports import import_fails, import_file
from tests.helpers.paths import IMPORT_DATA


def test_kahoot_sheet(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = IMPORT_DATA / "kahoot.csv"
    pack, out = import_file(capsys, tmp_path, "csv", source)
    italy, mars, sun, two_lines = pack.questions
    assert (italy.type, italy.answer, italy.wrong, italy.time) == (
        QuestionType.CHOICE,
        "Rome",
        ("Milan", "Naples", "Turin"),
        Decimal(20),
    )
    assert mars.prompt == 'Which planet is known as the "Red Planet"?'
    assert (mars.answer, mars.wrong) == ("Mars", ("Venus",))
    assert (sun.type, sun.answer, sun.time) == (QuestionType.TRUEFALSE, "true", Decimal(10))
    assert two_lines.prompt == "A question\non two lines?"
    assert f"{source}:7: skipped: answers 1, 2 are all correct: a choice question has one" in out
    assert "Imported 4 questions, skipped 1" in out


def test_kahoot_sheet_with_semicolons_and_commas_in_its_header(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pack, _ = import_file(capsys, tmp_path, "csv", IMPORT_DATA / "kahoot_semicolon.csv")
    assert pack.questions[0].prompt == "Quelle est la capitale de l'Italie ?"
    assert pack.questions[0].answer == "Rome"


def test_plain_sheet(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pack, _ = import_file(capsys, tmp_path, "csv", IMPORT_DATA / "plain.csv")
    mona, water, lightning, colour = pack.questions
    assert (mona.type, mona.answer, mona.wrong) == (
        QuestionType.CHOICE,
        "Leonardo da Vinci",
        ("Michelangelo", "Raphael"),
    )
    assert (water.type, water.answer) == (QuestionType.TEXT, "Water")
    assert (lightning.type, lightning.answer) == (QuestionType.TRUEFALSE, "false")
    assert colour.prompt == 'Name a colour with "red" in it, please'


def test_plain_sheet_without_header(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "q.csv"
    source.write_text("2+2?,4,5\n")
    pack, _ = import_file(capsys, tmp_path, "csv", source)
    assert (pack.questions[0].answer, pack.questions[0].wrong) == ("4", ("5",))


KAHOOT_HEADER = "Question,Answer 1,Answer 2,Answer 3,Answer 4,Time limit,Correct answer(s)\n"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('q,"unclosed\n', "bad:1: malformed CSV: unexpected end of data"),
        ("q,a\njust a question\n", "bad:2: each row needs a question, then its answer"),
        (KAHOOT_HEADER + "Q?,a,b,,,20,\n", "bad:2: missing the correct answer's number"),
        (KAHOOT_HEADER + "Q?,a,b,,,20,first\n", "bad:2: the correct answer is given by number"),
        (KAHOOT_HEADER + "Q?,a,b,,,20,3\n", "bad:2: the correct answer 3 names an empty answer"),
        (KAHOOT_HEADER + ",a,b,,,20,1\n", "bad:2: missing the question"),
    ],
    ids=["unclosed-quote", "one-cell", "no-correct", "bad-correct", "empty-correct", "no-question"],
)
def test_malformed_sheets(
    text: str, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert message in import_fails(capsys, tmp_path, "csv", text)


def test_kahoot_time_that_is_not_seconds_is_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "k.csv"
    source.write_text(KAHOOT_HEADER + "Q?,a,b,,,forever,1\n")
    pack, out = import_file(capsys, tmp_path, "csv", source)
    assert pack.questions[0].time is None
    assert f"{source}:2: warning: time limit 'forever' is not a number of seconds" in out


def test_an_anki_file_named_as_csv_fails_and_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    err = import_fails(capsys, tmp_path, "csv", "#separator:tab\nfront\tback\n")
    assert "this looks like the anki format: try `quiz import anki" in err
