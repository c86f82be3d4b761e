"""Wrong answers: other entities of the same type, role and attributes, and dates and numbers
a player can reason about.

Dates and numbers form a ladder of equal steps with the answer on a rung drawn uniformly
among the rungs the fact's bounds leave open, so neither the spacing nor the answer's rank
among the choices gives the answer away. Numbers step in proportion to the value and its
rounding, always by more than the tolerance a number question of the fact would accept.
"""

from __future__ import annotations

import datetime
import random
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from typing import TypeVar

from quiz.core.text import typed_answer_key
from quiz.core.values import CalendarDate, date_order
from quiz.facts.model import Entity, EntityRef, Fact, FactSheet, Relation

MAX_WRONG = 3
MIN_WRONG = 2  # fewer makes a coin toss: such facts get a true/false or typed question instead
LADDER_RUNGS = MAX_WRONG + 1
NICE = (1, 2, 5)
# (unit, amount): every wrong date of one question moves by the same unit. No 1- or 2-day
# steps: telling May 7 from May 8 is not trivia.
WEEKS = ("days", 7)
MONTHS = ("months", 1)
YEARS = ("years", 1)
DATE_STEPS = (WEEKS, MONTHS, YEARS)
# Offered instead of a ladder: the other dates the article gives.
ARTICLE = ("article", 0)

Number = int | Decimal
DateStep = tuple[str, int]
T = TypeVar("T")


class EntityIndex:
    """A sheet's entities by type, with their names as players type them, computed once."""

    def __init__(self, sheet: FactSheet) -> None:
        self.sheet = sheet
        self.by_type: dict[str, list[tuple[Entity, str]]] = {}
        self.typed_name: dict[str, str] = {}
        for entity in sheet.entities.values():
            typed = typed_answer_key(entity.name)
            self.typed_name[entity.key] = typed
            self.by_type.setdefault(entity.type, []).append((entity, typed))
        # Each relation's entity values, in the order of the facts, each once.
        self.values: dict[str, dict[str, None]] = {}
        for fact in sheet.facts:
            if isinstance(fact.value, EntityRef):
                self.values.setdefault(fact.relation, {})[fact.value.key] = None
        self._pools: dict[str, list[tuple[Entity, str]]] = {}

    def pool(self, relation: Relation) -> list[tuple[Entity, str]]:
        """The entities a wrong value of ``relation`` may be: with 'distractors-from', the
        values of the relations it names and its own; else every entity of the value's type."""
        if not relation.distractors_from:
            return self.by_type.get(relation.value_type, [])
        if relation.key not in self._pools:
            keys: dict[str, None] = {}
            for source in (relation.key, *relation.distractors_from):
                keys.update(self.values.get(source, {}))
            entities = self.sheet.entities
            self._pools[relation.key] = [(entities[key], self.typed_name[key]) for key in keys]
        return self._pools[relation.key]

    def pick(
        self,
        fact: Fact,
        candidates: list[tuple[Entity, str]],
        true_keys: set[str],
        rng: random.Random,
        like: Entity | None = None,
        match: tuple[str, ...] = (),
    ) -> list[Entity]:
        """Up to MAX_WRONG of ``candidates``, drawn uniformly from those that are wrong: never
        a true value, never the entity the question is about, no two that read the same (nor
        as a true value), and each with ``like``'s value of every attribute in ``match``."""
        excluded = {key for key in (*true_keys, fact.subject) if key in self.typed_name}
        if isinstance(fact.value, EntityRef):
            excluded.add(fact.value.key)
        seen_names = {self.typed_name[key] for key in excluded}
        # Draw until enough are found: a few draws, even among thousands of entities. No
        # candidate is examined twice, so the loop also ends when too few fit.
        tried: set[int] = set()
        picked: list[Entity] = []
        while len(picked) < MAX_WRONG and len(tried) < len(candidates):
            index = rng.randrange(len(candidates))
            if index in tried:
                continue
            tried.add(index)
            entity, typed = candidates[index]
            if (
                entity.key not in excluded
                and typed not in seen_names
                and shares_attributes(entity, like, match)
            ):
                seen_names.add(typed)
                picked.append(entity)
        return picked


def shares_attributes(entity: Entity, like: Entity | None, match: tuple[str, ...]) -> bool:
    """Whether ``entity`` has ``like``'s value of each attribute named; an entity lacking
    one (either of them) never matches."""
    if not match:
        return True
    if like is None:
        return False
    for name in match:
        wanted = like.attribute(name)
        if wanted is None or entity.attribute(name) != wanted:
            return False
    return True


# ------------------------------------------------------------------------------ numbers


def _unit(value: Number) -> Decimal:
    """One unit of the value's last written decimal place (1 for a whole number)."""
    if isinstance(value, int):
        return Decimal(1)
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)  # no NaN or infinity is a fact's value
    return Decimal(1).scaleb(min(exponent, 0))


def _rounding(value: Number) -> Decimal:
    """The place value of the value's last non-zero digit: 600 -> 100, 38.5 -> 0.1."""
    number = Decimal(value)
    if number == 0:
        return _unit(value)
    exponent = number.normalize().as_tuple().exponent
    assert isinstance(exponent, int)
    return Decimal(1).scaleb(exponent)


def number_steps(value: Number, tolerance: Decimal) -> list[Decimal]:
    """The nice steps (1, 2 or 5 times a power of ten) a ladder around ``value`` may take:
    in [max(u/2 if u >= 10 else one unit, |v|/20), max(u, |v|/4)], u the value's rounding,
    and each strictly greater than ``tolerance``, so no wrong answer is right by it."""
    rounding, size = _rounding(value), abs(Decimal(value))
    low = max(rounding / 2 if rounding >= 10 else _unit(value), size / 20)
    high = max(rounding, size / 4)
    steps = []
    power = _unit(value)
    while power <= high:
        steps += [power * nice for nice in NICE if low <= power * nice <= high]
        power *= 10
    return [step for step in steps if step > tolerance]


def _moved(value: Number, step: Decimal, times: int) -> Number:
    if isinstance(value, int):
        return value + int(step) * times
    return (value + step * times).quantize(_unit(value))


def number_ladder(
    value: Number, tolerance: Decimal, admits: Callable[[Number], bool], rng: random.Random
) -> list[Number] | None:
    """Evenly spaced numbers with ``value`` on a rung drawn uniformly among those whose
    ladder ``admits`` takes whole; three rungs when four fit nowhere; None when not even
    three do."""
    steps = number_steps(value, tolerance)
    for rungs in (LADDER_RUNGS, MIN_WRONG + 1):
        fits = {
            step: [
                rung
                for rung in range(rungs)
                if all(admits(_moved(value, step, index - rung)) for index in range(rungs))
            ]
            for step in steps
        }
        open_steps = [step for step in steps if fits[step]]
        if open_steps:
            step = rng.choice(open_steps)
            rung = _draw(fits[step], rng)
            return [_moved(value, step, index - rung) for index in range(rungs)]
    return None


def lone_wrong_number(
    value: Number, tolerance: Decimal, admits: Callable[[Number], bool]
) -> Number | None:
    """One wrong number for a false statement where no ladder fits: the nearest a step away
    that the bounds admit, beyond the tolerance."""
    steps = number_steps(value, tolerance)
    if not steps:  # the tolerance is wider than any step in proportion: one step beyond it
        unit = _unit(value)
        steps = [(tolerance // unit + 1) * unit]
    for step in steps:
        for times in (1, -1):
            moved = _moved(value, step, times)
            if admits(moved):
                return moved
    return None


# -------------------------------------------------------------------------------- dates


def date_steps(date: CalendarDate) -> tuple[DateStep, ...]:
    """The steps a date of this precision may take: weeks only for days, years only with
    a year."""
    if date.day is None:
        return (MONTHS, YEARS) if date.month is not None else (YEARS,)
    return DATE_STEPS if date.year is not None else (WEEKS, MONTHS)


def date_ladder(
    date: CalendarDate,
    admits: Callable[[CalendarDate], bool],
    rng: random.Random,
    article_dates: Iterable[CalendarDate] = (),
) -> list[CalendarDate] | None:
    """A ladder of weeks, months or years with ``date`` on a rung drawn uniformly among
    those the bounds leave open, or other dates the article gives (of the date's precision,
    admitted by the bounds); the way is drawn among those that fit. None when none does."""
    options: dict[DateStep, list[int]] = {}
    rungs = LADDER_RUNGS
    for rungs in (LADDER_RUNGS, MIN_WRONG + 1):
        for step in date_steps(date):
            fitting = [rung for rung in range(rungs) if _ladder(date, step, rung, rungs, admits)]
            if fitting:
                options[step] = fitting
        if options:
            break
    # A year-less answer reads the article's dates year-less too: "May 8", not "1999".
    seen = (
        (CalendarDate(None, d.month, d.day) if date.year is None and d.day is not None else d)
        for d in article_dates
    )
    others = sorted(
        {
            other
            for other in seen
            if precision(other) == precision(date)
            and (other.year is None) == (date.year is None)
            and other != date
            and admits(other)
        },
        key=date_order,
    )
    if len(others) >= MIN_WRONG:
        options[ARTICLE] = []
    if not options:
        return None
    step = rng.choice(list(options))
    if step == ARTICLE:
        return rng.sample(others, min(MAX_WRONG, len(others)))
    rung = _draw(options[step], rng)
    ladder = [shift(date, step, index - rung) for index in range(rungs)]
    return [found for found in ladder if found is not None]  # _ladder made every rung real


def _ladder(
    date: CalendarDate,
    step: DateStep,
    rung: int,
    rungs: int,
    admits: Callable[[CalendarDate], bool],
) -> bool:
    for index in range(rungs):
        found = shift(date, step, index - rung)
        if found is None or not admits(found):
            return False
    return True


def lone_wrong_date(
    date: CalendarDate, admits: Callable[[CalendarDate], bool]
) -> CalendarDate | None:
    """One wrong date for a false statement where no ladder fits."""
    for step in date_steps(date):
        for times in (1, -1, 2, -2):
            found = shift(date, step, times)
            if found is not None and admits(found):
                return found
    return None


def precision(date: CalendarDate) -> str:
    if date.day is not None:
        return "day"
    return "month" if date.month is not None else "year"


def shift(date: CalendarDate, step: DateStep, times: int) -> CalendarDate | None:
    """``date`` moved ``times`` steps; None when that is no date, or when a date without a
    year would cross new year (December 30 would then read as coming after January 2)."""
    unit, amount = step
    with_year = date.year is not None
    if unit == "days":
        if date.month is None or date.day is None:
            return None
        start = datetime.date(date.year or 2000, date.month, date.day)
        moved = start + datetime.timedelta(days=amount * times)
        if not with_year and moved.year != start.year:
            return None
        return CalendarDate(moved.year if with_year else None, moved.month, moved.day)
    if unit == "months":
        if date.month is None:
            return None
        months = date.month - 1 + amount * times
        if not with_year and not 0 <= months < 12:
            return None
        year = (date.year or 0) + months // 12 if with_year else None
        shifted = CalendarDate(year, months % 12 + 1, date.day)
    else:
        if date.year is None:
            return None
        shifted = CalendarDate(date.year + amount * times, date.month, date.day)
    return shifted if _real(shifted) else None


def _real(date: CalendarDate) -> bool:
    if date.year is not None and not 1 <= date.year <= 9999:
        return False
    if date.month is None or date.day is None:
        return True
    try:
        datetime.date(date.year or 2000, date.month, date.day)
    except ValueError:
        return False
    return True


def _draw(items: Sequence[T], rng: random.Random) -> T:
    return items[rng.randrange(len(items))]
