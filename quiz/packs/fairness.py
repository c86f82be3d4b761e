"""Questions a player would call unfair: the answer given away by the prompt (its own, or
another question's) or by its kind.

These are warnings, not errors: the pack still loads and plays.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from quiz.core.model import Pack, Question, QuestionType
from quiz.core.text import normalize_answer, parse_number


@dataclass(frozen=True, slots=True)
class Unfair:
    question_id: str
    line: int
    message: str
    # The prompt names another question's answer: a hint for the author, which the draw
    # takes care of by asking that question first or not at all.
    about_another: bool = False

    def warning_line(self, path: object) -> str:
        return f"{path}:{self.line}: warning: {self.message}"


def unfair_questions(pack: Pack) -> list[Unfair]:
    found = []
    others = _OtherAnswers(pack)
    for question in pack.questions:
        for message in (_odd_kind_out(question), answer_in_prompt(question)):
            if message:
                found.append(Unfair(question.id, question.line, message))
        # A true/false statement names a value by its nature; the draw keeps it from coming
        # before the question that asks for that value.
        other = others.in_prompt(question) if question.type is not QuestionType.TRUEFALSE else None
        if other:
            found.append(Unfair(question.id, question.line, other, about_another=True))
    return found


# Answers too common to warn about when a prompt uses them: "Which of these is not red?"
# gives nothing away, though "No" and "Red" answer other questions of the pack.
_COMMON = """a an and are as at be but by do for from had has have he her his how i if in is it its
    me my no not of on one or our she so that the their them then there they this to two up us
    was we were what when where which who why will with yes you your true false none all both
    neither red blue green black white other some more most many much"""
COMMON_WORDS = frozenset(_COMMON.split())
_WORD = re.compile(r"\w+")


class _OtherAnswers:
    """The pack's choice, typed and number answers, by their first uncommon word, so that each
    prompt is read once for all of them (a pack may have 50,000 questions)."""

    def __init__(self, pack: Pack) -> None:
        self._by_key_word: dict[str, list[tuple[str, Question]]] = {}
        for question in pack.questions:
            if question.type is QuestionType.TRUEFALSE:
                continue
            for text in dict.fromkeys((question.answer, *question.accept)):
                words = _WORD.findall(normalize_answer(text))
                if words and _worth_warning(text, words):
                    # Filed by its first uncommon word: a prompt naming the answer names
                    # that word too, and "the" would file half a big pack under one key.
                    key = next((word for word in words if word not in COMMON_WORDS), words[0])
                    self._by_key_word.setdefault(key, []).append((text, question))

    def in_prompt(self, question: Question) -> str | None:
        """Another question's answer that the prompt names (not one of its own group)."""
        prompt = normalize_answer(question.prompt)
        own = {normalize_answer(text) for text in (question.answer, *question.accept)}
        for word in dict.fromkeys(_WORD.findall(prompt)):
            for text, other in self._by_key_word.get(word, ()):
                if other is question or (question.group and other.group == question.group):
                    continue
                if normalize_answer(text) in own:  # its own answer: warned about already
                    continue
                if _contains(prompt, text):
                    return (
                        f"the prompt names '{text}', the answer of question '{other.id}': "
                        "a round asks that one first or not at all"
                    )
        return None


def _worth_warning(text: str, words: list[str]) -> bool:
    if _is_number(text):
        return True
    letters = sum(char.isalpha() for char in text)
    return letters >= 3 and not all(word in COMMON_WORDS for word in words)


def _is_number(text: str) -> bool:
    return parse_number(text.replace(",", "")) is not None


def _odd_kind_out(question: Question) -> str | None:
    """A number among names (or a name among numbers) is an answer a player can rule out."""
    if question.type is not QuestionType.CHOICE:
        return None
    answer_is_number = _is_number(question.answer)
    odd = [wrong for wrong in question.wrong if _is_number(wrong) != answer_is_number]
    if not odd:
        return None
    listed = ", ".join(f"'{text}'" for text in odd)
    one = len(odd) == 1
    if answer_is_number:
        verb = "is" if one else "are"
        return (
            f"the answer '{question.answer}' is a number but {listed} {verb} not: easy to rule out"
        )
    kind = "is a number" if one else "are numbers"
    return f"{listed} {kind} but the answer '{question.answer}' is not: easy to rule out"


def answer_in_prompt(question: Question) -> str | None:
    if question.type is QuestionType.TRUEFALSE:
        return None
    prompt = normalize_answer(question.prompt)
    answers = (question.answer, *question.accept)
    given_away = next((text for text in answers if _contains(prompt, text)), None)
    if given_away is None:
        return None
    if any(_contains(prompt, wrong) for wrong in question.wrong):
        return None  # "Paris or London?" names a wrong answer too: no give-away
    return f"the prompt contains the answer '{given_away}'"


def _contains(normal_prompt: str, text: str) -> bool:
    """Whether ``text`` stands in the prompt as whole words: "6" is not in "1966"."""
    words = normalize_answer(text)
    start = normal_prompt.find(words) if words else -1
    while start >= 0:
        end = start + len(words)
        if not _word_char(normal_prompt[start - 1 : start]) and not _word_char(
            normal_prompt[end : end + 1]
        ):
            return True
        start = normal_prompt.find(words, start + 1)
    return False


def _word_char(char: str) -> bool:
    return char.isalnum() or char == "_"
