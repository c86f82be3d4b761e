"""The installed packs: found in folders, summarised for menus, loaded in full on demand.

Summaries are cached in an index keyed by each file's inode, size and times,
so a large library is listed without parsing every question of every pack; whole packs
are cached too (quiz.packs.cache), so a round starts without parsing its packs.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from quiz import __version__
from quiz.core.limits import playable_seconds
from quiz.core.model import Pack
from quiz.core.problems import LoadError, Problem
from quiz.core.text import unsafe_character
from quiz.packs.cache import CACHE_FOLDER, load_cached, loader_stamp
from quiz.packs.format import PACK_ID
from quiz.storage.atomic import room_to_spare, write_atomically
from quiz.storage.paths import data_dir as resolve_data_dir
from quiz.storage.paths import shipped_packs_dir, user_packs_dir
from quiz.storage.reading import UnreadableFile, read_user_file

PACK_SUFFIXES = (".yaml", ".yml")
# 3: each summary says whether the pack has spoilers. An index of another version is
# rebuilt whole, and an entry without every field of PackSummary is summarised again.
INDEX_VERSION = 3
INDEX_FILE = "pack-index.json"
MAX_INDEX_BYTES = 64 * 1024 * 1024  # some 200,000 packs


@dataclass(frozen=True, slots=True)
class PackSummary:
    id: str
    title: str
    version: int
    question_count: int
    path: str
    source: str = ""
    description: str = ""
    seconds: float | None = None  # the pack's own time per question, which the round's yields to
    spoilers: bool = False  # a question names a twist of the story (Question.spoiler)

    @classmethod
    def of(cls, pack: Pack, path: Path) -> PackSummary:
        return cls(
            id=pack.id,
            title=pack.title,
            version=pack.version,
            question_count=len(pack.questions),
            path=str(path),
            source=pack.source,
            description=pack.description,
            seconds=None if pack.time is None else float(pack.time),
            spoilers=any(question.spoiler for question in pack.questions),
        )

    @classmethod
    def from_index(cls, data: object) -> PackSummary | None:
        """A summary as the index keeps it, checked as the loader checks a pack's header:
        None for one this game would not have written (the index is rebuilt from it),
        such as one written before a field was added: a missing `spoilers` is never
        guessed to be False, as that would show a pack of spoilers as free of them."""
        names = [item.name for item in fields(cls)]
        if not isinstance(data, dict) or sorted(data) != sorted(names):
            return None
        texts = [data[key] for key in ("id", "title", "path", "source", "description")]
        if not all(isinstance(text, str) and unsafe_character(text) is None for text in texts):
            return None
        counts = [data["version"], data["question_count"]]
        if not all(type(count) is int and count >= 1 for count in counts):
            return None
        seconds = data["seconds"]
        if seconds is not None and not (
            type(seconds) in (int, float) and playable_seconds(seconds)
        ):
            return None
        if type(data["spoilers"]) is not bool:
            return None
        if not PACK_ID.fullmatch(data["id"]) or not data["title"].strip():
            return None
        return cls(**data)


@dataclass(slots=True)
class Library:
    packs: list[PackSummary] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    cache_dir: Path | None = None  # where whole packs are cached; None: never

    def by_id(self, pack_id: str) -> PackSummary | None:
        return next((pack for pack in self.packs if pack.id == pack_id), None)

    def load(self, path: Path) -> Pack:
        """The whole pack at ``path``; raises LoadError listing its problems."""
        return load_cached(path, self.cache_dir)


def pack_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(path for path in folder.iterdir() if is_pack_name(path))


def is_pack_name(path: Path) -> bool:
    """Whether the file's name says it is a pack: .yaml or .yml, in any case."""
    return path.suffix.lower() in PACK_SUFFIXES


def scan_library(
    folders: list[Path],
    extra_files: list[Path],
    index_path: Path | None,
    cache_dir: Path | None = None,
) -> Library:
    """Summarise every pack in ``folders`` and ``extra_files``; bad files become problems."""
    index = _read_index(index_path)
    fresh_index: dict[str, dict[str, object]] = {}
    library = Library(cache_dir=cache_dir)
    first_file_of_id: dict[str, str] = {}
    files = [path for folder in folders for path in pack_files(folder)] + extra_files
    scanned: set[Path] = set()
    for path in files:
        try:
            resolved = path.resolve()
        except (OSError, RuntimeError):  # a symlink loop: reading it says so
            resolved = path
        if resolved in scanned:  # an installed pack named by its file as well
            continue
        scanned.add(resolved)
        summary = _summary(path, resolved, index, fresh_index, library)
        if summary is None:
            continue
        first = first_file_of_id.setdefault(summary.id, summary.path)
        if first != summary.path:
            library.problems.append(
                Problem(summary.path, 1, 1, f"pack id '{summary.id}' is also used by {first}")
            )
            continue
        library.packs.append(summary)
    if index_path is not None and fresh_index != index.get("packs"):
        _write_index(index_path, fresh_index)
    return library


def _summary(
    path: Path,
    resolved: Path,
    index: dict[str, object],
    fresh_index: dict[str, dict[str, object]],
    library: Library,
) -> PackSummary | None:
    try:
        stat = path.stat()
    except OSError as error:
        library.problems.append(Problem(str(path), 1, 1, f"cannot read file: {error.strerror}"))
        return None
    key = str(resolved)
    # As the pack cache's: a file copied in with its old size and time is a new file.
    stamp = {
        "inode": stat.st_ino,
        "size": stat.st_size,
        "mtime_ns": stat.st_mtime_ns,
        "ctime_ns": stat.st_ctime_ns,
    }
    cached = index.get("packs", {})
    entry = cached.get(key) if isinstance(cached, dict) else None
    if isinstance(entry, dict) and entry.get("stamp") == stamp:
        summary = PackSummary.from_index(entry.get("summary"))
        if summary is not None and summary.path == str(path):
            fresh_index[key] = entry
            return summary
    try:
        summary = PackSummary.of(library.load(path), path)
    except LoadError as error:
        library.problems.extend(error.problems)
        return None
    fresh_index[key] = {"stamp": stamp, "summary": asdict(summary)}
    return summary


def _read_index(index_path: Path | None) -> dict[str, object]:
    if index_path is None:
        return {}
    try:
        data = json.loads(read_user_file(index_path, MAX_INDEX_BYTES))
    except (UnreadableFile, ValueError, RecursionError):
        return {}  # a missing or damaged cache is rebuilt; it holds nothing of the player's
    current = _index_stamp()
    if not isinstance(data, dict) or any(data.get(key) != value for key, value in current.items()):
        return {}
    return data


def _index_stamp() -> dict[str, object]:
    """What the index was made by: summaries made by another loader may call a pack sound
    that this one refuses."""
    return {"version": INDEX_VERSION, "game": __version__, "loader": loader_stamp()}


def _write_index(index_path: Path, packs: dict[str, dict[str, object]]) -> None:
    try:
        index_path.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps({**_index_stamp(), "packs": packs})
        if room_to_spare(index_path.parent, len(text)):
            write_atomically(index_path, text)
    except OSError:
        pass  # a read-only data folder only costs the next start a re-scan


def installed_library(
    data_dir: Path | None = None, extra_files: list[Path] | None = None
) -> Library:
    """The packs shipped with the game, the player's own, and any extra files given."""
    folders = [shipped_packs_dir(), user_packs_dir(data_dir)]
    folder = resolve_data_dir(data_dir)
    return scan_library(folders, extra_files or [], folder / INDEX_FILE, folder / CACHE_FOLDER)


def resolve_pack(spec: str, library: Library) -> Pack:
    """A pack given as an installed id or as a file path; LoadError when neither works."""
    summary = library.by_id(spec)
    if summary is not None:
        return library.load(Path(summary.path))
    path = Path(spec)
    if is_pack_name(path) or os.sep in spec or path.exists():
        return library.load(path)
    known = ", ".join(sorted(pack.id for pack in library.packs)) or "none"
    raise LoadError([Problem(spec, 1, 1, f"no installed pack has this id (installed: {known})")])
