"""pack.schema.json agrees with the loader on the packs shipped and on common mistakes."""

from __future__ import annotations

import re
from pathlib import Path

import jsonschema
import pytest

from quiz.core.problems import LoadError
from quiz.packs.loader import load_pack_bytes
from tests.helpers.paths import BANK
from tests.helpers.schema import SCHEMA, schema_errors


def readme_example() -> str:
    readme = (BANK / "README.md").read_text(encoding="utf-8")
    match = re.search(r"## A complete example\n\n```yaml\n(.*?)```", readme, re.DOTALL)
    assert match, "the format README lost its complete example"
    return match.group(1)


def test_the_schema_is_a_valid_json_schema() -> None:
    jsonschema.Draft7Validator.check_schema(SCHEMA)


@pytest.mark.parametrize("path", sorted(BANK.glob("*.yaml")), ids=lambda p: p.name)
def test_shipped_packs_satisfy_the_schema(path: Path) -> None:
    assert schema_errors(path.read_text(encoding="utf-8")) == []


def test_the_documented_example_is_valid_for_loader_and_schema() -> None:
    example = readme_example()
    pack = load_pack_bytes(example.encode(), "README example")
    assert [q.type for q in pack.questions] == ["choice", "truefalse", "number", "text"]
    assert schema_errors(example) == []


HEADER = "pack: {id: demo, title: Demo, version: 1}\nquestions:\n"


@pytest.mark.parametrize(
    "question",
    [
        "- {id: q, type: choice, prompt: P, answer: A}",
        "- {id: q, type: choice, prompt: P, answer: A, wrong: [B, C, D, E, F, G]}",
        "- {id: q, type: text, prompt: P, answer: A, wrong: [B]}",
        "- {id: q, type: number, prompt: P, answer: A, tolerance: -1}",
        "- {id: q, type: quiz, prompt: P, answer: A}",
        "- {id: q, type: text, prompt: P, answer: A, colour: red}",
        "- {id: q, type: text, prompt: P}",
        "- {id: q, type: truefalse, prompt: P, answer: maybe}",
        "- {id: q, type: number, prompt: P, answer: twelve}",
        "- {id: q, type: text, prompt: P, answer: A, time: 0}",
        "- {id: q, type: text, prompt: P, answer: A, difficulty: extreme}",
        "- {id: q, type: text, prompt: '   ', answer: A}",
        "- {id: q, type: choice, prompt: P, answer: A, wrong: [' ']}",
        "- {id: -1, type: text, prompt: P, answer: A}",
    ],
)
def test_the_schema_flags_what_the_loader_refuses(question: str) -> None:
    text = HEADER + question + "\n"
    with pytest.raises(LoadError):
        load_pack_bytes(text.encode())
    assert schema_errors(text)
