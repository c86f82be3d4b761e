"""Reading a file the player names (a pack, a fact sheet, an article, a file to import).

Only a regular file is opened: a FIFO, socket or device named like a pack would block
the game forever or never end, so it is refused from its stat, without opening it. A
file larger than the caller's limit is refused from its size, before a byte is read.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path


class UnreadableFile(Exception):
    """Why a file cannot be read, as a problem line says it ("not a regular file")."""


def read_user_file(path: Path, max_bytes: int) -> bytes:
    """All of the file's bytes; UnreadableFile if it is missing, unreadable, not a regular
    file, or larger than ``max_bytes``."""
    try:
        info = os.stat(path)
    except OSError as error:
        raise UnreadableFile(f"cannot read file: {error.strerror}") from None
    _check(info, max_bytes)
    try:
        # Non-blocking, in case a FIFO was put in its place since the stat.
        handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as error:
        raise UnreadableFile(f"cannot read file: {error.strerror}") from None
    with os.fdopen(handle, "rb") as file:
        _check(os.fstat(file.fileno()), max_bytes)
        data = file.read(max_bytes + 1)
    if len(data) > max_bytes:  # it grew since
        raise UnreadableFile(_too_large(max_bytes))
    return data


def _check(info: os.stat_result, max_bytes: int) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise UnreadableFile("cannot read file: Is a directory")
    if not stat.S_ISREG(info.st_mode):
        raise UnreadableFile("not a regular file")
    if info.st_size > max_bytes:
        raise UnreadableFile(_too_large(max_bytes))


def _too_large(max_bytes: int) -> str:
    return f"file is larger than the {max_bytes // 2**20} MiB limit"
