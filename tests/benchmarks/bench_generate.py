"""Fact sheet to pack: a seeded synthetic sheet of 2,000 facts, and of 4,000 to see it scale.

Each run loads the sheet (safe YAML, every quote looked up in its article, every value in
its quote) and generates the pack. The sheets and articles are written to a temporary
folder, never committed. The two sizes are timed in turns in the same process, so a busy
machine slows both alike.
"""

from __future__ import annotations

import atexit
import random
import shutil
import tempfile
from functools import cache
from pathlib import Path

from quiz.core.model import Pack
from quiz.facts.loader import load_fact_sheet
from quiz.generate.generator import generate_pack
from tests.benchmarks.harness import Row, alternate_ms, report

RUNS = 9
SMALL = 2_000
LARGE = 4_000
TARGET_MS = 1_000
TARGET_RATIO = 2.2
SEED = 20_260_301

SYLLABLES = ("ka", "lo", "mi", "ra", "ven", "tor", "sel", "dan", "bri", "quo", "fen", "gar")
MONTHS = "January February March April May June July August September October November December"
# (relation, subject type, value, statement): one sentence of the article per fact.
RELATIONS = (
    ("born-on", "person", "date", "{subject} was born on {value}."),
    ("lives-in", "person", "place", "{subject} lives in {value}."),
    ("member-of", "person", "group", "{subject} is a member of {value}."),
    ("founded-in", "group", "integer", "{subject} was founded in {value}."),
    ("leader", "group", "person", "{value} leads {subject}."),
    ("motto", "group", "text", "The motto of {subject} is {value}."),
    ("opened-on", "place", "date", "{subject} opened on {value}."),
    ("population", "place", "integer", "{subject} has {value} people."),
    ("coastal", "place", "boolean", "{subject} is on the coast."),
    ("members", "group", "person", "{value} belongs to {subject}."),
)
ENTITY_TYPES = ("person", "place", "group")


def _name(rng: random.Random, index: int) -> str:
    first = "".join(rng.choice(SYLLABLES) for _ in range(2)).capitalize()
    last = "".join(rng.choice(SYLLABLES) for _ in range(3)).capitalize()
    return f"{first} {last}{'abcdefghij'[index % 10]}{index // 10}"


def write_sheet(folder: Path, facts: int, seed: int) -> Path:
    """A valid sheet of ``facts`` facts about ``3 * (facts // 5 + 3)`` entities, and its article."""
    rng = random.Random(seed)
    entities = {kind: [f"{kind}-{i}" for i in range(facts // 5 + 3)] for kind in ENTITY_TYPES}
    names = {key: _name(rng, n) for n, key in enumerate(k for ks in entities.values() for k in ks)}
    sheet = ["article: article.txt", "pack: {id: synthetic, title: Synthetic, version: 1}"]
    sheet.append("entities:")
    sheet += [
        f"  {key}: {{type: {key.split('-')[0]}, name: {name}}}" for key, name in names.items()
    ]
    sheet.append("relations:")
    for key, subject, value, statement in RELATIONS:
        many = "true" if key == "members" else "false"
        sheet += [
            f"  {key}:",
            f"    subject: {subject}",
            f"    value: {value}",
            f"    many: {many}",
            f'    ask: ["Which {key} for {{subject}}?", "Name the {key} of {{subject}}."]',
            f'    statement: "{statement}"',
        ]
        if value == "boolean":
            sheet.append('    negation: "{subject} is inland."')
        if key in ("leader", "members"):  # one role: wrong people drawn from both
            sheet.append("    distractors-from: [leader, members]")
    article = [f"{name} is here." for name in names.values()]
    sheet.append("facts:")
    used: set[tuple[str, str]] = set()
    while len(used) < facts:
        key, subject_type, kind, statement = rng.choice(RELATIONS)
        subject = rng.choice(entities[subject_type])
        if (subject, key) in used:
            continue
        used.add((subject, key))
        value, written = _value(rng, kind, entities, names)
        sentence = statement.replace("{subject}", names[subject]).replace("{value}", written)
        article.append(sentence)
        sheet += [
            f"  - subject: {subject}",
            f"    relation: {key}",
            f'    value: "{value}"',
            f'    evidence: "{sentence}"',
        ]
        if kind == "text":  # a phrase is asked only with the ways to type it
            sheet.append(f'    accept: ["the {value}"]')
    (folder / "article.txt").write_text("\n".join(article) + "\n", encoding="utf-8")
    path = folder / "synthetic.facts.yaml"
    path.write_text("\n".join(sheet) + "\n", encoding="utf-8")
    return path


def _value(
    rng: random.Random, kind: str, entities: dict[str, list[str]], names: dict[str, str]
) -> tuple[str, str]:
    """The value as the sheet writes it, and as the article does."""
    if kind == "date":
        text = f"{rng.choice(MONTHS.split())} {rng.randint(1, 28)}, {rng.randint(1900, 2020)}"
        return text, text
    if kind == "integer":
        text = str(rng.randint(2, 90_000))
        return text, text
    if kind == "boolean":
        return "true", ""
    if kind == "text":
        text = " ".join(rng.choice(SYLLABLES) for _ in range(3))
        return text, text
    key = rng.choice(entities[kind])
    return key, names[key]


@cache
def sheet_path(facts: int) -> Path:
    folder = Path(tempfile.mkdtemp(prefix=f"quiz-bench-facts-{facts}-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return write_sheet(folder, facts, SEED)


def sheet_to_pack(path: Path) -> Pack:
    return generate_pack(load_fact_sheet(path), seed=0)


def measure() -> list[Row]:
    small, large = sheet_path(SMALL), sheet_path(LARGE)
    questions = len(sheet_to_pack(small).questions)  # also warms caches and checks validity
    large_questions = len(sheet_to_pack(large).questions)
    large_ms, small_ms = alternate_ms(
        lambda: sheet_to_pack(large), lambda: sheet_to_pack(small), RUNS
    )
    return [
        Row(
            f"fact sheet -> pack: {SMALL:,} facts, {questions:,} questions",
            small_ms,
            "",
            None,
            f"< {TARGET_MS:,} ms",
            small_ms < TARGET_MS,
        ),
        Row(
            f"fact sheet -> pack: {LARGE:,} facts, {large_questions:,} questions",
            large_ms,
            f"{SMALL:,} facts",
            small_ms,
            f"<= {TARGET_RATIO}x",
            large_ms <= TARGET_RATIO * small_ms,
        ),
    ]


if __name__ == "__main__":
    raise SystemExit(report(measure()))
