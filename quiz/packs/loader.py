"""Load a question pack: safe YAML in, a validated Pack out, or every problem with its line.

The YAML parser (quiz.packs.yamltree, which imports PyYAML) is imported only to read a
file: checking the cache's copy of a pack (``recheck``) needs none.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

from quiz.core.model import Difficulty, Pack, Question, QuestionType
from quiz.core.problems import LoadError, ProblemList
from quiz.core.text import parse_number, unsafe_character
from quiz.packs.fields import FieldReader, not_a_number
from quiz.packs.format import MAX_WRONG, PACK_ID, PACK_KEYS, QUESTION_ID, QUESTION_KEYS
from quiz.packs.tree import Mapping, Node, Scalar, Sequence

# Words a YAML 1.1 habit suggests for true/false questions; named so the message can help.
NOT_TRUEFALSE = frozenset({"yes", "no", "y", "n", "on", "off"})


def load_pack(path: Path, display: str | None = None) -> Pack:
    """Load and validate the pack at ``path``; raises LoadError listing every problem."""
    from quiz.packs.yamltree import read_yaml_file

    questions = _QuestionReader(ProblemList(display or str(path)))
    root = read_yaml_file(path, questions.problems, stream=("questions", questions.take))
    return _validate(root, path, questions)


def load_pack_bytes(data: bytes | str, display: str = "<pack>") -> Pack:
    """The pack in a file's bytes, or in the text of a pack the game is about to write."""
    from quiz.packs.yamltree import parse_yaml

    questions = _QuestionReader(ProblemList(display))
    root = parse_yaml(data, questions.problems, stream=("questions", questions.take))
    return _validate(root, None, questions)


class _QuestionReader:
    """Reads each question as the parser hands it over (or from a tree), keeping the
    questions and not their nodes, and the line of each id to catch a repeat."""

    def __init__(self, problems: ProblemList) -> None:
        self.problems = problems
        self.fields = FieldReader(problems)
        self.questions: list[Question] = []
        self.count = 0
        self._first_line_of_id: dict[str, int] = {}

    def take(self, item: Node) -> None:
        self.count += 1
        # The id is checked even when the question has other problems, so that one pass
        # reports them all.
        qid, question = _question(self.fields, item)
        if qid:
            first = self._first_line_of_id.setdefault(qid, item.line)
            if first != item.line:
                self.problems.add(
                    item.line, item.column, f"duplicate question id '{qid}' (first at line {first})"
                )
        if question is not None:
            self.questions.append(question)


def _validate(root: Node, path: Path | None, questions: _QuestionReader) -> Pack:
    problems = questions.problems
    fields = questions.fields
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
    _questions(top, questions)
    problems.raise_if_any()
    return Pack(questions=tuple(questions.questions), path=path, **pack_fields)


def _questions(top: Mapping, questions: _QuestionReader) -> None:
    """The questions of a tree (those the parser streamed are read already)."""
    node = questions.fields.required(top, "questions")
    if node is None:
        return
    if not isinstance(node, Sequence) or not (node.items or questions.count):
        questions.problems.add(node.line, node.column, "'questions' must be a non-empty list")
        return
    for item in node.items:
        questions.take(item)


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
        spoiler=fields.flag(entry, "spoiler"),
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
    # An accepted form that reads like the answer ("The Beatles" beside "Beatles") is
    # redundant but harmless: the question keeps it rather than being refused.
    elif kind is QuestionType.TRUEFALSE:
        word = question.answer.strip().lower()
        if word in NOT_TRUEFALSE:
            add(answer_node.line, answer_node.column, f"use true or false, not '{question.answer}'")
        elif word not in ("true", "false"):
            add(answer_node.line, answer_node.column, "a truefalse answer is true or false")
    elif kind is QuestionType.NUMBER and parse_number(question.answer) is None:
        add(answer_node.line, answer_node.column, not_a_number("answer", question.answer))


def recheck(pack: Pack, display: str) -> None:
    """Check a pack that did not come from its file (the cache's copy of one, or questions
    an importer made) by the rules a pack file is checked by: LoadError if the file it
    stands for would not load."""
    questions = _QuestionReader(ProblemList(display))
    root = _as_tree(pack)
    for scalar in _scalars(root):
        unsafe = unsafe_character(scalar.value)
        if unsafe:
            questions.problems.add(scalar.line, scalar.column, f"{unsafe[1]} is not allowed")
    _validate(root, pack.path, questions)


def refusals(question: Question) -> list[str]:
    """Why a pack file could not hold this question (empty if it could), in its words."""
    probe = Pack(id="probe", title="probe", version=1, questions=(question,))
    try:
        recheck(probe, "probe")
    except LoadError as error:
        return [problem.message for problem in error.problems]
    return []


def _as_tree(pack: Pack) -> Mapping:
    """The tree of a pack file that loads to this pack (its questions at their lines);
    ValueError for a value no pack file could hold, such as a number where text goes."""
    top = Mapping(1, 1)
    _put(top, "pack", _mapping(1, {key: getattr(pack, key) for key in PACK_KEYS}))
    questions = Sequence(1, 1)
    for question in pack.questions:
        values = {key: getattr(question, key) for key in QUESTION_KEYS}
        if not question.tolerance:
            del values["tolerance"]  # the default, allowed for number questions alone
        values["spoiler"] = "true" if question.spoiler else None
        questions.items.append(_mapping(question.line or 1, values))
    _put(top, "questions", questions)
    return top


# Written even when empty, so that the loader says "'prompt' is empty", not "missing".
_REQUIRED = frozenset({"id", "title", "type", "prompt", "answer"})


def _mapping(line: int, values: dict[str, object]) -> Mapping:
    node = Mapping(line, 1)
    for key, value in values.items():
        if value is None or (value in ("", ()) and key not in _REQUIRED):
            continue  # left out of the file
        if isinstance(value, tuple):
            items = Sequence(line, 1)
            items.items = [_scalar(item, line) for item in value]
            _put(node, key, items)
        else:
            _put(node, key, _scalar(value, line))
    return node


def _scalar(value: object, line: int) -> Scalar:
    if isinstance(value, bool) or not isinstance(value, str | int | Decimal):
        raise ValueError(f"{value!r} is not a value of a pack file")
    return Scalar(str(value), line, 1)


def _put(mapping: Mapping, key: str, node: Node) -> None:
    mapping.entries[key] = (Scalar(key, mapping.line, 1), node)


def _scalars(node: Node) -> Iterator[Scalar]:
    if isinstance(node, Scalar):
        yield node
    elif isinstance(node, Sequence):
        for item in node.items:
            yield from _scalars(item)
    else:
        for key, value in node.entries.values():
            yield key
            yield from _scalars(value)
