"""Writing a whole file or none of it, for everything the game saves."""

from __future__ import annotations

import os
import tempfile
from contextlib import suppress
from pathlib import Path


def write_atomically(path: Path, text: str, replace: bool = True, durable: bool = False) -> None:
    """Write all of ``text`` to ``path`` or nothing: it is written beside the file, then
    renamed into place, so a crash leaves the old file or the new one, never half.

    ``replace=False`` refuses an existing file (FileExistsError), even one made meanwhile;
    ``durable`` flushes the text to the disk before the rename. The folder must exist.
    Raises OSError; the temporary file never outlives the call.
    """
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}-", suffix=".tmp")
    try:
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
