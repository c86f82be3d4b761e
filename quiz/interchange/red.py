"""Red-DiscordBot trivia lists: YAML whose keys are questions and whose values list answers.

    AUTHOR: Ada
    CONFIG:
      delay: 20
    What year did the Berlin Wall fall?:
    - 1989
    Which switch position cuts the power?:
    - Off

The answers keep the text as written (``Off``, ``0``, ``1024``): the safe reader never
applies YAML 1.1's typing. A repeated question is kept once, with a warning.
"""

from __future__ import annotations

from decimal import Decimal

from quiz.core.limits import SECONDS_RANGE, playable_seconds
from quiz.core.model import Question, QuestionType
from quiz.core.problems import ProblemList
from quiz.core.text import normalize_answer, parse_number
from quiz.interchange.result import Collector, Imported
from quiz.packs.tree import Mapping, Node, Scalar, Sequence
from quiz.packs.yamltree import parse_yaml


def read(text: str, path: str) -> Imported:
    found = Collector(path)
    problems = ProblemList(path)

    def repeated(first: Scalar, again: Scalar) -> None:
        found.warn(again.line, f"repeats the question at line {first.line}; the first is kept")

    root = parse_yaml(text.encode("utf-8"), problems, on_duplicate=repeated)
    for problem in problems.items:
        found.error(problem.line, problem.message, problem.column)
    if not isinstance(root, Mapping):
        message = "a Red trivia list maps each question to a list of its answers"
        found.error(root.line, message, root.column)
        return found.finish()
    fields: dict[str, str] = {}
    time = None
    for key, (key_node, value) in root.entries.items():
        if key in ("AUTHOR", "DESCRIPTION"):
            fields[key.lower()] = _metadata_text(key_node, value, found)
        elif key == "CONFIG":
            time = _delay(value, found)
        else:
            _question(key_node, value, found)
    return found.finish(time=time, **fields)


def _metadata_text(key: Scalar, value: Node, found: Collector) -> str:
    if isinstance(value, Scalar):
        return value.value.strip()
    found.warn(key.line, f"{key.value} is not text; left out")
    return ""


def _delay(config: Node, found: Collector) -> Decimal | None:
    """Red's ``delay`` (seconds to answer) becomes the pack's time; other settings are Red's own."""
    if not isinstance(config, Mapping) or "delay" not in config.entries:
        return None
    node = config.entries["delay"][1]
    seconds = parse_number(node.value) if isinstance(node, Scalar) else None
    if seconds is None or not playable_seconds(float(seconds)):
        found.warn(node.line, f"CONFIG delay is not a number of seconds {SECONDS_RANGE}")
        return None
    return seconds


def _question(key: Scalar, value: Node, found: Collector) -> None:
    if not isinstance(value, Sequence):
        found.skip(key.line, "its answers must be a list ('- answer' lines)")
        return
    answers: list[str] = []
    seen: set[str] = set()
    for item in value.items:
        if not isinstance(item, Scalar):
            found.skip(item.line, "each answer must be text, not a list or mapping")
            return
        normal = normalize_answer(item.value)
        if normal and normal not in seen:  # Red compares answers ignoring case
            seen.add(normal)
            answers.append(item.value.strip())
    if not answers:
        found.skip(key.line, "no answers")
        return
    question = Question(
        id="",
        type=QuestionType.TEXT,
        prompt=key.value,
        answer=answers[0],
        accept=tuple(answers[1:]),
    )
    found.add(key.line, question)
