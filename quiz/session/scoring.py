"""Points for a right answer: speed points plus a streak bonus (documented in README.md)."""

from __future__ import annotations

import math
from fractions import Fraction

FASTEST_POINTS = 1000  # answered at once
SLOWEST_POINTS = 500  # answered exactly at the deadline
STREAK_STEP = 100  # per right answer in a row before this one
STREAK_CAP = 500


def speed_points(elapsed: float, limit: float) -> int:
    """1000 at once down to 500 at the deadline, linear, rounded to the nearest point.

    Exact fractions, so that the middle of a 20 s question is 750 and not 749.
    """
    share = min(max(Fraction(elapsed) / Fraction(limit), Fraction(0)), Fraction(1))
    exact = FASTEST_POINTS - (FASTEST_POINTS - SLOWEST_POINTS) * share
    return math.floor(exact + Fraction(1, 2))


def streak_bonus(streak_before: int) -> int:
    return min(STREAK_STEP * streak_before, STREAK_CAP)
