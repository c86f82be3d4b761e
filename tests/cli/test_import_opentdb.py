"""`quiz import opentdb`: API responses in every encoding, and every way they can be wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.core.model import Difficulty, QuestionType
from tests.helpers.imports import import_fails, import_file
from tests.helpers.opentdb import entry, response
from tests.helpers.paths import IMPORT_DATA

ENCODINGS = ["default", "url3986", "urllegacy", "base64"]


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_every_encoding_gives_the_same_questions(
    encoding: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pack, out = import_file(capsys, tmp_path, "opentdb", IMPORT_DATA / f"opentdb_{encoding}.json")
    zelda, water, king = pack.questions
    assert zelda.type is QuestionType.CHOICE
    assert zelda.prompt == 'In "The Legend of Zelda", what is the name of the princess?'
    assert (zelda.answer, zelda.wrong) == ("Zelda", ("Peach", "Daisy", "Samus"))
    assert (zelda.difficulty, zelda.tags) == (Difficulty.EASY, ("Entertainment: Video Games",))
    assert water.type is QuestionType.TRUEFALSE and water.truth
    assert water.prompt == "Water boils at 100°C at sea level."
    assert water.tags == ("Science & Nature",)
    assert king.prompt == "Which king's reign began in 1066?"
    assert (king.answer, king.difficulty) == ("William I", Difficulty.HARD)
    assert "Imported 3 questions" in out


@pytest.mark.parametrize(
    ("code", "meaning"),
    [
        (1, "response_code 1: No Results"),
        (4, "response_code 4: Token Empty"),
        (5, "response_code 5: Rate Limit"),
        (9, "response_code 9: a code the API does not document"),
    ],
)
def test_a_non_zero_response_code_names_its_meaning(
    code: int, meaning: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    err = import_fails(capsys, tmp_path, "opentdb", response(code=code))
    assert f"bad:1: the API answered {meaning}" in err


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"response_code": 0,\n "results": [}', "bad:2:14: malformed JSON: Expecting value"),
        ("[1, 2]", "bad:1: not an Open Trivia DB response"),
        ('{"response_code": 0, "results": []}', "bad:1: 'results' must be a non-empty list"),
        (response(entry(), {"type": "multiple"}), "bad:15: missing 'difficulty', 'category'"),
        (response(entry(incorrect_answers="That")), "bad:4: 'incorrect_answers' must be a list"),
        (response(entry(type="matching")), "bad:1: unknown question type 'matching'"),
        (response(entry(type="boolean", correct_answer="Yes")), "bad:4: a boolean question's"),
        ("[" * 100_000, "bad:1: malformed JSON: nested too deeply"),
    ],
    ids=["syntax", "array", "empty", "missing", "not-list", "unknown-type", "not-bool", "deep"],
)
def test_malformed_responses(
    text: str, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert message in import_fails(capsys, tmp_path, "opentdb", text)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        (
            {"question": "Caf&eacute; &bogus; ?"},
            "text does not decode as HTML: unknown HTML entity",
        ),
        ({"question": "&#0; nothing"}, "'&#0;' is not a character"),
        ({"question": "Qm9%ZZ", "category": "A%20B"}, "does not decode as url3986: '%' at"),
        ({"question": "Caf%E9", "category": "A%20B"}, "does not decode as url3986"),
        ({"type": "bXVsdGlwbGU=", "question": "not base64!"}, "does not decode as base64"),
    ],
)
def test_text_that_does_not_decode(
    fields: dict[str, str], message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert message in import_fails(capsys, tmp_path, "opentdb", response(entry(**fields)))


def test_questions_the_pack_rules_refuse_are_skipped_with_their_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "api.json"
    repeat = entry(correct_answer="Same", incorrect_answers=["same", "Other"])
    source.write_text(response(entry(), repeat, entry(difficulty="extreme")))
    pack, out = import_file(capsys, tmp_path, "opentdb", source)
    assert len(pack.questions) == 2
    assert f"{source}:15: skipped: 'same' in 'wrong' repeats the answer" in out
    assert f"{source}:26: warning: unknown difficulty 'extreme'; using medium" in out
    assert "Imported 2 questions, skipped 1" in out


def test_control_characters_hidden_in_base64_are_skipped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import base64

    def b64(text: str) -> str:
        return base64.b64encode(text.encode()).decode()

    good = {
        key: b64(value) if isinstance(value, str) else [b64(v) for v in value]  # type: ignore[union-attr]
        for key, value in entry().items()
    }
    bad = good | {"question": b64("Clear \x1b[2J screen?")}
    source = tmp_path / "api.json"
    source.write_text(response(good, bad))
    pack, out = import_file(capsys, tmp_path, "opentdb", source)
    assert len(pack.questions) == 1
    assert "skipped: control character U+001B is not allowed" in out
