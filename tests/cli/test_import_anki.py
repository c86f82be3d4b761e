"""`quiz import anki`: Anki's plain-text export, headers honoured, HTML stripped."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.core.model import QuestionType
from tests.helpers.files import write
from tests.helpers.imports import import_fails, import_file
from tests.helpers.paths import IMPORT_DATA


def test_anki_export_with_headers(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = IMPORT_DATA / "anki_notes.txt"
    pack, out = import_file(capsys, tmp_path, "anki", source)
    france, apple, cafe, hello = pack.questions
    assert pack.title == "World Capitals"
    assert (france.type, france.prompt, france.answer) == (
        QuestionType.TEXT,
        "What is the capital of France?",
        "Paris",
    )
    assert france.tags == ("imported", "geography", "europe")
    assert apple.prompt == 'Which city is called\n"the Big Apple"?'
    assert (cafe.prompt, cafe.answer) == ("Café & crème: which language?", "French\n(the language)")
    assert cafe.tags == ("imported",)
    assert (hello.prompt, hello.answer) == ("Say hello", "Bonjour")
    assert f"{source}:12: skipped: a cloze deletion cannot be played" in out
    assert f"{source}:13: skipped: the front has no text (only pictures or sounds?)" in out
    assert "Imported 4 questions, skipped 2" in out


def test_no_headers_guesses_tab_and_keeps_html_off_when_told(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write(tmp_path, "n.txt", "Is 1 < 2?\tyes\n")
    pack, _ = import_file(capsys, tmp_path, "anki", source)
    assert (pack.questions[0].prompt, pack.questions[0].answer) == ("Is 1 < 2?", "yes")
    source = write(tmp_path, "m.txt", "#html:false\n#separator:Semicolon\n<b>bold</b>?;x\n")
    pack, _ = import_file(capsys, tmp_path, "anki", source)
    assert pack.questions[0].prompt == "<b>bold</b>?"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("#separator:wavy\nq\ta\n", "bad:1: unknown separator 'wavy'"),
        ("#html:maybe\nq\ta\n", "bad:1: #html is true or false, not 'maybe'"),
        ("#tags column:zero\nq\ta\n", "bad:1: #tags column is a column number from 1"),
        ("#separator:tab\nq\ta\njust a front\n", "bad:3: no back: a note is its front, a tab"),
        ('q\t"unclosed\n', "bad:1: malformed line: unexpected end of data"),
        ("q &bogus;\ta\n", "bad:1: HTML does not decode: unknown HTML entity '&bogus;'"),
    ],
    ids=["separator", "html", "column", "no-back", "quote", "entity"],
)
def test_malformed_exports(
    text: str, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert message in import_fails(capsys, tmp_path, "anki", text)


def test_unknown_headers_are_a_warning(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = write(tmp_path, "w.txt", "#colour:blue\nq\ta\n")
    _, out = import_file(capsys, tmp_path, "anki", source)
    assert f"{source}:1: warning: header '#colour' is not used here" in out
