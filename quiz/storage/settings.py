"""What the game remembers between runs: the last round's settings, player name and theme.

A small JSON file in the data folder, replaced atomically. A damaged file is moved aside
with a warning and the defaults are used: a settings file never stops the game.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from quiz.core.limits import DEFAULT_QUESTIONS, DEFAULT_SECONDS, MAX_QUESTIONS, playable_seconds
from quiz.core.model import Mode
from quiz.core.text import clean_player_name, has_lone_surrogate
from quiz.storage.aside import move_aside
from quiz.storage.atomic import write_atomically
from quiz.storage.reading import UnreadableFile, read_user_file

SETTINGS_FILE = "settings.json"
MAX_TEXT = 200  # a pack path or theme name; anything longer is not ours
MAX_FILE_BYTES = 1024 * 1024  # a settings file is a few hundred bytes

Warn = Callable[[str], None]


@dataclass(frozen=True, slots=True)
class Settings:
    packs: tuple[str, ...] = ()  # pack ids or paths of the last round; empty: every pack
    questions: int = DEFAULT_QUESTIONS
    seconds: float = DEFAULT_SECONDS
    mode: Mode = Mode.CLASSIC
    player: str = ""
    theme: str = ""
    spoilers: bool = True  # False: rounds leave out questions marked as spoilers


def settings_path(folder: Path) -> Path:
    return folder / SETTINGS_FILE


def load_settings(folder: Path, warn: Warn) -> Settings:
    """The remembered settings; defaults for a missing file or any value that makes no sense."""
    path = settings_path(folder)
    if not path.exists():
        return Settings()
    try:
        data = json.loads(read_user_file(path, MAX_FILE_BYTES))
    except UnreadableFile as reason:
        why = str(reason).removeprefix("cannot read file: ")
        warn(f"{path}: cannot read the settings ({why}); using the defaults")
        return Settings()
    except (ValueError, RecursionError):  # RecursionError: nested deeper than json can go
        _move_aside(path, "is not valid JSON", warn)
        return Settings()
    if not isinstance(data, dict):
        _move_aside(path, "is not a JSON object", warn)
        return Settings()
    return _from_json(data)


def save_settings(folder: Path, settings: Settings, warn: Warn) -> bool:
    """Write the settings atomically: a crash leaves the old file or the new one, never half."""
    path = settings_path(folder)
    data = asdict(settings) | {"packs": list(settings.packs), "mode": str(settings.mode)}
    try:
        folder.mkdir(parents=True, exist_ok=True)
        # ASCII: a pack path may hold bytes that are not UTF-8 (read back, it is dropped).
        write_atomically(path, json.dumps(data, indent=2), durable=True)
        return True
    except OSError as error:
        warn(f"{path}: cannot save the settings ({error.strerror or error})")
        return False


def _move_aside(path: Path, reason: str, warn: Warn) -> None:
    try:
        aside = move_aside(path, "damaged", datetime.now(UTC))
    except OSError as error:
        warn(f"{path}: {reason} and cannot be moved aside ({error.strerror}); using the defaults")
        return
    warn(f"{path}: {reason}; moved it to {aside.name} and using the defaults")


def _from_json(data: dict[str, Any]) -> Settings:
    """Each value that is usable is kept; a wrong one falls back to its default alone."""
    defaults = Settings()
    packs = data.get("packs")
    if not isinstance(packs, list) or not all(_is_short_text(item) for item in packs):
        packs = list(defaults.packs)
    mode = data.get("mode")
    return Settings(
        packs=tuple(packs),
        questions=_count(data.get("questions"), defaults.questions),
        seconds=_seconds(data.get("seconds"), defaults.seconds),
        mode=Mode(mode) if mode in tuple(Mode) else defaults.mode,
        player=_player(data.get("player"), defaults.player),
        theme=_text(data.get("theme"), defaults.theme),
        spoilers=_flag(data.get("spoilers"), defaults.spoilers),
    )


# bool is an int to Python, but never a count or a number of seconds.


def _count(value: object, default: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        return default
    return value if 1 <= value <= MAX_QUESTIONS else default


def _seconds(value: object, default: float) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return default
    return float(value) if playable_seconds(value) else default


def _flag(value: object, default: bool) -> bool:
    return value if isinstance(value, bool) else default


def _text(value: object, default: str) -> str:
    return value if isinstance(value, str) and _is_short_text(value) else default


def _player(value: object, default: str) -> str:
    """A remembered name obeys the rule a typed one does."""
    name = clean_player_name(value) if isinstance(value, str) else None
    return name or default


def _is_short_text(value: object) -> bool:
    return isinstance(value, str) and len(value) <= MAX_TEXT and not has_lone_surrogate(value)
