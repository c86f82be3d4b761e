"""Load a question pack: safe YAML in, a validated Pack out, or every problem with its line."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path
from typing import Any

from quiz.core.model import Difficulty, Pack, Question, QuestionType
from quiz.core.problems import ProblemList
from quiz.core.text import parse_number
from quiz.packs.fields import FieldReader, not_a_number
from quiz.packs.yamltree import Mapping, Node, Sequence, parse_yaml, read_yaml_file

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
        add(answer_node.line, answer_node.column, not_a_number("answer", question.answer))
