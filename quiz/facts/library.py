"""Relation libraries: the relations of a genre (tv, science, sports) that sheets ``use:``.

A library is ``quiz/facts/relations/<name>.yaml``: a ``relations:`` mapping with the schema
of a sheet's, read by the same safe reader. Its keys are a public interface: sheets name
them, so a key once shipped keeps its meaning.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from quiz.core.problems import LoadError, Problem, ProblemList
from quiz.facts.model import Bound, Place, Relation, ValueKind
from quiz.facts.relation_reader import RelationReader
from quiz.packs.fields import FieldReader
from quiz.packs.yamltree import read_yaml_file

RELATIONS_DIR = Path(__file__).parent / "relations"
LIBRARY_SUFFIX = ".yaml"
LIBRARY_KEYS = ("relations",)


def library_names(folder: Path = RELATIONS_DIR) -> list[str]:
    """The libraries a sheet may use, by name."""
    return sorted(
        path.name.removesuffix(LIBRARY_SUFFIX) for path in folder.glob("*" + LIBRARY_SUFFIX)
    )


def read_library(
    name: str, folder: Path, problems: list[Problem], broken: set[str]
) -> dict[str, Relation]:
    """The library's relations, any entity type allowed; its own problems (reported at
    its own lines) are added to ``problems``."""
    path = folder / (name + LIBRARY_SUFFIX)
    found = ProblemList(str(path))
    try:
        root = read_yaml_file(path, found)
    except LoadError as error:
        problems.extend(error.problems)
        return {}
    fields = FieldReader(found)
    top = fields.mapping(root, "a relation library")
    relations: dict[str, Relation] = {}
    if top is not None:
        fields.known_keys(top, LIBRARY_KEYS)
        section = fields.mapping(fields.required(top, "relations"), "'relations'")
        relations = RelationReader(found, broken, library=name).read(section, types=None)
    problems.extend(found.items)
    return relations


def unavailable_reason(relation: Relation, types: set[str]) -> str | None:
    """Why a sheet with entities of ``types`` cannot have the library relation, or None."""
    needed = [relation.subject_type]
    if relation.kind is ValueKind.ENTITY:
        needed.append(relation.value_type)
    missing = [kind for kind in dict.fromkeys(needed) if kind not in types]
    if not missing:
        return None
    shown = " or ".join(f"'{kind}'" for kind in missing)
    return (
        f"relation '{relation.key}' of library '{relation.library}' is about entities of "
        f"type {shown}, and the sheet has none"
    )


def placed_at_use(relation: Relation, place: Place) -> Relation:
    """The relation with every place moved to the sheet's ``use:`` entry, where a problem
    that the sheet brings out in it (several subjects for one phrasing) is reported."""

    def moved(bound: Bound | None) -> Bound | None:
        return dataclasses.replace(bound, place=place) if bound is not None else None

    return dataclasses.replace(
        relation,
        place=place,
        distractors_place=place,
        minimum=moved(relation.minimum),
        maximum=moved(relation.maximum),
    )
