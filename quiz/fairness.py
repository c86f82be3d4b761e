"""Questions a player would call unfair: the answer given away by the prompt or by its kind.

These are warnings, not errors: the pack still loads and plays.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from quiz.model import Pack, Question, QuestionType
from quiz.packs import parse_number
from quiz.text import normalize_answer


@dataclass(frozen=True, slots=True)
class Unfair:
    question_id: str
    line: int
    message: str

    def describe(self, path: object) -> str:
        return f"{path}:{self.line}: warning: {self.message}"


def unfair_questions(pack: Pack) -> list[Unfair]:
    found = []
    for question in pack.questions:
        for message in (_odd_kind_out(question), _answer_in_prompt(question)):
            if message:
                found.append(Unfair(question.id, question.line, message))
    return found


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


def _answer_in_prompt(question: Question) -> str | None:
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
    words = normalize_answer(text)
    return bool(words) and re.search(rf"(?<!\w){re.escape(words)}(?!\w)", normal_prompt) is not None
