"""Writing a whole file or none of it, for everything the game saves."""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from contextlib import suppress
from pathlib import Path


def write_atomically(path: Path, text: str, replace: bool = True, durable: bool = False) -> None:
    """Write all of ``text`` to ``path`` or nothing: it is written beside the file, then
    renamed into place, so a crash leaves the old file or the new one, never half.

    ``replace=False`` refuses an existing file (FileExistsError), even one made meanwhile;
    ``durable`` flushes the text to the disk before the rename. The folder must exist.
    A new file gets the mode the umask gives, a replaced one keeps its own (mkstemp alone
    would make every file private, and a shared pack unreadable to others).
    Raises OSError; the temporary file never outlives the call.
    """
    mode = _mode_for(path)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}-", suffix=".tmp")
    try:
        os.fchmod(handle, mode)
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(text)
            if durable:
                out.flush()
                os.fsync(out.fileno())
        if replace:
            os.replace(temporary, path)
        else:
            os.link(temporary, path)  # unlike a rename, refuses to replace a file made meanwhile
    finally:
        with suppress(FileNotFoundError):
            os.unlink(temporary)


def _mode_for(path: Path) -> int:
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        umask = os.umask(0)  # read by setting it: there is no other way
        os.umask(umask)
        return 0o666 & ~umask


# What a disposable file (the pack cache, the pack index) leaves free on its disk: it never
# takes the last bytes a round's score needs.
SPARE_BYTES = 64 * 1024 * 1024


def room_to_spare(folder: Path, size: int) -> bool:
    """Whether ``size`` more bytes in ``folder`` still leave SPARE_BYTES free."""
    try:
        return shutil.disk_usage(folder).free >= size + SPARE_BYTES
    except OSError:
        return False
