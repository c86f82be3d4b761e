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
    if question.group:
        data["group"] = question.group
    for key in ("explain", "evidence"):
        if getattr(question, key):
            data[key] = getattr(question, key)
    if question.time is not None:
        data["time"] = plain_number(question.time)
    return data


def pack_to_dict(pack: Pack) -> dict[str, Any]:
    header: dict[str, Any] = {"id": pack.id, "title": pack.title, "version": pack.version}
    for key in ("description", "author", "source"):
        if getattr(pack, key):
            header[key] = getattr(pack, key)
    if pack.time is not None:
        header["time"] = plain_number(pack.time)
    return {"pack": header, "questions": [question_to_dict(q) for q in pack.questions]}


def dump_pack_yaml(pack: Pack, comment: str = "") -> str:
    """YAML that loads back to an equal pack; ``comment`` lines go at the top."""
    body = yaml.dump(
        pack_to_dict(pack),
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=100,
    )
    header = "".join(f"# {line}\n".replace("# \n", "#\n") for line in comment.splitlines())
    return header + body
