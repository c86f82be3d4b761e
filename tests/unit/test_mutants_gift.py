"""Moodle GIFT files as a pack author meets them: the export, and what an import says.

The export is pinned as the GIFT text itself (what Moodle reads), not only read back by
our own importer. Import notes and errors are pinned whole with their lines, on blocks
of several lines, where the line of an answer is not the line the question starts on.
HTML text in a GIFT [html] question is decoded strictly. Found unchecked by mutation
testing (docs/mutation.md).
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from quiz.core.model import Pack, Question, QuestionType
from quiz.core.problems import LoadError
from quiz.interchange import gift
from quiz.interchange.htmltext import EntityError, decode_entities

PACK = Pack(
    id="mixed",
    title="Mixed",
    version=2,
    questions=(
        Question(
            id="c",
            type=QuestionType.CHOICE,
            prompt="Pick one:\nwhich?",
            answer="A = B",
            wrong=("%50%x", "c~d"),
        ),
        Question(
            id="t",
            type=QuestionType.TRUEFALSE,
            prompt="Water is wet.",
            answer="true",
            explain="It is.",
        ),
        Question(id="f", type=QuestionType.TRUEFALSE, prompt="[html]Fire is cold.", answer="false"),
        Question(
            id="n",
            type=QuestionType.NUMBER,
            prompt="How many?",
            answer=" 6 ",
            tolerance=Decimal("0.5"),
        ),
        Question(
            id="x",
            type=QuestionType.TEXT,
            prompt="Who {wrote} it?",
            answer="Bram Stoker",
            accept=("Stoker",),
        ),
    ),
)

EXPECTED = (
    "// Mixed (mixed version 2), written by quiz export\n"
    "\n"
    "::c:: Pick one\\:\\nwhich? {=A \\= B ~\\%50%x ~c\\~d}\n"
    "\n"
    "::t:: Water is wet. {TRUE ####It is.}\n"
    "\n"
    "::f:: [plain][html]Fire is cold. {FALSE}\n"
    "\n"
    "::n:: How many? {#6:0.5}\n"
    "\n"
    "::x:: Who \\{wrote\\} it? {=Bram Stoker =Stoker}\n"
)


def test_the_export_is_gift_as_moodle_reads_it() -> None:
    """One question a line, special characters escaped, a line break as \\n, true/false
    as TRUE and FALSE, a number with its margin, a leading [html] kept as text."""
    exported = gift.write(PACK)
    assert exported.text == EXPECTED
    assert (exported.count, exported.lost) == (5, ())


def read(text: str) -> list[tuple[str, str, str, tuple[str, ...], Decimal]]:
    return [
        (str(q.type), q.prompt, q.answer, q.wrong, q.tolerance)
        for q in gift.read(text, "g.gift").questions
    ]


def notes(text: str) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """The skipped questions and the warnings, each as (line, message)."""
    imported = gift.read(text, "g.gift")
    return (
        [(note.line, note.message) for note in imported.skipped],
        [(note.line, note.message) for note in imported.warnings],
    )


def problems(text: str) -> list[str]:
    with pytest.raises(LoadError) as caught:
        gift.read(text, "g.gift")
    return [str(problem) for problem in caught.value.problems]


# Weights: only 100% (or none) is fully right; 0% is plainly wrong.


def test_a_hundred_percent_answer_is_the_right_one_without_a_warning() -> None:
    assert read("Pick {=%100%A ~B}") == [("choice", "Pick", "A", ("B",), Decimal(0))]
    assert notes("Pick {=%100%A ~B}") == ([], [])


def test_a_zero_percent_answer_is_wrong_without_a_warning() -> None:
    assert read("Pick {=A ~%0%B ~C}") == [("choice", "Pick", "A", ("B", "C"), Decimal(0))]
    assert notes("Pick {=A ~%0%B ~C}") == ([], [])


def test_a_part_marks_warning_names_the_line_of_its_answer() -> None:
    assert notes("Best?\n{=A\n~%50%B\n~C}") == (
        [],
        [(3, "'B' earns part marks in GIFT; here it counts as wrong")],
    )
    assert notes("Names?\n{=Ann\n=%50%Anne\n}") == (
        [],
        [(3, "'Anne' earns part marks in GIFT; it is left out")],
    )


def test_questions_without_exactly_one_fully_right_answer_are_skipped() -> None:
    assert notes("Pick {=A =B ~C}\n\nName? {=%50%Ann}") == (
        [
            (1, "2 fully right answers: a choice question has exactly one"),
            (3, "no fully right answer"),
        ],
        [(3, "'Ann' earns part marks in GIFT; it is left out")],
    )


# Numeric answers.


@pytest.mark.parametrize(
    "text",
    [
        "When? {#=%50%1821:2 =1822:0}",  # the part-marks number comes first
        "When? {#=%100%1822:0 =%50%1821:2}",  # the right one is marked 100%
    ],
)
def test_of_several_numbers_the_fully_right_one_is_kept(text: str) -> None:
    assert read(text) == [("number", "When?", "1822", (), Decimal(0))]
    assert notes(text) == ([], [(1, "only the first fully right number is kept")])


def test_one_number_written_with_an_equals_sign_needs_no_warning() -> None:
    assert read("When? {#=1822:0}") == [("number", "When?", "1822", (), Decimal(0))]
    assert notes("When? {#=1822:0}") == ([], [])


def test_a_number_with_feedback_keeps_its_margin() -> None:
    assert read("When? {#1822:1#Well done}") == [("number", "When?", "1822", (), Decimal(1))]


def test_a_number_without_a_margin_must_be_exact() -> None:
    assert read("When? {#1822}") == [("number", "When?", "1822", (), Decimal(0))]


def test_numbers_that_are_only_part_marks_are_skipped_at_their_line() -> None:
    assert notes("First? {T}\n\nWhen?\n{#=%50%1821:2}") == (
        [(3, "no fully right numeric answer")],
        [],
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Q? {#1..x\n}", "g.gift:1: 'x' is not a number"),  # the line of the range, not the last
        ("Q? {#twelve\n}", "g.gift:1: 'twelve' is not a number"),
        ("Q? {#1:much\n}", "g.gift:1: 'much' is not a number"),
        ("Q? {#1..2..3}", "g.gift:1: '2..3' is not a number"),
        ("::t:: Q? {=a ~b\n~}", "g.gift:2: an empty answer after '~'"),
    ],
)
def test_a_bad_answer_is_an_error_at_its_own_line(text: str, expected: str) -> None:
    assert problems(text) == [expected]


# HTML in an [html] question, and character references anywhere HTML is read.


def test_html_text_is_decoded_once_and_spaces_stay_spaces() -> None:
    assert read("[html]Is &amp;lt; a tag? {T}")[0][1] == "Is &lt; a tag?"
    assert read("[html]a&nbsp;b {T}")[0][1] == "a b"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("&#X41;", "A"), ("&#x10FFFD;", "\U0010fffd"), ("&#xE000;", "\ue000"), ("&#65;", "A")],
)
def test_character_references_that_name_a_character(text: str, expected: str) -> None:
    assert decode_entities(text) == expected


@pytest.mark.parametrize("text", ["&#xD800;", "&#xDFFF;", "&#x110000;", "&#x0;", "&#55296;"])
def test_character_references_that_name_no_character_are_refused(text: str) -> None:
    with pytest.raises(EntityError) as caught:
        decode_entities(text)
    assert str(caught.value) == f"'{text}' is not a character"


# Reading: categories, escapes, plain text, and the line of every error in a long block.


def test_a_category_tags_the_questions_after_it_by_its_last_part() -> None:
    text = (
        "Q0? {T}\n\n$CATEGORY: $course$/World/Europe\n\nQ1? {T}\n\n$CATEGORY: Geography\n\nQ2? {F}"
    )
    imported = gift.read(text, "g.gift").questions
    assert [(q.prompt, q.tags, q.line) for q in imported] == [
        ("Q0?", (), 1),
        ("Q1?", ("Europe",), 5),
        ("Q2?", ("Geography",), 9),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Is \\q ok? {T}", ("truefalse", "Is \\q ok?", "true", (), Decimal(0))),  # not an escape
        ("Is a\\:{=x ~y}", ("choice", "Is a:", "x", ("y",), Decimal(0))),  # an escape, then '{'
        ("Q? {=a\\=~b}", ("choice", "Q?", "a=", ("b",), Decimal(0))),  # an escape, then '~'
        ("Is <b>x</b> bold? {T}", ("truefalse", "Is <b>x</b> bold?", "true", (), Decimal(0))),
        ("Q? {T#right#wrong}", ("truefalse", "Q?", "true", (), Decimal(0))),  # its feedback
    ],
)
def test_text_reads_as_written(
    text: str, expected: tuple[str, str, str, tuple[str, ...], Decimal]
) -> None:
    assert read(text) == [expected]


def test_a_question_without_a_prompt_is_skipped_for_its_prompt() -> None:
    """Not taken for a description: the answer block starts the question."""
    assert notes("{=a ~b}") == ([(1, "'prompt' is empty")], [])


def test_a_question_the_pack_rules_refuse_is_skipped_at_its_first_line() -> None:
    assert notes("First? {T}\n\n// c\nWhich?\n{=Paris ~paris}") == (
        [(4, "'paris' in 'wrong' repeats the answer")],
        [],
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Intro\nQ? =a}\nmore", "g.gift:2: '}' closes no answer block"),
        ("Q?\n{=a ~b\nmore", "g.gift:2: '{' opens an answer block that is never closed with '}'"),
        ("Q? {=a}{=b}", "g.gift:1: a question has one {answer block}"),
        ("Q? {=a}\n{=b}\nmore", "g.gift:2: a question has one {answer block}"),
        ("::title\nQ? {=a}", "g.gift:1: '::' starts a title that is never closed with '::'"),
        ("[html]Q &nope; {=a\n~b}", "g.gift:1: unknown HTML entity '&nope;'"),
        ("[html]Q {=a ~b} &nope;\nmore", "g.gift:1: unknown HTML entity '&nope;'"),
        ("Q? {Paris\n}", "g.gift:1: each answer starts with = (right) or ~ (wrong)"),
        ("Q?\n{\nParis\n}", "g.gift:3: each answer starts with = (right) or ~ (wrong)"),
        ("Q? {=a\n~\n}", "g.gift:2: an empty answer after '~'"),
        ("[html]Q? {=a &nope;\n~b}", "g.gift:1: unknown HTML entity '&nope;'"),
    ],
)
def test_an_error_in_a_long_block_is_at_the_line_where_it_stands(text: str, expected: str) -> None:
    assert problems(text) == [expected]
