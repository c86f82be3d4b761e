"""What the player typed, read against a question: choice keys, numbers, free text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from quiz.core.model import Question, QuestionType
from quiz.core.text import normalize_answer, parse_number, typed_answer_key
from quiz.core.values import parse_date

NUMBER_KEYS = "123456"
LETTER_KEYS = "abcdef"
TRUE_FALSE_CHOICES = ("True", "False")
_TRUE_WORDS = ("t", "true")
_FALSE_WORDS = ("f", "false")

# "1,000", "1 000" and "12,345.5": digits grouped by thousands, the way people write them.
_GROUPED = re.compile(r"[+-]?\d{1,3}(?:[, ]\d{3})+(?:\.\d*)?")


# A typed answer this near an accepted one is right ("close enough"): counted in letters of
# the accepted answer as typed_answer_key reads it, one edit from 5 letters, two from 10.
ONE_EDIT_FROM = 5
TWO_EDITS_FROM = 10
_DIGITS = re.compile(r"\d+")


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


@dataclass(frozen=True, slots=True)
class Judgement:
    shown: str  # the player's answer as it will be shown
    correct: bool
    # The accepted answer a typed one was forgiven as a typo of; empty when exact or wrong.
    close_to: str = ""


def judge(
    question: Question, choices: tuple[str, ...], answer_index: int, response: str | int
) -> tuple[str, bool]:
    """The player's answer as it will be shown, and whether it is right (a forgiven typo
    is right: see judgement for which).

    ``response`` is a choice index (choice and true-false questions) or typed text.
    Raises InvalidAnswer for input that answers nothing, such as a letter for a number.
    """
    verdict = judgement(question, choices, answer_index, response)
    return verdict.shown, verdict.correct


def judgement(
    question: Question, choices: tuple[str, ...], answer_index: int, response: str | int
) -> Judgement:
    """As judge, and also which accepted answer a typed near miss was taken for (close_to)."""
    if choices:
        index = response if isinstance(response, int) else choice_index(response, question, choices)
        if index is None or not 0 <= index < len(choices):
            raise InvalidAnswer(choice_hint(question, choices))
        return Judgement(choices[index], index == answer_index)
    if isinstance(response, int):
        raise InvalidAnswer("this question has no choices: type the answer")
    given = response.strip()
    if question.type is QuestionType.NUMBER:
        value = read_number(given)
        if value is None:
            raise InvalidAnswer("type a number in digits, such as 42 or 3.5")
        return Judgement(given, abs(value - question.number_answer) <= question.tolerance)
    if not given:
        raise InvalidAnswer("type an answer")
    key = typed_answer_key(given)
    if key in {typed_answer_key(text) for text in (question.answer, *question.accept)}:
        return Judgement(given, True)
    close_to = near_miss(question, key)
    return Judgement(given, bool(close_to), close_to)


def edits_forgiven(key: str) -> int:
    """How many edits (a letter added, left out or changed) a typed answer may be from the
    accepted answer ``key`` (a typed_answer_key) and still be right: none for short ones."""
    letters = sum(char.isalpha() for char in key)
    return 2 if letters >= TWO_EDITS_FROM else 1 if letters >= ONE_EDIT_FROM else 0


def near_miss(question: Question, typed_key: str) -> str:
    """The accepted answer (the question's answer or one of its accept) that ``typed_key``
    (a typed_answer_key) misses only by a typo, or "" if none does.

    Never for dates (any accepted answer that parse_date reads), for an answer with other
    numbers in it than those typed ("Apollo 13" for "Apollo 11"), for short answers, nor
    when a wrong answer the question offers is as near to what was typed or nearer.
    """
    accepted = (question.answer, *question.accept)
    if question.type is not QuestionType.TEXT or any(parse_date(text) for text in accepted):
        return ""
    # Imported only now: the first typed answer that is not exactly right needs it.
    from rapidfuzz.distance import Levenshtein

    typed_digits = _DIGITS.findall(typed_key)
    nearest: tuple[int, str] | None = None
    for text in accepted:
        key = typed_answer_key(text)
        allowed = edits_forgiven(key)
        if not allowed or _DIGITS.findall(key) != typed_digits:
            continue
        distance = Levenshtein.distance(typed_key, key, score_cutoff=allowed)
        if distance <= allowed and (nearest is None or distance < nearest[0]):
            nearest = (distance, text)
    if nearest is None:
        return ""
    distance, text = nearest
    wrong_keys = (typed_answer_key(wrong) for wrong in question.wrong)
    as_near = (Levenshtein.distance(typed_key, key, score_cutoff=distance) for key in wrong_keys)
    return "" if any(edits <= distance for edits in as_near) else text


def right_answer_text(question: Question) -> str:
    """The right answer as the player should read it."""
    if question.type is QuestionType.TRUEFALSE:
        return TRUE_FALSE_CHOICES[0] if question.truth else TRUE_FALSE_CHOICES[1]
    if question.type is QuestionType.NUMBER and question.tolerance:
        return f"{question.answer.strip()} (give or take {question.tolerance})"
    return question.answer
