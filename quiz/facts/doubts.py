"""What looks wrong in a sheet without being provably so: the warnings of quiz facts check.

A quote that does not name its fact's subject may prove another subject's fact (two actors'
characters swapped); an accepted answer sharing nothing with the answer is often a list
split at its commas by YAML; an entity lacking an attribute its relation matches on gets no
wrong answers; a year written as a whole number gets wrong answers spaced like a number.
"""

from __future__ import annotations

import re

from quiz.core.text import normalize_answer
from quiz.core.values import mentions
from quiz.facts.model import Entity, EntityRef, Fact, FactSheet, Place, Relation, ValueKind

Doubt = tuple[Place, str]
# Words too common to show that two answers have something in common.
_COMMON_WORDS = frozenset({"a", "an", "the", "of", "and", "in", "on", "at", "to", "by", "for"})
_WORD_OR_DIGITS = re.compile(r"[^\W\d_]+|\d+")


def subject_warning(sheet: FactSheet, fact: Fact) -> list[Doubt]:
    """No quote names the fact's subject, though another entity of its type could be
    meant (the only series of a sheet is clear as "the series")."""
    subject = sheet.entities[fact.subject]
    if sum(entity.type == subject.type for entity in sheet.entities.values()) < 2:
        return []
    names = (subject.name, *subject.aliases)
    if any(mentions(quote.text, name) for quote in fact.evidence for name in names):
        return []
    return [
        (
            fact.evidence[0].place,
            f"no quote of this fact names its subject '{subject.name}' (or an 'also' name): "
            f"is it about another {subject.type}?",
        )
    ]


def accept_warnings(sheet: FactSheet, fact: Fact) -> list[Doubt]:
    """Accepted answers that share no word and no run of digits with the answer."""
    if not fact.accept or not isinstance(fact.value, str):
        return []
    answer = _words(fact.value)
    return [
        (
            fact.value_place,
            f"accepted answer '{form}' shares no word or number with the answer "
            f"'{fact.value}' (a list split at its commas? quote each entry)",
        )
        for form in fact.accept
        if not _words(form) & answer
    ]


def _words(text: str) -> set[str]:
    return set(_WORD_OR_DIGITS.findall(normalize_answer(text))) - _COMMON_WORDS


def match_warnings(sheet: FactSheet) -> list[Doubt]:
    """Entities asked about by a relation with ``match`` that lack one of its attributes:
    no other entity can share it, so their questions offer no wrong names."""
    found: list[Doubt] = []
    seen: set[tuple[str, str, str]] = set()
    for fact in sheet.facts:
        relation = sheet.relations[fact.relation]
        if not relation.match or not isinstance(fact.value, EntityRef):
            continue
        matched = [(sheet.entities[fact.value.key], fact.value_place)]
        if relation.ask_subject:  # asked the other way round, the subject's are matched
            matched.append((sheet.entities[fact.subject], fact.place))
        for entity, place in matched:
            for name in relation.match:
                if entity.attribute(name) is None and (entity.key, name, relation.key) not in seen:
                    seen.add((entity.key, name, relation.key))
                    found.append((place, _lacks(entity, name, relation)))
    return found


def _lacks(entity: Entity, name: str, relation: Relation) -> str:
    return (
        f"entity '{entity.key}' has no attribute '{name}', which relation '{relation.key}' "
        "matches wrong answers on: its questions will offer no wrong names"
    )


# A whole number in these years, of a relation whose key or phrasing speaks of a year.
_YEARS = range(1500, 2200)
_YEAR_WORD = re.compile(r"\byears?\b", re.IGNORECASE)


def year_warning(sheet: FactSheet, fact: Fact) -> list[Doubt]:
    """An integer that is a year: its wrong answers would be spaced like any number of its
    size (1999 by 100 or 200); as a date of year precision they are other years."""
    relation = sheet.relations[fact.relation]
    if relation.kind is not ValueKind.INTEGER or not isinstance(fact.value, int):
        return []
    texts = (relation.key, relation.statement, *relation.ask)
    if fact.value not in _YEARS or not any(_YEAR_WORD.search(text) for text in texts):
        return []
    return [
        (
            fact.value_place,
            f"{fact.value} looks like a year: give relation '{relation.key}' `value: date` "
            f'and write `value: "{fact.value}"`, so that its wrong answers are other years',
        )
    ]
