"""`quiz export`: what it writes, what it says it leaves out, and what it never overwrites.

The round trips through each format's importer are in tests/properties/test_export_round_trip.py.
"""

from __future__ import annotations

import dataclasses
import json
from decimal import Decimal
from pathlib import Path

import pytest

from quiz.core.model import Pack, Question, QuestionType
from quiz.interchange import csvsheet, gift
from tests.helpers.cli import run_cli

MIXED = Pack(
    id="mixed",
    title="Mixed",
    version=1,
    questions=(
        Question(id="c", type=QuestionType.CHOICE, prompt="Pick", answer="A", wrong=("B",)),
        Question(id="n", type=QuestionType.NUMBER, prompt="How many?", answer="6"),
        Question(id="t", type=QuestionType.TEXT, prompt="Who?", answer="Ann", accept=("Anne",)),
    ),
)


def write_pack(folder: Path, pack: Pack) -> Path:
    from quiz.packs.dump import dump_pack_yaml

    path = folder / f"{pack.id}.yaml"
    path.write_text(dump_pack_yaml(pack), encoding="utf-8")
    return path


def test_export_prints_and_names_what_it_leaves_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_pack(tmp_path, MIXED)
    code, out, err = run_cli(capsys, "export", str(path), "--format", "opentdb")
    assert code == 0
    assert [r["question"] for r in json.loads(out)["results"]] == ["Pick"]
    assert err == (
        "quiz export: question 'n': Open Trivia DB has no number questions\n"
        "quiz export: question 't': Open Trivia DB has no text questions\n"
    )
    code, out, err = run_cli(capsys, "export", str(path), "--format", "csv")
    assert out.splitlines() == ["question,answer,wrong 1", "Pick,A,B", "Who?,Ann"]
    formula = dataclasses.replace(MIXED.questions[0], prompt="=HYPERLINK()", answer="-1")
    text = csvsheet.write(dataclasses.replace(MIXED, questions=(formula,))).text
    assert text.splitlines()[1] == "'=HYPERLINK(),'-1,B"
    assert "question 't': its other accepted answers are left out" in err


def test_csv_export_names_a_question_the_sheet_would_read_back_as_true_false() -> None:
    questions = (
        Question(id="t", type=QuestionType.TEXT, prompt="Say yes", answer="True"),
        Question(id="c", type=QuestionType.CHOICE, prompt="Pick", answer="true", wrong=("false",)),
    )
    exported = csvsheet.write(dataclasses.replace(MIXED, questions=questions))
    assert exported.lost == (
        ("t", "the CSV sheet reads it back as truefalse"),
        ("c", "the CSV sheet reads it back as truefalse"),
    )


def test_export_of_an_installed_pack_to_a_file_never_overwrites(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "tv.gift"
    code, stdout, _ = run_cli(
        capsys, "export", "tv-classics", "--format", "gift", "--out", str(out)
    )
    assert code == 0 and stdout.startswith("Exported ") and str(out) in stdout
    assert "::hawkins:: Which series is set in the fictional town of Hawkins" in out.read_text()
    out.write_text("mine")
    code, _, err = run_cli(capsys, "export", "tv-classics", "--format", "gift", "--out", str(out))
    assert (code, err, out.read_text()) == (
        1,
        f"{out}:1: already exists; add --force to replace it\n",
        "mine",
    )
    assert (
        run_cli(capsys, "export", "tv-classics", "--format", "gift", "--out", str(out), "--force")[
            0
        ]
        == 0
    )
    assert out.read_text() != "mine"


def test_exported_gift_imports_back_through_the_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    exported = tmp_path / "tv.gift"
    run_cli(capsys, "export", "tv-classics", "--format", "gift", "--out", str(exported))
    again = tmp_path / "again.yaml"
    code, _, err = run_cli(capsys, "import", "gift", str(exported), "--out", str(again))
    assert (code, err) == (0, "")
    from quiz.packs.library import installed_library, resolve_pack
    from quiz.packs.loader import load_pack

    original = resolve_pack("tv-classics", installed_library())
    assert [
        (q.id, q.type, q.prompt, q.answer, q.wrong, q.accept) for q in load_pack(again).questions
    ] == [(q.id, q.type, q.prompt, q.answer, q.wrong, q.accept) for q in original.questions]


def test_nothing_exportable_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    numbers = dataclasses.replace(MIXED, id="numbers", questions=(MIXED.questions[1],))
    out = tmp_path / "x.json"
    path = write_pack(tmp_path, numbers)
    code, _, err = run_cli(capsys, "export", str(path), "--format", "opentdb", "--out", str(out))
    assert code == 1 and not out.exists()
    assert "no question of 'numbers' can be written as opentdb" in err


def test_an_unknown_pack(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(capsys, "export", "nope", "--format", "csv")
    assert code == 1 and err.startswith("nope:1:1: no installed pack has this id")


def test_number_question_tolerance_survives_gift() -> None:
    pack = dataclasses.replace(MIXED, questions=(MIXED.questions[1],))
    pack = dataclasses.replace(
        pack, questions=(dataclasses.replace(pack.questions[0], tolerance=Decimal("0.5")),)
    )
    assert "{#6:0.5}" in gift.write(pack).text
