"""python -m tests.benchmarks [NAME...]: run the benchmarks, print the table, exit 1 on a miss.

Each tests/benchmarks/bench_*.py module has `measure() -> list[Row]`; NAME picks modules
(`scores` runs bench_scores). Not part of the normal test run.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

from tests.benchmarks.harness import Row, report

HERE = Path(__file__).parent


def module_names(chosen: list[str]) -> list[str]:
    names = sorted(path.stem for path in HERE.glob("bench_*.py"))
    if not chosen:
        return names
    unknown = [name for name in chosen if f"bench_{name}" not in names]
    if unknown:
        have = ", ".join(name.removeprefix("bench_") for name in names)
        raise SystemExit(f"unknown benchmark {', '.join(unknown)}; have: {have}")
    return [f"bench_{name}" for name in chosen]


def main(argv: list[str]) -> int:
    rows: list[Row] = []
    for name in module_names(argv):
        print(f"running {name} ...", file=sys.stderr, flush=True)
        module = importlib.import_module(f"tests.benchmarks.{name}")
        rows.extend(module.measure())
    return report(rows)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
