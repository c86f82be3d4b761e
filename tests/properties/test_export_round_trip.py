"""`quiz export`'s formats round-trip through their importers, for what both sides express."""

from __future__ import annotations

import dataclasses

from hypothesis import example, given, settings
from hypothesis import strategies as st

from quiz.core.model import Difficulty, Pack, Question, QuestionType
from quiz.core.text import typed_answer_key
from quiz.interchange import csvsheet, gift, opentdb
from tests.helpers.strategies import number_text, question_id, safe_text

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


def drawn(*questions: Question) -> Pack:
    """A pack as the strategy draws one, for the examples pinned below."""
    return Pack(id="drawn", title="t", version=1, questions=questions)


@settings(max_examples=60)
@given(packs(ALL_KINDS), st.sampled_from(["", "Why, and how: {=~#}\\ \\n //"]))
@example(
    drawn(
        Question(id="a", type=QuestionType.TEXT, prompt="[html]<b>x</b>", answer="%50%y"),
        Question(id="b", type=QuestionType.NUMBER, prompt="p", answer="-3.5", tolerance=1),
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
    drawn(
        Question(id="a", type=QuestionType.CHOICE, prompt="=1+1", answer="-2", wrong=("@2",)),
        Question(id="b", type=QuestionType.TEXT, prompt="'+", answer="'=x"),
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
