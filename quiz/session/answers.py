"""What the player typed, read against a question: choice keys, numbers, free text."""

from __future__ import annotations

import re
from decimal import Decimal

from quiz.core.model import Question, QuestionType
from quiz.core.text import normalize_answer, parse_number, typed_answer_key

NUMBER_KEYS = "123456"
LETTER_KEYS = "abcdef"
TRUE_FALSE_CHOICES = ("True", "False")
_TRUE_WORDS = ("t", "true")
_FALSE_WORDS = ("f", "false")

# "1,000", "1 000" and "12,345.5": digits grouped by thousands, the way people write them.
_GROUPED = re.compile(r"[+-]?\d{1,3}(?:[, ]\d{3})+(?:\.\d*)?")


class InvalidAnswer(ValueError):
    """The input is not an answer to this question at all; the question stays open."""


def read_number(text: str) -> Decimal | None:
    """A number as a player types it: spaces around it and thousands separators allowed."""
    text = text.strip().replace("\u2212", "-")  # the typographic minus sign
    if _GROUPED.fullmatch(text):
        text = text.replace(",", "").replace(" ", "")
    return parse_number(text)


def lettered(choices: tuple[str, ...]) -> bool:
    """Whether letters alone pick the choices: where one reads as a number, so that a player
    who knows the answer is 6 never picks the sixth choice, or 6 the second."""
    return any(read_number(choice) is not None for choice in choices)


def choice_keys(choices: tuple[str, ...]) -> str:
    """The key shown beside each choice: 1-6, or a-f where the choices are lettered."""
    return (LETTER_KEYS if lettered(choices) else NUMBER_KEYS)[: len(choices)]


def choice_index(text: str, question: Question, choices: tuple[str, ...]) -> int | None:
    """The choice picked by a key (1-6 unless a choice is a number, a-f, t/f for
    true-false) or by its own text."""
    key = normalize_answer(text)
    keys = choice_keys(choices)
    if len(key) == 1 and key in keys:
        return keys.index(key)
    if len(key) == 1 and key in LETTER_KEYS[: len(choices)]:
        return LETTER_KEYS.index(key)
    if question.type is QuestionType.TRUEFALSE:
        if key in _TRUE_WORDS:
            return 0
        if key in _FALSE_WORDS:
            return 1
    normal_choices = [normalize_answer(choice) for choice in choices]
    return normal_choices.index(key) if key in normal_choices else None


def keys_to_choose(question: Question, choices: tuple[str, ...]) -> str:
    """The keys that pick a choice, as hints name them: "1-4 or a-d" (and ", or t / f" for
    true or false), or "a-d" where the choices are lettered."""
    letters = f"a-{LETTER_KEYS[len(choices) - 1]}"
    keys = letters if lettered(choices) else f"1-{len(choices)} or {letters}"
    if question.type is QuestionType.TRUEFALSE:
        keys += ", or t / f"
    return keys


def choice_hint(question: Question, choices: tuple[str, ...]) -> str:
    """How to pick a choice, for the message that follows an unusable key."""
    return f"choose {keys_to_choose(question, choices)}"


def judge(
    question: Question, choices: tuple[str, ...], answer_index: int, response: str | int
) -> tuple[str, bool]:
    """The player's answer as it will be shown, and whether it is right.

    ``response`` is a choice index (choice and true-false questions) or typed text.
    Raises InvalidAnswer for input that answers nothing, such as a letter for a number.
    """
    if choices:
        index = response if isinstance(response, int) else choice_index(response, question, choices)
        if index is None or not 0 <= index < len(choices):
            raise InvalidAnswer(choice_hint(question, choices))
        return choices[index], index == answer_index
    if isinstance(response, int):
        raise InvalidAnswer("this question has no choices: type the answer")
    given = response.strip()
    if question.type is QuestionType.NUMBER:
        value = read_number(given)
        if value is None:
            raise InvalidAnswer("type a number in digits, such as 42 or 3.5")
        return given, abs(value - question.number_answer) <= question.tolerance
    if not given:
        raise InvalidAnswer("type an answer")
    accepted = {typed_answer_key(text) for text in (question.answer, *question.accept)}
    return given, typed_answer_key(given) in accepted


def right_answer_text(question: Question) -> str:
    """The right answer as the player should read it."""
    if question.type is QuestionType.TRUEFALSE:
        return TRUE_FALSE_CHOICES[0] if question.truth else TRUE_FALSE_CHOICES[1]
    if question.type is QuestionType.NUMBER and question.tolerance:
        return f"{question.answer.strip()} (give or take {question.tolerance})"
    return question.answer
