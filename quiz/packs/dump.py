"""Write packs out again: as the YAML the loader reads back unchanged, or as JSON."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import yaml

from quiz.core.model import Difficulty, Pack, Question

_Dumper: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def plain_number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def question_to_dict(question: Question) -> dict[str, Any]:
    """The question's keys in the documented order, leaving out those at their defaults."""
    data: dict[str, Any] = {
        "id": question.id,
        "type": str(question.type),
        "prompt": question.prompt,
        "answer": question.answer,
    }
    if question.wrong:
        data["wrong"] = list(question.wrong)
    if question.accept:
        data["accept"] = list(question.accept)
    if question.tolerance:
        data["tolerance"] = plain_number(question.tolerance)
    if question.difficulty is not Difficulty.MEDIUM:
        data["difficulty"] = str(question.difficulty)
    if question.tags:
        data["tags"] = list(question.tags)
    data = _with_texts_and_time(data, question, ("group", "explain", "evidence"))
    if question.spoiler:
        data["spoiler"] = True
    return data


def header_to_dict(pack: Pack) -> dict[str, Any]:
    header: dict[str, Any] = {"id": pack.id, "title": pack.title, "version": pack.version}
    return _with_texts_and_time(header, pack, ("description", "author", "source"))


def _with_texts_and_time(
    data: dict[str, Any], item: Pack | Question, texts: tuple[str, ...]
) -> dict[str, Any]:
    """``data`` with the item's texts that are not empty, then its time if it has one."""
    data |= {key: getattr(item, key) for key in texts if getattr(item, key)}
    if item.time is not None:
        data["time"] = plain_number(item.time)
    return data


def pack_to_dict(pack: Pack) -> dict[str, Any]:
    return {
        "pack": header_to_dict(pack),
        "questions": [question_to_dict(q) for q in pack.questions],
    }


def dump_pack_yaml(pack: Pack, comment: str = "") -> str:
    """YAML that loads back to an equal pack; ``comment`` lines go at the top.

    Written a question at a time (the same text as the whole pack dumped at once, as
    PyYAML does not indent a list under its key), so that a pack of 100,000 questions
    never holds PyYAML's nodes for all of them at once.
    """
    parts = [f"# {line}\n".replace("# \n", "#\n") for line in comment.splitlines()]
    parts.append(_dump({"pack": header_to_dict(pack)}))
    parts.append("questions:\n" if pack.questions else _dump({"questions": []}))
    parts += (_dump([question_to_dict(question)]) for question in pack.questions)
    return "".join(parts)


def _dump(data: object) -> str:
    return yaml.dump(
        data,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=100,
    )
