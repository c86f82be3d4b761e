"""Typed fields read out of the safe YAML tree, each bad one recorded as a problem with its
line: shared by the pack loader and the fact-sheet loader."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from quiz.core.limits import SHORTEST_SECONDS
from quiz.core.model import MAX_SECONDS, Difficulty, QuestionType
from quiz.core.problems import ProblemList
from quiz.core.text import MAX_NUMBER_CHARS, parse_number, typed_answer_key
from quiz.packs.tree import Mapping, Node, Scalar, Sequence


def not_a_number(key: str, text: str) -> str:
    if len(text) > MAX_NUMBER_CHARS:
        return f"'{key}' is longer than {MAX_NUMBER_CHARS} characters; write a shorter number"
    return f"'{key}' must be a number written in digits, not '{text}'"


class FieldReader:
    """Reads typed fields out of mappings, recording a problem for each bad one."""

    def __init__(self, problems: ProblemList) -> None:
        self.problems = problems

    def mapping(self, node: Node | None, what: str) -> Mapping | None:
        if node is None:
            return None
        if not isinstance(node, Mapping):
            self.problems.add(
                node.line, node.column, f"{what} must be a mapping of 'key: value' lines"
            )
            return None
        return node

    def known_keys(self, mapping: Mapping, allowed: tuple[str, ...]) -> None:
        for key, (key_node, _) in mapping.entries.items():
            if key in allowed:
                continue
            message = f"unknown key '{key}'"
            close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
            if close:
                message += f"; did you mean '{close[0]}'?"
            else:
                message += f" (known keys: {', '.join(allowed)})"
            self.problems.add(key_node.line, key_node.column, message)

    def required(self, mapping: Mapping, key: str) -> Node | None:
        found = mapping.entries.get(key)
        if found is None:
            self.problems.add(mapping.line, mapping.column, f"missing required key '{key}'")
            return None
        return found[1]

    def scalar(self, mapping: Mapping, key: str, required: bool = False) -> Scalar | None:
        found = mapping.entries.get(key)
        if found is None:
            if required:
                self.problems.add(mapping.line, mapping.column, f"missing required key '{key}'")
            return None
        node = found[1]
        if not isinstance(node, Scalar):
            self.problems.add(
                node.line, node.column, f"'{key}' must be a single value, not a list or mapping"
            )
            return None
        if not node.value.strip():
            if required:
                self.problems.add(node.line, node.column, f"'{key}' is empty")
            return None
        return node

    def flag(self, mapping: Mapping, key: str, default: bool = False) -> bool:
        """``true`` or ``false``; anything else is a problem (and reads as ``default``)."""
        node = self.scalar(mapping, key)
        if node is None:
            return default
        word = node.value.strip().lower()
        if word not in ("true", "false"):
            self.problems.add(
                node.line, node.column, f"'{key}' is true or false, not '{node.value}'"
            )
            return default
        return word == "true"

    def text(
        self,
        mapping: Mapping,
        key: str,
        required: bool = False,
        pattern: re.Pattern[str] | None = None,
    ) -> str:
        node = self.scalar(mapping, key, required)
        if node is None:
            return ""
        if pattern is not None and not pattern.fullmatch(node.value):
            self.problems.add(
                node.line, node.column, f"'{key}' must match {pattern.pattern}, not '{node.value}'"
            )
        return node.value

    def text_list(self, mapping: Mapping, key: str) -> list[str]:
        found = mapping.entries.get(key)
        if found is None:
            return []
        node = found[1]
        if not isinstance(node, Sequence):
            self.problems.add(node.line, node.column, f'\'{key}\' must be a list, e.g. ["a", "b"]')
            return []
        values = []
        for item in node.items:
            if not isinstance(item, Scalar) or not item.value.strip():
                self.problems.add(
                    item.line, item.column, f"each entry of '{key}' must be non-empty text"
                )
                continue
            values.append(item.value)
        return values

    def choice(
        self,
        mapping: Mapping,
        key: str,
        kind: type[QuestionType] | type[Difficulty],
        required: bool = False,
    ) -> Any:
        node = self.scalar(mapping, key, required)
        if node is None:
            return None
        try:
            return kind(node.value.strip().lower())
        except ValueError:
            names = " | ".join(member.value for member in kind)
            self.problems.add(node.line, node.column, f"unknown {key} '{node.value}' (use {names})")
            return None

    def _numeric(
        self, mapping: Mapping, key: str, check: Callable[[Decimal], str | None]
    ) -> Decimal | None:
        node = self.scalar(mapping, key)
        if node is None:
            return None
        value = parse_number(node.value)
        if value is None:
            self.problems.add(node.line, node.column, not_a_number(key, node.value))
            return None
        complaint = check(value)
        if complaint:
            self.problems.add(node.line, node.column, f"'{key}' {complaint}, not {node.value}")
            return None
        return value

    def number(self, mapping: Mapping, key: str) -> Decimal | None:
        return self._numeric(mapping, key, lambda v: "must not be negative" if v < 0 else None)

    def seconds(self, mapping: Mapping, key: str) -> Decimal | None:
        def check(value: Decimal) -> str | None:
            if value <= 0:
                return "must be a positive number of seconds"
            if value < SHORTEST_SECONDS:
                return f"must be at least {SHORTEST_SECONDS:g} second"
            if value > MAX_SECONDS:
                return f"must be at most {MAX_SECONDS} seconds"
            return None

        return self._numeric(mapping, key, check)

    def integer(self, mapping: Mapping, key: str) -> int:
        def check(value: Decimal) -> str | None:
            return (
                None
                if value == value.to_integral_value() and value >= 1
                else "must be a whole number from 1"
            )

        if key not in mapping.entries:
            self.problems.add(mapping.line, mapping.column, f"missing required key '{key}'")
            return 0
        value = self._numeric(mapping, key, check)
        return int(value) if value is not None else 0

    def distinct_from_answer(self, mapping: Mapping, key: str, answer: str) -> None:
        """No entry of ``key`` may repeat the answer or another entry as a typed answer would
        (so neither "Paris." nor "paris" is a wrong answer beside "Paris")."""
        found = mapping.entries.get(key)
        if found is None or not isinstance(found[1], Sequence):
            return
        seen = {typed_answer_key(answer): "the answer"}
        for item in found[1].items:
            if not isinstance(item, Scalar) or not item.value.strip():
                continue
            normal = typed_answer_key(item.value)
            if normal in seen:
                self.problems.add(
                    item.line, item.column, f"'{item.value}' in '{key}' repeats {seen[normal]}"
                )
            else:
                seen[normal] = f"'{item.value}' (line {item.line})"
