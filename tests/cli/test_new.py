"""`quiz new ID`: a starter pack that is valid as written and shows every question type."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.core.model import QuestionType
from quiz.packs.fairness import unfair_questions
from quiz.packs.loader import load_pack
from tests.helpers.cli import run_cli
from tests.helpers.schema import schema_errors


def test_starter_pack_is_valid_and_has_every_type(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run_cli(capsys, "new", "my-pack")
    path = data_dir / "packs" / "my-pack.yaml"
    assert (code, out, err) == (0, f"{path}\n", "")
    assert run_cli(capsys, "validate", str(path)) == (
        0,
        f"{path}: ok, pack 'my-pack' with 4 questions\n",
        "",
    )
    pack = load_pack(path)
    assert (pack.id, pack.title) == ("my-pack", "My pack")
    assert {question.type for question in pack.questions} == set(QuestionType)
    assert unfair_questions(pack) == []
    assert schema_errors(path.read_text(encoding="utf-8")) == []
    text = path.read_text()
    for kind in QuestionType:
        assert f"# A {kind} question" in text
    assert "yaml-language-server: $schema=" in text and "pack.schema.json" in text
    assert "my-pack" in run_cli(capsys, "packs")[1]


def test_title_and_out(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "sub" / "quiz.yaml"
    title = 'Ünïcode "quoted" title: with # and [brackets]'
    assert run_cli(capsys, "new", "q", "--title", title, "--out", str(out))[0] == 0
    assert load_pack(out).title == title


def test_never_overwrites_without_force(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(capsys, "new", "mine")[0] == 0
    path = data_dir / "packs" / "mine.yaml"
    path.write_text(path.read_text().replace("Mercury", "Hermes"))
    code, _, err = run_cli(capsys, "new", "mine")
    assert (code, err) == (1, f"{path}:1: already exists; add --force to replace it\n")
    assert "Hermes" in path.read_text()
    assert run_cli(capsys, "new", "mine", "--force")[0] == 0
    assert "Hermes" not in path.read_text()


@pytest.mark.parametrize("force", [[], ["--force"]])
def test_out_naming_a_folder_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], force: list[str]
) -> None:
    code, _, err = run_cli(capsys, "new", "mine", "--out", str(tmp_path), *force)
    assert (code, err) == (1, f"{tmp_path}:1: is a folder; give the path of a file to write\n")


@pytest.mark.parametrize("bad", ["My Pack", "UPPER", "trailing-", "a_b"])
def test_a_bad_id_is_refused(bad: str, data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(capsys, "new", bad)
    assert code == 2 and "is not a pack id" in err  # a wrong argument: a usage error
    assert not (data_dir / "packs").exists()


def test_an_id_already_installed_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(capsys, "new", "tv-classics")
    assert code == 1 and "pack id 'tv-classics' is already used by" in err


def test_a_title_with_a_control_character_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "p.yaml"
    code, _, err = run_cli(capsys, "new", "p", "--title", "bell\x07", "--out", str(out))
    assert code == 1 and "control character U+0007 is not allowed" in err
    assert not out.exists()
