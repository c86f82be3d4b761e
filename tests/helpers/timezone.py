"""Tests that show local times set the time zone themselves, whatever the machine's."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def local_time_zone(zone: str) -> Iterator[None]:
    """Local time in ``zone`` (a POSIX rule such as "EST+5" needs no tz database), then
    as it was."""
    original = os.environ.get("TZ")
    os.environ["TZ"] = zone
    time.tzset()
    try:
        yield
    finally:
        if original is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = original
        time.tzset()
