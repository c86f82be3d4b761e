"""Properties of generated questions, for drawn fact sheets and for the shipped one.

For every sheet and seed: each answer is its fact's value; wrong answers are of the answer's
kind, distinct, and never true; a true/false statement is true exactly when the facts say so;
number questions accept exactly the values within tolerance; the pack survives the loader;
one seed gives one pack. Statistical tests check that neither the answer's rank among
ordered choices nor the truth of a statement carries information.
"""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from quiz.core.model import QuestionType
from quiz.core.problems import LoadError, ProblemList
from quiz.core.values import format_date
from quiz.facts.checks import check_sheet
from quiz.facts.loader import load_fact_sheet
from quiz.facts.model import (
    CalendarDate,
    Entity,
    EntityRef,
    Fact,
    FactSheet,
    FactValue,
    PackInfo,
    Quote,
    Relation,
    ValueKind,
)
from quiz.generate.generator import Generated, generate, generate_pack
from quiz.generate.properties import (
    PACK_PROPERTIES,
    QUESTION_PROPERTIES,
    chi_square,
    uniformity,
)
from quiz.packs.dump import dump_pack_yaml
from quiz.storage.paths import seeds_dir
from tests.helpers.paths import LIGHTHOUSE

# ---------------------------------------------------------------------------- strategies

NAME_WORDS = ("Ada", "Bo", "Cy", "Dee", "Eli", "Fay", "Gus", "Hal")
TEXT_WORDS = ("red", "barn", "boat", "lamp", "rope", "tide")


@st.composite
def fact_sheets(draw: st.DrawFn) -> FactSheet:
    """A whole sheet: typed entities, relations of every kind, facts with quotes, and an
    article made of those quotes."""
    types = [f"type{index}" for index in range(draw(st.integers(1, 3)))]
    entities: dict[str, Entity] = {}
    for entity_type in types:
        # Names are unique within a type (the checker requires it), and may repeat across.
        names = st.lists(st.sampled_from(NAME_WORDS), min_size=1, max_size=2).map(" ".join)
        for index, name in enumerate(draw(st.lists(names, min_size=1, max_size=6, unique=True))):
            key = f"{entity_type}-{index}"
            entities[key] = Entity(key, entity_type, name)
    relations: dict[str, Relation] = {}
    facts: list[Fact] = []
    for index in range(draw(st.integers(1, 5))):
        relation = draw(relations_of(f"rel{index}", types))
        relations[relation.key] = relation
        facts.extend(draw(facts_of(relation, entities)))
    for relation in list(relations.values()):
        # A role: wrong answers only among the values of some relations of the same type.
        if relation.kind is ValueKind.ENTITY and draw(st.booleans()):
            peers = [r.key for r in relations.values() if r.value_type == relation.value_type]
            sources = draw(st.lists(st.sampled_from(peers), min_size=1, unique=True))
            relations[relation.key] = replace(relation, distractors_from=tuple(sources))
    article_lines = [f"{entity.name}." for entity in entities.values()]
    article_lines += [quote.text for fact in facts for quote in fact.evidence]
    return FactSheet(
        path="<drawn>",
        article_path=Path("drawn.txt"),
        article="\n".join(article_lines),
        pack=PackInfo(id="drawn", title="Drawn", version=1),
        entities=entities,
        relations=relations,
        facts=tuple(facts),
    )


@st.composite
def relations_of(draw: st.DrawFn, key: str, types: list[str]) -> Relation:
    kind = draw(st.sampled_from(ValueKind))
    many = kind in (ValueKind.ENTITY, ValueKind.TEXT) and draw(st.booleans())
    value_type = draw(st.sampled_from(types)) if kind is ValueKind.ENTITY else ""
    ask_subject = ("Whose " + key + " is {value}?",) if kind is ValueKind.ENTITY else ()
    return Relation(
        key=key,
        subject_type=draw(st.sampled_from(types)),
        kind=kind,
        ask=tuple(
            f"Phrasing {n}: what {key} has {{subject}}?" for n in range(draw(st.integers(1, 3)))
        ),
        statement="{subject} has " + key + " {value}.",
        value_type=value_type,
        many=many,
        ask_subject=ask_subject if draw(st.booleans()) else (),
        negation="{subject} lacks " + key + "." if kind is ValueKind.BOOLEAN else "",
        tolerance=Decimal(draw(st.integers(0, 3))) if kind is ValueKind.INTEGER else Decimal(0),
        asked=draw(st.sampled_from((True, True, True, False))),
    )


@st.composite
def facts_of(draw: st.DrawFn, relation: Relation, entities: dict[str, Entity]) -> list[Fact]:
    subjects = [key for key, entity in entities.items() if entity.type == relation.subject_type]
    chosen = draw(st.lists(st.sampled_from(subjects), min_size=1, max_size=3, unique=True))
    facts = []
    for subject in chosen:
        count = draw(st.integers(1, 3)) if relation.many else 1
        values = draw(st.lists(values_of(relation, entities), min_size=count, max_size=count))
        for value in dict.fromkeys(values):  # one fact per distinct value
            quote = (
                f"About {entities[subject].name}: {relation.key} is {_written(value, entities)}."
            )
            accept: tuple[str, ...] = ()
            if relation.kind is ValueKind.TEXT:
                accept = tuple(draw(st.lists(st.sampled_from(TEXT_WORDS), max_size=2)))
            facts.append(Fact(subject, relation.key, value, (Quote(quote),), accept))
    return facts


def values_of(relation: Relation, entities: dict[str, Entity]) -> st.SearchStrategy[FactValue]:
    if relation.kind is ValueKind.DATE:
        days = st.dates(datetime.date(1900, 1, 1), datetime.date(2100, 12, 31))
        return st.builds(
            lambda day, with_year: CalendarDate(
                day.year if with_year else None, day.month, day.day
            ),
            days,
            st.booleans(),
        )
    if relation.kind is ValueKind.INTEGER:
        return st.integers(0, 3000)
    if relation.kind is ValueKind.BOOLEAN:
        return st.booleans()
    if relation.kind is ValueKind.ENTITY:
        keys = [key for key, entity in entities.items() if entity.type == relation.value_type]
        return st.sampled_from(keys).map(EntityRef)
    return st.lists(st.sampled_from(TEXT_WORDS), min_size=1, max_size=2).map(" ".join)


def _written(value: FactValue, entities: dict[str, Entity]) -> str:
    if isinstance(value, EntityRef):
        return entities[value.key].name
    if isinstance(value, CalendarDate):
        return format_date(value)
    return str(value)


def one_fact_sheet(kind: ValueKind, value: FactValue, *others: Entity) -> FactSheet:
    """The smallest sheet: one subject, one relation, one fact (for pinned examples); an
    entity value's entity is among ``others``."""
    entities = {entity.key: entity for entity in (Entity("thing", "type0", "Ada"), *others)}
    relation = Relation(
        key="rel0",
        subject_type="type0",
        kind=kind,
        ask=("What rel0 has {subject}?",),
        statement="{subject} has rel0 {value}.",
        value_type=others[0].type if others else "",
    )
    quote = Quote(f"About Ada: rel0 is {_written(value, entities)}.")
    return FactSheet(
        path="<pinned>",
        article_path=Path("pinned.txt"),
        article=f"Ada.\n{quote.text}",
        pack=PackInfo(id="pinned", title="Pinned", version=1),
        entities=entities,
        relations={"rel0": relation},
        facts=(Fact("thing", "rel0", value, (quote,)),),
    )


# ---------------------------------------------------------------------------- properties


def check_questions(sheet: FactSheet, seed: int) -> list[Generated]:
    """Every question and pack property for one seed; fails naming the first broken one."""
    items = generate(sheet, seed)
    for item in items:
        assert sheet.relations[item.fact.relation].asked, item.question.id
        for name, check in QUESTION_PROPERTIES:
            failure = check(sheet, item)
            assert failure is None, f"{name}: {item.question.id}: {failure}"
    if not items:  # every question would have given its answer away: no pack, and it says so
        with pytest.raises(LoadError, match="no question can be made from these facts"):
            generate_pack(sheet, seed)
        return items
    pack = generate_pack(sheet, seed)
    for name, pack_check in PACK_PROPERTIES:
        assert pack_check(pack) is None, name
    assert dump_pack_yaml(generate_pack(sheet, seed)) == dump_pack_yaml(pack)
    return items


# ------------------------------------------------------------------------------- tests


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sheet=fact_sheets(), seed=st.integers(0, 2**32))
# A year-less January 1 once got December 29-31 as wrong answers: the odd one out.
@example(sheet=one_fact_sheet(ValueKind.DATE, CalendarDate(None, 1, 1)), seed=1)
@example(sheet=one_fact_sheet(ValueKind.INTEGER, 1), seed=0)
# Once generated "What rel0 has Ada?" answered "Ada", and then an empty, unloadable pack.
@example(
    sheet=one_fact_sheet(ValueKind.ENTITY, EntityRef("other"), Entity("other", "type1", "Ada")),
    seed=0,
)
def test_drawn_sheets_pass_the_checks_and_give_questions_that_prove_themselves(
    sheet: FactSheet, seed: int
) -> None:
    problems = ProblemList(sheet.path)
    check_sheet(sheet, problems)
    assert problems.items == []
    check_questions(sheet, seed)


@pytest.fixture(scope="module")
def shipped() -> FactSheet:
    return load_fact_sheet(seeds_dir() / "his_and_hers.facts.yaml")


def test_the_shipped_sheet_passes_the_properties_across_many_seeds(shipped: FactSheet) -> None:
    for seed in range(60):
        assert len(check_questions(shipped, seed)) >= 30


@pytest.mark.parametrize(
    "path",
    [seeds_dir() / "his_and_hers.facts.yaml", LIGHTHOUSE],
    ids=["his-and-hers", "lighthouse"],
)
def test_answer_ranks_and_statement_truths_are_uniform(path: Path) -> None:
    """Chi-square at alpha 0.001 over seeds 0-299 (fixed, so the test is repeatable): dates
    and numbers put the answer on each rung alike, and statements are true half the time."""
    outcomes = uniformity(load_fact_sheet(path), 300)
    assert len(outcomes) == 2
    for outcome in outcomes:
        assert outcome.failure is None, outcome
        assert outcome.examples >= 600


def test_uniformity_fails_a_generator_that_leaks(shipped: FactSheet) -> None:
    """The test can fail: always-true statements are caught."""
    leaky = [
        replace(item, question=replace(item.question, answer="true"))
        for item in generate(shipped, 0)
        if item.question.type is QuestionType.TRUEFALSE
    ]
    assert len(leaky) == 16  # the true/false statements of seed 0
    counts = Counter(item.question.truth for item in leaky * 20)
    outcome = chi_square("truth", counts, (True, False))
    assert outcome is not None and outcome.failure is not None
