"""How hard a generated question is, when the sheet does not say.

The rule, as points (0 or less is easy, 1 medium, 2 or more hard):

- the question type: a true/false statement or a yes/no choice 0, a choice 1, a number or
  typed answer 2 (recalling beats recognising);
- the article repeats the answer: -1 when the quotes of 2 or more other facts name it (a
  name the article keeps coming back to is remembered);
- the round names it: -1 when a prompt of another group of questions of the sheet names the
  answer (the player has seen it among the questions);
- close distractors: +1 for a choice whose nearest wrong answer is within 10% of a number
  answer, or within 31 days of a date answer (a guess by scale no longer works).

A sheet's own ``difficulty`` (on the fact, else on its relation) always wins.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from quiz.core.model import Difficulty, Question, QuestionType
from quiz.core.values import CalendarDate, Mentions, date_order, parse_date

REPEATED = 2  # other facts whose quotes name the answer
CLOSE_SHARE = Decimal("0.1")
CLOSE_DAYS = 31
_YES_NO = {"yes", "no"}


@dataclass(frozen=True, slots=True)
class Clues:
    """What the rest of the sheet tells a player about one question's answer."""

    other_quotes: int  # facts besides the question's own whose quotes name the answer
    named_in_prompts: bool  # a prompt of another group names it


def points(question: Question, clues: Clues) -> int:
    if question.type is QuestionType.TRUEFALSE:
        score = 0
    elif question.type is QuestionType.CHOICE:
        yes_no = {question.answer.lower(), *(w.lower() for w in question.wrong)} == _YES_NO
        score = 0 if yes_no else 1 + _close(question)
    else:
        score = 2
    if question.type is not QuestionType.TRUEFALSE:
        score -= clues.other_quotes >= REPEATED
        score -= clues.named_in_prompts
    return score


def estimate(question: Question, clues: Clues) -> Difficulty:
    score = points(question, clues)
    if score <= 0:
        return Difficulty.EASY
    return Difficulty.MEDIUM if score == 1 else Difficulty.HARD


def _close(question: Question) -> int:
    number = _number(question.answer)
    if number is not None:
        wrong = [w for w in (_number(text) for text in question.wrong) if w is not None]
        scale = max(abs(number), Decimal(1))
        return int(bool(wrong) and min(abs(w - number) for w in wrong) <= scale * CLOSE_SHARE)
    date = parse_date(question.answer)
    if date is None or date.day is None:
        return 0
    days = [_days_apart(date, text) for text in question.wrong]
    near = [d for d in days if d is not None]
    return int(bool(near) and min(near) <= CLOSE_DAYS)


def _days_apart(date: CalendarDate, text: str) -> int | None:
    other = parse_date(text)
    if other is None or other.day is None:
        return None
    first, second = date_order(date), date_order(other)
    # Close enough for "within a month": months of 31 days, years of 372.
    return abs((first[0] - second[0]) * 372 + (first[1] - second[1]) * 31 + first[2] - second[2])


def _number(text: str) -> Decimal | None:
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation:
        return None


class ClueIndex:
    """Which facts' quotes and which groups' prompts name an answer, looked up once per
    answer: the same names come back in many questions."""

    def __init__(self, fact_quotes: dict[int, Mentions], group_prompts: dict[str, Mentions]):
        self._facts = fact_quotes
        self._groups = group_prompts
        self._found: dict[str, tuple[set[int], set[str]]] = {}

    def clues(self, answer: str, fact: int, group: str) -> Clues:
        """The clues for ``answer`` in a question about ``fact`` (its key in the quotes
        given) of ``group``: its own fact and group tell nothing new."""
        if answer not in self._found:
            facts = {key for key, quotes in self._facts.items() if answer in quotes}
            groups = {key for key, prompts in self._groups.items() if answer in prompts}
            self._found[answer] = (facts, groups)
        facts, groups = self._found[answer]
        return Clues(len(facts - {fact}), bool(groups - {group}))
