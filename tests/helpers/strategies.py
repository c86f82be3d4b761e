"""Hypothesis strategies for pack text and whole packs (the loader fuzz, export and cache
tests), and for whole fact sheets (the generator's properties)."""

from __future__ import annotations

import datetime
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from quiz.core.model import Difficulty, Pack, Question, QuestionType
from quiz.core.text import typed_answer_key, unsafe_character
from quiz.core.values import CalendarDate, format_date
from quiz.facts.model import (
    Bound,
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


def _allowed(text: str) -> bool:
    return bool(text.strip()) and unsafe_character(text) is None


safe_text = st.text(
    st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="\u2028\u2029"),
    min_size=1,
    max_size=30,
).filter(_allowed)
multiline_text = st.lists(safe_text, min_size=1, max_size=3).map("\n".join) | safe_text
slug = st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}", fullmatch=True)
question_id = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,10}", fullmatch=True)
seconds = st.decimals(min_value=Decimal(1), max_value=Decimal(3600), places=2)
number_text = st.from_regex(r"[+-]?[0-9]{1,6}(\.[0-9]{1,3})?", fullmatch=True)


def distinct_answers(min_size: int, max_size: int) -> st.SearchStrategy[list[str]]:
    return st.lists(safe_text, min_size=min_size, max_size=max_size, unique_by=typed_answer_key)


@st.composite
def questions(draw: st.DrawFn, qid: str) -> Question:
    kind = draw(st.sampled_from(QuestionType))
    common = {
        "id": qid,
        "type": kind,
        "prompt": draw(multiline_text),
        "difficulty": draw(st.sampled_from(Difficulty)),
        "tags": tuple(draw(st.lists(safe_text, max_size=3))),
        "explain": draw(st.just("") | multiline_text),
        "evidence": draw(st.just("") | safe_text),
        "time": draw(st.none() | seconds),
    }
    if kind is QuestionType.CHOICE:
        answers = draw(distinct_answers(2, 6))
        return Question(answer=answers[0], wrong=tuple(answers[1:]), **common)
    if kind is QuestionType.TEXT:
        answers = draw(distinct_answers(1, 4))
        return Question(answer=answers[0], accept=tuple(answers[1:]), **common)
    if kind is QuestionType.NUMBER:
        tolerance = draw(st.decimals(min_value=0, max_value=100, places=2))
        return Question(answer=draw(number_text), tolerance=tolerance, **common)
    return Question(answer=draw(st.sampled_from(["true", "false", "True", "FALSE"])), **common)


@st.composite
def packs(draw: st.DrawFn) -> Pack:
    ids = draw(st.lists(question_id, min_size=1, max_size=5, unique=True))
    return Pack(
        id=draw(slug),
        title=draw(safe_text),
        version=draw(st.integers(1, 10_000)),
        description=draw(st.just("") | multiline_text),
        author=draw(st.just("") | safe_text),
        source=draw(st.just("") | safe_text),
        time=draw(st.none() | seconds),
        questions=tuple(draw(questions(qid)) for qid in ids),
    )


# ------------------------------------------------------------------------- fact sheets
# Drawn fact sheets for the generator's properties: typed entities with attributes,
# relations of every kind (bounds, ``match``, tolerances), facts with quotes, and an article
# made of those quotes.

NAME_WORDS = ("Ada", "Bo", "Cy", "Dee", "Eli", "Fay", "Gus", "Hal")
TEXT_WORDS = ("red", "barn", "boat", "lamp", "rope", "tide")
GENDERS = ("female", "male")


@st.composite
def fact_sheets(draw: st.DrawFn) -> FactSheet:
    types = [f"type{index}" for index in range(draw(st.integers(1, 3)))]
    entities: dict[str, Entity] = {}
    for entity_type in types:
        # Names are unique within a type (the checker requires it), and may repeat across.
        names = st.lists(st.sampled_from(NAME_WORDS), min_size=1, max_size=2).map(" ".join)
        for index, name in enumerate(draw(st.lists(names, min_size=1, max_size=6, unique=True))):
            key = f"{entity_type}-{index}"
            # Some entities have a gender, some none (an entity lacking it never matches).
            gender = draw(st.sampled_from((*GENDERS, None)))
            attributes = (("gender", gender),) if gender else ()
            entities[key] = Entity(key, entity_type, name, attributes=attributes)
    relations: dict[str, Relation] = {}
    facts: list[Fact] = []
    for index in range(draw(st.integers(1, 5))):
        relation = draw(relations_of(f"rel{index}", types))
        relation_facts = draw(facts_of(relation, entities))
        relations[relation.key] = draw(bounded(relation, relation_facts))
        facts.extend(relation_facts)
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
    numeric = kind in (ValueKind.INTEGER, ValueKind.NUMBER)
    asks = draw(st.integers(0 if kind is ValueKind.BOOLEAN else 1, 3))  # yes/no: ask optional
    return Relation(
        key=key,
        subject_type=draw(st.sampled_from(types)),
        kind=kind,
        ask=tuple(f"Phrasing {n}: what {key} has {{subject}} in {{title}}?" for n in range(asks)),
        # A yes/no statement has no value to fill in.
        statement="{subject} has " + key + ("." if kind is ValueKind.BOOLEAN else " {value}."),
        value_type=value_type,
        many=many,
        ask_subject=ask_subject if draw(st.booleans()) else (),
        negation="{subject} lacks " + key + "." if kind is ValueKind.BOOLEAN else "",
        tolerance=Decimal(draw(st.sampled_from((0, 0, 1, 3, 50)))) if numeric else Decimal(0),
        asked=draw(st.sampled_from((True, True, True, False))),
        match=("gender",) if kind is ValueKind.ENTITY and draw(st.booleans()) else (),
        spoiler=draw(st.booleans()),
        difficulty=draw(st.sampled_from(("", "", "", "hard"))),
    )


@st.composite
def bounded(draw: st.DrawFn, relation: Relation, facts: list[Fact]) -> Relation:
    """Sometimes a literal minimum and maximum that admit every fact's own value (a value
    outside its bounds is a sheet problem), as close as the drawn margins say."""
    values = [fact.value for fact in facts]
    if relation.kind in (ValueKind.INTEGER, ValueKind.NUMBER) and draw(st.booleans()):
        numbers = [Decimal(value) for value in values if isinstance(value, int | Decimal)]
        low = min(numbers) - draw(st.sampled_from((0, 1, 5, 100)))
        high = max(numbers) + draw(st.sampled_from((0, 1, 5, 100)))
        as_kind = int if relation.kind is ValueKind.INTEGER else Decimal
        return replace(
            relation,
            minimum=Bound(as_kind(low), "", False) if draw(st.booleans()) else None,
            maximum=Bound(as_kind(high), "", False),
        )
    dated = [value for value in values if isinstance(value, CalendarDate)]
    if dated and all(date.year is not None for date in dated) and draw(st.booleans()):
        latest = max(date.year or 0 for date in dated) + draw(st.sampled_from((0, 1, 3)))
        return replace(relation, maximum=Bound(CalendarDate(latest, None, None), "", False))
    return relation


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
            if isinstance(value, str):
                # Other ways to say it share a word with it (the sheet check warns otherwise).
                forms = [*value.split(), f"the {value}", f"{value} {TEXT_WORDS[0]}"]
                accept = tuple(draw(st.lists(st.sampled_from(forms), max_size=2)))
            tolerance = None
            if relation.kind in (ValueKind.INTEGER, ValueKind.NUMBER) and draw(st.booleans()):
                tolerance = draw(st.sampled_from((Decimal(0), Decimal(2), Decimal("0.5"))))
            facts.append(
                Fact(
                    subject,
                    relation.key,
                    value,
                    (Quote(quote),),
                    accept,
                    tolerance=tolerance,
                    spoiler=relation.spoiler or draw(st.booleans()),
                    difficulty=relation.difficulty or draw(st.sampled_from(("", "easy"))),
                )
            )
    return facts


def values_of(relation: Relation, entities: dict[str, Entity]) -> st.SearchStrategy[FactValue]:
    if relation.kind is ValueKind.DATE:
        days = st.dates(datetime.date(1900, 1, 1), datetime.date(2100, 12, 31))
        return st.builds(
            lambda day, precision, with_year: CalendarDate(
                day.year if with_year or precision != "day" else None,
                day.month if precision != "year" else None,
                day.day if precision == "day" else None,
            ),
            days,
            st.sampled_from(("day", "day", "month", "year")),
            st.booleans(),
        )
    if relation.kind is ValueKind.INTEGER:
        return st.integers(0, 3000)
    if relation.kind is ValueKind.NUMBER:
        return st.decimals(-500, 5000, places=1) | st.sampled_from(
            (Decimal("38.5"), Decimal("600"), Decimal("-3"), Decimal("4.2"))
        )
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


def one_fact_sheet(
    kind: ValueKind, value: FactValue, *others: Entity, **relation: Any
) -> FactSheet:
    """The smallest sheet: one subject, one relation, one fact (for pinned examples); an
    entity value's entity is among ``others``; ``relation`` sets more of the relation."""
    entities = {entity.key: entity for entity in (Entity("thing", "type0", "Ada"), *others)}
    rel0 = Relation(
        key="rel0",
        subject_type="type0",
        kind=kind,
        ask=("What rel0 has {subject}?",),
        statement="{subject} has rel0."
        if kind is ValueKind.BOOLEAN
        else "{subject} has rel0 {value}.",
        value_type=others[0].type if others else "",
    )
    quote = Quote(f"About Ada: rel0 is {_written(value, entities)}.")
    return FactSheet(
        path="<pinned>",
        article_path=Path("pinned.txt"),
        article=f"Ada.\n{quote.text}",
        pack=PackInfo(id="pinned", title="Pinned", version=1),
        entities=entities,
        relations={"rel0": replace(rel0, **relation)},
        facts=(Fact("thing", "rel0", value, (quote,)),),
    )
