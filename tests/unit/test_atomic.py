"""The atomic writer every save goes through: the whole text or none of it, never a stray file."""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path
from typing import Any

import pytest

from quiz.storage.atomic import write_atomically

OLD = "the file as it was\n"


def names_in(folder: Path) -> list[str]:
    """Every entry of ``folder``, hidden ones too: a temporary file is named '.NAME-*.tmp'."""
    return sorted(path.name for path in folder.iterdir())


@pytest.fixture
def existing(tmp_path: Path) -> Path:
    path = tmp_path / "scores.json"
    path.write_text(OLD, encoding="utf-8")
    return path


def test_a_new_file_gets_the_whole_text(tmp_path: Path) -> None:
    path = tmp_path / "pack.yaml"
    text = "".join(f"line {n}: {'x' * (n % 97)}\n" for n in range(50_000))  # several MB
    write_atomically(path, text)
    assert path.read_text(encoding="utf-8") == text
    assert names_in(tmp_path) == ["pack.yaml"]


def test_an_empty_text_makes_an_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    write_atomically(path, "")
    assert path.read_bytes() == b""


def test_an_existing_file_is_replaced_whole(existing: Path) -> None:
    write_atomically(existing, "new\n")
    assert existing.read_text(encoding="utf-8") == "new\n"
    assert names_in(existing.parent) == [existing.name]


def test_the_text_is_utf8_with_its_line_ends_as_given(tmp_path: Path) -> None:
    path = tmp_path / "mixed.txt"
    text = "unix\nwindows\r\nold mac\rend \u00e9 \u674e \U0001f600 no newline"
    write_atomically(path, text)
    assert path.read_bytes() == text.encode("utf-8")  # no CRLF translation, no BOM


def test_replace_false_refuses_an_existing_file_and_leaves_it_alone(existing: Path) -> None:
    with pytest.raises(FileExistsError):
        write_atomically(existing, "new\n", replace=False)
    assert existing.read_text(encoding="utf-8") == OLD
    assert names_in(existing.parent) == [existing.name]


def test_replace_false_writes_a_file_that_does_not_exist_yet(tmp_path: Path) -> None:
    path = tmp_path / "new.yaml"
    write_atomically(path, "fresh\n", replace=False)
    assert path.read_text(encoding="utf-8") == "fresh\n"
    assert names_in(tmp_path) == ["new.yaml"]


def test_replace_false_refuses_a_file_made_while_it_was_writing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another program (or a second `quiz import`) creates the file between the check
    and the write: that file wins, untouched."""
    path = tmp_path / "race.yaml"
    real_mkstemp = tempfile.mkstemp

    def someone_else_writes_first(*args: Any, **kwargs: Any) -> tuple[int, str]:
        path.write_text("theirs\n", encoding="utf-8")
        return real_mkstemp(*args, **kwargs)

    monkeypatch.setattr(tempfile, "mkstemp", someone_else_writes_first)
    with pytest.raises(FileExistsError):
        write_atomically(path, "mine\n", replace=False)
    assert path.read_text(encoding="utf-8") == "theirs\n"
    assert names_in(tmp_path) == ["race.yaml"]


def test_a_failed_rename_leaves_the_old_file_and_no_temporary(
    existing: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_room(source: object, target: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", no_room)
    with pytest.raises(OSError, match="No space left on device"):
        write_atomically(existing, "new\n")
    assert existing.read_text(encoding="utf-8") == OLD
    assert names_in(existing.parent) == [existing.name]


def test_a_write_that_fails_half_way_leaves_the_old_file_and_no_temporary(
    existing: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The disk fills up with half the text written to the temporary file."""
    real_fdopen = os.fdopen
    halves: list[int] = []

    def filling_up(fd: int, *args: Any, **kwargs: Any) -> Any:
        handle = real_fdopen(fd, *args, **kwargs)
        real_write = handle.write

        def write(text: str) -> int:
            halves.append(real_write(text[: len(text) // 2]))
            handle.flush()
            raise OSError(errno.ENOSPC, "No space left on device")

        handle.write = write
        return handle

    monkeypatch.setattr(os, "fdopen", filling_up)
    with pytest.raises(OSError, match="No space left on device"):
        write_atomically(existing, "a new text, too long for the disk\n" * 1000)
    assert halves == [17_000]  # half the text did reach the temporary file
    assert existing.read_text(encoding="utf-8") == OLD
    assert names_in(existing.parent) == [existing.name]


def test_text_that_cannot_be_encoded_leaves_the_old_file_and_no_temporary(
    existing: Path,
) -> None:
    with pytest.raises(UnicodeEncodeError):
        write_atomically(existing, "a lone surrogate \udcff is no UTF-8")
    assert existing.read_text(encoding="utf-8") == OLD
    assert names_in(existing.parent) == [existing.name]


def test_a_missing_folder_is_an_error_and_creates_nothing(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        write_atomically(tmp_path / "missing" / "settings.json", "{}")
    assert names_in(tmp_path) == []


def test_durable_flushes_the_whole_text_to_disk_before_the_rename(
    existing: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    events: list[tuple[str, int]] = []
    real_replace = os.replace

    def fsync(fd: int) -> None:
        events.append(("fsync", os.fstat(fd).st_size))  # what has reached the file by now

    def replace(source: Any, target: Any) -> None:
        events.append(("replace", 0))
        real_replace(source, target)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    text = "durable \u00e9\n" * 100
    write_atomically(existing, text, durable=True)
    assert events == [("fsync", len(text.encode("utf-8"))), ("replace", 0)]
    assert existing.read_text(encoding="utf-8") == text


def test_not_durable_never_waits_for_the_disk(
    existing: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    synced: list[int] = []
    monkeypatch.setattr(os, "fsync", synced.append)
    write_atomically(existing, "quick\n")
    assert synced == []
    assert existing.read_text(encoding="utf-8") == "quick\n"


def test_a_failed_fsync_leaves_the_old_file_and_no_temporary(
    existing: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_disk(fd: int) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, "fsync", broken_disk)
    with pytest.raises(OSError, match="Input/output error"):
        write_atomically(existing, "new\n", durable=True)
    assert existing.read_text(encoding="utf-8") == OLD
    assert names_in(existing.parent) == [existing.name]


def test_a_new_file_is_as_readable_as_the_umask_allows_and_a_replaced_one_keeps_its_mode(
    tmp_path: Path,
) -> None:
    """A pack written for others to play is not made private (as mkstemp alone would)."""
    umask = os.umask(0o022)
    try:
        new = tmp_path / "shared.yaml"
        write_atomically(new, "for everyone\n")
        assert stat.S_IMODE(new.stat().st_mode) == 0o644
        new.chmod(0o600)
        write_atomically(new, "for me alone\n")
        assert stat.S_IMODE(new.stat().st_mode) == 0o600
    finally:
        os.umask(umask)
