"""Read a fact sheet through the safe YAML reader into checked model values.

Structural problems (unknown keys, unknown entities, values that do not parse) are found
here; whether the article supports each fact is ``quiz.facts.checks``' job.
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from pathlib import Path

from quiz.core.model import Difficulty
from quiz.core.problems import Problem, ProblemList
from quiz.core.values import (
    about_tolerance,
    parse_date,
    parse_decimal,
    parse_integer,
    split_approximate,
)
from quiz.core.wording import a
from quiz.facts import library as relation_library
from quiz.facts.library import (
    library_names,
    placed_at_use,
    read_library,
    unavailable_reason,
)
from quiz.facts.model import (
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
from quiz.facts.relation_reader import (
    KEY,
    NUMBER_KINDS,
    VALUE_KINDS,
    References,
    RelationReader,
    place_of,
    unknown,
)
from quiz.packs.fields import FieldReader
from quiz.packs.format import PACK_ID, PACK_KEYS
from quiz.packs.tree import Mapping, Node, Scalar, Sequence
from quiz.packs.yamltree import MAX_FILE_BYTES, read_yaml_file
from quiz.storage.paths import seeds_dir
from quiz.storage.reading import UnreadableFile, read_user_file

FACTS_SUFFIX = ".facts.yaml"
TOP_KEYS = ("article", "pack", "use", "entities", "relations", "facts")
ENTITY_KEYS = ("type", "name", "also", "attributes")
FACT_KEYS = (
    "subject",
    "relation",
    "value",
    "evidence",
    "accept",
    "explain",
    "tolerance",
    "spoiler",
    "difficulty",
)


def shipped_fact_sheets() -> list[Path]:
    return sorted(seeds_dir().glob("*" + FACTS_SUFFIX))


def load_fact_sheet(
    path: Path,
    display: str | None = None,
    library: Path | None = None,
    warnings: list[Problem] | None = None,
) -> FactSheet:
    """Load the sheet and its article and verify every fact; raises LoadError with all
    problems. ``library`` is the folder of the relation libraries ``use:`` names (default
    ``quiz.facts.library.RELATIONS_DIR``, read when called so a test may move it); the
    sheet's warnings are its ``warnings``, and are also added to ``warnings`` when given
    (so that a sheet refused for its problems still shows them)."""
    from quiz.facts.checks import check_sheet

    problems = ProblemList(display or str(path))
    found = ProblemList(problems.path)
    root = read_yaml_file(path, problems)
    folder = library or relation_library.RELATIONS_DIR
    sheet = _Reader(problems, path, folder).sheet(root)
    if sheet is not None:
        check_sheet(sheet, problems, found)
        sheet = dataclasses.replace(sheet, warnings=tuple(found.items))
    if warnings is not None:
        warnings.extend(found.items)
    problems.raise_if_any()
    assert sheet is not None  # every way to get None records a problem
    return sheet


_place = place_of


class _Reader:
    def __init__(self, problems: ProblemList, path: Path, library: Path) -> None:
        self.problems = problems
        self.fields = FieldReader(problems)
        self.path = path
        self.library = library
        # Declared but faulty (already reported): facts using them are skipped, not re-reported.
        self.broken: set[str] = set()
        # Library relations the sheet has no entities for: a fact using one says why.
        self.unavailable: dict[str, str] = {}

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
        relations = self._relations(top, entities, self._libraries(top, entities))
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

    def _section(self, top: Mapping, key: str, required: bool = True) -> Mapping | None:
        if not required and key not in top.entries:
            return None
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
            attributes = self._attributes(entry)
            entities[key.value] = Entity(
                key.value, type_node.value, name, aliases, _place(key), attributes
            )
        return entities

    def _attributes(self, entry: Mapping) -> tuple[tuple[str, str], ...]:
        """``attributes: {gender: female, country: uk}``: slugs, each with a text."""
        found = entry.entries.get("attributes")
        mapping = self.fields.mapping(found[1] if found else None, "'attributes'")
        attributes = []
        for key, node in mapping.entries.values() if mapping else ():
            if not self._key(key, "an attribute"):
                continue
            if not isinstance(node, Scalar) or not node.value.strip():
                self.add(node, f"attribute '{key.value}' must be non-empty text")
                continue
            attributes.append((key.value, node.value.strip()))
        return tuple(attributes)

    def _libraries(self, top: Mapping, entities: dict[str, Entity]) -> dict[str, Relation]:
        """The relations of the libraries named by ``use:`` that the sheet's entities can
        have; the others are unavailable (a problem only for a fact that uses one)."""
        found = top.entries.get("use")
        if found is None:
            return {}
        node = found[1]
        items = node.items if isinstance(node, Sequence) else [node]
        known = library_names(self.library)
        types = {entity.type for entity in entities.values()}
        relations: dict[str, Relation] = {}
        for item in items:
            if not isinstance(item, Scalar) or not item.value.strip():
                self.add(item, "each entry of 'use' must be the name of a relation library")
                continue
            name = item.value.strip()
            if name not in known:
                names = ", ".join(known) or "none"
                self.add(item, f"unknown relation library '{name}' (known: {names})")
                continue
            library = read_library(name, self.library, self.problems.items, self.broken)
            for relation in library.values():
                reason = unavailable_reason(relation, types)
                if reason is None:
                    relations[relation.key] = placed_at_use(relation, _place(item))
                else:
                    self.unavailable[relation.key] = reason
        return relations

    def _relations(
        self, top: Mapping, entities: dict[str, Entity], library: dict[str, Relation]
    ) -> dict[str, Relation]:
        """The sheet's own relations over the library's (a sheet may override a library
        relation by its key), with what they name of each other resolved."""
        section = self._section(top, "relations", required=not library)
        types = {entity.type for entity in entities.values()}
        own = RelationReader(self.problems, self.broken).read(section, types)
        for key in own:
            self.unavailable.pop(key, None)
        merged = {key: relation for key, relation in library.items() if key not in own}
        merged.update(own)
        return References(self.problems, self.broken, self.unavailable).resolve(merged)

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
            name = relation_node.value
            relation = relations.get(name)
            if relation is None and name not in self.broken:
                message = self.unavailable.get(name) or unknown("relation", name, relations)
                self.add(relation_node, message)
        subject_entity = None
        if subject is not None:
            wanted = relation.subject_type if relation else None
            subject_entity = self._entity_of_type(subject, entities, wanted)
        tolerance = fields.number(entry, "tolerance")
        spoiler_node = fields.scalar(entry, "spoiler")
        spoiler = fields.flag(entry, "spoiler")
        difficulty = fields.choice(entry, "difficulty", Difficulty)
        if relation is None or subject is None or value_node is None or not evidence:
            return []
        if subject_entity is None:  # reported: the checks of the sheet need a real subject
            return []
        if accept and relation.kind is not ValueKind.TEXT:
            self.add(entry.entries["accept"][0], "'accept' applies only to text facts")
        if tolerance is not None and relation.kind not in NUMBER_KINDS:
            self.add(
                entry.entries["tolerance"][0],
                "'tolerance' applies only to integer and number facts",
            )
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
            if value is None:
                continue
            own_tolerance = tolerance
            if own_tolerance is None and _approximate(node, relation):
                assert isinstance(value, int | Decimal)
                own_tolerance = about_tolerance(value)
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
                    tolerance=own_tolerance,
                    # The relation's default, unless the fact says otherwise.
                    spoiler=spoiler if spoiler_node is not None else relation.spoiler,
                    difficulty=difficulty.value if difficulty is not None else relation.difficulty,
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
                self.add(
                    node,
                    f"'{text}' is not a date (write e.g. July 4, July 4, 1976, July 1976 or 1976)",
                )
        elif kind is ValueKind.INTEGER:
            parsed = parse_integer(split_approximate(text)[0])
            if parsed is None:
                self.add(
                    node, f"'{text}' is not a whole number in digits (e.g. 6, -3 or about 600)"
                )
        elif kind is ValueKind.NUMBER:
            parsed = parse_decimal(split_approximate(text)[0])
            if parsed is None:
                self.add(node, f"'{text}' is not a number in digits (e.g. 38.5, -3 or about 600)")
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
                self.add(node, unknown("entity", node.value, entities))
            return None
        if wanted is not None and entity.type != wanted:
            self.add(node, f"entity '{entity.key}' is {a(entity.type)}, not {a(wanted)}")
            return None
        return entity


def _approximate(node: Node, relation: Relation) -> bool:
    """ "about 600" for a number: a value with its own tolerance."""
    return (
        relation.kind in NUMBER_KINDS
        and isinstance(node, Scalar)
        and split_approximate(node.value)[1]
    )
