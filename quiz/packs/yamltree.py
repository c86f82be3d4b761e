"""Safe YAML reading for packs and fact sheets.

The file is parsed as a stream of events and built into a small tree by hand,
so nothing is ever constructed by PyYAML: every scalar stays the text the
author typed (no YAML 1.1 booleans, octals, dates or sexagesimals), anchors,
aliases and tags are refused before anything expands, nesting is bounded
before it can exhaust a stack, and duplicate keys are caught with both lines.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import yaml

from quiz.core.problems import LoadError, Problem, ProblemList
from quiz.core.text import unsafe_character
from quiz.packs.tree import Mapping, Node, Scalar, Sequence
from quiz.storage.reading import UnreadableFile, read_user_file

# Only the parser's events are used, so the loader class's constructor never runs.
_EventSource: type[yaml.CBaseLoader] | type[yaml.BaseLoader]
try:
    _EventSource = yaml.CBaseLoader
except AttributeError:  # pragma: no cover - libyaml missing: the pure parser is slower but safe
    _EventSource = yaml.BaseLoader

MAX_FILE_BYTES = 32 * 1024 * 1024
MAX_DEPTH = 16

# Control characters other than tab and line breaks, C1 controls, Unicode line separators,
# bidi overrides and isolates, and lone surrogates: never allowed anywhere in a file.
# U+FFFE and U+FFFF too, the noncharacters libyaml refuses (it would say so at line 1).
_UNSAFE_IN_FILE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff"
    "\ufffe\uffff]"
)


def read_yaml_file(path: Path, problems: ProblemList, stream: Stream | None = None) -> Node:
    """Read and parse one file; fatal problems raise LoadError, others go to ``problems``."""
    try:
        data = read_user_file(path, MAX_FILE_BYTES)
    except UnreadableFile as reason:
        raise LoadError([Problem(problems.path, 1, 1, str(reason))]) from None
    return parse_yaml(data, problems, stream=stream)


# Told the first key and its repeat, instead of recording the repeat as a problem.
DuplicateHandler = Callable[[Scalar, Scalar], None]
# A top-level key whose list's items are handed to the callback as each one is read, and
# not kept in the tree: a pack of 100,000 questions never holds the tree of all of them.
Stream = tuple[str, Callable[[Node], None]]


def parse_yaml(
    data: bytes | str,
    problems: ProblemList,
    on_duplicate: DuplicateHandler | None = None,
    stream: Stream | None = None,
) -> Node:
    """The tree of a file's bytes, or of text the game made (a pack it is about to write,
    checked without a second copy as bytes)."""
    text = _decode(data, problems.path)
    del data  # the text is what the parser reads
    try:
        return _build(_events(text), problems, on_duplicate, stream)
    except _Fatal as fatal:
        raise LoadError([fatal.problem]) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = f"YAML syntax error: {error.problem or error.context or 'invalid YAML'}"
        if error.context and error.problem:
            context = error.context
            start = error.context_mark
            if start and mark and start.line != mark.line:
                # The error shows where libyaml gave up (an unclosed quote: the end of the
                # file); where the construct began is where the author must look.
                context += f" that started at line {start.line + 1}, column {start.column + 1}"
            message = f"YAML syntax error: {error.problem} ({context})"
        if mark and _character_at(text, mark.line, mark.column) == "\t":
            # libyaml says only that the character "cannot start any token".
            message = "YAML syntax error: a tab cannot indent YAML; indent with spaces"
        raise LoadError([Problem(problems.path, line, column, message)]) from None
    except (yaml.YAMLError, ValueError, RecursionError, MemoryError) as error:
        raise LoadError([Problem(problems.path, 1, 1, f"cannot parse YAML: {error}")]) from None


def _character_at(text: str, line: int, column: int) -> str:
    """The character at a 0-based line and column of the text, or "" past its end."""
    lines = _LINE_BREAK.split(text)  # as libyaml counts lines
    return lines[line][column : column + 1] if line < len(lines) else ""


_LINE_BREAK = re.compile(r"\r\n|\r|\n")


class _Fatal(Exception):
    def __init__(self, problem: Problem) -> None:
        self.problem = problem


def _decode(data: bytes | str, path: str) -> str:
    """The file's text, checked (_checked); LoadError for a file too large or not UTF-8.
    Text the game made is only checked."""
    if isinstance(data, str):
        return _checked(data, path)
    if len(data) > MAX_FILE_BYTES:
        message = f"file is larger than the {MAX_FILE_BYTES // (1024 * 1024)} MiB limit"
        raise LoadError([Problem(path, 1, 1, message)])
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        before = data[: error.start]
        line = before.count(b"\n") + 1
        line_start = before.rfind(b"\n") + 1
        column = len(before[line_start:].decode("utf-8", errors="replace")) + 1
        bad = data[error.start]
        raise LoadError(
            [Problem(path, line, column, f"invalid UTF-8 (byte 0x{bad:02x})")]
        ) from None
    return _checked(text, path)


def _checked(text: str, path: str) -> str:
    """The text without its byte order mark; LoadError if it is empty or holds a character
    no file may hold."""
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise LoadError([Problem(path, 1, 1, "file is empty")])
    match = _UNSAFE_IN_FILE.search(text)
    if match:
        offset = match.start()
        line = text.count("\n", 0, offset) + 1
        column = offset - (text.rfind("\n", 0, offset) + 1) + 1
        char = match.group()
        described = unsafe_character(char) or (0, f"noncharacter U+{ord(char):04X}")
        raise LoadError([Problem(path, line, column, f"{described[1]} is not allowed")])
    return text


def _events(text: str) -> Iterator[yaml.Event]:
    parser = _EventSource(text)
    try:
        while (event := parser.get_event()) is not None:
            yield event
    finally:
        parser.dispose()


def _position(event: yaml.Event) -> tuple[int, int]:
    """1-based line and column where the event starts."""
    mark = event.start_mark
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


def _fatal(path: str, event: yaml.Event, message: str) -> _Fatal:
    return _Fatal(Problem(path, *_position(event), message))


def _build(
    events: Iterator[yaml.Event],
    problems: ProblemList,
    on_duplicate: DuplicateHandler | None,
    stream: Stream | None,
) -> Node:
    path = problems.path
    root: Node | None = None
    documents = 0
    # Each open collection, with the key waiting for its value when it is a mapping.
    stack: list[tuple[Sequence | Mapping, Scalar | None]] = []
    for event in events:
        if isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1:
                raise _fatal(path, event, "a pack holds one YAML document; remove the second '---'")
            continue
        if isinstance(event, yaml.AliasEvent):
            raise _fatal(path, event, f"aliases (*{event.anchor}) are not allowed")
        if not isinstance(event, yaml.NodeEvent | yaml.CollectionEndEvent):
            continue
        if isinstance(event, yaml.NodeEvent):
            if event.anchor is not None:
                raise _fatal(path, event, f"anchors (&{event.anchor}) are not allowed")
            tag = getattr(event, "tag", None)
            if tag is not None and tag != "!":
                raise _fatal(path, event, f"tags ({tag}) are not allowed")
        node: Node
        if isinstance(event, yaml.CollectionEndEvent):
            node = stack.pop()[0]
        elif isinstance(event, yaml.ScalarEvent):
            node = Scalar(event.value, *_position(event))
            if event.style == '"':
                unsafe = unsafe_character(node.value)
                if unsafe:
                    problems.add(node.line, node.column, f"{unsafe[1]} is not allowed")
        else:
            if len(stack) >= MAX_DEPTH:
                raise _fatal(path, event, f"nesting deeper than {MAX_DEPTH} levels")
            collection: Sequence | Mapping
            if isinstance(event, yaml.SequenceStartEvent):
                collection = Sequence(*_position(event))
            else:
                collection = Mapping(*_position(event))
            stack.append((collection, None))
            continue
        if not stack:
            root = node
            continue
        parent, key = stack[-1]
        if isinstance(parent, Sequence):
            if stream is not None and len(stack) == 2 and _is_key(stack[0], stream[0]):
                stream[1](node)
            else:
                parent.items.append(node)
        elif key is None:
            if not isinstance(node, Scalar):
                problems.add(node.line, node.column, "keys must be plain text")
                node = Scalar("", node.line, node.column)
            stack[-1] = (parent, node)
        else:
            first = parent.entries.get(key.value)
            if first is not None and on_duplicate is not None:
                on_duplicate(first[0], key)
            elif first is not None:
                problems.add(
                    key.line,
                    key.column,
                    f"duplicate key '{key.value}' (first at line {first[0].line})",
                )
            else:
                parent.entries[key.value] = (key, node)
            stack[-1] = (parent, None)
    if root is None or (isinstance(root, Scalar) and not root.value.strip()):
        raise LoadError([Problem(path, 1, 1, "file is empty")])
    return root


def _is_key(entry: tuple[Sequence | Mapping, Scalar | None], name: str) -> bool:
    """Whether this open collection is a mapping reading the value of the key ``name``."""
    collection, key = entry
    return isinstance(collection, Mapping) and key is not None and key.value == name
