"""The draw: which questions a round asks, in which order, with which choice orders."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from quiz.core.model import Mode, Pack, Question, QuestionType
from quiz.core.values import CalendarDate, date_order, parse_date
from quiz.session.answers import TRUE_FALSE_CHOICES, read_number
from quiz.session.giveaways import Shown, given_away, shown_texts
from quiz.session.settings import RoundSettings

_T = TypeVar("_T")


@dataclass(frozen=True, slots=True)
class QuestionView:
    """A question as this round asks it: its place, its shuffled choices, its time limit."""

    number: int  # 1-based
    question: Question
    source: str
    choices: tuple[str, ...]  # empty for number and text questions
    answer_index: int  # index of the right choice; -1 without choices
    seconds: float | None  # None: untimed

    @property
    def prompt(self) -> str:
        return self.question.prompt

    @property
    def type(self) -> QuestionType:
        return self.question.type


def draw_questions(settings: RoundSettings) -> tuple[QuestionView, ...]:
    """The round's questions and choice orders; the same settings always draw the same."""
    rng = random.Random(settings.seed)
    pool = [
        (pack, question)
        for pack in settings.unique_packs()
        for question in pack.questions
        if settings.spoilers or not question.spoiler
    ]
    count = len(pool) if settings.mode is Mode.SUDDEN_DEATH else min(settings.questions, len(pool))
    views = []
    for number, (pack, question) in enumerate(_draw(rng, pool, count), start=1):
        choices: tuple[str, ...] = ()
        answer_index = -1
        if question.type is QuestionType.CHOICE:
            # Shuffled even where then sorted, so that the seed draws the rest as before.
            shuffled = rng.sample([question.answer, *question.wrong], len(question.wrong) + 1)
            choices = ordered_choices(shuffled)
            answer_index = choices.index(question.answer)
        elif question.type is QuestionType.TRUEFALSE:
            choices = TRUE_FALSE_CHOICES
            answer_index = 0 if question.truth else 1
        limit = question.time if question.time is not None else pack.time
        seconds = float(limit) if limit is not None else settings.seconds
        views.append(
            QuestionView(
                number=number,
                question=question,
                source=pack.source,
                choices=choices,
                answer_index=answer_index,
                seconds=None if settings.mode is Mode.PRACTICE else seconds,
            )
        )
    return tuple(views)


def ordered_choices(choices: list[str]) -> tuple[str, ...]:
    """Choices that are all numbers, or all dates, in order (a player looks for 600 between
    500 and 700); any others as they are."""
    numbers = _all_read(choices, read_number)
    if numbers is not None:
        return tuple(choice for _, choice in sorted(zip(numbers, choices, strict=True), key=_first))
    dates = _all_read(choices, _read_date)
    if dates is not None:
        with_years = all(date.year is not None for date in dates)
        keys = [date_order(date, with_years) for date in dates]
        return tuple(choice for _, choice in sorted(zip(keys, choices, strict=True), key=_first))
    return tuple(choices)


def _all_read(texts: list[str], read: Callable[[str], _T | None]) -> list[_T] | None:
    """Each text read, or None as soon as one does not read (most choices are names)."""
    values = []
    for text in texts:
        value = read(text)
        if value is None:
            return None
        values.append(value)
    return values


def _read_date(text: str) -> CalendarDate | None:
    return parse_date(text) if any(char.isdigit() for char in text) else None


def _first(pair: tuple[_T, str]) -> _T:
    return pair[0]


Entry = tuple[Pack, Question]
# A sudden-death round of a large pool is drawn with give-aways avoided over its first
# questions only, so that it starts at once (the index of shown texts costs time per text).
CHECKED_LENGTH = 1000
# The longest round so far in which a question given away is placed earlier (see _place).
PLACE_EARLIER_WITHIN = 60


def _draw(rng: random.Random, pool: list[Entry], count: int) -> list[Entry]:
    """`count` of the pool in random order, none of them given away by what the round showed
    before it (quiz.session.giveaways), asking one question of a group (one thing asked
    several ways) before any other of it: those come last, when the round needs them."""
    if not any(question.group for _, question in pool):
        return _draw_without_groups(rng, pool, count)
    chosen: list[Entry] = []
    later: list[Entry] = []
    asked: set[tuple[str, str]] = set()
    shown = Shown()
    for pack, question in rng.sample(pool, len(pool)):
        if len(chosen) == count:
            return chosen
        group = (pack.id, question.group)  # a group is the pack's own
        if question.group and group in asked:
            later.append((pack, question))
        elif _place(chosen, (pack, question), shown):
            asked.add(group)
    return _fill(chosen, later, count, shown)


def _draw_without_groups(rng: random.Random, pool: list[Entry], count: int) -> list[Entry]:
    """As before groups and give-aways, so that old seeds replay the same up to the first
    give-away; from there the rest of the pool, in random order, fills in."""
    picked = rng.sample(range(len(pool)), count)
    shown = Shown()
    for at, index in enumerate(picked[:CHECKED_LENGTH]):
        question = pool[index][1]
        if shown.gives_away(question):
            taken = set(picked)
            rest = [index for index in range(len(pool)) if index not in taken]
            later = [pool[index] for index in (*picked[at:], *rng.sample(rest, len(rest)))]
            return _fill([pool[index] for index in picked[:at]], later, count, shown)
        shown.add(shown_texts(question))
    return [pool[index] for index in picked]


def _fill(chosen: list[Entry], candidates: list[Entry], count: int, shown: Shown) -> list[Entry]:
    """`chosen` and then the candidates, in order, that nothing shown before gives away."""
    for entry in candidates:
        if len(chosen) == count:
            break
        _place(chosen, entry, shown)
    return chosen


def _place(chosen: list[Entry], entry: Entry, shown: Shown) -> bool:
    """Ask the question last, or else before the first question that gives it away, if it
    gives none of those after it away in turn; False (it is dropped) if neither fits."""
    question = entry[1]
    if len(chosen) >= CHECKED_LENGTH:  # no player gets this far: no time spent on it
        chosen.append(entry)
        return True
    if not shown.gives_away(question):
        chosen.append(entry)
    elif not _place_earlier(chosen, entry):
        return False
    shown.add(shown_texts(question))  # the index is of what the round shows, in any order
    return True


def _place_earlier(chosen: list[Entry], entry: Entry) -> bool:
    """Deferred questions go before the one that gives them away, read plainly: so only
    while the round so far is short, as a round of ordinary length is."""
    if len(chosen) > PLACE_EARLIER_WITHIN:
        return False
    question = entry[1]
    at = next(
        (at for at, (_, seen) in enumerate(chosen) if given_away(question, shown_texts(seen))),
        None,
    )
    if at is None:  # pragma: no cover - the index and the plain reading agree
        return False
    texts = shown_texts(question)
    if any(given_away(later, texts) for _, later in chosen[at:]):
        return False
    chosen.insert(at, entry)
    return True
