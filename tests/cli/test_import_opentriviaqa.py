"""`quiz import opentriviaqa`: OpenTriviaQA category files, one or a folder of them."""

from __future__ import annotations

import collections
import re
from pathlib import Path

import pytest

from quiz.core.model import QuestionType
from quiz.interchange import guess_format
from quiz.interchange.opentriviaqa import read, read_path
from quiz.packs.format import MAX_WRONG
from tests.helpers.cli import run_cli
from tests.helpers.files import write
from tests.helpers.imports import import_fails, import_file
from tests.helpers.paths import IMPORT_DATA

EXCERPTS = IMPORT_DATA / "opentriviaqa" / "categories"
# The full source, beside the repository where it is (not in CI).
FULL = Path(__file__).resolve().parents[3] / "shared" / "opentriviaqa" / "categories"


def test_a_category_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = EXCERPTS / "animals"
    pack, out = import_file(capsys, tmp_path, "opentriviaqa", source)
    by_id = {question.id: question for question in pack.questions}
    assert list(by_id) == [f"animals-{n}" for n in (1, 2, 3, 4, 5, 6, 7, 8, 9, 12)]
    first = by_id["animals-1"]
    assert (first.type, first.prompt, first.answer, first.wrong, first.tags) == (
        QuestionType.CHOICE,
        "Three of these animals hibernate. Which one does not?",
        "Sloth",
        ("Mouse", "Frog", "Snake"),
        ("animals",),
    )
    # A question's text runs over its lines until '^', a blank line kept.
    assert by_id["animals-12"].prompt == (
        "Finish this old phrase:\n\nWhen you call a dog, he comes right over to you. "
        "When you call a cat, she________________."
    )
    assert (by_id["animals-9"].type, by_id["animals-9"].wrong) == (QuestionType.CHOICE, ("No",))
    assert (pack.title, pack.author) == (
        "OpenTriviaQA: animals",
        "uberspot and the OpenTriviaQA contributors",
    )
    assert pack.source == "OpenTriviaQA, https://github.com/uberspot/OpenTriviaQA (animals)"
    assert "CC BY-SA 4.0" in pack.description
    assert f"{source}:58: skipped: the answer 'All of these' stands for other choices" in out
    assert (
        f"{source}:65: skipped: it gives its answer away: the prompt contains the answer 'Rooster'"
        in out
    )
    assert (
        f"{source}:81: skipped: the answer 'Northern Hairy-nosed Wombat' is among its choices "
        "twice (A and B)" in out
    )
    assert "Imported 10 questions, skipped 3" in out


def test_true_false_pairs_become_true_false_questions(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pack, _ = import_file(capsys, tmp_path, "opentriviaqa", EXCERPTS / "humanities")
    truefalse = [q for q in pack.questions if q.type is QuestionType.TRUEFALSE]
    assert [(q.id, q.truth, q.wrong) for q in truefalse] == [
        ("humanities-3", False, ()),
        ("humanities-4", True, ()),
    ]
    text = "#Q Snails sleep.\n^ true.\nA False\nB TRUE\n"
    pack, _ = import_file(capsys, tmp_path, "opentriviaqa", write(tmp_path, "tf", text))
    assert (pack.questions[0].type, pack.questions[0].answer) == (QuestionType.TRUEFALSE, "true")


def test_odd_bytes_are_read_and_warned_about(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    humanities, history = EXCERPTS / "humanities", EXCERPTS / "history"
    pack, out = import_file(capsys, tmp_path, "opentriviaqa", humanities)
    prompts = [q.prompt for q in pack.questions]
    assert "There were two major clans of Norse gods - Vanir and Æsir." in prompts
    assert any("The word “promiscuous” is used" in prompt for prompt in prompts)
    assert f"{humanities}:19: warning: not UTF-8: c6 (Windows-1252) read as 'Æ'" in out
    assert (
        f"{humanities}:14: warning: not UTF-8: e2 80 3f (a closing quote that lost its last byte) "
        "read as '”'" in out
    )
    assert f"{humanities}:24: skipped: choice A is empty" in out
    pack, out = import_file(capsys, tmp_path, "opentriviaqa", history)
    assert any("Sturmpanzer IV Brummbär" in (q.answer, *q.wrong) for q in pack.questions)
    assert f"{history}:18: warning: not UTF-8: e4 (Windows-1252) read as 'ä'" in out
    assert f"{history}:22: skipped: a character of its text was lost in the source" in out


def test_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pack, out = import_file(capsys, tmp_path, "opentriviaqa", EXCERPTS)
    tags = collections.Counter(q.tags for q in pack.questions)
    assert tags == {("animals",): 10, ("history",): 3, ("humanities",): 4}
    ids = [q.id for q in pack.questions]
    assert len(set(ids)) == len(ids) and ids[0] == "animals-1" and ids[-1] == "humanities-4"
    assert [q.tags[0] for q in pack.questions] == sorted(q.tags[0] for q in pack.questions)
    # Each note names the file of the folder it is about.
    assert f"{EXCERPTS / 'animals'}:58: skipped: the answer 'All of these'" in out
    assert f"{EXCERPTS / 'history'}:22: skipped: a character" in out
    assert f"{EXCERPTS / 'humanities'}:19: warning: not UTF-8" in out
    assert "Imported 17 questions, skipped 5" in out
    assert pack.source == "OpenTriviaQA, https://github.com/uberspot/OpenTriviaQA (categories)"
    assert pack.title == "OpenTriviaQA"


def test_ids_stay_unique_when_two_files_name_one_category(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "in"
    write(folder, "Animals", "#Q Which purrs?\n^ Cat\nA Cat\nB Dog\n")
    write(folder, "animals!", "#Q Which barks?\n^ Dog\nA Cat\nB Dog\n")
    write(folder, ".hidden", "not a category")
    pack, _ = import_file(capsys, tmp_path, "opentriviaqa", folder)
    assert [(q.id, q.tags) for q in pack.questions] == [
        ("animals-1", ("Animals",)),
        ("animals-2-1", ("animals!",)),
    ]


SKIPS = """\
#Q Which is red?
^ Blood
A Grass
B Sky

#Q Which is blue?
^ Sky

#Q Which is green?
^ Grass
A Grass
? a stray line

#Q Which is round?
A Ball

#Q Which of these are fruit?
^ None of the above.
A Stone
B None of the above.

#Q Who has hooves?
^ Neither
A Both
B Neither
C Horse

#Q How many legs has a snake?
^ None
A None
B Two

#Q Which was the first moon landing?
^ Apollo 11
A Apollo 11
B Apollo 12
^ Apollo 13
"""


def test_each_skip_reason_at_its_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = write(tmp_path, "skips", SKIPS)
    pack, out = import_file(capsys, tmp_path, "opentriviaqa", source)
    assert [q.prompt for q in pack.questions] == ["How many legs has a snake?"]
    for line, reason in (
        (1, "the answer 'Blood' is not among its choices"),
        (6, "no choices: lines 'A ...', 'B ...' must follow the '^' line"),
        (9, "line 12 is not a choice (a letter A to Z, a space, its text)"),
        (14, "no correct answer: a '^' line must follow the question"),
        (17, "the answer 'None of the above.' stands for other choices"),
        (22, "the answer 'Neither' stands for other choices"),
        (33, "two correct answers ('^' lines 34 and 37)"),
    ):
        assert f"{source}:{line}: skipped: {reason}\n" in out
    assert "Imported 1 question, skipped 7" in out


def test_at_most_max_wrong_answers_are_kept(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    letters = "ABCDEFGH"
    choices = "".join(f"{letter} Answer {letter}\n" for letter in letters)
    text = f"#Q Which is first?\n^ Answer A\n{choices}A Answer B\n"
    source = write(tmp_path, "many", text)
    pack, out = import_file(capsys, tmp_path, "opentriviaqa", source)
    assert pack.questions[0].wrong == tuple(f"Answer {letter}" for letter in "BCDEF")
    assert len(pack.questions[0].wrong) == MAX_WRONG
    assert f"{source}:11: warning: choice A repeats choice B; left out" in out
    assert (
        f"{source}:9: warning: 7 wrong choices, and a pack keeps at most 5: choice G and H left out"
        in out
    )


def test_malformed_files_are_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    err = import_fails(capsys, tmp_path, "opentriviaqa", "Just some notes.\n#Q Q?\n^ A\nA A\n")
    assert err.endswith(":1: text before the first question: a question starts '#Q'\n")
    err = import_fails(capsys, tmp_path, "opentriviaqa", "\n\n")
    assert err.endswith(":1: file is empty\n")
    empty = tmp_path / "empty"
    empty.mkdir()
    code, _, err = run_cli(capsys, "import", "opentriviaqa", str(empty), "--out", "x.yaml")
    assert (code, err) == (1, f"{empty}:1: the folder holds no category file\n")


def test_the_format_is_recognised() -> None:
    assert guess_format("#Q Which is red?\r\n^ Blood\r\nA Blood\r\nB Sky\r\n") == "opentriviaqa"
    imported = read("#Q Which?\n^ A\nA A\nB B\n", "q")
    assert [(q.id, q.answer, q.wrong) for q in imported.questions] == [("q-1", "A", ("B",))]


@pytest.mark.skipif(not FULL.is_dir(), reason=f"the OpenTriviaQA source is not at {FULL}")
def test_the_full_source() -> None:
    imported = read_path(FULL)
    reasons = collections.Counter(
        re.sub(r"'.*'|\(.*\)", "...", note.message).split(":")[0] for note in imported.skipped
    )
    assert dict(reasons) == {
        "the answer ... stands for other choices": 850,
        "it gives its answer away": 113,
        "the answer ... is among its choices twice ...": 7,
        "choice A is empty": 2,
        "choice C is empty": 2,
        "a character of its text was lost in the source": 2,
    }
    kinds = collections.Counter(q.type for q in imported.questions)
    assert kinds == {QuestionType.CHOICE: 42859, QuestionType.TRUEFALSE: 5881}
    assert len(imported.questions) + len(imported.skipped) == 49716
