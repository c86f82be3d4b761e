"""`quiz import` from a test: a pack that must come out whole, or a refusal that writes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.core.model import Pack
from quiz.packs.loader import load_pack
from tests.helpers.cli import run_cli
from tests.helpers.schema import schema_errors


def import_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, fmt: str, source: Path, *extra: str
) -> tuple[Pack, str]:
    """Import ``source`` to a file under tmp_path; the pack as the game loads it, and what
    the import said: its warnings and skips (on stderr), then its one line of product."""
    out = tmp_path / "out" / f"{source.stem}.yaml"
    code, stdout, stderr = run_cli(capsys, "import", fmt, str(source), "--out", str(out), *extra)
    assert code == 0, stderr
    assert [line for line in stdout.splitlines() if not line.startswith("Imported ")] == []
    notes = stderr.splitlines()
    assert all(": skipped: " in note or ": warning: " in note for note in notes), stderr
    assert run_cli(capsys, "validate", str(out))[0] == 0
    assert schema_errors(out.read_text(encoding="utf-8")) == []
    return load_pack(out), stderr + stdout


def import_fails(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, fmt: str, text: str, name: str = "bad"
) -> str:
    """Import ``text`` expecting failure: the error output, having checked nothing was written."""
    source = tmp_path / name
    source.write_text(text, encoding="utf-8")
    out = tmp_path / "out.yaml"
    code, _, stderr = run_cli(capsys, "import", fmt, str(source), "--out", str(out))
    assert code == 1
    assert not out.exists()
    assert stderr.startswith(f"{source}:")
    return stderr
