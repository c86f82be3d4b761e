"""Open Trivia DB API responses, in each of the API's text encodings, detected unasked.

A response is ``{"response_code": 0, "results": [{type, difficulty, category, question,
correct_answer, incorrect_answers}]}``. The API can encode text as HTML entities (the
default), ``url3986`` (``%20``), ``urlLegacy`` (``+`` for a space) or ``base64``.
"""

from __future__ import annotations

import base64
import binascii
import html
import json
import re
from collections.abc import Callable
from typing import Any
from urllib.parse import unquote, unquote_plus

from quiz.core.model import Difficulty, Pack, Question, QuestionType
from quiz.interchange.htmltext import decode_entities
from quiz.interchange.result import Collector, Exported, Imported

# https://opentdb.com/api_config.php
RESPONSE_CODES = {
    1: "No Results: the API has fewer questions than the query asked for",
    2: "Invalid Parameter: the query's arguments are not valid",
    3: "Token Not Found: the session token does not exist",
    4: "Token Empty: the session token has returned every question; reset it",
    5: "Rate Limit: too many requests; wait 5 seconds between them",
}
TYPES = {"multiple": QuestionType.CHOICE, "boolean": QuestionType.TRUEFALSE}
TEXT_FIELDS = ("type", "difficulty", "category", "question", "correct_answer")

# Characters that URL encoding leaves as they are; any other character means HTML.
_URL_SAFE = re.compile(r"[A-Za-z0-9._~%+-]*")
_BAD_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
_JSON_SPACE = re.compile(r"[ \t\n\r]*")


def read(text: str, path: str) -> Imported:
    found = Collector(path)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        found.error(error.lineno, f"malformed JSON: {error.msg}", error.colno)
        return found.finish()
    except RecursionError:
        found.error(1, "malformed JSON: nested too deeply")
        return found.finish()
    results = _results(data, found)
    if results:
        _take(results, _result_lines(text), found)
    return found.finish()


def _results(data: Any, found: Collector) -> list[Any]:
    if not isinstance(data, dict) or "results" not in data:
        found.error(1, "not an Open Trivia DB response: expected an object with 'results'")
        return []
    code = data.get("response_code", 0)
    if type(code) is not int:  # a list or an object cannot be looked up, nor is it a code
        found.error(1, "'response_code' must be a whole number")
        return []
    if code != 0:
        meaning = RESPONSE_CODES.get(code, "a code the API does not document")
        found.error(1, f"the API answered response_code {code}: {meaning}")
        return []
    results = data["results"]
    if not isinstance(results, list) or not results:
        found.error(1, "'results' must be a non-empty list of questions")
        return []
    return results


def _take(results: list[Any], lines: list[int], found: Collector) -> None:
    fields = [_fields(result, lines[index], found) for index, result in enumerate(results)]
    complete = [entry for entry in fields if entry is not None]
    if len(complete) < len(fields):
        return
    encoding = _detect(complete, found)
    if encoding is None:
        return
    name, decode = encoding
    for line, entry in zip(lines, complete, strict=True):
        try:
            decoded = {key: decode(value) for key, value in entry.items() if key != "wrong"}
            wrong = [decode(value) for value in entry["wrong"]]
        except ValueError as error:
            found.error(line, f"text does not decode as {name}: {error}")
            continue
        _add(decoded, wrong, line, found)


def _fields(result: Any, line: int, found: Collector) -> dict[str, Any] | None:
    if not isinstance(result, dict):
        found.error(line, "each entry of 'results' must be an object")
        return None
    missing = [key for key in (*TEXT_FIELDS, "incorrect_answers") if key not in result]
    if missing:
        found.error(line, f"missing {', '.join(repr(key) for key in missing)}")
        return None
    entry = {key: result[key] for key in TEXT_FIELDS}
    entry["wrong"] = result["incorrect_answers"]
    texts = [*(entry[key] for key in TEXT_FIELDS), *_as_list(entry["wrong"])]
    if not isinstance(entry["wrong"], list) or not all(isinstance(t, str) for t in texts):
        found.error(line, "'incorrect_answers' must be a list of text, and the other fields text")
        return None
    return entry


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _detect(
    entries: list[dict[str, Any]], found: Collector
) -> tuple[str, Callable[[str], str]] | None:
    """The encoding every entry is in: the API names none, so it is read from the text."""
    types = {entry["type"] for entry in entries}
    if not types <= TYPES.keys():
        if all(_base64_or_none(kind) in TYPES for kind in types):
            return "base64", _from_base64
        shown = ", ".join(sorted(repr(kind) for kind in types - TYPES.keys()))
        found.error(1, f"unknown question type {shown} in every encoding the API uses")
        return None
    texts = [text for entry in entries for text in (*entry.values(), *entry["wrong"])]
    texts = [text for text in texts if isinstance(text, str)]
    if any(not _URL_SAFE.fullmatch(text) for text in texts):
        return "HTML", decode_entities
    if any("+" in text for text in texts):
        return "urlLegacy", _from_url(unquote_plus)
    if any("%" in text for text in texts):
        return "url3986", _from_url(unquote)
    return "HTML", decode_entities  # the text reads the same in every encoding


def _base64_or_none(text: str) -> str | None:
    try:
        return _from_base64(text)
    except ValueError:
        return None


def _from_base64(text: str) -> str:
    try:
        return base64.b64decode(text, validate=True).decode("utf-8")
    except binascii.Error:
        raise ValueError(f"'{text}' is not base64") from None


def _from_url(unquote_text: Callable[..., str]) -> Callable[[str], str]:
    def decode(text: str) -> str:
        bad = _BAD_PERCENT.search(text)
        if bad:
            raise ValueError(f"'%' at position {bad.start() + 1} of '{text}' starts no escape")
        result: str = unquote_text(text, errors="strict")
        return result

    return decode


def _add(fields: dict[str, str], wrong: list[str], line: int, found: Collector) -> None:
    kind = TYPES[fields["type"]]  # _detect has checked every type
    difficulty = Difficulty.MEDIUM
    try:
        difficulty = Difficulty(fields["difficulty"].lower())
    except ValueError:
        found.warn(line, f"unknown difficulty '{fields['difficulty']}'; using medium")
    answer = fields["correct_answer"]
    if kind is QuestionType.TRUEFALSE:
        if answer.lower() not in ("true", "false"):
            found.error(line, f"a boolean question's correct_answer is True or False, not {answer}")
            return
        answer, wrong = answer.lower(), []
    category = fields["category"].strip()
    question = Question(
        id="",
        type=kind,
        prompt=fields["question"],
        answer=answer,
        wrong=tuple(wrong),
        difficulty=difficulty,
        tags=(category,) if category else (),
    )
    found.add(line, question)


def _result_lines(text: str) -> list[int]:
    """The line on which each entry of the top-level 'results' list starts.

    ``text`` is valid JSON. The json module keeps no positions, so the top-level
    object is walked one value at a time with ``raw_decode``.
    """
    decoder = json.JSONDecoder()
    lines: list[int] = []

    def skip_space(index: int) -> int:
        match = _JSON_SPACE.match(text, index)
        return match.end() if match else index

    index = skip_space(0)
    if text[index] != "{":
        return lines
    index = skip_space(index + 1)
    while text[index] != "}":
        key, index = decoder.raw_decode(text, index)
        index = skip_space(skip_space(index) + 1)  # past the ':'
        if key == "results" and text[index] == "[":
            lines = []
            index = skip_space(index + 1)
            while text[index] != "]":
                lines.append(text.count("\n", 0, index) + 1)
                _, index = decoder.raw_decode(text, index)
                index = skip_space(index)
                index = skip_space(index + 1) if text[index] == "," else index
            index += 1
        else:
            _, index = decoder.raw_decode(text, index)
        index = skip_space(index)
        index = skip_space(index + 1) if text[index] == "," else index
    return lines


def write(pack: Pack) -> Exported:
    """An API response in the default HTML encoding: choice and true/false questions."""
    results: list[dict[str, Any]] = []
    lost: list[tuple[str, str]] = []
    for question in pack.questions:
        if question.type is QuestionType.CHOICE:
            correct, incorrect = question.answer, list(question.wrong)
        elif question.type is QuestionType.TRUEFALSE:
            correct, incorrect = ("True", ["False"]) if question.truth else ("False", ["True"])
        else:
            lost.append((question.id, f"Open Trivia DB has no {question.type} questions"))
            continue
        results.append(
            {
                "type": "multiple" if question.type is QuestionType.CHOICE else "boolean",
                "difficulty": str(question.difficulty),
                "category": _escape(question.tags[0] if question.tags else ""),
                "question": _escape(question.prompt),
                "correct_answer": _escape(correct),
                "incorrect_answers": [_escape(text) for text in incorrect],
            }
        )
    response = {"response_code": 0, "results": results}
    text = json.dumps(response, indent=2, ensure_ascii=False) + "\n"
    return Exported(text, len(results), tuple(lost))


def _escape(text: str) -> str:
    # '+' and '%' as entities too, so that no exported text can pass for URL encoding.
    return html.escape(text).replace("+", "&#43;").replace("%", "&#37;")
