"""Hypothesis: the loader never fails in any way but its own error, and packs round-trip."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import example, given, settings
from hypothesis import strategies as st

from quiz.core.model import Difficulty, Pack, Question, QuestionType
from quiz.core.problems import LoadError
from quiz.core.text import typed_answer_key, unsafe_character
from quiz.packs.dump import dump_pack_yaml
from quiz.packs.loader import load_pack_bytes


def loads_or_refuses(data: bytes) -> None:
    try:
        pack = load_pack_bytes(data, "fuzz.yaml")
    except LoadError as error:
        assert error.problems
        for problem in error.problems:
            assert problem.path == "fuzz.yaml" and problem.line >= 1 and problem.column >= 1
    else:
        assert isinstance(pack, Pack) and pack.questions


@given(st.binary(max_size=2000))
@example(b"\xef\xbb\xbf")
@example(b"[" * 2000)
@example(b"a: &x 1\n")
@example(b"pack: 2020-13-45\n")
@example(b"questions:\n- {id: q, type: number, prompt: p, answer: " + b"1" * 5000 + b"}\n")
def test_arbitrary_bytes(data: bytes) -> None:
    loads_or_refuses(data)


@given(st.text(max_size=1000))
def test_arbitrary_text(text: str) -> None:
    loads_or_refuses(text.encode("utf-8", errors="surrogatepass"))


YAML_TOKENS = [
    "pack:",
    "questions:",
    "id:",
    "title:",
    "version:",
    "type:",
    "prompt:",
    "answer:",
    "wrong:",
    "accept:",
    "tolerance:",
    "time:",
    "choice",
    "truefalse",
    "number",
    "text",
    "- ",
    "  ",
    "\n",
    ": ",
    "[",
    "]",
    "{",
    "}",
    ",",
    "&a",
    "*a",
    "!!str",
    "!tag",
    "? ",
    "|",
    ">",
    "'",
    '"',
    "#",
    "---",
    "...",
    "%YAML 1.1",
    "\\x9b",
    "\\e",
    "1",
    "-1",
    "0.5",
    "No",
    "yes",
    "1:30",
    "2020-01-01",
    "~",
    "null",
    "\t",
    "\r\n",
    "\ufeff",
    "é",
    "<<",
]


@settings(max_examples=300)
@given(st.lists(st.sampled_from(YAML_TOKENS), max_size=60))
@example(["pack:", "\n", "  ", "id:", "&a", " x", "\n", "questions:", " ", "*a"])
def test_text_built_from_yaml_tokens(tokens: list[str]) -> None:
    loads_or_refuses("".join(tokens).encode("utf-8"))


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
seconds = st.decimals(min_value=Decimal("0.25"), max_value=Decimal(3600), places=2)
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


TRICKY = Pack(
    id="tricky",
    title=" leading and trailing spaces ",
    version=1,
    description="\tTab\nnew line\n\n  indented: yes # not a comment",
    questions=(
        Question(
            id="q",
            type=QuestionType.CHOICE,
            prompt="[bold]No[/] \ufeff \u00a0 \U0001f600 - * & ! %",
            answer="No",
            wrong=("Off", "010", "1:30", "2020-01-01", "~"),
        ),
        Question(id="n", type=QuestionType.NUMBER, prompt="'\"", answer="3.10"),
    ),
)


@settings(max_examples=200)
@given(packs())
@example(TRICKY)
def test_valid_packs_survive_dump_and_load(pack: Pack) -> None:
    text = dump_pack_yaml(pack, comment="generated by a test")
    assert load_pack_bytes(text.encode("utf-8")) == pack
