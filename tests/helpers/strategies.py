"""Hypothesis strategies for pack text and whole packs: the loader fuzz, export and cache tests."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import strategies as st

from quiz.core.model import Difficulty, Pack, Question, QuestionType
from quiz.core.text import typed_answer_key, unsafe_character


def _allowed(text: str) -> bool:
    return bool(text.strip()) and unsafe_character(text) is None


safe_text = st.text(
    st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="\u2028\u2029"),
    min_size=1,
    max_size=30,
).filter(_allowed)
multiline_text = st.lists(safe_text, min_size=1, max_size=3).map("\n".join) | safe_text
slug = st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}", fullmatch=True)
question_id = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,10}", fullmatch=True)
seconds = st.decimals(min_value=Decimal(1), max_value=Decimal(3600), places=2)
number_text = st.from_regex(r"[+-]?[0-9]{1,6}(\.[0-9]{1,3})?", fullmatch=True)


def distinct_answers(min_size: int, max_size: int) -> st.SearchStrategy[list[str]]:
    return st.lists(safe_text, min_size=min_size, max_size=max_size, unique_by=typed_answer_key)


@st.composite
def questions(draw: st.DrawFn, qid: str) -> Question:
    kind = draw(st.sampled_from(QuestionType))
    common = {
        "id": qid,
        "type": kind,
        "prompt": draw(multiline_text),
        "difficulty": draw(st.sampled_from(Difficulty)),
        "tags": tuple(draw(st.lists(safe_text, max_size=3))),
        "explain": draw(st.just("") | multiline_text),
        "evidence": draw(st.just("") | safe_text),
        "time": draw(st.none() | seconds),
    }
    if kind is QuestionType.CHOICE:
        answers = draw(distinct_answers(2, 6))
        return Question(answer=answers[0], wrong=tuple(answers[1:]), **common)
    if kind is QuestionType.TEXT:
        answers = draw(distinct_answers(1, 4))
        return Question(answer=answers[0], accept=tuple(answers[1:]), **common)
    if kind is QuestionType.NUMBER:
        tolerance = draw(st.decimals(min_value=0, max_value=100, places=2))
        return Question(answer=draw(number_text), tolerance=tolerance, **common)
    return Question(answer=draw(st.sampled_from(["true", "false", "True", "FALSE"])), **common)


@st.composite
def packs(draw: st.DrawFn) -> Pack:
    ids = draw(st.lists(question_id, min_size=1, max_size=5, unique=True))
    return Pack(
        id=draw(slug),
        title=draw(safe_text),
        version=draw(st.integers(1, 10_000)),
        description=draw(st.just("") | multiline_text),
        author=draw(st.just("") | safe_text),
        source=draw(st.just("") | safe_text),
        time=draw(st.none() | seconds),
        questions=tuple(draw(questions(qid)) for qid in ids),
    )
