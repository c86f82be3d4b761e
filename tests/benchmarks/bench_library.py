"""A big library: Home with 60 installed packs (100,000 questions), against Home with one.

Home lists titles and counts from the pack index, so once the index is warm (after one
untimed start of each) a big library should start as fast as a small one. Timed like
start-up (terminal.py): spawn to the Home screen on the terminal, alternating.
"""

from __future__ import annotations

import json
from pathlib import Path

from quiz.packs.library import INDEX_FILE
from tests.benchmarks.harness import Row, alternate, report
from tests.benchmarks.synthetic import library_data_dir
from tests.benchmarks.terminal import python_command, run_in_terminal

RUNS = 9
PACKS = 60
QUESTIONS = 100_000
TARGET_RATIO = 1.1
# The title line of the Home screen.
HOME_MARKER = "trivia that can prove its answers"


def measure() -> list[Row]:
    big = library_data_dir(PACKS, QUESTIONS)
    small = library_data_dir(1, QUESTIONS // PACKS)
    command = python_command("-m", "quiz")
    for data in (big, small):  # the first start of each writes its pack index
        run_in_terminal(command, HOME_MARKER, data)
    indexed = len(json.loads((big / INDEX_FILE).read_text(encoding="utf-8"))["packs"])
    if indexed < PACKS:
        raise RuntimeError(f"Home indexed {indexed} packs, not the {PACKS} installed")

    def home_ms(data: Path) -> float:
        return run_in_terminal(command, HOME_MARKER, data).first_frame_ms

    measured, baseline = alternate(lambda: home_ms(big), lambda: home_ms(small), RUNS)
    return [
        Row(
            f"start-up: quiz to Home, {PACKS} packs, {QUESTIONS:,} questions, index warm",
            measured,
            "the same with 1 pack",
            baseline,
            f"<= {TARGET_RATIO}x",
            measured <= TARGET_RATIO * baseline,
        )
    ]


if __name__ == "__main__":
    raise SystemExit(report(measure()))
