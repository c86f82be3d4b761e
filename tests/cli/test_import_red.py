"""`quiz import red`: Red-DiscordBot trivia lists, answers kept as written."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from quiz.core.model import QuestionType
from quiz.core.problems import ProblemList
from quiz.packs.yamltree import parse_yaml
from tests.helpers.imports import import_fails, import_file
from tests.helpers.paths import IMPORT_DATA


def test_sample_list(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = IMPORT_DATA / "red_sample.yaml"
    pack, out = import_file(capsys, tmp_path, "red", source)
    assert [(q.answer, q.accept) for q in pack.questions] == [
        ("Off", ()),
        ("1024", ()),
        ("0", ("zero",)),
        ("12", ("twelve",)),
        ("X", ()),
    ]
    assert {q.type for q in pack.questions} == {QuestionType.TEXT}
    assert pack.questions[0].prompt == "Which position of a switch cuts the power?"
    assert (pack.author, pack.description, pack.time) == (
        "Ada Lovelace",
        "Questions about switches and numbers.",
        Decimal(20),
    )
    assert f"{source}:20: warning: repeats the question at line 10; the first is kept" in out
    assert f"{source}:23: skipped: its answers must be a list ('- answer' lines)" in out
    assert f"{source}:24: skipped: no answers" in out
    assert "Imported 5 questions, skipped 2" in out


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Q?: [a, b\n", "bad:2:1: YAML syntax error"),
        ("- just\n- a list\n", "bad:1:1: a Red trivia list maps each question"),
        ("Q?: &x [a]\nR?: *x\n", "bad:1:5: anchors (&x) are not allowed"),
        ('Q?:\n- "\\e[2J"\n', "bad:2:3: control character U+001B is not allowed"),
    ],
)
def test_malformed_lists(
    text: str, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert message in import_fails(capsys, tmp_path, "red", text)


def test_a_bad_delay_is_a_warning(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "list.yaml"
    source.write_text("CONFIG:\n  delay: soon\nQ?:\n- A\n")
    pack, out = import_file(capsys, tmp_path, "red", source)
    assert pack.time is None
    assert f"{source}:2: warning: CONFIG delay is not a number of seconds" in out


def test_the_reader_still_refuses_duplicate_keys_by_default() -> None:
    problems = ProblemList("f")
    parse_yaml(b"a: 1\na: 2\n", problems)
    assert [(p.line, p.message) for p in problems.items] == [
        (2, "duplicate key 'a' (first at line 1)")
    ]
