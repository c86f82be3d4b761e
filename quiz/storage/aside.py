"""A damaged file of the game's own is moved aside, never deleted and never written over:
the player can still recover what it held."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path


def move_aside(path: Path, label: str, moment: datetime, companions: tuple[str, ...] = ()) -> Path:
    """Rename ``path`` to ``<name>.<label>-<UTC time>`` (``-2``, ``-3``... where that name is
    taken), with each companion file (``path`` + suffix, such as SQLite's ``-wal``) beside it;
    the new path. Raises OSError if the file cannot be renamed."""
    stamp = moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    aside = path.with_name(f"{path.name}.{label}-{stamp}")
    number = 1
    while any(Path(f"{aside}{suffix}").exists() for suffix in ("", *companions)):
        number += 1
        aside = path.with_name(f"{path.name}.{label}-{stamp}-{number}")
    os.rename(path, aside)
    for suffix in companions:
        companion = Path(f"{path}{suffix}")
        if companion.exists():
            os.rename(companion, f"{aside}{suffix}")
    return aside
