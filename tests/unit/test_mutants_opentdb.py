"""Open Trivia DB files as a pack author meets them: the export, and every import refusal.

The export is compared with the Open Trivia DB response format itself, not only read back
by our own importer (which is lenient where other programs are not: it reads "true" as
"True"). The import errors are pinned whole, with their lines, as `quiz import` prints
them. Found unchecked by mutation testing (docs/mutation.md).
"""

from __future__ import annotations

import base64
import json
from decimal import Decimal

import pytest

from quiz.core.model import Difficulty, Pack, Question, QuestionType
from quiz.core.problems import LoadError
from quiz.interchange import opentdb
from tests.helpers.opentdb import entry, response

PACK = Pack(
    id="mixed",
    title="Mixed",
    version=1,
    questions=(
        Question(
            id="c",
            type=QuestionType.CHOICE,
            prompt='Is 1+1 "2" at 100%?',
            answer="Café & co",
            wrong=("<b>x</b>", "a+b"),
            difficulty=Difficulty.HARD,
            tags=("Science & Nature", "other"),
        ),
        Question(id="t", type=QuestionType.TRUEFALSE, prompt="Water is wet.", answer="true"),
        Question(
            id="f",
            type=QuestionType.TRUEFALSE,
            prompt="Fire is cold.",
            answer="false",
            difficulty=Difficulty.EASY,
        ),
        Question(id="n", type=QuestionType.NUMBER, prompt="How many?", answer="6"),
        Question(id="x", type=QuestionType.TEXT, prompt="Who?", answer="Ann", tolerance=Decimal(0)),
    ),
)

# What the Open Trivia DB API answers, in its default (HTML) encoding.
EXPECTED = {
    "response_code": 0,
    "results": [
        {
            "type": "multiple",
            "difficulty": "hard",
            "category": "Science &amp; Nature",
            "question": "Is 1&#43;1 &quot;2&quot; at 100&#37;?",
            "correct_answer": "Café &amp; co",
            "incorrect_answers": ["&lt;b&gt;x&lt;/b&gt;", "a&#43;b"],
        },
        {
            "type": "boolean",
            "difficulty": "medium",
            "category": "",
            "question": "Water is wet.",
            "correct_answer": "True",
            "incorrect_answers": ["False"],
        },
        {
            "type": "boolean",
            "difficulty": "easy",
            "category": "",
            "question": "Fire is cold.",
            "correct_answer": "False",
            "incorrect_answers": ["True"],
        },
    ],
}


def test_the_export_is_an_open_trivia_db_response() -> None:
    """The keys and values another Open Trivia DB client reads: 'response_code' 0, and a
    boolean question's answers as the strings "True" and "False"."""
    exported = opentdb.write(PACK)
    assert json.loads(exported.text) == EXPECTED
    assert exported.count == 3
    assert exported.lost == (
        ("n", "Open Trivia DB has no number questions"),
        ("x", "Open Trivia DB has no text questions"),
    )


def test_the_export_is_indented_json_that_keeps_accents() -> None:
    text = opentdb.write(PACK).text
    assert text == json.dumps(EXPECTED, indent=2, ensure_ascii=False) + "\n"
    assert '\n  "response_code": 0,\n  "results": [\n    {\n' in text
    assert '"correct_answer": "Café &amp; co"' in text


def test_plus_and_percent_in_exported_text_cannot_be_taken_for_url_encoding() -> None:
    """Text made only of characters URL encoding leaves alone, besides '+' and '%', comes
    back as written: "a+b" is not read back as "a b", nor "100%25" as "100%"."""
    question = Question(
        id="c", type=QuestionType.CHOICE, prompt="1+1", answer="100%25", wrong=("a+b",)
    )
    pack = Pack(id="p", title="P", version=1, questions=(question,))
    (back,) = opentdb.read(opentdb.write(pack).text, "exported").questions
    assert (back.prompt, back.answer, back.wrong) == ("1+1", "100%25", ("a+b",))


# Importing: what a response must be, each refusal at its line.


def problems(text: str) -> list[str]:
    with pytest.raises(LoadError) as caught:
        opentdb.read(text, "bad")
    return [str(problem) for problem in caught.value.problems]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '{"response_code": 0}',
            ["bad:1: not an Open Trivia DB response: expected an object with 'results'"],
        ),
        (response(entry(), "text"), ["bad:15: each entry of 'results' must be an object"]),
        (
            response(entry(incorrect_answers=["That", 2])),
            ["bad:4: 'incorrect_answers' must be a list of text, and the other fields text"],
        ),
        (
            response(entry(incorrect_answers=5)),
            ["bad:4: 'incorrect_answers' must be a list of text, and the other fields text"],
        ),
        (
            response(entry(type="matching"), entry(type="essay")),
            ["bad:1: unknown question type 'essay', 'matching' in every encoding the API uses"],
        ),
        (
            response(entry(question="Caf&eacute; &bogus;"), entry(question="&nope;")),
            [
                "bad:4: text does not decode as HTML: unknown HTML entity '&bogus;'",
                "bad:15: text does not decode as HTML: unknown HTML entity '&nope;'",
            ],
        ),
        (
            response(entry(question="A+B%ZZ", category="General+Knowledge")),
            [
                "bad:4: text does not decode as urlLegacy: "
                "'%' at position 4 of 'A+B%ZZ' starts no escape"
            ],
        ),
        (
            response(entry(question="Qm9%ZZ", category="A%20B")),
            [
                "bad:4: text does not decode as url3986: "
                "'%' at position 4 of 'Qm9%ZZ' starts no escape"
            ],
        ),
    ],
    ids=[
        "no-results",
        "not-an-object",
        "a-number-answer",
        "answers-not-a-list",
        "two-unknown-types",
        "two-bad-entries",
        "urllegacy",
        "url3986",
    ],
)
def test_a_refused_response_says_where_and_why(text: str, expected: list[str]) -> None:
    assert problems(text) == expected


def b64(text: str) -> str:
    return base64.b64encode(text.encode()).decode()


def test_base64_with_stray_characters_is_refused_not_read_past() -> None:
    fields = {key: b64(value) for key, value in entry().items() if isinstance(value, str)}
    fields["incorrect_answers"] = [b64("That"), b64("Other")]
    fields["question"] = b64("Hello") + "!"
    assert problems(response(fields)) == [
        f"bad:4: text does not decode as base64: '{fields['question']}' is not base64"
    ]


def test_a_compact_response_as_the_api_sends_it_puts_every_entry_on_line_1() -> None:
    repeat = entry(correct_answer="Same", incorrect_answers=["same", "Other"])
    text = json.dumps({"response_code": 0, "results": [entry(), repeat, entry(difficulty="x")]})
    text = text.replace(": ", ":").replace(", ", ",")
    imported = opentdb.read(text, "api.json")
    assert [question.line for question in imported.questions] == [1, 1]
    assert [(note.line, note.message) for note in imported.skipped] == [
        (1, "'same' in 'wrong' repeats the answer")
    ]
    assert [(note.line, note.message) for note in imported.warnings] == [
        (1, "unknown difficulty 'x'; using medium")
    ]


def test_entry_lines_count_a_blank_first_line() -> None:
    repeat = entry(correct_answer="Same", incorrect_answers=["same", "Other"])
    imported = opentdb.read("\n" + response(entry(), repeat), "api.json")
    assert [question.line for question in imported.questions] == [5]
    assert [(note.line, note.message) for note in imported.skipped] == [
        (16, "'same' in 'wrong' repeats the answer")
    ]


def test_a_saved_response_without_a_response_code_is_read_as_a_success() -> None:
    text = json.dumps({"results": [entry()]}, indent=2)
    (question,) = opentdb.read(text, "saved.json").questions
    assert (question.prompt, question.answer, question.wrong) == (
        "Which one?",
        "This",
        ("That", "Other"),
    )
