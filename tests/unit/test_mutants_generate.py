"""The wrong answers `quiz generate` offers, as a player reads them among the choices.

Dates and numbers are offered as a ladder of equal steps with the answer on one rung the
bounds leave open; the week, month and year ladders are pinned here date by date, as are
the steps each number may use (in proportion to it, wider than its tolerance). Entities
offered as wrong answers never read as the answer nor as each other. Found unchecked by
mutation testing (docs/mutation.md).
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import TypeVar

import pytest

from quiz.core.text import typed_answer_key
from quiz.core.values import CalendarDate
from quiz.facts.model import (
    Entity,
    EntityRef,
    Fact,
    FactSheet,
    PackInfo,
    Quote,
    Relation,
    ValueKind,
)
from quiz.generate.distractors import (
    ARTICLE,
    MONTHS,
    WEEKS,
    YEARS,
    EntityIndex,
    date_ladder,
    lone_wrong_date,
    lone_wrong_number,
    number_ladder,
    number_steps,
)

T = TypeVar("T")


class Rigged(random.Random):
    """Draws the given step (the first offered when None) and the given rung, and keeps
    the steps it was offered."""

    def __init__(self, step: object = None, rung: int = 0) -> None:
        super().__init__(0)
        self.step = step
        self.rung = rung
        self.offered: list[object] | None = None

    def choice(self, seq: Sequence[T]) -> T:
        self.offered = list(seq)
        for item in seq:
            if self.step is None or item == self.step:
                return item
        raise AssertionError(f"{self.step} was not offered: {seq}")

    def randrange(self, start: int, stop: int | None = None, step: int = 1) -> int:
        return self.rung


def day(year: int | None, month: int, number: int) -> CalendarDate:
    return CalendarDate(year, month, number)


def anything(value: object) -> bool:
    return True


@pytest.mark.parametrize(
    ("date", "rung", "expected"),
    [
        (
            day(2024, 3, 15),
            1,
            [day(2024, 2, 15), day(2024, 3, 15), day(2024, 4, 15), day(2024, 5, 15)],
        ),
        # Across new year, both ways: the year moves with the month.
        (
            day(2024, 11, 15),
            0,
            [day(2024, 11, 15), day(2024, 12, 15), day(2025, 1, 15), day(2025, 2, 15)],
        ),
        (
            day(2024, 2, 10),
            3,
            [day(2023, 11, 10), day(2023, 12, 10), day(2024, 1, 10), day(2024, 2, 10)],
        ),
        # Without a year: the months of one year, still without a year.
        (
            day(None, 6, 10),
            2,
            [day(None, 4, 10), day(None, 5, 10), day(None, 6, 10), day(None, 7, 10)],
        ),
    ],
)
def test_a_month_ladder(date: CalendarDate, rung: int, expected: list[CalendarDate]) -> None:
    assert date_ladder(date, anything, Rigged(MONTHS, rung)) == expected


def test_a_year_ladder() -> None:
    assert date_ladder(day(1990, 5, 1), anything, Rigged(YEARS, 3)) == [
        day(1987, 5, 1),
        day(1988, 5, 1),
        day(1989, 5, 1),
        day(1990, 5, 1),
    ]
    assert date_ladder(day(1990, 5, 1), anything, Rigged(YEARS, 0)) == [
        day(1990, 5, 1),
        day(1991, 5, 1),
        day(1992, 5, 1),
        day(1993, 5, 1),
    ]


def test_a_week_ladder_crosses_new_year_when_the_date_has_a_year() -> None:
    assert date_ladder(day(2024, 12, 30), anything, Rigged(WEEKS, 0)) == [
        day(2024, 12, 30),
        day(2025, 1, 6),
        day(2025, 1, 13),
        day(2025, 1, 20),
    ]


@pytest.mark.parametrize(
    ("date", "offered"),
    [
        (day(1990, 5, 10), [WEEKS, MONTHS, YEARS]),
        (day(None, 6, 10), [WEEKS, MONTHS]),  # no year
        (day(2024, 2, 29), [WEEKS, MONTHS]),  # 2023-02-29 is no date
        (day(2024, 1, 31), [WEEKS, YEARS]),  # no four months in a row around January have a 31st
        (day(2024, 12, 30), [WEEKS, MONTHS, YEARS]),  # September to December 30
        (day(None, 10, 5), [WEEKS, MONTHS]),  # July to October, without crossing new year
        (CalendarDate(2020, 3, None), [MONTHS, YEARS]),  # a month date
        (CalendarDate(2020, None, None), [YEARS]),  # a year date
    ],
)
def test_only_steps_with_a_ladder_of_real_dates_are_offered_and_never_a_day_or_two(
    date: CalendarDate, offered: list[tuple[str, int]]
) -> None:
    rigged = Rigged()
    assert date_ladder(date, anything, rigged) is not None
    assert rigged.offered == offered


def test_a_rung_is_drawn_among_those_whose_whole_ladder_fits() -> None:
    """December 30 without a year: the weeks after it would cross new year, so the answer
    can only sit on the top rung."""
    for rung in range(4):
        assert date_ladder(day(None, 12, 30), anything, Rigged(WEEKS, 0)) == [
            day(None, 12, 9),
            day(None, 12, 16),
            day(None, 12, 23),
            day(None, 12, 30),
        ], rung


def test_dates_outside_the_bounds_are_never_offered() -> None:
    """A premiere "not after" the article's date of January 20, 2026."""
    latest = day(2026, 1, 20)

    def admits(date: CalendarDate) -> bool:
        return (date.year, date.month, date.day) <= (latest.year, latest.month, latest.day)

    ladders = [date_ladder(day(2026, 1, 8), admits, random.Random(seed)) for seed in range(200)]
    assert all(ladder is not None for ladder in ladders)
    assert all(admits(date) for ladder in ladders if ladder for date in ladder)
    assert {len(ladder) for ladder in ladders if ladder} == {4}


def test_the_articles_other_dates_may_be_offered_of_the_same_precision() -> None:
    article = [day(2026, 3, 1), day(2025, 12, 2), CalendarDate(2026, 5, None), day(2026, 1, 8)]
    ladder = date_ladder(day(2026, 1, 8), anything, Rigged(ARTICLE), article)
    assert ladder is not None
    assert sorted(ladder, key=lambda d: (d.year, d.month, d.day)) == [
        day(2025, 12, 2),
        day(2026, 3, 1),
    ]
    # Year-less answers read the article's dates year-less.
    ladder = date_ladder(day(None, 1, 8), anything, Rigged(ARTICLE), article)
    assert ladder is not None and {d.year for d in ladder} == {None}
    # Too few other dates: no such way is offered.
    rigged = Rigged()
    date_ladder(day(2026, 1, 8), anything, rigged, article[:1])
    assert ARTICLE not in (rigged.offered or [])


def test_one_wrong_date_for_a_statement_where_no_ladder_fits() -> None:
    assert lone_wrong_date(day(None, 12, 31), anything) == day(None, 12, 24)
    assert lone_wrong_date(day(2024, 12, 31), anything) == day(2025, 1, 7)
    assert lone_wrong_date(CalendarDate(2020, None, None), anything) == CalendarDate(
        2021, None, None
    )


@pytest.mark.parametrize(
    ("value", "tolerance", "steps"),
    [
        (600, "0", ["50", "100"]),
        (600, "50", ["100"]),  # every step is more than the tolerance
        (3000, "0", ["500", "1000"]),
        (3000, "500", ["1000"]),
        (6, "0", ["1"]),
        (38, "0", ["2", "5"]),
        (112, "0", ["10", "20"]),
        (0, "0", ["1"]),
        (Decimal("38.5"), "0", ["2", "5"]),
        (Decimal("4.2"), "0.21", ["0.5", "1"]),
        (Decimal("-3"), "0", ["1"]),
        (600, "100", []),  # no step in proportion is wider than the tolerance
    ],
)
def test_the_steps_a_number_ladder_may_take(
    value: int | Decimal, tolerance: str, steps: list[str]
) -> None:
    assert number_steps(value, Decimal(tolerance)) == [Decimal(step) for step in steps]


def non_negative(value: int | Decimal) -> bool:
    return value >= 0


@pytest.mark.parametrize(
    ("value", "step", "rung", "ladder"),
    [
        (600, Decimal(100), 1, [500, 600, 700, 800]),
        (0, Decimal(1), 0, [0, 1, 2, 3]),  # only the bottom rung is open at 0
        (1, Decimal(1), 1, [0, 1, 2, 3]),  # the second of two open rungs
        (Decimal("38.5"), Decimal(2), 3, [Decimal(x) for x in ("32.5", "34.5", "36.5", "38.5")]),
    ],
)
def test_a_number_ladder_keeps_the_values_rounding_and_its_bounds(
    value: int | Decimal, step: Decimal, rung: int, ladder: list[int | Decimal]
) -> None:
    found = number_ladder(
        value, Decimal(50) if value == 600 else Decimal(0), non_negative, Rigged(step, rung)
    )
    assert found == ladder
    assert [str(number) for number in found] == [str(number) for number in ladder]


def test_an_eight_episode_count_bounds_the_episode_ladder() -> None:
    """Episode 7 of 8: the ladder stays within 1 to 8 (never episode 9), so 7 sits on one of
    the two top rungs, each as often."""
    ranks: Counter[int] = Counter()
    for seed in range(200):
        ladder = number_ladder(7, Decimal(0), lambda n: 1 <= n <= 8, random.Random(seed))
        assert ladder is not None and all(1 <= n <= 8 for n in ladder)
        ranks[ladder.index(7)] += 1
    assert set(ranks) == {2, 3} and min(ranks.values()) > 70


def test_too_little_room_gives_three_rungs_then_none() -> None:
    assert number_ladder(2, Decimal(0), lambda n: 1 <= n <= 3, random.Random(0)) == [1, 2, 3]
    assert number_ladder(2, Decimal(0), lambda n: 1 <= n <= 2, random.Random(0)) is None
    assert lone_wrong_number(2, Decimal(0), lambda n: 1 <= n <= 2) == 1
    assert lone_wrong_number(600, Decimal(100), non_negative) == 701
    assert lone_wrong_number(0, Decimal(0), lambda n: n == 0) is None


# Entities offered as wrong answers.


def entity(key: str, name: str) -> Entity:
    return Entity(key=key, type="person", name=name)


def fact_sheet(
    *entities: Entity, facts: tuple[Fact, ...] = (), relations: dict[str, Relation]
) -> FactSheet:
    return FactSheet(
        path="s.facts.yaml",
        article_path=Path("a.txt"),
        article="",
        pack=PackInfo(id="p", title="P", version=1),
        entities={e.key: e for e in entities},
        relations=relations,
        facts=facts,
    )


def people_of(key: str, subject_type: str, ask: str, statement: str, **more: object) -> Relation:
    """A relation whose values are people."""
    return Relation(  # type: ignore[arg-type]
        key=key,
        subject_type=subject_type,
        kind=ValueKind.ENTITY,
        ask=(ask,),
        statement=statement,
        value_type="person",
        **more,
    )


WROTE = people_of("written-by", "book", "Who wrote {subject}?", "{subject} was written by {value}.")


def fact(subject: str, value: str, relation: str = "written-by") -> Fact:
    return Fact(subject=subject, relation=relation, value=EntityRef(value), evidence=(Quote("q"),))


def test_a_wrong_answer_never_reads_as_the_answer_nor_as_another_wrong_answer() -> None:
    people = [
        entity("stoker", "Bram Stoker"),
        entity("stoker-2", "bram stoker."),  # reads as the answer when typed
        entity("ann", "Ann"),
        entity("ann-2", "ANN"),  # reads as Ann
        entity("bob", "Bob"),
    ]
    book = Entity(key="dracula", type="book", name="Dracula")
    index = EntityIndex(fact_sheet(*people, book, relations={"written-by": WROTE}))
    asked = fact("dracula", "stoker")
    for seed in range(60):
        picked = index.pick(asked, index.pool(WROTE), {"stoker"}, random.Random(seed))
        names = [typed_answer_key(e.name) for e in picked]
        assert "bram stoker" not in names
        assert len(names) == len(set(names)) == 2  # one of the Anns, and Bob
        assert "bob" in names


def test_distractors_from_a_relation_with_no_facts_are_this_relations_own_values() -> None:
    cast = people_of(
        "cast",
        "film",
        "Who is in {subject}?",
        "{value} is in {subject}.",
        many=True,
        distractors_from=("crew",),
    )
    crew = people_of(
        "crew", "film", "Who worked on {subject}?", "{value} worked on {subject}.", many=True
    )
    people = [entity("ann", "Ann"), entity("bob", "Bob"), entity("cy", "Cy")]
    film = Entity(key="film", type="film", name="The Film")
    facts = (fact("film", "ann", "cast"), fact("film", "bob", "cast"))
    index = EntityIndex(
        fact_sheet(*people, film, facts=facts, relations={"cast": cast, "crew": crew})
    )
    assert [e.key for e, _ in index.pool(cast)] == ["ann", "bob"]
