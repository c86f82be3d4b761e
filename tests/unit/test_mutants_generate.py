"""The wrong answers `quiz generate` offers, as a player reads them among the choices.

Dates and numbers are offered as a ladder of equal steps with the answer on one rung; the
month and year ladders, which no shipped fact sheet reaches, are pinned here date by
date, as are the steps each number may use. Entities offered as wrong answers never read
as the answer nor as each other. Found unchecked by mutation testing (docs/mutation.md).
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from pathlib import Path
from typing import TypeVar

import pytest

from quiz.core.text import typed_answer_key
from quiz.facts.model import (
    CalendarDate,
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
    DATE_STEPS,
    EntityIndex,
    date_ladder,
    integer_ladder,
    next_date,
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
    assert date_ladder(date, Rigged(("months", 1), rung)) == expected


def test_a_year_ladder() -> None:
    assert date_ladder(day(1990, 5, 1), Rigged(("years", 1), 3)) == [
        day(1987, 5, 1),
        day(1988, 5, 1),
        day(1989, 5, 1),
        day(1990, 5, 1),
    ]
    assert date_ladder(day(1990, 5, 1), Rigged(("years", 1), 0)) == [
        day(1990, 5, 1),
        day(1991, 5, 1),
        day(1992, 5, 1),
        day(1993, 5, 1),
    ]


def test_a_day_ladder_crosses_new_year_when_the_date_has_a_year() -> None:
    assert date_ladder(day(2024, 12, 30), Rigged(("days", 7), 0)) == [
        day(2024, 12, 30),
        day(2025, 1, 6),
        day(2025, 1, 13),
        day(2025, 1, 20),
    ]


@pytest.mark.parametrize(
    ("date", "offered"),
    [
        (day(1990, 5, 10), list(DATE_STEPS)),
        (day(None, 6, 10), [("days", 1), ("days", 2), ("days", 7), ("months", 1)]),  # no year
        (day(2024, 2, 29), [("days", 1), ("days", 2), ("days", 7), ("months", 1)]),  # 2021-02-29
        (day(2024, 1, 31), [("days", 1), ("days", 2), ("days", 7), ("years", 1)]),  # February 31
        (day(2024, 12, 30), [("days", 1), ("days", 2), ("days", 7), ("years", 1)]),  # February 30
        # Months without a year stop at the year's ends: three months either way must fit.
        (day(None, 10, 5), [("days", 1), ("days", 2), ("days", 7)]),
        (day(None, 3, 5), [("days", 1), ("days", 2), ("days", 7)]),
        (day(None, 4, 5), [("days", 1), ("days", 2), ("days", 7), ("months", 1)]),
        (day(None, 9, 5), [("days", 1), ("days", 2), ("days", 7), ("months", 1)]),
    ],
)
def test_only_steps_whose_every_rung_is_a_real_date_are_offered(
    date: CalendarDate, offered: list[tuple[str, int]]
) -> None:
    rigged = Rigged()
    assert date_ladder(date, rigged) is not None
    assert rigged.offered == offered


@pytest.mark.parametrize("date", [day(None, 12, 30), day(None, 1, 2)])
def test_a_date_without_a_year_near_new_year_has_no_ladder(date: CalendarDate) -> None:
    assert date_ladder(date, Rigged()) is None


def test_the_date_next_to_a_date_stays_in_its_year_when_it_has_none() -> None:
    assert next_date(day(None, 12, 31)) == day(None, 12, 30)
    assert next_date(day(2024, 12, 31)) == day(2025, 1, 1)
    assert next_date(day(None, 1, 1)) == day(None, 1, 2)


@pytest.mark.parametrize(
    ("value", "offered", "ladder"),
    [
        (0, None, None),  # too few whole numbers of 0 or more: no choice question
        (1, None, None),
        (2, [1], [2, 3, 4]),  # three rungs: the answer and two wrong ones
        (3, [1], [3, 4, 5, 6]),
        (19, [1], [19, 20, 21, 22]),
        (20, [1, 2], [20, 22, 24, 26]),  # a step of s needs a value of 10 s or more
        (49, [1, 2], [49, 51, 53, 55]),
        (50, [1, 2, 5], [50, 55, 60, 65]),
        (100, [1, 2, 5, 10], [100, 110, 120, 130]),
    ],
)
def test_the_steps_a_number_ladder_may_take(
    value: int, offered: list[int] | None, ladder: list[int] | None
) -> None:
    rigged = Rigged(offered[-1] if offered else None, 0)
    assert integer_ladder(value, rigged) == ladder
    assert rigged.offered == offered


def test_a_number_ladder_never_goes_below_zero() -> None:
    """Each step's lowest rung, with the answer on the top rung, is 0 or more."""
    assert integer_ladder(2, Rigged(1, 2)) == [0, 1, 2]
    assert integer_ladder(20, Rigged(2, 3)) == [14, 16, 18, 20]
    rigged = Rigged(None, 0)
    integer_ladder(14, rigged)
    assert rigged.offered == [1]  # 14 - 2 * 3 would be 8, but 2 needs 20


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
