"""Reading the files importers take in, and writing packs and exports without losing anything."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import TYPE_CHECKING

from quiz.core.model import Pack
from quiz.core.problems import file_error
from quiz.packs.library import installed_library
from quiz.packs.loader import load_pack_bytes
from quiz.packs.yamltree import MAX_FILE_BYTES
from quiz.storage.paths import user_packs_dir
from quiz.storage.reading import UnreadableFile, read_user_file
from quiz.storage.writing import write_user_file

if TYPE_CHECKING:
    import _csv


def read_source(path: Path) -> str:
    """The file's text, decoded as UTF-8 (a byte order mark is fine); LoadError otherwise."""
    shown = str(path)
    try:
        data = read_user_file(path, MAX_FILE_BYTES)
    except UnreadableFile as reason:
        raise file_error(shown, 1, str(reason)) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        message = f"not UTF-8 text (byte 0x{data[error.start]:02x}); save the file as UTF-8"
        raise file_error(shown, line, message) from None
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise file_error(shown, 1, "file is empty")
    return text


def pack_destination(pack_id: str, out: str | None, data_dir: str | None) -> Path:
    return Path(out) if out else user_packs_dir(data_dir) / f"{pack_id}.yaml"


def save_pack_text(
    text: str, destination: Path, force: bool, data_dir: str | None, check_id: bool
) -> Pack:
    """Write a pack that loads and, with ``check_id``, whose id no other installed pack uses.

    Raises LoadError, having written nothing, when the pack would not load, when its id is
    taken (``check_id``), or when ``destination`` exists and ``force`` is not given.
    """
    shown = str(destination)
    pack = load_pack_bytes(text, display=shown)
    if check_id:
        other = installed_library(Path(data_dir) if data_dir else None).by_id(pack.id)
        if other is not None and Path(other.path).resolve() != destination.resolve():
            message = f"pack id '{pack.id}' is already used by {other.path}; choose another id"
            raise file_error(shown, 1, message)
    write_user_file(destination, text, force)
    return pack


def csv_reader(text: str, delimiter: str) -> _csv.Reader:
    """A strict CSV reader of ``text`` whose fields may be as long as a file may be: the
    csv module's own limit (131,072 characters) would call a long field malformed."""
    csv.field_size_limit(MAX_FILE_BYTES)
    return csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
