"""The budgets of reading a large file: time linear in its size, memory a small multiple of it.

- Validating a pack and importing a CSV sheet of twice the questions take at most 2.2x
  as long, and so does an import whose rows the pack rules all refuse (each question is
  checked on its own: it was quadratic in the refused rows).
- Peak memory over a bare interpreter, in a process of its own, as a multiple of the
  file's size: validating a pack at most 10x (its questions are read one at a time, never
  the tree of the whole file), importing a CSV sheet at most 20x (the sheet's rows, the
  questions and the pack's text are in memory together).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from quiz.cli import main
from tests.benchmarks.harness import Row, alternate_ms, report
from tests.benchmarks.synthetic import big_pack, scratch_dir

RUNS = 3
QUESTIONS = 10_000
REFUSED = 2_000
TARGET_RATIO = 2.2
VALIDATE_MEMORY_FACTOR = 10
IMPORT_MEMORY_FACTOR = 20


def sheet(rows: int, refused: bool = False) -> Path:
    """A plain CSV sheet; with ``refused``, every row's wrong answer repeats its answer."""
    path = scratch_dir() / "budgets" / f"sheet-{rows}{'-refused' if refused else ''}.csv"
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = ["Question,Answer,Wrong 1,Wrong 2"]
    for n in range(rows):
        wrong = f"Answer {n}" if refused else f"Other {n}"
        lines.append(f"What is thing number {n} of this long sheet?,Answer {n},{wrong},Else {n}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def quiz(*argv: str) -> None:
    """A command in this process, its output thrown away."""
    devnull = open("/dev/null", "w", encoding="utf-8")  # noqa: SIM115
    stdout, stderr = sys.stdout, sys.stderr
    sys.stdout = sys.stderr = devnull
    try:
        main(list(argv))
    finally:
        sys.stdout, sys.stderr = stdout, stderr
        devnull.close()


def importing(path: Path) -> None:
    quiz("import", "csv", str(path), "--out", str(path.with_suffix(".yaml")), "--force")


def doubling(what: str, small: object, large: object) -> Row:
    measured, baseline = alternate_ms(large, small, RUNS)  # type: ignore[arg-type]
    return Row(
        f"{what}: twice the size",
        measured,
        "the same at half the size",
        baseline,
        f"<= {TARGET_RATIO}x",
        measured <= TARGET_RATIO * baseline,
    )


# Runs a command in a fresh interpreter and tells its own peak RSS (VmHWM, in KB) on
# stderr: ru_maxrss would count the memory of the parent it was forked from.
PEAK = """
import os, sys
from quiz.cli import main
if sys.argv[1:]:
    sys.stdout = sys.stderr = open(os.devnull, "w")
    main(sys.argv[1:])
with open("/proc/self/status") as status:
    peak = next(line.split()[1] for line in status if line.startswith("VmHWM:"))
os.write(2, peak.encode())
"""


def peak_mb(*argv: str) -> float:
    """Peak RSS of `quiz ARGV` in a process of its own (without ARGV: one that only imports
    quiz.cli, the baseline), in MB."""
    run = subprocess.run(
        [sys.executable, "-c", PEAK, *argv], capture_output=True, text=True, check=True
    )
    return int(run.stderr.strip().splitlines()[-1]) / 1024


def memory(what: str, path: Path, factor: int, *argv: str) -> Row:
    bare = peak_mb()
    used = peak_mb(*argv)
    size_mb = path.stat().st_size / 2**20
    return Row(
        f"peak RSS: {what} ({size_mb:.1f} MB file)",
        used - bare,
        "",
        None,
        f"<= {factor}x the file ({factor * size_mb:.0f} MB)",
        used - bare <= factor * size_mb,
        unit="MB",
    )


def measure() -> list[Row]:
    small_pack, large_pack = big_pack(QUESTIONS // 2), big_pack(QUESTIONS)
    small_sheet, large_sheet = sheet(QUESTIONS // 2), sheet(QUESTIONS)
    small_refused, large_refused = sheet(REFUSED // 2, True), sheet(REFUSED, True)
    memory_pack, memory_sheet = big_pack(4 * QUESTIONS), sheet(8 * QUESTIONS)
    return [
        doubling(
            f"quiz validate, {QUESTIONS:,} questions",
            lambda: quiz("validate", str(small_pack)),
            lambda: quiz("validate", str(large_pack)),
        ),
        doubling(
            f"quiz import csv, {QUESTIONS:,} rows",
            lambda: importing(small_sheet),
            lambda: importing(large_sheet),
        ),
        doubling(
            f"quiz import csv, {REFUSED:,} rows all refused",
            lambda: quiz("import", "csv", str(small_refused), "--out", "/dev/null/x"),
            lambda: quiz("import", "csv", str(large_refused), "--out", "/dev/null/x"),
        ),
        memory(
            f"quiz validate, {4 * QUESTIONS:,} questions",
            memory_pack,
            VALIDATE_MEMORY_FACTOR,
            "validate",
            str(memory_pack),
        ),
        memory(
            f"quiz import csv, {8 * QUESTIONS:,} rows",
            memory_sheet,
            IMPORT_MEMORY_FACTOR,
            "import",
            "csv",
            str(memory_sheet),
            "--out",
            str(memory_sheet.with_suffix(".yaml")),
            "--force",
        ),
    ]


if __name__ == "__main__":
    raise SystemExit(report(measure()))
