"""Writing a file the player named (--out): whole or not at all, never over an existing file
without --force, and never over anything but a regular file."""

from __future__ import annotations

import stat
from pathlib import Path

from quiz.core.problems import file_error
from quiz.storage.atomic import write_atomically


def write_user_file(destination: Path, text: str, force: bool) -> None:
    """Write ``text`` to ``destination`` atomically; LoadError naming the file, having
    written nothing, for every reason it was not written."""
    shown = str(destination)
    try:
        info = destination.lstat()
    except OSError:
        info = None
    if info is not None:
        if stat.S_ISDIR(info.st_mode):  # --force could not replace it either
            raise file_error(shown, 1, "is a folder; give the path of a file to write")
        if not stat.S_ISREG(info.st_mode):
            # A rename over a link or a device node (as root, /dev/null) would replace it.
            what = "a symbolic link" if stat.S_ISLNK(info.st_mode) else "not a regular file"
            raise file_error(shown, 1, f"is {what}; give the path of a regular file to write")
        if not force:
            raise file_error(shown, 1, "already exists; add --force to replace it")
    folder = destination.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise file_error(str(folder), 1, "is a file, not a folder: cannot write in it") from None
    except OSError as error:
        raise file_error(str(folder), 1, f"cannot make the folder: {error.strerror}") from None
    try:
        write_atomically(destination, text, replace=force)
    except FileExistsError:  # made meanwhile
        raise file_error(shown, 1, "already exists; add --force to replace it") from None
    except OSError as error:
        raise file_error(shown, 1, f"cannot write file: {error.strerror}") from None
