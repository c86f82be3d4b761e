"""Shared fixtures: every test gets its own data folder, never the player's."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A fresh QUIZ_DATA_DIR for each test, so no test reads or writes real user data."""
    folder = tmp_path / "data"
    monkeypatch.setenv("QUIZ_DATA_DIR", str(folder))
    yield folder


@pytest.fixture
def pack_file(tmp_path: Path) -> Path:
    """The sample pack (tests/sample_pack.py) as a file outside any packs folder."""
    from tests.sample_pack import PACK

    path = tmp_path / "sample.yaml"
    path.write_bytes(PACK)
    return path
