"""The score store with 100,000 rounds: recording a round and reading a leaderboard (< 20 ms).

Run alone with ``python -m tests.benchmarks.bench_scores``. The store is filled with seeded
synthetic rounds in one transaction; half of them sit on one board, the worst case for it.
"""

from __future__ import annotations

import dataclasses
import itertools
import random
import tempfile
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

from quiz.scores import Board, RoundRecord, ScoreStore
from tests.benchmarks.harness import Row, format_table, median_ms

ROUNDS = 100_000
RUNS = 25
TARGET_MS = 20.0
OPEN_TARGET_MS = 200.0  # ours: the app opens the store when the first round ends
PACKS = (("capitals", 3), ("his-and-hers", 1), ("science", 2), ("tv", 5), ("world", 1))
BUSY_BOARD = Board(packs=("tv",), mode="classic", questions=10, seconds=20.0)
FIRST_DAY = datetime(2023, 1, 1, tzinfo=UTC)


def synthetic_rounds(count: int, seed: int) -> Iterator[RoundRecord]:
    """Rounds by 1,000 players over three years; every other one on BUSY_BOARD."""
    rng = random.Random(seed)
    for number in range(count):
        if number % 2:
            packs: tuple[tuple[str, int], ...] = (("tv", 5),)
            mode, questions, seconds = "classic", 10, 20.0
        else:
            packs = tuple(sorted(rng.sample(PACKS, rng.randint(1, 3))))
            mode = rng.choice(("classic", "sudden-death"))
            questions = rng.choice((5, 10, 20)) if mode == "classic" else 40
            seconds = rng.choice((10.0, 20.0, 30.0))
        correct = rng.randint(0, questions)
        yield RoundRecord(
            player=f"player {rng.randrange(1000)}",
            packs=packs,
            mode=mode,
            questions=questions,
            seconds=seconds,
            seed=rng.randrange(1_000_000),
            score=correct * rng.randint(500, 1500),
            correct=correct,
            best_streak=rng.randint(0, correct),
            duration=rng.uniform(20, 600),
            played_at=FIRST_DAY + timedelta(seconds=number * 900 + rng.randrange(900)),
            game_version="0.1.0",
        )


def measure() -> list[Row]:
    with tempfile.TemporaryDirectory(prefix="bench-scores-") as name:
        folder = Path(name)
        store = ScoreStore.open(folder, _fail)
        store.record_many(synthetic_rounds(ROUNDS, seed=2025))
        store.close()

        opening = median_ms(lambda: ScoreStore.open(folder, _fail).close(), 5)
        store = ScoreStore.open(folder, _fail)
        # Odd-numbered synthetic rounds are on the busy board; each is played "now".
        fresh = itertools.islice(synthetic_rounds(2 * RUNS, seed=7), 1, None, 2)

        def record_one() -> None:
            store.record(dataclasses.replace(next(fresh), played_at=datetime.now(UTC)))

        recording = median_ms(record_one, RUNS)
        reading = median_ms(lambda: store.leaderboard(BUSY_BOARD), RUNS)
        ranking = median_ms(lambda: store.would_rank(BUSY_BOARD, 9000), RUNS)
        best = median_ms(lambda: store.personal_best(BUSY_BOARD, "player 7"), RUNS)
        assert len(store.leaderboard(BUSY_BOARD)) == 10
        store.close()
    stored = f"{ROUNDS:,} rounds stored"
    return [
        _row(f"scores: record one round, {stored}", recording, TARGET_MS),
        _row(f"scores: read a leaderboard, {stored}", reading, TARGET_MS),
        _row(f"scores: would a score rank, {stored}", ranking, TARGET_MS),
        _row(f"scores: a personal best, {stored}", best, TARGET_MS),
        _row(f"scores: open and check the file, {stored}", opening, OPEN_TARGET_MS),
    ]


def _row(what: str, measured: float, target: float) -> Row:
    return Row(
        what=what,
        median_ms=measured,
        baseline="",
        baseline_ms=None,
        target=f"< {target:g} ms",
        met=measured < target,
    )


def _fail(message: str) -> None:
    raise RuntimeError(f"the benchmark's store warned: {message}")


if __name__ == "__main__":
    print(format_table(measure()))
