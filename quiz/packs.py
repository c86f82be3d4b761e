"""Load a question pack: safe YAML in, a validated Pack out, or every problem with its line."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

from quiz.model import MAX_SECONDS, Difficulty, Pack, Question, QuestionType
from quiz.problems import ProblemList
from quiz.text import MAX_NUMBER_CHARS, parse_number, typed_answer_key
from quiz.yamlread import Mapping, Node, Scalar, Sequence, parse_yaml, read_yaml_file

PACK_KEYS = ("id", "title", "version", "description", "author", "source", "time")
QUESTION_KEYS = (
    "id",
    "type",
    "prompt",
    "answer",
    "wrong",
    "accept",
    "tolerance",
    "difficulty",
    "tags",
    "group",
    "explain",
    "evidence",
    "time",
)
MAX_WRONG = 5

PACK_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
QUESTION_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")
# Words a YAML 1.1 habit suggests for true/false questions; named so the message can help.
NOT_TRUEFALSE = frozenset({"yes", "no", "y", "n", "on", "off"})


def load_pack(path: Path, display: str | None = None) -> Pack:
    """Load and validate the pack at ``path``; raises LoadError listing every problem."""
    problems = ProblemList(display or str(path))
    root = read_yaml_file(path, problems)
    return _validate(root, problems, path)


def load_pack_bytes(data: bytes, display: str = "<pack>") -> Pack:
    problems = ProblemList(display)
    return _validate(parse_yaml(data, problems), problems, None)


def _validate(root: Node, problems: ProblemList, path: Path | None) -> Pack:
    fields = FieldReader(problems)
    top = fields.mapping(root, "the pack file")
    if top is None:
        problems.raise_if_any()
        raise AssertionError("unreachable: a problem was recorded")
    fields.known_keys(top, ("pack", "questions"))
    header = fields.mapping(fields.required(top, "pack"), "'pack'")
    pack_fields: dict[str, Any] = {}
    if header is not None:
        fields.known_keys(header, PACK_KEYS)
        pack_fields["id"] = fields.text(header, "id", required=True, pattern=PACK_ID)
        pack_fields["title"] = fields.text(header, "title", required=True)
        pack_fields["version"] = fields.integer(header, "version")
        for key in ("description", "author", "source"):
            pack_fields[key] = fields.text(header, key)
        pack_fields["time"] = fields.seconds(header, "time")
    questions = _questions(fields, top)
    problems.raise_if_any()
    return Pack(questions=tuple(questions), path=path, **pack_fields)


def _questions(fields: FieldReader, top: Mapping) -> list[Question]:
    node = fields.required(top, "questions")
    if node is None:
        return []
    if not isinstance(node, Sequence) or not node.items:
        fields.problems.add(node.line, node.column, "'questions' must be a non-empty list")
        return []
    questions: list[Question] = []
    first_line_of_id: dict[str, int] = {}
    for item in node.items:
        # The id is checked even when the question has other problems, so that one pass
        # reports them all.
        qid, question = _question(fields, item)
        if qid:
            first = first_line_of_id.setdefault(qid, item.line)
            if first != item.line:
                fields.problems.add(
                    item.line, item.column, f"duplicate question id '{qid}' (first at line {first})"
                )
        if question is not None:
            questions.append(question)
    return questions


def _question(fields: FieldReader, node: Node) -> tuple[str, Question | None]:
    """The question's id as read ("" if it has none), and the question if it is sound."""
    entry = fields.mapping(node, "a question")
    if entry is None:
        return "", None
    fields.known_keys(entry, QUESTION_KEYS)
    errors_before = len(fields.problems.items)
    qid = fields.text(entry, "id", required=True, pattern=QUESTION_ID)
    kind = fields.choice(entry, "type", QuestionType, required=True)
    prompt = fields.text(entry, "prompt", required=True)
    answer = fields.text(entry, "answer", required=True)
    difficulty = fields.choice(entry, "difficulty", Difficulty) or Difficulty.MEDIUM
    wrong = fields.text_list(entry, "wrong")
    accept = fields.text_list(entry, "accept")
    tolerance = fields.number(entry, "tolerance")
    question = Question(
        id=qid,
        type=kind or QuestionType.TEXT,
        prompt=prompt,
        answer=answer,
        wrong=tuple(wrong),
        accept=tuple(accept),
        tolerance=tolerance or Decimal(0),
        difficulty=difficulty,
        tags=tuple(fields.text_list(entry, "tags")),
        group=fields.text(entry, "group", pattern=QUESTION_ID),
        explain=fields.text(entry, "explain"),
        evidence=fields.text(entry, "evidence"),
        time=fields.seconds(entry, "time"),
        line=entry.line,
    )
    if kind is not None and answer:
        _check_answers(fields, entry, question)
    if len(fields.problems.items) > errors_before:
        return qid, None
    return qid, question


def _check_answers(fields: FieldReader, entry: Mapping, question: Question) -> None:
    """The rules that depend on the question's type."""
    add = fields.problems.add
    kind = question.type
    answer_node = entry.entries["answer"][1]
    for key, allowed_for in (
        ("wrong", QuestionType.CHOICE),
        ("accept", QuestionType.TEXT),
        ("tolerance", QuestionType.NUMBER),
    ):
        if key in entry.entries and kind is not allowed_for:
            key_node = entry.entries[key][0]
            add(key_node.line, key_node.column, f"'{key}' applies only to {allowed_for} questions")
    if kind is QuestionType.CHOICE:
        if "wrong" not in entry.entries:
            add(entry.line, entry.column, "a choice question needs 'wrong' (1 to 5 wrong answers)")
        elif not 1 <= len(question.wrong) <= MAX_WRONG:
            node = entry.entries["wrong"][1]
            add(
                node.line,
                node.column,
                f"'wrong' needs 1 to {MAX_WRONG} answers, not {len(question.wrong)}",
            )
        fields.distinct_from_answer(entry, "wrong", question.answer)
    elif kind is QuestionType.TEXT:
        fields.distinct_from_answer(entry, "accept", question.answer)
    elif kind is QuestionType.TRUEFALSE:
        word = question.answer.strip().lower()
        if word in NOT_TRUEFALSE:
            add(answer_node.line, answer_node.column, f"use true or false, not '{question.answer}'")
        elif word not in ("true", "false"):
            add(answer_node.line, answer_node.column, "a truefalse answer is true or false")
    elif kind is QuestionType.NUMBER and parse_number(question.answer) is None:
        add(answer_node.line, answer_node.column, _not_a_number("answer", question.answer))


def _not_a_number(key: str, text: str) -> str:
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
            self.problems.add(node.line, node.column, _not_a_number(key, node.value))
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
