"""Read a fact sheet through the safe YAML reader into checked model values.

Structural problems (unknown keys, unknown entities, values that do not parse) are found
here; whether the article supports each fact is ``quiz.facts.checks``' job.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path

from quiz.core.problems import ProblemList
from quiz.core.values import parse_date, parse_integer
from quiz.facts.model import (
    NOWHERE,
    Entity,
    EntityRef,
    Fact,
    FactSheet,
    FactValue,
    PackInfo,
    Place,
    Quote,
    Relation,
    ValueKind,
)
from quiz.packs.fields import FieldReader
from quiz.packs.format import PACK_ID, PACK_KEYS
from quiz.packs.tree import Mapping, Node, Scalar, Sequence
from quiz.packs.yamltree import MAX_FILE_BYTES, read_yaml_file
from quiz.storage.paths import seeds_dir
from quiz.storage.reading import UnreadableFile, read_user_file

FACTS_SUFFIX = ".facts.yaml"
TOP_KEYS = ("article", "pack", "entities", "relations", "facts")
ENTITY_KEYS = ("type", "name", "also")
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
)
FACT_KEYS = ("subject", "relation", "value", "evidence", "accept", "explain")
KEY = PACK_ID
PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
VALUE_KINDS = tuple(kind.value for kind in ValueKind if kind is not ValueKind.ENTITY)


def shipped_fact_sheets() -> list[Path]:
    return sorted(seeds_dir().glob("*" + FACTS_SUFFIX))


def load_fact_sheet(path: Path, display: str | None = None) -> FactSheet:
    """Load the sheet and its article and verify every fact; raises LoadError with all problems."""
    from quiz.facts.checks import check_sheet

    problems = ProblemList(display or str(path))
    root = read_yaml_file(path, problems)
    sheet = _Reader(problems, path).sheet(root)
    if sheet is not None:
        check_sheet(sheet, problems)
    problems.raise_if_any()
    assert sheet is not None  # every way to get None records a problem
    return sheet


def _place(node: Node) -> Place:
    return Place(node.line, node.column)


class _Reader:
    def __init__(self, problems: ProblemList, path: Path) -> None:
        self.problems = problems
        self.fields = FieldReader(problems)
        self.path = path
        # Declared but faulty (already reported): facts using them are skipped, not re-reported.
        self.broken: set[str] = set()

    def add(self, node: Node | Place, message: str) -> None:
        self.problems.add(node.line, node.column, message)

    def sheet(self, root: Node) -> FactSheet | None:
        top = self.fields.mapping(root, "the fact sheet")
        if top is None:
            return None
        self.fields.known_keys(top, TOP_KEYS)
        article_node = self.fields.scalar(top, "article", required=True)
        pack = self._pack(top)
        entities = self._entities(top)
        relations = self._relations(top, entities)
        facts = self._facts(top, entities, relations)
        if article_node is None or pack is None:
            return None
        article_path = self.path.parent / article_node.value.strip()
        try:
            article = read_user_file(article_path, MAX_FILE_BYTES).decode("utf-8")
        except (UnreadableFile, UnicodeDecodeError) as error:
            reason = str(error).removeprefix("cannot read file: ")
            self.add(article_node, f"cannot read the article '{article_node.value}': {reason}")
            return None
        return FactSheet(
            path=self.problems.path,
            article_path=article_path,
            article=article,
            pack=pack,
            entities=entities,
            relations=relations,
            facts=tuple(facts),
            article_place=_place(article_node),
        )

    def _pack(self, top: Mapping) -> PackInfo | None:
        header = self.fields.mapping(self.fields.required(top, "pack"), "'pack'")
        if header is None:
            return None
        fields = self.fields
        fields.known_keys(header, PACK_KEYS)
        return PackInfo(
            id=fields.text(header, "id", required=True, pattern=PACK_ID),
            title=fields.text(header, "title", required=True),
            version=fields.integer(header, "version"),
            description=fields.text(header, "description"),
            author=fields.text(header, "author"),
            source=fields.text(header, "source"),
            time=fields.seconds(header, "time"),
        )

    def _section(self, top: Mapping, key: str) -> Mapping | None:
        node = self.fields.required(top, key)
        section = self.fields.mapping(node, f"'{key}'")
        if section is not None and not section.entries:
            self.add(section, f"'{key}' is empty")
        return section

    def _key(self, key: Scalar, what: str) -> bool:
        if KEY.fullmatch(key.value):
            return True
        self.add(key, f"{what} key '{key.value}' must match {KEY.pattern}")
        return False

    def _entities(self, top: Mapping) -> dict[str, Entity]:
        section = self._section(top, "entities")
        entities: dict[str, Entity] = {}
        for key, node in section.entries.values() if section else ():
            entry = self.fields.mapping(node, f"entity '{key.value}'")
            if entry is None or not self._key(key, "an entity"):
                continue
            self.fields.known_keys(entry, ENTITY_KEYS)
            type_node = self.fields.scalar(entry, "type", required=True)
            name = self.fields.text(entry, "name", required=True)
            if type_node is not None and type_node.value in VALUE_KINDS:
                self.add(type_node, f"'{type_node.value}' is a value kind, not an entity type")
                type_node = None
            if type_node is None or not name:
                self.broken.add(key.value)
                continue
            aliases = tuple(self.fields.text_list(entry, "also"))
            entities[key.value] = Entity(key.value, type_node.value, name, aliases, _place(key))
        return entities

    def _relations(self, top: Mapping, entities: dict[str, Entity]) -> dict[str, Relation]:
        section = self._section(top, "relations")
        types = {entity.type for entity in entities.values()}
        relations: dict[str, Relation] = {}
        for key, node in section.entries.values() if section else ():
            entry = self.fields.mapping(node, f"relation '{key.value}'")
            if entry is None or not self._key(key, "a relation"):
                continue
            self.fields.known_keys(entry, RELATION_KEYS)
            relation = self._relation(key, entry, types)
            if relation is None:
                self.broken.add(key.value)
            else:
                relations[key.value] = relation
        for relation in list(relations.values()):
            if relation.distractors_from and not self._distractor_sources(relation, relations):
                self.broken.add(relation.key)
                del relations[relation.key]
        return relations

    def _distractor_sources(self, relation: Relation, relations: dict[str, Relation]) -> bool:
        """Whether each relation named in 'distractors-from' holds values of the same type."""
        place = relation.distractors_place
        fine = True
        for name in relation.distractors_from:
            source = relations.get(name)
            if source is None:
                if name not in self.broken:
                    self.add(place, _unknown("relation", name, relations))
                fine = False
            elif source.value_type != relation.value_type:
                what = source.value_type or f"{source.kind} value"
                self.add(
                    place,
                    f"'distractors-from' names '{name}', whose values are a {what}, "
                    f"not a {relation.value_type}",
                )
                fine = False
        return fine

    def _relation(self, key: Scalar, entry: Mapping, types: set[str]) -> Relation | None:
        fields = self.fields
        errors_before = len(self.problems.items)
        subject = fields.scalar(entry, "subject", required=True)
        value = fields.scalar(entry, "value", required=True)
        if subject is not None and subject.value not in types:
            self.add(subject, _unknown("entity type", subject.value, types))
        kind = ValueKind.ENTITY
        if value is not None:
            if value.value in VALUE_KINDS:
                kind = ValueKind(value.value)
            elif value.value not in types:
                known = ", ".join([*VALUE_KINDS, "or an entity type"])
                self.add(value, f"unknown value '{value.value}' (use {known})")
        many = self.fields.flag(entry, "many")
        if many and kind is not ValueKind.ENTITY and kind is not ValueKind.TEXT:
            self.add(entry.entries["many"][0], f"a {kind} relation holds one value per subject")
        asked = self.fields.flag(entry, "asked", default=True)
        ask = self._phrasings(entry, "ask", allowed=("subject",), required=asked)
        ask_subject = self._phrasings(entry, "ask-subject", allowed=("value",))
        if ask_subject and kind is not ValueKind.ENTITY:
            self.add(entry.entries["ask-subject"][0], "'ask-subject' needs an entity value")
        statement = self._phrasings(entry, "statement", allowed=("subject", "value"), required=True)
        negation = self._phrasings(entry, "negation", allowed=("subject",))
        if kind is ValueKind.BOOLEAN and not negation:
            self.add(
                entry, "a boolean relation needs 'negation': the statement saying the opposite"
            )
        if kind is not ValueKind.BOOLEAN and statement and "{value}" not in statement[0]:
            self.add(entry.entries["statement"][1], "'statement' must contain {value}")
        distractors_node = entry.entries.get("distractors-from")
        distractors_from = tuple(fields.text_list(entry, "distractors-from"))
        if distractors_node is not None and kind is not ValueKind.ENTITY:
            self.add(distractors_node[0], "'distractors-from' needs an entity value")
        tolerance = fields.number(entry, "tolerance")
        if tolerance is not None and kind is not ValueKind.INTEGER:
            self.add(entry.entries["tolerance"][0], "'tolerance' applies only to integer relations")
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
            place=_place(key),
            distractors_place=_place(distractors_node[1]) if distractors_node else NOWHERE,
        )

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
                    names = " and ".join("{" + n + "}" for n in allowed)
                    self.add(item, f"'{key}' may use {names}, not {{{name}}}")
            phrasings.append(item.value)
        if not phrasings and required:
            self.add(found[1], f"'{key}' needs at least one phrasing")
        return tuple(phrasings)

    def _facts(
        self, top: Mapping, entities: dict[str, Entity], relations: dict[str, Relation]
    ) -> list[Fact]:
        node = self.fields.required(top, "facts")
        if node is None:
            return []
        if not isinstance(node, Sequence) or not node.items:
            self.add(node, "'facts' must be a non-empty list")
            return []
        facts: list[Fact] = []
        for item in node.items:
            entry = self.fields.mapping(item, "a fact")
            if entry is not None:
                facts.extend(self._fact(entry, entities, relations))
        return facts

    def _fact(
        self, entry: Mapping, entities: dict[str, Entity], relations: dict[str, Relation]
    ) -> list[Fact]:
        """The fact(s) of one entry: a many-valued relation may list several values."""
        fields = self.fields
        fields.known_keys(entry, FACT_KEYS)
        subject = fields.scalar(entry, "subject", required=True)
        relation_node = fields.scalar(entry, "relation", required=True)
        value_node = fields.required(entry, "value")
        evidence = self._evidence(entry)
        accept = tuple(fields.text_list(entry, "accept"))
        explain = fields.text(entry, "explain")
        relation = None
        if relation_node is not None:
            relation = relations.get(relation_node.value)
            if relation is None and relation_node.value not in self.broken:
                self.add(relation_node, _unknown("relation", relation_node.value, relations))
        if subject is not None:
            self._entity_of_type(subject, entities, relation.subject_type if relation else None)
        if relation is None or subject is None or value_node is None or not evidence:
            return []
        if accept and relation.kind is not ValueKind.TEXT:
            self.add(entry.entries["accept"][0], "'accept' applies only to text facts")
        if isinstance(value_node, Sequence) and relation.many:
            value_nodes = value_node.items
        elif isinstance(value_node, Scalar):
            value_nodes = [value_node]
        else:
            self.add(value_node, f"relation '{relation.key}' takes a single value here")
            return []
        facts = []
        for node in value_nodes:
            value = self._value(node, relation, entities)
            if value is not None:
                facts.append(
                    Fact(
                        subject=subject.value,
                        relation=relation.key,
                        value=value,
                        evidence=evidence,
                        accept=accept,
                        explain=explain,
                        place=_place(entry),
                        value_place=_place(node),
                    )
                )
        return facts

    def _evidence(self, entry: Mapping) -> tuple[Quote, ...]:
        found = entry.entries.get("evidence")
        if found is None:
            self.add(entry, "missing required key 'evidence' (a quote of the article)")
            return ()
        items = found[1].items if isinstance(found[1], Sequence) else [found[1]]
        quotes = []
        for item in items:
            if not isinstance(item, Scalar) or not item.value.strip():
                self.add(item, "each quote of 'evidence' must be non-empty text")
                continue
            quotes.append(Quote(item.value, _place(item)))
        return tuple(quotes)

    def _value(
        self, node: Node, relation: Relation, entities: dict[str, Entity]
    ) -> FactValue | None:
        if not isinstance(node, Scalar) or not node.value.strip():
            self.add(node, "a value must be non-empty text")
            return None
        text = node.value.strip()
        kind = relation.kind
        parsed: FactValue | None
        if kind is ValueKind.DATE:
            parsed = parse_date(text)
            if parsed is None:
                self.add(node, f"'{text}' is not a date (write e.g. July 4 or July 4, 1976)")
        elif kind is ValueKind.INTEGER:
            parsed = parse_integer(text)
            if parsed is None:
                self.add(node, f"'{text}' is not a whole number of 0 or more in digits")
        elif kind is ValueKind.BOOLEAN:
            parsed = {"true": True, "false": False}.get(text.lower())
            if parsed is None:
                self.add(node, f"a boolean value is true or false, not '{text}'")
        elif kind is ValueKind.ENTITY:
            found = self._entity_of_type(node, entities, relation.value_type)
            parsed = EntityRef(text) if found else None
        else:
            parsed = text
        return parsed

    def _entity_of_type(
        self, node: Scalar, entities: dict[str, Entity], wanted: str | None
    ) -> Entity | None:
        entity = entities.get(node.value.strip())
        if entity is None:
            if node.value.strip() not in self.broken:
                self.add(node, _unknown("entity", node.value, entities))
            return None
        if wanted is not None and entity.type != wanted:
            self.add(node, f"entity '{entity.key}' is a {entity.type}, not a {wanted}")
            return None
        return entity


def _unknown(what: str, name: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(name, sorted(known), n=1, cutoff=0.6)
    hint = f"; did you mean '{close[0]}'?" if close else ""
    return f"unknown {what} '{name}'{hint}"
