"""Where the game finds its shipped files and keeps the player's own."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "quiz"
DATA_DIR_VARIABLE = "QUIZ_DATA_DIR"

_PACKAGE = Path(__file__).resolve().parent.parent  # the quiz package


def _shipped(name: str) -> Path:
    """A top-level folder of the repository, or its copy inside an installed wheel."""
    installed = _PACKAGE / name
    return installed if installed.is_dir() else _PACKAGE.parent / name


def shipped_packs_dir() -> Path:
    return _shipped("question_bank")


def seeds_dir() -> Path:
    return _shipped("seeds")


def data_dir(override: str | Path | None = None) -> Path:
    """The player's data folder: ``--data-dir``, then $QUIZ_DATA_DIR, then the platform's."""
    if override:
        return Path(override)
    from_environment = os.environ.get(DATA_DIR_VARIABLE)
    if from_environment:
        return Path(from_environment)
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def user_packs_dir(override: str | Path | None = None) -> Path:
    return data_dir(override) / "packs"
