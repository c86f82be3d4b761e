"""Questions a player would call unfair: the answer given away by the prompt or by its kind.

These are warnings, not errors: the pack still loads and plays.
"""

from __future__ import annotations

from dataclasses import dataclass

from quiz.core.model import Pack, Question, QuestionType
from quiz.core.text import normalize_answer, parse_number


@dataclass(frozen=True, slots=True)
class Unfair:
    question_id: str
    line: int
    message: str

    def warning_line(self, path: object) -> str:
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
