"""Wrong answers: other entities of the same type or role, and dates and numbers shifted evenly.

Dates and numbers form a ladder of equal steps with the answer on a rung drawn uniformly,
so neither the spacing nor the answer's rank among the choices gives the answer away.
"""

from __future__ import annotations

import datetime
import random

from quiz.core.text import typed_answer_key
from quiz.core.values import CalendarDate, as_datetime, from_datetime, is_valid
from quiz.facts.model import Entity, EntityRef, Fact, FactSheet, Relation

MAX_WRONG = 3
MIN_WRONG = 2  # fewer makes a coin toss: such facts get a true/false or typed question instead
LADDER_RUNGS = MAX_WRONG + 1
INTEGER_STEPS = (1, 2, 5, 10)
# (unit, amount): every wrong date of one question moves by the same unit.
DATE_STEPS = (("days", 1), ("days", 2), ("days", 7), ("months", 1), ("years", 1))


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
    ) -> list[Entity]:
        """Up to MAX_WRONG of ``candidates``, drawn uniformly from those that are wrong: never
        a true value, never the entity the question is about, and no two that read the same
        (nor as a true value)."""
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
            if entity.key not in excluded and typed not in seen_names:
                seen_names.add(typed)
                picked.append(entity)
        return picked


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


def date_ladder(date: CalendarDate, rng: random.Random) -> list[CalendarDate] | None:
    """Dates a whole number of days, months or years apart, ``date`` on a random rung; None
    when no step fits (a date without a year, close to new year)."""
    steps = [step for step in DATE_STEPS if _fits(date, step)]
    if not steps:
        return None
    step = rng.choice(steps)
    rung = rng.randrange(LADDER_RUNGS)
    ladder = [_shift(date, step, index - rung) for index in range(LADDER_RUNGS)]
    return [found for found in ladder if found is not None]  # _fits made every rung real


def next_date(date: CalendarDate) -> CalendarDate:
    """A day next to ``date`` (after it, unless that leaves a year-less date's year)."""
    return _shift(date, ("days", 1), 1) or _shift(date, ("days", 1), -1) or date


def _fits(date: CalendarDate, step: tuple[str, int]) -> bool:
    """Whether every rung, whatever the answer's place, is a real and different date."""
    if step[0] == "years" and date.year is None:
        return False
    reach = range(-(LADDER_RUNGS - 1), LADDER_RUNGS)
    return all(_shift(date, step, times) is not None for times in reach)


def _shift(date: CalendarDate, step: tuple[str, int], times: int) -> CalendarDate | None:
    """``date`` moved ``times`` steps; None when that is no date, or when a date without a
    year would cross new year (December 30 would then read as coming after January 2)."""
    unit, amount = step
    with_year = date.year is not None
    if unit == "days":
        start = as_datetime(date)
        moved = start + datetime.timedelta(days=amount * times)
        if not with_year and moved.year != start.year:
            return None
        return from_datetime(moved, with_year)
    if unit == "months":
        months = date.month - 1 + amount * times
        if not with_year and not 0 <= months < 12:
            return None
        year = (date.year or 0) + months // 12 if with_year else None
        shifted = CalendarDate(year, months % 12 + 1, date.day)
    else:
        shifted = CalendarDate((date.year or 0) + amount * times, date.month, date.day)
    return shifted if is_valid(shifted) else None
