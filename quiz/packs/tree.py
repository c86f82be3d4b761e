"""The tree a pack or fact-sheet file is read into: mappings, sequences and text scalars,
each with the line and column where it starts. Building it is yamltree's job (and imports
PyYAML); reading fields out of it is fields.py's, which needs no parser."""

from __future__ import annotations


class Scalar:
    __slots__ = ("column", "line", "value")

    def __init__(self, value: str, line: int, column: int) -> None:
        self.value = value
        self.line = line
        self.column = column


class Sequence:
    __slots__ = ("column", "items", "line")

    def __init__(self, line: int, column: int) -> None:
        self.items: list[Node] = []
        self.line = line
        self.column = column


class Mapping:
    __slots__ = ("column", "entries", "line")

    def __init__(self, line: int, column: int) -> None:
        self.entries: dict[str, tuple[Scalar, Node]] = {}
        self.line = line
        self.column = column


Node = Scalar | Sequence | Mapping
