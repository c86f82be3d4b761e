"""Wrong answers: other entities of the same type, and dates and numbers shifted evenly.

Dates and numbers form a ladder of equal steps with the answer on a rung drawn uniformly,
so neither the spacing nor the answer's rank among the choices gives the answer away.
"""

from __future__ import annotations

import datetime
import random

from quiz.facts.model import CalendarDate, Entity, EntityRef, Fact, FactSheet
from quiz.facts.values import as_datetime, from_datetime, is_valid
from quiz.text import normalize_answer

MAX_WRONG = 3
MIN_WRONG = 2  # fewer makes a coin toss: such facts get a true/false or typed question instead
LADDER_RUNGS = MAX_WRONG + 1
INTEGER_STEPS = (1, 2, 5, 10)
# (unit, amount): every wrong date of one question moves by the same unit.
DATE_STEPS = (("days", 1), ("days", 2), ("days", 7), ("months", 1), ("years", 1))


def entity_pool(
    sheet: FactSheet, fact: Fact, entity_type: str, true_keys: set[str]
) -> list[Entity]:
    """Entities of ``entity_type`` that are plausible yet wrong: never a true value, never the
    entity the question is about, never one that reads the same as a true value."""
    true_names = {normalize_answer(sheet.entities[key].name) for key in true_keys}
    return [
        entity
        for entity in sheet.entities.values()
        if entity.type == entity_type
        and entity.key not in true_keys
        and entity.key != fact.subject
        and not (isinstance(fact.value, EntityRef) and entity.key == fact.value.key)
        and normalize_answer(entity.name) not in true_names
    ]


def pick_entities(pool: list[Entity], rng: random.Random) -> list[Entity]:
    return rng.sample(pool, min(MAX_WRONG, len(pool)))


def integer_ladder(value: int, rng: random.Random) -> list[int] | None:
    """Evenly spaced whole numbers of 0 or more, ``value`` on a random rung; None when too
    few fit below a small number (0 or 1)."""
    rungs = min(LADDER_RUNGS, value + 1)
    if rungs < MIN_WRONG + 1:
        return None
    steps = [
        step
        for step in INTEGER_STEPS
        if (step == 1 or step * 10 <= value) and value - step * (rungs - 1) >= 0
    ]
    step = rng.choice(steps)
    rung = rng.randrange(rungs)
    return [value + step * (index - rung) for index in range(rungs)]


def date_ladder(date: CalendarDate, rng: random.Random) -> list[CalendarDate]:
    """Dates a whole number of days, months or years apart, ``date`` on a random rung."""
    steps = [step for step in DATE_STEPS if _fits(date, step)]
    step = rng.choice(steps)
    rung = rng.randrange(LADDER_RUNGS)
    ladder = [_shift(date, step, index - rung) for index in range(LADDER_RUNGS)]
    return [found for found in ladder if found is not None]  # _fits made every rung real


def _fits(date: CalendarDate, step: tuple[str, int]) -> bool:
    """Whether every rung, whatever the answer's place, is a real and different date."""
    if step[0] == "years" and date.year is None:
        return False
    reach = range(-(LADDER_RUNGS - 1), LADDER_RUNGS)
    return all(_shift(date, step, times) is not None for times in reach)


def _shift(date: CalendarDate, step: tuple[str, int], times: int) -> CalendarDate | None:
    unit, amount = step
    with_year = date.year is not None
    if unit == "days":
        moved = as_datetime(date) + datetime.timedelta(days=amount * times)
        return from_datetime(moved, with_year)
    if unit == "months":
        months = date.month - 1 + amount * times
        year = (date.year or 0) + months // 12 if with_year else None
        shifted = CalendarDate(year, months % 12 + 1, date.day)
    else:
        shifted = CalendarDate((date.year or 0) + amount * times, date.month, date.day)
    return shifted if is_valid(shifted) else None
