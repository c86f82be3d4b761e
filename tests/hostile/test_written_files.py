"""Hardening, 5: the files the game writes.

A file the player names (--out, --export) is written whole or not at all: never over an
existing file without --force, never through a symbolic link or over anything but a
regular file (even with --force), with the mode the umask gives a new file and the mode
a replaced file had; a folder that is a file says so.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.helpers.cli import run_cli
from tests.helpers.hostile import make_fifo
from tests.helpers.packs import PACK

Argv = Callable[[Path, Path], list[str]]  # (the file to write, the sample pack) -> argv


def _source(pack: Path) -> str:
    source = pack.with_name("questions.csv")
    source.write_text("question,answer\nWhat is 2+2?,4\n", encoding="utf-8")
    return str(source)


WRITERS: dict[str, Argv] = {
    "generate": lambda out, pack: ["generate", "--out", str(out)],
    "export": lambda out, pack: ["export", str(pack), "--format", "gift", "--out", str(out)],
    "new": lambda out, pack: ["new", "my-pack", "--out", str(out)],
    "import": lambda out, pack: ["import", "csv", _source(pack), "--out", str(out)],
    "scores-export": lambda out, pack: ["scores", "--export", str(out)],
}


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


@pytest.mark.parametrize("writer", ["generate", "scores-export"])
def test_an_existing_file_is_not_replaced_without_force(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, pack_file: Path, writer: str
) -> None:
    out = tmp_path / "taken.txt"
    out.write_text("the player's own file\n", encoding="utf-8")
    code, stdout, stderr = run_cli(capsys, *WRITERS[writer](out, pack_file))
    assert (code, stderr) == (1, f"{out}:1: already exists; add --force to replace it\n")
    assert stdout == ""
    assert out.read_text(encoding="utf-8") == "the player's own file\n"
    code, _, stderr = run_cli(capsys, *WRITERS[writer](out, pack_file), "--force")
    assert (code, "Traceback" in stderr) == (0, False)
    assert out.read_text(encoding="utf-8") != "the player's own file\n"


@pytest.mark.parametrize("writer", list(WRITERS))
@pytest.mark.parametrize("dangling", [False, True], ids=["to-a-file", "dangling"])
def test_a_symbolic_link_is_not_written_through_or_replaced_even_with_force(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    pack_file: Path,
    writer: str,
    dangling: bool,
) -> None:
    target = tmp_path / "elsewhere" / "precious.txt"
    target.parent.mkdir()
    if not dangling:
        target.write_text("precious\n", encoding="utf-8")
    link = tmp_path / "out.txt"
    link.symlink_to(target)
    code, _, stderr = run_cli(capsys, *WRITERS[writer](link, pack_file), "--force")
    expected = f"{link}:1: is a symbolic link; give the path of a regular file to write\n"
    assert (code, stderr) == (1, expected)
    assert link.is_symlink() and os.readlink(link) == str(target)
    if dangling:
        assert not target.exists()
    else:
        assert target.read_text(encoding="utf-8") == "precious\n"


@pytest.mark.parametrize("writer", list(WRITERS))
def test_a_fifo_is_not_replaced_even_with_force(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, pack_file: Path, writer: str
) -> None:
    fifo = make_fifo(tmp_path / "out.txt")
    code, _, stderr = run_cli(capsys, *WRITERS[writer](fifo, pack_file), "--force")
    expected = f"{fifo}:1: is not a regular file; give the path of a regular file to write\n"
    assert (code, stderr) == (1, expected)
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


@pytest.mark.usefixtures("umask_022")
@pytest.mark.parametrize("writer", list(WRITERS))
def test_a_new_file_gets_the_mode_the_umask_gives(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, pack_file: Path, writer: str
) -> None:
    out = tmp_path / "new" / "file.txt"
    code, _, stderr = run_cli(capsys, *WRITERS[writer](out, pack_file))
    assert code == 0, stderr
    assert stat.S_IMODE(out.stat().st_mode) == 0o644  # readable by others, as `cp` makes it


@pytest.mark.usefixtures("umask_022")
@pytest.mark.parametrize("writer", list(WRITERS))
def test_a_replaced_file_keeps_its_own_mode(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, pack_file: Path, writer: str
) -> None:
    out = tmp_path / "file.txt"
    kept = {}
    for mode in (0o600, 0o640, 0o664):  # private stays private; shared stays shared
        out.write_text("old\n", encoding="utf-8")
        out.chmod(mode)
        code, _, stderr = run_cli(capsys, *WRITERS[writer](out, pack_file), "--force")
        assert code == 0, stderr
        assert out.read_text(encoding="utf-8") != "old\n"
        kept[oct(mode)] = oct(stat.S_IMODE(out.stat().st_mode))
    assert kept == {"0o600": "0o600", "0o640": "0o640", "0o664": "0o664"}


IN_THE_PACKS_FOLDER: dict[str, Argv] = {
    "new": lambda out, pack: ["new", "my-pack"],
    "import": lambda out, pack: ["import", "csv", _source(pack)],
}


@pytest.mark.parametrize("force", [(), ("--force",)], ids=["", "force"])
@pytest.mark.parametrize("writer", list(IN_THE_PACKS_FOLDER))
def test_a_user_packs_folder_that_is_a_file_says_so(
    capsys: pytest.CaptureFixture[str],
    data_dir: Path,
    pack_file: Path,
    writer: str,
    force: tuple[str, ...],
) -> None:
    data_dir.mkdir()
    folder = data_dir / "packs"
    folder.write_bytes(PACK)  # a file where the folder should be
    argv = IN_THE_PACKS_FOLDER[writer](folder, pack_file)
    code, stdout, stderr = run_cli(capsys, *argv, *force)
    assert (code, stdout) == (1, "")
    assert stderr == f"{folder}:1: is a file, not a folder: cannot write in it\n"
    assert folder.read_bytes() == PACK
