"""Shared fixtures: every test gets its own data folder, never the player's."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from quiz.facts.loader import load_fact_sheet
from quiz.facts.model import FactSheet
from tests.helpers.messages import Warnings
from tests.helpers.packs import PACK
from tests.helpers.paths import REPO, SHEET

__all__ = ["REPO"]  # kept importable from here, as it always was


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A fresh QUIZ_DATA_DIR for each test, so no test reads or writes real user data."""
    folder = tmp_path / "data"
    monkeypatch.setenv("QUIZ_DATA_DIR", str(folder))
    yield folder


@pytest.fixture
def pack_file(tmp_path: Path) -> Path:
    """The sample pack (tests/helpers/packs.py) as a file outside any packs folder."""
    path = tmp_path / "sample.yaml"
    path.write_bytes(PACK)
    return path


@pytest.fixture(scope="session")
def sheet() -> FactSheet:
    """The shipped His & Hers fact sheet, loaded once (it is frozen: no test can change it)."""
    return load_fact_sheet(SHEET)


@pytest.fixture
def warnings() -> Warnings:
    """A ``warn`` callback for the store and the settings, keeping what they said."""
    return Warnings()
