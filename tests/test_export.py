"""`quiz export`: each format round-trips through its importer, for what both sides express."""

from __future__ import annotations

import dataclasses
import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from quiz.core.model import Difficulty, Pack, Question, QuestionType
from quiz.core.text import typed_answer_key
from quiz.interchange import csvsheet, gift, opentdb
from tests.test_import_common import run_cli
from tests.test_packs_fuzz import number_text, question_id, safe_text

# Every format trims the text around a value, so the drawn text has nothing to trim.
stripped = safe_text.map(str.strip).filter(bool)
multiline = st.lists(stripped, min_size=1, max_size=3).map("\n".join)


def answers(min_size: int, max_size: int) -> st.SearchStrategy[list[str]]:
    return st.lists(
        stripped.filter(not_matching),
        min_size=min_size,
        max_size=max_size,
        unique_by=typed_answer_key,
    )


def not_matching(text: str) -> bool:
    """ "->" in every right answer is GIFT's matching question, which the game cannot play."""
    return "->" not in text


@st.composite
def questions(draw: st.DrawFn, kinds: list[QuestionType], qid: str) -> Question:
    kind = draw(st.sampled_from(kinds))
    base = Question(id=qid, type=kind, prompt=draw(multiline), answer="")
    if kind is QuestionType.CHOICE:
        texts = draw(answers(2, 6))
        return dataclasses.replace(base, answer=texts[0], wrong=tuple(texts[1:]))
    if kind is QuestionType.TEXT:
        texts = draw(answers(1, 3))
        return dataclasses.replace(base, answer=texts[0], accept=tuple(texts[1:]))
    if kind is QuestionType.NUMBER:
        tolerance = draw(st.decimals(min_value=0, max_value=100, places=2))
        return dataclasses.replace(base, answer=draw(number_text), tolerance=tolerance)
    return dataclasses.replace(base, answer=draw(st.sampled_from(["true", "false"])))


@st.composite
def packs(draw: st.DrawFn, kinds: list[QuestionType]) -> Pack:
    ids = draw(st.lists(question_id, min_size=1, max_size=6, unique=True))
    return Pack(
        id="drawn",
        title=draw(stripped),
        version=1,
        questions=tuple(draw(questions(kinds, qid)) for qid in ids),
    )


def round_trip(module: object, pack: Pack) -> tuple[Question, ...]:
    exported = module.write(pack)  # type: ignore[attr-defined]
    imported = module.read(exported.text, "exported")  # type: ignore[attr-defined]
    assert imported.skipped == () and imported.warnings == ()
    return tuple(imported.questions)


def with_ids_of(imported: tuple[Question, ...], pack: Pack) -> tuple[Question, ...]:
    assert len(imported) == len(pack.questions)
    return tuple(
        dataclasses.replace(q, id=o.id) for q, o in zip(imported, pack.questions, strict=True)
    )


ALL_KINDS = list(QuestionType)


@settings(max_examples=60)
@given(packs(ALL_KINDS), st.sampled_from(["", "Why, and how: {=~#}\\ \\n //"]))
@example(
    Pack(
        id="drawn",
        title="t",
        version=1,
        questions=(
            Question(id="a", type=QuestionType.TEXT, prompt="[html]<b>x</b>", answer="%50%y"),
            Question(id="b", type=QuestionType.NUMBER, prompt="p", answer="-3.5", tolerance=1),
        ),
    ),
    "",
)
def test_gift_round_trip(pack: Pack, explain: str) -> None:
    pack = dataclasses.replace(
        pack, questions=tuple(dataclasses.replace(q, explain=explain) for q in pack.questions)
    )
    assert round_trip(gift, pack) == pack.questions


def csv_expresses_all(pack: Pack) -> bool:
    """Whether the export names nothing it cannot carry: then all of it must come back."""
    return not csvsheet.write(pack).lost


@settings(max_examples=60)
@given(
    packs([QuestionType.CHOICE, QuestionType.TEXT, QuestionType.TRUEFALSE]).filter(
        csv_expresses_all
    )
)
@example(
    Pack(
        id="drawn",
        title="t",
        version=1,
        questions=(
            Question(id="a", type=QuestionType.CHOICE, prompt="=1+1", answer="-2", wrong=("@2",)),
            Question(id="b", type=QuestionType.TEXT, prompt="'+", answer="'=x"),
        ),
    )
)
def test_csv_round_trip(pack: Pack) -> None:
    assert with_ids_of(round_trip(csvsheet, pack), pack) == pack.questions


@settings(max_examples=60)
@given(
    packs([QuestionType.CHOICE, QuestionType.TRUEFALSE]),
    st.sampled_from(Difficulty),
    st.sampled_from([(), ("Science & Nature",), ("a+b%",)]),
    st.sampled_from(["", "50% of 1+1 = &amp; <b>"]),
)
def test_opentdb_round_trip(
    pack: Pack, difficulty: Difficulty, tags: tuple[str, ...], prefix: str
) -> None:
    pack = dataclasses.replace(
        pack,
        questions=tuple(
            dataclasses.replace(q, difficulty=difficulty, tags=tags, prompt=prefix + q.prompt)
            for q in pack.questions
        ),
    )
    assert with_ids_of(round_trip(opentdb, pack), pack) == pack.questions


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
