"""Fair questions, counted: over 1,000 seeds of each fact sheet, how many wrong answers lie
within tolerance, outside the sheet's bounds or of the wrong attributes; over 1,000 drawn
rounds of 10 of each pack, how many questions an earlier one gave away. Each target is 0.

Counts, not times: the figures are the same on any machine.
"""

from __future__ import annotations

from pathlib import Path

from quiz.facts.loader import load_fact_sheet
from quiz.generate.generator import generate, generate_pack
from quiz.generate.properties import (
    wrong_entities_match,
    wrong_numbers_outside_tolerance,
    wrong_values_in_bounds,
)
from quiz.session.giveaway_rate import giveaway_rate
from tests.benchmarks.harness import Row
from tests.helpers.paths import ARTICLE_SHEETS, SHEET

SEEDS = range(1_000)
ROUND = 10
RULES = (
    ("within tolerance", wrong_numbers_outside_tolerance),
    ("outside bounds", wrong_values_in_bounds),
    ("of other attributes", wrong_entities_match),
)


def _sheets() -> dict[str, Path]:
    return {"his-and-hers": SHEET, **ARTICLE_SHEETS}


def measure() -> list[Row]:
    rows = []
    for name, path in _sheets().items():
        sheet = load_fact_sheet(path)
        broken = dict.fromkeys((rule for rule, _ in RULES), 0)
        choices = 0
        for seed in SEEDS:
            for item in generate(sheet, seed):
                choices += item.question.type == "choice"
                for rule, check in RULES:
                    broken[rule] += check(sheet, item) is not None
        for rule, count in broken.items():
            what = f"{name}: wrong answers {rule}, {choices:,} choices of {len(SEEDS):,} seeds"
            rows.append(Row(what, count, "", None, "0", count == 0, unit="wrong"))
        given = giveaway_rate([generate_pack(sheet, 0)], SEEDS, ROUND)
        what = (
            f"{name}: given away in {given.rounds:,} rounds of {ROUND} ({given.questions:,} asked)"
        )
        rows.append(Row(what, given.given_away, "", None, "0", given.given_away == 0, unit="q"))
    return rows
