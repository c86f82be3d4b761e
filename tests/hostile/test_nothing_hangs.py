"""Hardening, 2: nothing hangs.

A named pipe (FIFO) named like a pack, a fact sheet or a file to import would block the
game forever when opened: each command refuses it from its stat, as "not a regular file",
at once. These run as processes of their own with a timeout, so a hang fails the test
instead of blocking the suite. A CSV or Anki field longer than the csv module's default
limit (131,072 characters) imports.
"""

from __future__ import annotations

import csv
import subprocess
from pathlib import Path

import pytest

from tests.helpers.cli import run_cli
from tests.helpers.hostile import make_fifo, quiz_process
from tests.helpers.packs import PACK

SECONDS = 10


def finishes(*argv: str, data_dir: Path) -> tuple[int, str, str]:
    """`quiz ARGV...` in a process of its own: its exit code, stdout and stderr, or a
    failure if it is still running after SECONDS."""
    try:
        done = quiz_process(*argv, data_dir=data_dir, timeout=SECONDS)
    except subprocess.TimeoutExpired:
        pytest.fail(f"quiz {' '.join(argv)} still running after {SECONDS} s: it hangs")
    out, err = done.stdout.decode(), done.stderr.decode()
    assert "Traceback" not in err, err
    return done.returncode, out, err


@pytest.mark.parametrize(
    ("command", "name", "stream"),
    [
        (("validate",), "x.yaml", "out"),
        (("facts", "check"), "x.facts.yaml", "out"),
        (("generate",), "x.facts.yaml", "err"),
        (("check", "--seeds", "2"), "x.facts.yaml", "out"),
        (("packs", "show"), "x.yaml", "err"),
    ],
    ids=["validate", "facts-check", "generate", "check", "packs-show"],
)
def test_a_fifo_named_like_a_pack_or_a_sheet_is_not_a_regular_file(
    tmp_path: Path, data_dir: Path, command: tuple[str, ...], name: str, stream: str
) -> None:
    fifo = make_fifo(tmp_path / name)
    code, out, err = finishes(*command, str(fifo), data_dir=data_dir)
    assert code == 1
    said = out if stream == "out" else err
    assert f"{fifo}:1:1: not a regular file" in said.splitlines(), (out, err)


def test_a_fifo_given_to_play_is_not_a_regular_file(tmp_path: Path, data_dir: Path) -> None:
    fifo = make_fifo(tmp_path / "x.yaml")
    code, _, err = finishes("play", "--plain", "--pack", str(fifo), data_dir=data_dir)
    assert (code, err) == (1, f"{fifo}:1:1: not a regular file\n")


@pytest.mark.parametrize("fmt", ["csv", "anki", "gift", "opentdb", "red"])
def test_a_fifo_to_import_is_not_a_regular_file(tmp_path: Path, data_dir: Path, fmt: str) -> None:
    fifo = make_fifo(tmp_path / f"x.{fmt}")
    out = tmp_path / "out.yaml"
    code, _, err = finishes("import", fmt, str(fifo), "--out", str(out), data_dir=data_dir)
    assert (code, err) == (1, f"{fifo}:1: not a regular file\n")
    assert not out.exists()


def test_a_fifo_in_the_user_packs_folder_is_reported_and_the_rest_listed(
    data_dir: Path,
) -> None:
    packs = data_dir / "packs"
    packs.mkdir(parents=True)
    (packs / "good.yaml").write_bytes(PACK)
    fifo = make_fifo(packs / "x.yaml")
    code, out, err = finishes("packs", data_dir=data_dir)
    assert code == 1
    assert f"{fifo}:1:1: not a regular file" in err.splitlines()
    assert any(line.startswith("test-pack ") for line in out.splitlines()), out


def test_a_fifo_in_a_folder_given_to_validate_is_reported(tmp_path: Path, data_dir: Path) -> None:
    (tmp_path / "good.yaml").write_bytes(PACK)
    fifo = make_fifo(tmp_path / "x.yml")
    code, out, _ = finishes("validate", str(tmp_path), data_dir=data_dir)
    assert code == 1
    assert f"{fifo}:1:1: not a regular file" in out.splitlines()
    assert f"{tmp_path / 'good.yaml'}: ok, pack 'test-pack' with 4 questions" in out


# Long fields ---------------------------------------------------------------------------

DEFAULT_FIELD_LIMIT = 131_072  # the csv module's field_size_limit in a fresh process
LONG = DEFAULT_FIELD_LIMIT + 10


@pytest.mark.parametrize(
    ("fmt", "text"),
    [
        ("csv", f"question,answer\nWhat is long?,{'x' * LONG}\nShort?,yes\n"),
        ("csv", f'question,answer\n"{"Why " * (LONG // 4)}?",Because\n'),
        ("anki", f"#separator:tab\n{'front ' * (LONG // 6)}?\tback\n"),
        ("anki", f"#separator:tab\nfront\t{'b' * LONG}\n"),
    ],
    ids=["csv-answer", "csv-quoted-prompt", "anki-front", "anki-back"],
)
def test_a_field_longer_than_the_csv_modules_limit_imports(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, fmt: str, text: str
) -> None:
    # The csv module's limit is the process's: as the game starts, whatever ran before.
    csv.field_size_limit(DEFAULT_FIELD_LIMIT)
    source = tmp_path / f"long.{fmt}"
    source.write_text(text, encoding="utf-8")
    out = tmp_path / "long.yaml"
    code, stdout, stderr = run_cli(capsys, "import", fmt, str(source), "--out", str(out))
    assert code == 0, stderr
    assert stdout.startswith("Imported ")
    assert out.stat().st_size > LONG
