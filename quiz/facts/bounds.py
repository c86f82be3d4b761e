"""The values a fact could have: its relation's min/max/after/before, resolved for one fact.

A bound naming another relation ("max: episode-count") takes that relation's fact about the
same subject, else that relation's only fact in the sheet. Wrong answers must lie within the
bounds, and so must the fact's own value (``quiz facts check`` says when it does not).
"""

from __future__ import annotations

import calendar
import datetime
from dataclasses import dataclass
from decimal import Decimal

from quiz.core.values import ANY_YEAR, CalendarDate, first_day, format_date, last_day
from quiz.facts.model import Bound, BoundValue, Fact, FactSheet, Relation

# Counts are never negative: the floor of an integer or number fact of 0 or more whose
# relation gives it no lower bound. Above a value that is not 0 itself, 0 is no plausible
# wrong answer either ("about 90" people, none of them?), so the floor is strict there.
COUNT_FLOOR = 0


@dataclass(frozen=True, slots=True)
class Limit:
    """One end of the values admitted, resolved to a value."""

    value: BoundValue
    strict: bool  # after/before: the value itself is not admitted
    label: str  # how the sheet said it, for messages: "max: episode-count"
    source: str = ""  # the value's text when it came from another fact: "6"


@dataclass(frozen=True, slots=True)
class Bounds:
    low: Limit | None = None
    high: Limit | None = None

    def admits(self, value: BoundValue) -> bool:
        """Whether ``value`` (of the fact's kind) lies within the bounds. Dates compare by
        day, a month or a year covering all its days; a value of month or year precision is
        admitted when one of its days is."""
        return self.complaint(value) is None

    def complaint(self, value: BoundValue) -> str | None:
        """Why the bounds refuse ``value`` ("value 9 is above 'max: episode-count' (6)"),
        or None when they admit it."""
        for limit, is_low in ((self.low, True), (self.high, False)):
            if limit is not None and not _within(value, limit, is_low):
                shown = f" ({limit.source})" if limit.source else ""
                return (
                    f"value {_text(value)} {_beyond(value, limit, is_low)} '{limit.label}'{shown}"
                )
        return None


def bounds_of(sheet: FactSheet, fact: Fact) -> Bounds:
    """The bounds of ``fact``'s value (and of the wrong answers offered for it)."""
    relation = sheet.relations[fact.relation]
    low = _limit(sheet, fact, relation.minimum, "after" if _strict(relation.minimum) else "min")
    high = _limit(sheet, fact, relation.maximum, "before" if _strict(relation.maximum) else "max")
    value = fact.value
    if (
        low is None
        and _is_number(value)
        and isinstance(value, int | Decimal)
        and value >= COUNT_FLOOR
    ):
        strict = value > COUNT_FLOOR
        label = f"after: {COUNT_FLOOR}" if strict else f"min: {COUNT_FLOOR}"
        low = Limit(COUNT_FLOOR, strict, label, "counts are never negative")
    return Bounds(low, high)


def ambiguous_bounds(sheet: FactSheet, fact: Fact) -> list[str]:
    """Bounds naming a relation that has several facts, none of them about ``fact``'s
    subject: which one bounds it cannot be told."""
    found = []
    for bound, key in relation_bounds(sheet.relations[fact.relation]):
        facts = _facts_of(sheet, bound.relation) if bound.relation else []
        if len(facts) > 1 and not any(other.subject == fact.subject for other in facts):
            found.append(
                f"'{key}: {bound.relation}' has {len(facts)} facts and none about "
                f"'{fact.subject}': say which bounds it with a fact about '{fact.subject}'"
            )
    return found


def _strict(bound: Bound | None) -> bool:
    return bound is not None and bound.strict


def _written_key(bound: Bound, side: str) -> str:
    if bound.strict:
        return "after" if side == "min" else "before"
    return side


def _facts_of(sheet: FactSheet, relation: str) -> list[Fact]:
    return [fact for fact in sheet.facts if fact.relation == relation]


def _limit(sheet: FactSheet, fact: Fact, bound: Bound | None, key: str) -> Limit | None:
    if bound is None:
        return None
    if bound.value is not None:
        return Limit(bound.value, bound.strict, f"{key}: {_text(bound.value)}")
    facts = _facts_of(sheet, bound.relation)
    same = [other for other in facts if other.subject == fact.subject]
    chosen = same[0] if same else facts[0] if len(facts) == 1 else None
    if chosen is None or chosen is fact:
        return None
    value = chosen.value
    if not isinstance(value, CalendarDate) and not _is_number(value):
        return None
    assert isinstance(value, CalendarDate | int | Decimal)
    return Limit(value, bound.strict, f"{key}: {bound.relation}", _text(value))


def _is_number(value: object) -> bool:
    return isinstance(value, int | Decimal) and not isinstance(value, bool)


def _within(value: BoundValue, limit: Limit, is_low: bool) -> bool:
    if isinstance(value, CalendarDate) != isinstance(limit.value, CalendarDate):
        return True  # of another kind: the loader has said so already
    if isinstance(value, CalendarDate) and isinstance(limit.value, CalendarDate):
        first, last = _days(value, limit.value)
        bound_first, bound_last = _days(limit.value, value)
        if is_low:
            return last > bound_last if limit.strict else last >= bound_first
        return first < bound_first if limit.strict else first <= bound_last
    assert not isinstance(value, CalendarDate) and not isinstance(limit.value, CalendarDate)
    if is_low:
        return value > limit.value if limit.strict else value >= limit.value
    return value < limit.value if limit.strict else value <= limit.value


def _days(date: CalendarDate, other: CalendarDate) -> tuple[datetime.date, datetime.date]:
    """The first and last day ``date`` covers; a year-less day in ``other``'s year (both
    year-less: compared by month and day, in the same leap year)."""
    if date.year is None and date.month is not None and date.day is not None:
        year = other.year or ANY_YEAR
        day = date.day
        if (date.month, day) == (2, 29) and not calendar.isleap(year):
            day = 28
        moved = CalendarDate(year, date.month, day)
        return first_day(moved), last_day(moved)
    return first_day(date), last_day(date)


def _beyond(value: BoundValue, limit: Limit, is_low: bool) -> str:
    if isinstance(value, CalendarDate):
        if limit.strict:
            return "is not after" if is_low else "is not before"
        return "is before" if is_low else "is after"
    if limit.strict:
        return "is not above" if is_low else "is not below"
    return "is below" if is_low else "is above"


def _text(value: BoundValue) -> str:
    return format_date(value) if isinstance(value, CalendarDate) else str(value)


def relation_bounds(relation: Relation) -> list[tuple[Bound, str]]:
    """The relation's bounds with the key each was written with (min, max, after, before)."""
    found = []
    if relation.minimum is not None:
        found.append((relation.minimum, _written_key(relation.minimum, "min")))
    if relation.maximum is not None:
        found.append((relation.maximum, _written_key(relation.maximum, "max")))
    return found
