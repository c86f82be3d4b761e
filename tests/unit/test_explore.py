"""quiz.generate.explore: Hypothesis searches the sheets near a fact sheet, property by
property, and shrinks each failure to the fewest facts, the fewest changed values and the
smallest seed, shown as fact-sheet YAML."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import TypeVar

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.configuration import storage_directory

from quiz.core.values import CalendarDate
from quiz.facts.bounds import bounds_of
from quiz.facts.loader import load_fact_sheet
from quiz.facts.model import Bound, EntityRef, FactSheet, ValueKind
from quiz.generate import explore
from quiz.generate.explore import (
    Explored,
    Neighbourhood,
    Variant,
    changed_values,
    explore_sheet,
    within_bounds,
)
from quiz.generate.generator import Generated
from tests.helpers.paths import LIGHTHOUSE

T = TypeVar("T")
Check = Callable[[FactSheet, Generated], "str | None"]
FACTS = 14  # in the lighthouse sheet
STEPS = 4  # the index of its fact "corran-point has 112 steps"


@pytest.fixture(scope="module")
def lighthouse() -> FactSheet:
    return load_fact_sheet(LIGHTHOUSE)


def explore_with(
    monkeypatch: pytest.MonkeyPatch, sheet: FactSheet, check: Check, examples: int = 40
) -> Explored:
    """The exploration of one injected property, and no other."""
    monkeypatch.setattr(explore, "QUESTION_PROPERTIES", (("the injected property", check),))
    monkeypatch.setattr(explore, "PACK_PROPERTIES", ())
    (explored,) = explore_sheet(sheet, examples)
    return explored


def facts_in(snippet: tuple[str, ...]) -> list[str]:
    return [line for line in snippet if line.startswith("  - subject:")]


def about(relation: str) -> Check:
    def check(sheet: FactSheet, item: Generated) -> str | None:
        return "it is about " + relation if item.fact.relation == relation else None

    return check


def test_a_failure_shrinks_to_the_one_fact_it_needs_and_seed_0(
    monkeypatch: pytest.MonkeyPatch, lighthouse: FactSheet
) -> None:
    explored = explore_with(monkeypatch, lighthouse, about("steps"))
    failure = explored.verdict.failure or ""
    assert failure.startswith("seed 0: question 'steps.corran-point.")
    assert failure.endswith("': it is about steps")
    assert explored.snippet == (
        "# seed: 0",
        f"# 1 of {FACTS} facts kept; entities and relations as in the sheet",
        "facts:",
        "  - subject: corran-point",
        "    relation: steps",
        "    value: 112",
        '    evidence: "has 112 steps to the lantern room."',
    )
    assert 1 <= explored.verdict.examples < 40  # counted up to the first failure


def test_a_failure_that_needs_a_changed_value_shows_the_smallest_change(
    monkeypatch: pytest.MonkeyPatch, lighthouse: FactSheet
) -> None:
    def steps_changed(sheet: FactSheet, item: Generated) -> str | None:
        changed = item.fact.relation == "steps" and item.fact.value != 112
        return f"{item.fact.value} steps" if changed else None

    explored = explore_with(monkeypatch, lighthouse, steps_changed, examples=100)
    assert len(facts_in(explored.snippet)) == 1
    (value,) = [line for line in explored.snippet if "value:" in line]
    assert value in (
        "    value: 111  # changed: the sheet says 112",
        "    value: 113  # changed: the sheet says 112",
    )
    assert explored.snippet[0] == "# seed: 0"


def test_a_failure_needing_two_facts_keeps_both(
    monkeypatch: pytest.MonkeyPatch, lighthouse: FactSheet
) -> None:
    def both_towers(sheet: FactSheet, item: Generated) -> str | None:
        built = {fact.subject for fact in sheet.facts if fact.relation == "built-in"}
        return "both" if built == {"corran-point", "dunmore-head"} else None

    explored = explore_with(monkeypatch, lighthouse, both_towers)
    kept = explored.snippet[3:]
    assert facts_in(explored.snippet) == ["  - subject: corran-point", "  - subject: dunmore-head"]
    assert [line for line in kept if "relation:" in line] == ["    relation: built-in"] * 2
    assert "changed" not in "\n".join(explored.snippet)


def test_the_seed_shrinks_to_the_smallest_that_fails(
    monkeypatch: pytest.MonkeyPatch, lighthouse: FactSheet
) -> None:
    real_generate = explore.generate

    def seed_in_ids(sheet: FactSheet, seed: int) -> list[Generated]:
        found = real_generate(sheet, seed)
        return [replace(i, question=replace(i.question, id=f"{seed}")) for i in found]

    def on_odd_seed(sheet: FactSheet, item: Generated) -> str | None:
        return "odd seed" if int(item.question.id) % 2 else None

    monkeypatch.setattr(explore, "generate", seed_in_ids)
    explored = explore_with(monkeypatch, lighthouse, on_odd_seed)
    assert explored.snippet[0] == "# seed: 1"
    assert len(facts_in(explored.snippet)) == 1


def test_a_property_that_holds_is_tried_on_the_whole_budget(
    monkeypatch: pytest.MonkeyPatch, lighthouse: FactSheet
) -> None:
    explored = explore_with(monkeypatch, lighthouse, lambda sheet, item: None, examples=25)
    assert explored == Explored(explore.PropertyVerdict("the injected property", 25))


def test_every_property_is_explored_and_the_same_sheet_gives_the_same_report(
    lighthouse: FactSheet,
) -> None:
    first = explore_sheet(lighthouse, 10)
    names = [explored.verdict.name for explored in first]
    expected = [name for name, _ in (*explore.QUESTION_PROPERTIES, *explore.PACK_PROPERTIES)]
    assert names == expected
    assert explore_sheet(lighthouse, 10) == first


def test_a_crash_of_the_generator_is_a_failure_with_its_sheet(
    monkeypatch: pytest.MonkeyPatch, lighthouse: FactSheet
) -> None:
    real_generate = explore.generate

    def crashing_on_dark(sheet: FactSheet, seed: int) -> list[Generated]:
        if any(fact.relation == "dark" for fact in sheet.facts):
            raise ZeroDivisionError("division by zero")
        return real_generate(sheet, seed)

    monkeypatch.setattr(explore, "generate", crashing_on_dark)
    explored = explore_with(monkeypatch, lighthouse, lambda sheet, item: None)
    failure = "seed 0: generating it fails: ZeroDivisionError: division by zero"
    assert explored.verdict.failure == failure
    assert len(facts_in(explored.snippet)) == 1
    assert "    relation: dark" in explored.snippet


def test_nothing_is_written_where_it_runs(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, lighthouse: FactSheet
) -> None:
    monkeypatch.chdir(tmp_path)
    home = storage_directory(intent_to_write=False).home_directory
    explore_with(monkeypatch, lighthouse, about("steps"), examples=5)
    assert list(tmp_path.iterdir()) == []
    assert storage_directory(intent_to_write=False).home_directory == home


def test_a_snippet_with_the_values_as_written_is_part_of_a_fact_sheet(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, lighthouse: FactSheet
) -> None:
    explored = explore_with(monkeypatch, lighthouse, about("lens-found-in"))
    text = LIGHTHOUSE.read_text(encoding="utf-8")
    header = text[: text.index("\nfacts:\n")]
    sheet = tmp_path / "small.facts.yaml"
    sheet.write_text(header + "\n" + "\n".join(explored.snippet) + "\n", encoding="utf-8")
    (tmp_path / "lighthouse.txt").write_bytes((LIGHTHOUSE.parent / "lighthouse.txt").read_bytes())
    (fact,) = load_fact_sheet(sheet).facts
    assert fact == next(f for f in lighthouse.facts if f.relation == "lens-found-in")
    assert "    accept: [a barn, barn]" in explored.snippet


def test_a_changed_value_that_makes_a_twin_leaves_one_fact(lighthouse: FactSheet) -> None:
    near = Neighbourhood(lighthouse)
    elias, ines = FACTS - 2, FACTS - 1  # attended-by: elias-brand, ines-brand
    twins = Variant(((elias, None), (ines, EntityRef("elias-brand"))), seed=0)
    assert [fact.value for _, fact in near.facts(twins)] == [EntityRef("elias-brand")]


def test_neighbours_outside_their_bounds_are_no_examples(
    monkeypatch: pytest.MonkeyPatch, lighthouse: FactSheet
) -> None:
    relations = dict(lighthouse.relations)
    relations["steps"] = replace(relations["steps"], maximum=Bound(100, "", strict=False))
    bounded = replace(lighthouse, relations=relations)
    assert not within_bounds(bounded)  # the sheet's own 112 steps

    def beyond_100_steps(sheet: FactSheet, item: Generated) -> str | None:
        steps = item.fact.value if item.fact.relation == "steps" else 0
        assert isinstance(steps, int)
        return "beyond" if steps > 100 else None

    explored = explore_with(monkeypatch, bounded, beyond_100_steps)
    assert explored.verdict == explore.PropertyVerdict("the injected property", 40)
    # The nearest value the bound admits:
    explored = explore_with(monkeypatch, bounded, about("steps"))
    assert "    value: 100  # changed: the sheet says 112" in explored.snippet


@settings(max_examples=60)
@given(data=st.data())
def test_changed_values_keep_their_kind_and_bounds(data: st.DataObject) -> None:
    sheet = load_fact_sheet(LIGHTHOUSE)
    relations = dict(sheet.relations)
    relations["built-in"] = replace(relations["built-in"], minimum=Bound(1850, "", strict=True))
    sheet = replace(sheet, relations=relations)
    changed = 0
    for fact in sheet.facts:
        strategy = changed_values(sheet, fact)
        kind = sheet.relations[fact.relation].kind
        if strategy is None:
            assert kind is ValueKind.TEXT
            continue
        value = data.draw(strategy, label=fact.relation)
        changed += 1
        assert value != fact.value
        if kind is ValueKind.BOOLEAN:
            assert value is (not fact.value)
        elif kind is ValueKind.ENTITY:
            assert isinstance(value, EntityRef) and value.key != fact.subject
            wanted = sheet.relations[fact.relation].value_type
            assert sheet.entities[value.key].type == wanted
        elif kind is ValueKind.INTEGER:
            assert isinstance(value, int) and value >= 0  # a count stays a count
            assert bounds_of(sheet, fact).admits(value)  # built-in: after 1850
        elif kind is ValueKind.DATE:
            assert isinstance(value, CalendarDate) and value.precision == "day"
    assert changed == FACTS - 1  # all but the text fact


def test_numbers_move_by_their_last_digit_and_dates_by_their_precision() -> None:
    sheet = load_fact_sheet(LIGHTHOUSE)
    relations = dict(sheet.relations)
    relations["height-metres"] = replace(relations["height-metres"], kind=ValueKind.NUMBER)
    sheet = replace(sheet, relations=relations)
    height = replace(sheet.facts[3], value=Decimal("27.5"))
    month = replace(sheet.facts[0], value=CalendarDate(2024, 8, None))
    year = replace(sheet.facts[0], value=CalendarDate(2024, None, None))
    assert changed_values(sheet, height) is not None
    assert changed_values(sheet, month) is not None
    assert changed_values(sheet, year) is not None
    heights = _some(changed_values(sheet, height))
    assert all(isinstance(h, Decimal) and h.as_tuple().exponent == -1 for h in heights)
    months = _some(changed_values(sheet, month))
    assert all(isinstance(d, CalendarDate) and d.precision == "month" for d in months)
    years = _some(changed_values(sheet, year))
    assert all(isinstance(d, CalendarDate) and d.precision == "year" for d in years)


def _some(strategy: st.SearchStrategy[object] | None) -> list[object]:
    assert strategy is not None
    return _drawn(strategy)


def _drawn(strategy: st.SearchStrategy[T]) -> list[T]:
    """Values the strategy draws: 20, or all it has when it has fewer."""
    found: list[T] = []

    @settings(max_examples=20, database=None)
    @given(strategy)
    def collect(value: T) -> None:
        found.append(value)

    collect()
    assert found
    return found


def test_a_large_sheet_draws_some_of_its_facts(
    monkeypatch: pytest.MonkeyPatch, lighthouse: FactSheet
) -> None:
    monkeypatch.setattr(explore, "FACTS_DRAWN", 5)  # as a sheet of more than 1,000 facts
    explored = explore_with(monkeypatch, lighthouse, about("steps"))
    assert explored.snippet[:2] == (
        "# seed: 0",
        f"# 1 of {FACTS} facts kept; entities and relations as in the sheet",
    )
    assert "    relation: steps" in explored.snippet
    sizes = {len(variant.kept) for variant in _drawn(explore.variants(lighthouse))}
    assert max(sizes) <= 5 and len(sizes) > 1


def test_a_changed_entity_shares_the_attributes_its_relation_matches(
    lighthouse: FactSheet,
) -> None:
    entities = dict(lighthouse.entities)
    genders = {"morag-lindqvist": "female", "ines-brand": "female", "elias-brand": "male"}
    for key, gender in genders.items():
        entities[key] = replace(entities[key], attributes=(("gender", gender),))
    relations = dict(lighthouse.relations)
    relations["restored-by"] = replace(relations["restored-by"], match=("gender",))
    sheet = replace(lighthouse, entities=entities, relations=relations)
    restored = next(fact for fact in sheet.facts if fact.relation == "restored-by")
    assert set(_some(changed_values(sheet, restored))) == {EntityRef("ines-brand")}
    unmatched = replace(restored, relation="last-keeper")  # Owen Achebe has no gender
    assert len(set(_some(changed_values(sheet, unmatched)))) == 3
