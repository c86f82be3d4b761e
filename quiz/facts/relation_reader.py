"""Read a ``relations:`` mapping (of a sheet or of a relation library) into Relations.

Each relation is read on its own first; what names other relations (``distractors-from``,
a bound such as ``max: episode-count``) is resolved once the sheet's and its libraries'
relations are known together (``resolve_references``).
"""

from __future__ import annotations

import dataclasses
import difflib
import re
from collections.abc import Iterable
from decimal import Decimal

from quiz.core.model import Difficulty
from quiz.core.problems import ProblemList
from quiz.core.values import parse_date, parse_decimal, parse_integer
from quiz.core.wording import a
from quiz.facts.model import (
    NOWHERE,
    ORDERED_KINDS,
    Bound,
    BoundValue,
    Place,
    Relation,
    ValueKind,
)
from quiz.packs.fields import FieldReader
from quiz.packs.format import PACK_ID
from quiz.packs.tree import Mapping, Node, Scalar, Sequence

KEY = PACK_ID
RELATION_KEYS = (
    "subject",
    "value",
    "many",
    "asked",
    "ask",
    "ask-subject",
    "statement",
    "negation",
    "tolerance",
    "distractors-from",
    "match",
    "min",
    "max",
    "after",
    "before",
    "difficulty",
    "spoiler",
)
PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
VALUE_KINDS = tuple(kind.value for kind in ValueKind if kind is not ValueKind.ENTITY)
NUMBER_KINDS = frozenset({ValueKind.INTEGER, ValueKind.NUMBER})
# The written keys of the bounds: (key, the lower end?, strict?).
BOUND_KEYS = (
    ("min", True, False),
    ("after", True, True),
    ("max", False, False),
    ("before", False, True),
)
_LITERAL = {
    ValueKind.DATE: ("a date", parse_date),
    ValueKind.INTEGER: ("a whole number", parse_integer),
    ValueKind.NUMBER: ("a number", parse_decimal),
}


def place_of(node: Node) -> Place:
    return Place(node.line, node.column)


def unknown(what: str, name: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(name, sorted(known), n=1, cutoff=0.6)
    hint = f"; did you mean '{close[0]}'?" if close else ""
    return f"unknown {what} '{name}'{hint}"


class RelationReader:
    """Reads relations, recording each problem; ``types`` None (a library) takes any entity
    type, since which of them a sheet has is known only when a sheet uses the library."""

    def __init__(self, problems: ProblemList, broken: set[str], library: str = "") -> None:
        self.problems = problems
        self.fields = FieldReader(problems)
        self.broken = broken  # declared but faulty (reported): their uses are not reported again
        self.library = library

    def add(self, node: Node | Place, message: str) -> None:
        self.problems.add(node.line, node.column, message)

    def read(self, section: Mapping | None, types: set[str] | None) -> dict[str, Relation]:
        relations: dict[str, Relation] = {}
        for key, node in section.entries.values() if section else ():
            entry = self.fields.mapping(node, f"relation '{key.value}'")
            if entry is None:
                continue
            if not KEY.fullmatch(key.value):
                self.add(key, f"a relation key '{key.value}' must match {KEY.pattern}")
                continue
            self.fields.known_keys(entry, RELATION_KEYS)
            relation = self._relation(key, entry, types)
            if relation is None:
                self.broken.add(key.value)
            else:
                relations[key.value] = relation
        return relations

    def _relation(self, key: Scalar, entry: Mapping, types: set[str] | None) -> Relation | None:
        fields = self.fields
        errors_before = len(self.problems.items)
        subject = fields.scalar(entry, "subject", required=True)
        value = fields.scalar(entry, "value", required=True)
        if subject is not None and types is not None and subject.value not in types:
            self.add(subject, unknown("entity type", subject.value, types))
        kind = ValueKind.ENTITY
        if value is not None:
            if value.value in VALUE_KINDS:
                kind = ValueKind(value.value)
            elif types is not None and value.value not in types:
                known = ", ".join([*VALUE_KINDS, "or an entity type"])
                self.add(value, f"unknown value '{value.value}' (use {known})")
        many = fields.flag(entry, "many")
        if many and kind is not ValueKind.ENTITY and kind is not ValueKind.TEXT:
            self.add(entry.entries["many"][0], f"{a(kind)} relation holds one value per subject")
        asked = fields.flag(entry, "asked", default=True)
        # A yes/no relation is asked through its statement and negation; 'ask' is optional.
        needs_ask = asked and kind is not ValueKind.BOOLEAN
        ask = self._phrasings(entry, "ask", allowed=("subject", "title"), required=needs_ask)
        ask_subject = self._phrasings(entry, "ask-subject", allowed=("value", "title"))
        if ask_subject and kind is not ValueKind.ENTITY:
            self.add(entry.entries["ask-subject"][0], "'ask-subject' needs an entity value")
        statement = self._phrasings(
            entry, "statement", allowed=("subject", "value", "title"), required=True
        )
        negation = self._phrasings(entry, "negation", allowed=("subject", "title"))
        if kind is ValueKind.BOOLEAN and not negation:
            self.add(
                entry, "a boolean relation needs 'negation': the statement saying the opposite"
            )
        if kind is not ValueKind.BOOLEAN and statement and "{value}" not in statement[0]:
            self.add(entry.entries["statement"][1], "'statement' must contain {value}")
        # A statement naming neither its subject nor the work is true of nothing in a mixed
        # round (one never asked, such as the article's date, is shown to no player).
        for name, phrasings in (("statement", statement), ("negation", negation)):
            named = set(PLACEHOLDER.findall(phrasings[0])) if phrasings else set()
            if asked and phrasings and not named & {"subject", "title"}:
                self.add(entry.entries[name][1], f"'{name}' must name {{subject}} or {{title}}")
        distractors_node = entry.entries.get("distractors-from")
        distractors_from = tuple(fields.text_list(entry, "distractors-from"))
        if distractors_node is not None and kind is not ValueKind.ENTITY:
            self.add(distractors_node[0], "'distractors-from' needs an entity value")
        tolerance = fields.number(entry, "tolerance")
        if tolerance is not None and kind not in NUMBER_KINDS:
            self.add(
                entry.entries["tolerance"][0],
                "'tolerance' applies only to integer and number relations",
            )
        match = self._match(entry, kind)
        minimum, maximum = self._bounds(entry, kind)
        difficulty = fields.choice(entry, "difficulty", Difficulty)
        spoiler = fields.flag(entry, "spoiler")
        if len(self.problems.items) > errors_before or subject is None or value is None:
            return None
        return Relation(
            key=key.value,
            subject_type=subject.value,
            kind=kind,
            ask=ask,
            statement=statement[0],
            value_type=value.value if kind is ValueKind.ENTITY else "",
            many=many,
            ask_subject=ask_subject,
            negation=negation[0] if negation else "",
            tolerance=tolerance or Decimal(0),
            distractors_from=distractors_from,
            asked=asked,
            place=place_of(key),
            distractors_place=place_of(distractors_node[1]) if distractors_node else NOWHERE,
            match=match,
            minimum=minimum,
            maximum=maximum,
            difficulty=difficulty.value if difficulty is not None else "",
            spoiler=spoiler,
            library=self.library,
        )

    def _match(self, entry: Mapping, kind: ValueKind) -> tuple[str, ...]:
        found = entry.entries.get("match")
        names = self.fields.text_list(entry, "match")
        if found is None:
            return ()
        if kind is not ValueKind.ENTITY:
            self.add(found[0], "'match' needs an entity value: it names attributes of entities")
        for name in names:
            if not KEY.fullmatch(name):
                self.add(
                    found[1], f"an attribute in 'match' must match {KEY.pattern}, not '{name}'"
                )
        return tuple(names)

    def _bounds(self, entry: Mapping, kind: ValueKind) -> tuple[Bound | None, Bound | None]:
        """min/after (the lowest value) and max/before (the highest)."""
        low: Bound | None = None
        high: Bound | None = None
        low_key = ""
        high_key = ""
        for key, is_low, strict in BOUND_KEYS:
            node = self.fields.scalar(entry, key)
            if node is None:
                continue
            if kind not in ORDERED_KINDS:
                self.add(
                    entry.entries[key][0],
                    f"'{key}' applies only to date, integer and number relations",
                )
                continue
            bound = self._bound(node, key, kind, strict)
            earlier = low_key if is_low else high_key
            if earlier:
                self.add(
                    entry.entries[key][0],
                    f"'{earlier}' and '{key}' both give the {'lowest' if is_low else 'highest'} "
                    "value: keep one",
                )
            elif bound is not None and is_low:
                low, low_key = bound, key
            elif bound is not None:
                high, high_key = bound, key
        return low, high

    def _bound(self, node: Scalar, key: str, kind: ValueKind, strict: bool) -> Bound | None:
        text = node.value.strip()
        what, parse = _LITERAL[kind]
        value: BoundValue | None = parse(text)
        if value is not None:
            return Bound(value, "", strict, place_of(node))
        if KEY.fullmatch(text):  # another relation's key, resolved with the others
            return Bound(None, text, strict, place_of(node))
        self.add(
            node, f"'{key}' must be {what} or the key of {a(str(kind))} relation, not '{text}'"
        )
        return None

    def _phrasings(
        self, entry: Mapping, key: str, allowed: tuple[str, ...], required: bool = False
    ) -> tuple[str, ...]:
        """One phrasing or a list of them, using only the placeholders ``allowed``."""
        found = entry.entries.get(key)
        if found is None:
            if required:
                self.add(entry, f"missing required key '{key}'")
            return ()
        items = found[1].items if isinstance(found[1], Sequence) else [found[1]]
        phrasings = []
        for item in items:
            if not isinstance(item, Scalar) or not item.value.strip():
                self.add(item, f"each phrasing of '{key}' must be non-empty text")
                continue
            for name in PLACEHOLDER.findall(item.value):
                if name not in allowed:
                    self.add(item, f"'{key}' may use {_placeholders(allowed)}, not {{{name}}}")
            phrasings.append(item.value)
        if not phrasings and required:
            self.add(found[1], f"'{key}' needs at least one phrasing")
        return tuple(phrasings)


def _placeholders(names: tuple[str, ...]) -> str:
    shown = ["{" + name + "}" for name in names]
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]


class References:
    """Resolves what relations name of each other, once all of a sheet's are known: a
    sheet's own faults are problems; a library relation naming one the sheet cannot have
    (``unavailable``: no entity of its types) just goes without it."""

    def __init__(
        self, problems: ProblemList, broken: set[str], unavailable: dict[str, str]
    ) -> None:
        self.problems = problems
        self.broken = broken
        self.unavailable = unavailable

    def resolve(self, relations: dict[str, Relation]) -> dict[str, Relation]:
        resolved: dict[str, Relation] = {}
        for relation in relations.values():
            fixed = self._resolve(relation, relations)
            if fixed is None:
                self.broken.add(relation.key)
            else:
                resolved[relation.key] = fixed
        return resolved

    def _resolve(self, relation: Relation, relations: dict[str, Relation]) -> Relation | None:
        fine = True
        sources = []
        for name in relation.distractors_from:
            if self._silently_missing(relation, name, relations):
                continue
            source = self._named(relation, name, relations, relation.distractors_place)
            if source is None:
                fine = False
            elif source.value_type != relation.value_type:
                what = source.value_type or f"{source.kind} value"
                self._add(
                    relation.distractors_place,
                    f"'distractors-from'{_of(relation)} names '{name}', whose values are "
                    f"{a(what)}, not {a(relation.value_type)}",
                )
                fine = False
            else:
                sources.append(name)
        low_fine, minimum = self._bound(relation, relation.minimum, relations, "min", "after")
        high_fine, maximum = self._bound(relation, relation.maximum, relations, "max", "before")
        if not (fine and low_fine and high_fine):
            return None
        return dataclasses.replace(
            relation, distractors_from=tuple(sources), minimum=minimum, maximum=maximum
        )

    def _bound(
        self,
        relation: Relation,
        bound: Bound | None,
        relations: dict[str, Relation],
        *keys: str,
    ) -> tuple[bool, Bound | None]:
        """Whether the bound is sound, and the bound kept (a library's naming a relation
        the sheet cannot have is dropped)."""
        if bound is None or not bound.relation:
            return True, bound
        name = bound.relation
        if self._silently_missing(relation, name, relations):
            return True, None
        target = self._named(relation, name, relations, bound.place)
        if target is None:
            return False, None
        if name == relation.key:
            self._add(bound.place, f"relation '{name}' cannot bound its own values")
            return False, None
        same_family = target.kind is relation.kind or {target.kind, relation.kind} <= NUMBER_KINDS
        if not same_family:
            what = target.value_type or str(target.kind)
            self._add(
                bound.place,
                f"'{keys[bound.strict]}: {name}'{_of(relation)} names a relation whose "
                f"values are {a(what)}, not {a(str(relation.kind))}",
            )
            return False, None
        return True, bound

    def _silently_missing(
        self, relation: Relation, name: str, relations: dict[str, Relation]
    ) -> bool:
        return bool(relation.library) and name not in relations and name in self.unavailable

    def _named(
        self, relation: Relation, name: str, relations: dict[str, Relation], place: Place
    ) -> Relation | None:
        found = relations.get(name)
        if found is None and name not in self.broken:
            message = self.unavailable.get(name) or unknown("relation", name, relations)
            self._add(place, message + _of(relation, prefix="; named by "))
        return found

    def _add(self, place: Place, message: str) -> None:
        self.problems.add(place.line, place.column, message)


def _of(relation: Relation, prefix: str = " of ") -> str:
    """Which library relation a message is about (its place is the sheet's ``use:``)."""
    return f"{prefix}library relation '{relation.key}'" if relation.library else ""
