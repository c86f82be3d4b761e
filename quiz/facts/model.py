"""What a fact sheet says: entities, the relations between them, and facts with their quotes."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from pathlib import Path

from quiz.core.values import CalendarDate


class ValueKind(StrEnum):
    DATE = "date"
    INTEGER = "integer"
    ENTITY = "entity"
    BOOLEAN = "boolean"
    TEXT = "text"


# Dates, numbers and yes/no facts have one value per subject; entities and text may have many.
SINGLE_VALUED_KINDS = frozenset({ValueKind.DATE, ValueKind.INTEGER, ValueKind.BOOLEAN})


@dataclass(frozen=True, slots=True)
class Place:
    """Where something was written in the fact sheet (1-based)."""

    line: int
    column: int


NOWHERE = Place(1, 1)


@dataclass(frozen=True, slots=True)
class EntityRef:
    key: str


FactValue = CalendarDate | int | bool | EntityRef | str


@dataclass(frozen=True, slots=True)
class Entity:
    key: str
    type: str
    name: str
    aliases: tuple[str, ...] = ()
    place: Place = field(default=NOWHERE, compare=False)


@dataclass(frozen=True, slots=True)
class Relation:
    key: str
    subject_type: str
    kind: ValueKind
    # Question phrasings; ``{subject}`` stands for the subject's name.
    ask: tuple[str, ...]
    # A sentence with ``{subject}`` and ``{value}``; true/false questions and explanations use it.
    statement: str
    value_type: str = ""  # the entity type of the value, for entity relations
    many: bool = False  # several values per subject (a cast), else one
    # Phrasings that ask for the subject from ``{value}`` ("Which character does X play?").
    ask_subject: tuple[str, ...] = ()
    negation: str = ""  # boolean relations: the statement saying the opposite
    tolerance: Decimal = Decimal(0)  # integer relations: accepted distance in number questions
    # Entity relations: other relations whose values, with this one's, are the only plausible
    # wrong answers (a cast question offers cast members, never the novelist).
    distractors_from: tuple[str, ...] = ()
    # False for facts no player could know (the article's own date): checked, never asked.
    asked: bool = True
    place: Place = field(default=NOWHERE, compare=False)
    distractors_place: Place = field(default=NOWHERE, compare=False)

    @property
    def single_valued(self) -> bool:
        return self.kind in SINGLE_VALUED_KINDS or not self.many


@dataclass(frozen=True, slots=True)
class Quote:
    text: str
    place: Place = field(default=NOWHERE, compare=False)


@dataclass(frozen=True, slots=True)
class Fact:
    subject: str  # an entity key
    relation: str  # a relation key
    value: FactValue
    evidence: tuple[Quote, ...]
    accept: tuple[str, ...] = ()  # other answers a player may type (text facts)
    # Shown after the question instead of the statement, where the quotes need connecting.
    explain: str = ""
    place: Place = field(default=NOWHERE, compare=False)
    value_place: Place = field(default=NOWHERE, compare=False)


@dataclass(frozen=True, slots=True)
class PackInfo:
    """The header of the pack generated from the sheet."""

    id: str
    title: str
    version: int
    description: str = ""
    author: str = ""
    source: str = ""
    time: Decimal | None = None


@dataclass(frozen=True, slots=True)
class FactSheet:
    path: str  # as shown in problems
    article_path: Path
    article: str  # the article's text
    pack: PackInfo
    entities: dict[str, Entity]
    relations: dict[str, Relation]
    facts: tuple[Fact, ...]
    article_place: Place = field(default=NOWHERE, compare=False)
