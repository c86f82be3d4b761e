"""What every benchmark shares: the row it reports and timing that resists a noisy machine.

A figure is a median of several runs. A ratio compares two things measured in the same
process, alternating run by run, so that a busy neighbour slows both alike.
"""

from __future__ import annotations

import datetime
import os
import platform
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Row:
    what: str  # what was measured
    median_ms: float
    baseline: str  # what it is compared with; "" for an absolute target
    baseline_ms: float | None
    target: str  # as a person reads it: "<= 1.3x", "< 20 ms", "+150 ms"
    met: bool
    unit: str = "ms"  # of median_ms and baseline_ms: "MB" for memory

    @property
    def ratio(self) -> float | None:
        if not self.baseline_ms:
            return None
        return self.median_ms / self.baseline_ms


def elapsed_ms(func: Callable[[], object]) -> float:
    start = time.perf_counter()
    func()
    return (time.perf_counter() - start) * 1000


def median_ms(func: Callable[[], object], runs: int) -> float:
    return statistics.median(elapsed_ms(func) for _ in range(runs))


def alternate(
    measured: Callable[[], float], baseline: Callable[[], float], runs: int
) -> tuple[float, float]:
    """Medians of the figures both return, run in turns (measured, baseline, measured, ...)."""
    measured_figures: list[float] = []
    baseline_figures: list[float] = []
    for _ in range(runs):
        measured_figures.append(measured())
        baseline_figures.append(baseline())
    return statistics.median(measured_figures), statistics.median(baseline_figures)


def alternate_ms(
    measured: Callable[[], object], baseline: Callable[[], object], runs: int
) -> tuple[float, float]:
    """Median times of both, run in turns (measured, baseline, measured, ...)."""
    return alternate(lambda: elapsed_ms(measured), lambda: elapsed_ms(baseline), runs)


def format_table(rows: list[Row]) -> str:
    header = ("what", "median", "baseline", "baseline median", "ratio", "target", "met")
    lines = [header]
    for row in rows:
        lines.append(
            (
                row.what,
                f"{row.median_ms:.1f} {row.unit}",
                row.baseline or "-",
                "-" if row.baseline_ms is None else f"{row.baseline_ms:.1f} {row.unit}",
                "-" if row.ratio is None else f"{row.ratio:.2f}x",
                row.target,
                "yes" if row.met else "NO",
            )
        )
    widths = [max(len(line[column]) for line in lines) for column in range(len(header))]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip()
        for line in lines
    )


def machine() -> str:
    today = datetime.date.today().isoformat()
    return (
        f"{today}, {os.cpu_count()} cores ({cpu_model()}), Python {platform.python_version()}, "
        f"{platform.system()} {platform.machine()}"
    )


def cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
            for line in cpuinfo:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def report(rows: list[Row]) -> int:
    """Print the date, the machine and the table; 1 when a target is missed, else 0."""
    print(machine())
    print(format_table(rows))
    missed = [row.what for row in rows if not row.met]
    if missed:
        print(f"missed: {'; '.join(missed)}")
    return 1 if missed else 0
