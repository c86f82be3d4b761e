"""What a fact sheet says: entities, the relations between them, and facts with their quotes."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from pathlib import Path

from quiz.core.problems import Problem
from quiz.core.values import CalendarDate


class ValueKind(StrEnum):
    DATE = "date"
    INTEGER = "integer"  # a whole number, held as an int
    NUMBER = "number"  # a decimal ("38.5", "-3"), held as a Decimal as written
    ENTITY = "entity"
    BOOLEAN = "boolean"
    TEXT = "text"


# Dates, numbers and yes/no facts have one value per subject; entities and text may have many.
SINGLE_VALUED_KINDS = frozenset(
    {ValueKind.DATE, ValueKind.INTEGER, ValueKind.NUMBER, ValueKind.BOOLEAN}
)
# The kinds whose values are ordered, so that a relation may bound them.
ORDERED_KINDS = frozenset({ValueKind.DATE, ValueKind.INTEGER, ValueKind.NUMBER})


@dataclass(frozen=True, slots=True)
class Place:
    """Where something was written in the fact sheet (1-based)."""

    line: int
    column: int


NOWHERE = Place(1, 1)


@dataclass(frozen=True, slots=True)
class EntityRef:
    key: str


FactValue = CalendarDate | int | Decimal | bool | EntityRef | str
BoundValue = CalendarDate | int | Decimal


@dataclass(frozen=True, slots=True)
class Entity:
    key: str
    type: str
    name: str
    aliases: tuple[str, ...] = ()
    place: Place = field(default=NOWHERE, compare=False)
    # What the author says of the entity, as (slug, text) pairs ("gender", "female"), for
    # relations whose wrong answers must share some of them (Relation.match).
    attributes: tuple[tuple[str, str], ...] = ()

    def attribute(self, name: str) -> str | None:
        return next((value for key, value in self.attributes if key == name), None)


@dataclass(frozen=True, slots=True)
class Bound:
    """One end of a relation's values: a literal of the relation's kind (``value``) or the
    key of another relation whose fact gives it (``relation``); exactly one is set.
    ``strict`` for after/before, which exclude the bound itself."""

    value: BoundValue | None
    relation: str
    strict: bool
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
    # Integer and number relations: accepted distance in number questions (a fact's own
    # tolerance, from "about N", wins).
    tolerance: Decimal = Decimal(0)
    # Entity relations: other relations whose values, with this one's, are the only plausible
    # wrong answers (a cast question offers cast members, never the novelist).
    distractors_from: tuple[str, ...] = ()
    # False for facts no player could know (the article's own date): checked, never asked.
    asked: bool = True
    place: Place = field(default=NOWHERE, compare=False)
    distractors_place: Place = field(default=NOWHERE, compare=False)
    # Entity relations: attributes each wrong answer must share with the right one (with
    # the subject, for a question asking for the subject); an entity lacking one never does.
    match: tuple[str, ...] = ()
    # Date, integer and number relations: the lowest and highest values a fact may have
    # (min/after and max/before), which wrong answers respect too.
    minimum: Bound | None = None
    maximum: Bound | None = None
    # Defaults for the relation's facts (the loader has already applied them to each fact).
    difficulty: str = ""
    spoiler: bool = False
    # The relation library it comes from (``use:``), or "" for the sheet's own.
    library: str = ""

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
    # The fact's own tolerance ("about 600", or its 'tolerance' key); None: the relation's.
    tolerance: Decimal | None = None
    # The fact's own, or else its relation's: a question that gives the plot away...
    spoiler: bool = False
    difficulty: str = ""  # ...and easy, medium or hard as the author says ("": estimate it)


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
    # What quiz facts check warns of without refusing the sheet (quiz.facts.checks).
    warnings: tuple[Problem, ...] = ()
