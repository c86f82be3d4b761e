"""Memory: peak RSS of a round on a 10,000-question pack, against the bare Textual app.

Each run is a fresh process in a pseudo-terminal (terminal.py). Once the first question
is on screen the benchmark plays the round with "1" then Enter, twelve times: that
answers a choice question and goes on, or types and submits "1" for a typed question
(whose feedback the next Enter leaves), which reaches the tenth question. Then it reads
the peak RSS (VmHWM: the whole process, interpreter and Textual included) and presses
Ctrl+C. The bare app gets the same keys.
"""

from __future__ import annotations

from tests.benchmarks.bench_startup import ROUND_MARKER, bare_command
from tests.benchmarks.harness import Row, alternate, report
from tests.benchmarks.synthetic import big_pack, scratch_dir
from tests.benchmarks.terminal import python_command, run_in_terminal

RUNS = 5
QUESTIONS = 10_000
TARGET_EXTRA_MB = 60
KEYS = (b"1", b"\r") * 12


def measure() -> list[Row]:
    pack = big_pack(QUESTIONS)
    data = scratch_dir() / "memory-data"
    game = python_command(
        "-m", "quiz", "play", "--pack", str(pack), "--seed", "1", "--questions", "10"
    )
    bare = bare_command()

    def game_mb() -> float:
        return run_in_terminal(game, ROUND_MARKER, data, KEYS).peak_rss_mb

    def bare_mb() -> float:
        return run_in_terminal(bare, ROUND_MARKER, data, KEYS).peak_rss_mb

    game_mb(), bare_mb()  # warm-up: the byte-code cache, the index, the disk cache
    measured, baseline = alternate(game_mb, bare_mb, RUNS)
    return [
        Row(
            f"peak RSS: a round of 10 on a {QUESTIONS:,}-question pack, played to question 10",
            measured,
            "bare Textual app, same widgets and keys",
            baseline,
            f"<= +{TARGET_EXTRA_MB} MB",
            measured - baseline <= TARGET_EXTRA_MB,
            unit="MB",
        )
    ]


if __name__ == "__main__":
    raise SystemExit(report(measure()))
