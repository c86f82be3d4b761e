"""Loading a 10,000-question pack (about 3 MB) with validation, against bare libyaml.

The baseline is `yaml.load(text, CSafeLoader)` of the same file: libyaml's parser with
PyYAML's safe constructor, no checks. Both include reading the file.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from quiz.packs.loader import load_pack
from tests.benchmarks.harness import Row, alternate_ms, report
from tests.benchmarks.synthetic import big_pack

RUNS = 5
QUESTIONS = 10_000
TARGET_RATIO = 1.3


def bare_load(path: Path) -> object:
    return yaml.load(path.read_text(encoding="utf-8"), yaml.CSafeLoader)


def measure() -> list[Row]:
    path = big_pack(QUESTIONS)
    pack = load_pack(path)  # also warms the disk cache
    assert len(pack.questions) == QUESTIONS
    measured, baseline = alternate_ms(lambda: load_pack(path), lambda: bare_load(path), RUNS)
    megabytes = path.stat().st_size / 1_000_000
    return [
        Row(
            f"load_pack: {QUESTIONS:,} questions, {megabytes:.1f} MB, validated",
            measured,
            "yaml.load(text, CSafeLoader)",
            baseline,
            f"<= {TARGET_RATIO}x",
            measured <= TARGET_RATIO * baseline,
        )
    ]


if __name__ == "__main__":
    raise SystemExit(report(measure()))
