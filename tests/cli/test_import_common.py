"""What every `quiz import` shares: where the pack goes, what it refuses, what it reports."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.core.model import Question, QuestionType
from quiz.interchange import guess_format
from quiz.interchange.result import Collector, slugify
from quiz.packs.loader import load_pack
from tests.helpers.cli import run_cli
from tests.helpers.files import write
from tests.helpers.imports import import_fails, import_file

GIFT_ONE = "::capital:: What is the capital of France? {=Paris ~Lyon ~Nice}\n"


def test_import_goes_to_the_user_packs_folder_and_the_game_lists_it(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write(tmp_path, "My Questions.gift", GIFT_ONE)
    code, out, _ = run_cli(capsys, "import", "gift", str(source))
    destination = data_dir / "packs" / "my-questions.yaml"
    assert code == 0
    assert f"Imported 1 question: {destination}" in out
    pack = load_pack(destination)
    assert (pack.id, pack.title, pack.source) == ("my-questions", "My Questions", source.name)
    code, out, _ = run_cli(capsys, "packs")
    assert "my-questions" in out and code == 0


def test_id_and_title_options(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = write(tmp_path, "q.gift", GIFT_ONE)
    pack, _ = import_file(capsys, tmp_path, "gift", source, "--id", "geo", "--title", "Geography")
    assert (pack.id, pack.title) == ("geo", "Geography")


def test_a_bad_id_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = write(tmp_path, "q.gift", GIFT_ONE)
    code, _, err = run_cli(capsys, "import", "gift", str(source), "--id", "Not An Id")
    assert code == 2 and "--id 'Not An Id' must be lower-case" in err  # a usage error


def test_never_overwrites_without_force(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write(tmp_path, "geo.gift", GIFT_ONE)
    assert run_cli(capsys, "import", "gift", str(source))[0] == 0
    destination = data_dir / "packs" / "geo.yaml"
    destination.write_text(destination.read_text() + "# my own edit\n")
    code, _, err = run_cli(capsys, "import", "gift", str(source))
    assert code == 1
    assert err == f"{destination}:1: already exists; add --force to replace it\n"
    assert destination.read_text().endswith("# my own edit\n")
    assert run_cli(capsys, "import", "gift", str(source), "--force")[0] == 0
    assert not destination.read_text().endswith("# my own edit\n")
    assert [p.name for p in destination.parent.iterdir()] == ["geo.yaml"]  # no temporary left


def test_an_id_used_by_another_installed_pack_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write(tmp_path, "q.gift", GIFT_ONE)
    code, _, err = run_cli(capsys, "import", "gift", str(source), "--id", "tv-classics")
    assert code == 1
    assert "pack id 'tv-classics' is already used by" in err and "tv-classics.yaml" in err


def test_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nope.json"
    code, _, err = run_cli(capsys, "import", "opentdb", str(missing))
    assert (code, err) == (1, f"{missing}:1: cannot read file: No such file or directory\n")


@pytest.mark.parametrize("fmt", ["opentdb", "red", "csv", "anki", "gift"])
def test_empty_file(fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert import_fails(capsys, tmp_path, fmt, "  \n\n").endswith(":1: file is empty\n")


@pytest.mark.parametrize("fmt", ["opentdb", "red", "csv", "anki", "gift"])
def test_not_utf8(fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "latin1"
    source.write_bytes("question,answer\nCafé?,oui\n".encode("latin-1"))
    code, _, err = run_cli(capsys, "import", fmt, str(source), "--out", str(tmp_path / "o.yaml"))
    assert code == 1
    assert err == f"{source}:2: not UTF-8 text (byte 0xe9); save the file as UTF-8\n"


def test_a_file_of_another_format_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    err = import_fails(capsys, tmp_path, "opentdb", GIFT_ONE, name="q.gift")
    assert "malformed JSON" in err
    assert "this looks like the gift format: try `quiz import gift" in err.splitlines()[0]


def test_a_long_list_of_errors_is_cut_short(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    err = import_fails(capsys, tmp_path, "csv", "one cell\n" * 30)
    lines = err.splitlines()
    assert len(lines) == 11 and lines[-1] == "... and 20 more"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"response_code": 0, "results": []}', "opentdb"),
        ("#separator:tab\nfront\tback\n", "anki"),
        (GIFT_ONE, "gift"),
        ("Question?{T}", "gift"),
        ("AUTHOR: me\nWhat is 2+2?:\n- 4\n", "red"),
        ("front\tback\n", "anki"),
        ("question,answer\n", "csv"),
        ("just words", None),
    ],
)
def test_guess_format(text: str, expected: str | None) -> None:
    assert guess_format(text) == expected


def test_slugify() -> None:
    assert slugify("Café — Crème_brûlée 2!") == "cafe-creme-brulee-2"
    assert slugify("¿?") == ""


def test_collector_gives_unique_ids_and_skips_what_the_loader_refuses() -> None:
    found = Collector("f")
    choice = Question(id="", type=QuestionType.CHOICE, prompt="P", answer="A", wrong=("B",))
    found.add(3, choice, name="Same Name")
    found.add(4, choice, name="Same Name")
    found.add(5, choice)
    found.add(6, Question(id="", type=QuestionType.CHOICE, prompt="P", answer="A", wrong=("a",)))
    result = found.finish()
    assert [q.id for q in result.questions] == ["same-name", "same-name-2", "q3"]
    assert [q.line for q in result.questions] == [3, 4, 5]
    assert [(n.line, n.message) for n in result.skipped] == [
        (6, "'a' in 'wrong' repeats the answer")
    ]


def test_more_broken_questions_than_the_loader_reports_at_once_are_all_skipped() -> None:
    found = Collector("f")
    for number in range(1, 161):
        wrong = ("same",) if number % 2 else ("other",)
        question = Question(id="", type=QuestionType.CHOICE, prompt="P", answer="Same", wrong=wrong)
        found.add(number, question)
    result = found.finish()
    assert [q.line for q in result.questions] == list(range(2, 161, 2))
    assert [note.line for note in result.skipped] == list(range(1, 161, 2))
    assert {note.message for note in result.skipped} == {"'same' in 'wrong' repeats the answer"}


def test_prompts_naming_other_answers_are_summed_up_in_one_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A big import names thousands of them; the draw keeps them apart, validate lists them."""
    source = write(
        tmp_path,
        "q.gift",
        "Who wrote Hamlet? {=Shakespeare ~Marlowe ~Jonson}\n\n"
        "Which play by Shakespeare is set in Denmark? {=Hamlet ~Macbeth ~Othello}\n\n"
        "Which Shakespeare play has Ophelia? {=Hamlet ~Lear ~Othello}\n",
    )
    _, said = import_file(capsys, tmp_path, "gift", source)
    crossed = [line for line in said.splitlines() if "another question's answer" in line]
    assert len(crossed) == 1
    assert crossed[0].endswith(
        "warning: 3 prompts name another question's answer: "
        "a round asks that one first or not at all (quiz validate lists them)"
    )
