"""Loaded packs kept as JSON, so that a round from an unchanged pack file parses no YAML.

Starting a round loads its packs in full; with the cache that costs a JSON read instead
of importing PyYAML and parsing every question, which is most of what the game does
before Textual starts. An entry is used only while its stamp matches: the pack file's
inode, size, modification and change times, and those of the loader's own source files,
so an edited or replaced pack (even one copied in with its old modification time) or an
upgraded game never reads an entry written before. The cache holds nothing of the
player's: an entry that is stale, damaged or unreadable is loaded from the pack file
again and rewritten, and a folder that cannot be written only costs the next start a
parse. A file changed in the last few seconds is not cached yet: changed again within
the file system's timestamp granularity, and to the same size, it would keep its stamp.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from dataclasses import asdict
from decimal import Decimal
from pathlib import Path
from typing import Any, NamedTuple

from quiz import __version__
from quiz.core.model import Difficulty, Pack, Question, QuestionType
from quiz.core.problems import LoadError
from quiz.packs.loader import recheck
from quiz.storage.atomic import room_to_spare, write_atomically

CACHE_FOLDER = "pack-cache"
FORMAT = 1
# The packages whose code decides how a pack file is read: a change to any module in them,
# or one added or removed, retires every entry. Whole folders rather than a list of files,
# which would go stale unnoticed when a module moves (a test checks that the loader imports
# nothing from outside them).
LOADER_PACKAGES = ("core", "packs")
_PACKAGE = Path(__file__).resolve().parent.parent  # the quiz package
SETTLED_NS = 3_000_000_000


class _Stamp(NamedTuple):
    format: int
    version: str
    path: str  # resolved
    inode: int
    size: int
    mtime_ns: int
    ctime_ns: int  # which no one can set back, as a copy can set the modification time
    loader: list[list[str | int]]  # loader_stamp()

    def settled(self) -> bool:
        return time.time_ns() - self.mtime_ns >= SETTLED_NS


def load_cached(path: Path, cache_dir: Path | None) -> Pack:
    """The pack at ``path``, from the cache when it is current; raises LoadError as
    ``load_pack`` does (a pack with problems is never cached)."""
    if cache_dir is None:
        return _parse(path)
    stamp = _stamp(path)
    cached = None if stamp is None else _read(path, cache_dir, stamp)
    if cached is not None:
        return cached
    pack = _parse(path)
    if stamp is not None and stamp.settled():
        # Stamped as before the parse: had the file changed since, its stamp will differ.
        _write(cache_dir, stamp, pack)
    return pack


def _parse(path: Path) -> Pack:
    from quiz.packs import loader  # looked up here, so that tests can count the parses

    return loader.load_pack(path)  # imports PyYAML: only when the cache cannot answer


def _stamp(path: Path) -> _Stamp | None:
    try:
        resolved = path.resolve()
        stat = resolved.stat()
    except (OSError, RuntimeError):  # missing, unreadable, a symlink loop: load_pack says why
        return None
    return _Stamp(
        FORMAT,
        __version__,
        str(resolved),
        stat.st_ino,
        stat.st_size,
        stat.st_mtime_ns,
        stat.st_ctime_ns,
        loader_stamp(),
    )


def loader_stamp() -> list[list[str | int]]:
    """Each loader module's name and modification time, as JSON keeps them: what read a
    pack before is stale when they change (the pack index's summaries as well as this
    cache's entries)."""
    stamp: list[list[str | int]] = []
    for package in LOADER_PACKAGES:
        try:
            modules = sorted((_PACKAGE / package).glob("*.py"))
            stamp += [[f"{package}/{path.name}", path.stat().st_mtime_ns] for path in modules]
        except OSError:  # pragma: no cover - a zipped install: the version still guards it
            stamp.append([package, 0])
    return stamp


def _entry_path(cache_dir: Path, stamp: _Stamp) -> Path:
    key = hashlib.sha256(os.fsencode(stamp.path)).hexdigest()
    return cache_dir / f"{key[:32]}.json"


# An entry is two lines of JSON: its stamp and the checksum of the second, then the pack.


def _read(path: Path, cache_dir: Path, stamp: _Stamp) -> Pack | None:
    try:
        header, _, body = _entry_path(cache_dir, stamp).read_text(encoding="ascii").partition("\n")
        entry = json.loads(header)
        if entry["stamp"] != list(stamp) or entry["sha256"] != _checksum(body):
            return None
        pack = _decode(json.loads(body), path)
        # Checked as strictly as the file: an entry edited to match its checksum still
        # cannot hand the game a pack its loader would refuse.
        recheck(pack, str(path))
        return pack
    except (OSError, ValueError, TypeError, KeyError, ArithmeticError, RecursionError, LoadError):
        return None  # missing, stale or damaged: the file is loaded again


def _write(cache_dir: Path, stamp: _Stamp, pack: Pack) -> None:
    # ASCII throughout (json escapes the rest): a path need not be valid UTF-8.
    body = json.dumps(_encode(pack), default=str)  # Decimals as their text
    header = json.dumps({"stamp": stamp, "sha256": _checksum(body)})
    entry = f"{header}\n{body}"
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        if room_to_spare(cache_dir, len(entry)):
            write_atomically(_entry_path(cache_dir, stamp), entry)
    except OSError:
        pass  # an unwritable folder only costs the next start a parse


def _checksum(body: str) -> str:
    """An entry damaged on disk, however it still parses, is not used."""
    return hashlib.sha256(body.encode("ascii")).hexdigest()


def _encode(pack: Pack) -> dict[str, Any]:
    data = asdict(pack)
    del data["path"]  # the file it was read from, known again when it is read back
    return data


def _decode(data: dict[str, Any], path: Path) -> Pack:
    questions = tuple(_decode_question(question) for question in data["questions"])
    return Pack(**data | {"questions": questions, "time": _decimal(data["time"]), "path": path})


def _decode_question(data: dict[str, Any]) -> Question:
    return Question(
        **data
        | {
            "type": QuestionType(data["type"]),
            "wrong": tuple(data["wrong"]),
            "accept": tuple(data["accept"]),
            "tolerance": Decimal(data["tolerance"]),
            "difficulty": Difficulty(data["difficulty"]),
            "tags": tuple(data["tags"]),
            "time": _decimal(data["time"]),
        }
    )


def _decimal(text: str | None) -> Decimal | None:
    return None if text is None else Decimal(text)
