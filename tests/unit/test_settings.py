"""Remembered settings: round trip, atomic save, and damaged files moved aside, never fatal."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from quiz.session import Mode
from quiz.storage.settings import Settings, load_settings, save_settings, settings_path
from tests.helpers.messages import Warnings


def test_settings_saved_are_the_settings_loaded(tmp_path: Path) -> None:
    warn = Warnings()
    chosen = Settings(
        packs=("tv-series", "/home/ada/my pack.yaml"),
        questions=15,
        seconds=12.5,
        mode=Mode.SUDDEN_DEATH,
        player="Zoë 李",
        theme="nord",
    )
    assert save_settings(tmp_path / "new", chosen, warn)
    assert load_settings(tmp_path / "new", warn) == chosen
    assert warn == []


def test_no_file_means_the_defaults_quietly(tmp_path: Path) -> None:
    warn = Warnings()
    assert load_settings(tmp_path, warn) == Settings()
    assert warn == []


def test_saving_replaces_the_file_and_leaves_no_temporary_behind(tmp_path: Path) -> None:
    warn = Warnings()
    save_settings(tmp_path, Settings(player="one"), warn)
    save_settings(tmp_path, Settings(player="two"), warn)
    assert load_settings(tmp_path, warn).player == "two"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["settings.json"]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b'{"player": "Ada", ', "is not valid JSON"),
        (b"\xff\xfe garbage", "is not valid JSON"),
        (b"", "is not valid JSON"),
        (b'["a list"]', "is not a JSON object"),
    ],
)
def test_a_damaged_file_is_moved_aside_with_one_warning(
    tmp_path: Path, content: bytes, reason: str
) -> None:
    settings_path(tmp_path).write_bytes(content)
    warn = Warnings()
    assert load_settings(tmp_path, warn) == Settings()
    assert len(warn) == 1 and reason in warn[0] and "moved it to settings.json.damaged-" in warn[0]
    (aside,) = tmp_path.glob("settings.json.damaged-*")
    assert aside.read_bytes() == content  # kept, never deleted
    assert not settings_path(tmp_path).exists()
    assert save_settings(tmp_path, Settings(player="Ada"), warn)
    assert load_settings(tmp_path, warn).player == "Ada"


def test_each_unusable_value_falls_back_to_its_own_default(tmp_path: Path) -> None:
    settings_path(tmp_path).write_text(
        json.dumps(
            {
                "packs": ["ok", 3],
                "questions": True,
                "seconds": 1e9,
                "mode": "marathon",
                "player": "Ada",
                "theme": ["dracula"],
                "from_a_newer_version": 1,
            }
        ),
        encoding="utf-8",
    )
    warn = Warnings()
    assert load_settings(tmp_path, warn) == Settings(player="Ada")
    assert warn == []


@pytest.mark.parametrize(
    ("key", "value", "kept"),
    [
        ("questions", 0, False),
        ("questions", 2.5, False),
        ("questions", 25, True),
        ("seconds", 0, False),
        ("seconds", -3, False),
        ("seconds", "20", False),
        ("seconds", 3600, True),
        ("mode", "practice", True),
        ("player", "x" * 201, False),
        ("packs", "tv-series", False),
    ],
)
def test_values_are_checked_one_by_one(tmp_path: Path, key: str, value: object, kept: bool) -> None:
    settings_path(tmp_path).write_text(json.dumps({key: value}), encoding="utf-8")
    loaded = load_settings(tmp_path, Warnings())
    assert (getattr(loaded, key) == value) is kept


def test_special_floats_are_not_seconds(tmp_path: Path) -> None:
    settings_path(tmp_path).write_text('{"seconds": NaN, "questions": Infinity}', encoding="utf-8")
    assert load_settings(tmp_path, Warnings()) == Settings()


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_a_read_only_folder_warns_instead_of_crashing(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    settings_path(folder).write_text("{broken", encoding="utf-8")
    folder.chmod(0o500)
    try:
        warn = Warnings()
        assert load_settings(folder, warn) == Settings()
        assert "cannot be moved aside" in warn[0]
        assert not save_settings(folder, Settings(player="Ada"), warn)
        assert "cannot save the settings" in warn[1]
        assert settings_path(folder).read_text(encoding="utf-8") == "{broken"
    finally:
        folder.chmod(0o700)


def test_a_folder_that_cannot_be_created_warns_instead_of_crashing(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    warn = Warnings()
    assert not save_settings(blocker / "data", Settings(), warn)
    assert len(warn) == 1 and "cannot save the settings" in warn[0]


def test_a_file_that_cannot_be_moved_or_replaced_is_left_as_it_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The read-only case for a test run as root, who ignores file permissions."""

    def refuse(source: object, target: object) -> None:
        raise PermissionError(13, "Permission denied")

    settings_path(tmp_path).write_text("{broken", encoding="utf-8")
    monkeypatch.setattr(os, "replace", refuse)
    monkeypatch.setattr(os, "rename", refuse)
    warn = Warnings()
    assert load_settings(tmp_path, warn) == Settings()
    assert not save_settings(tmp_path, Settings(player="Ada"), warn)
    assert warn[0].endswith(
        "is not valid JSON and cannot be moved aside (Permission denied); using the defaults"
    )
    assert "cannot save the settings (Permission denied)" in warn[1]
    assert sorted(path.name for path in tmp_path.iterdir()) == ["settings.json"]
    assert settings_path(tmp_path).read_text(encoding="utf-8") == "{broken"


def test_no_spoilers_is_remembered_and_a_wrong_value_is_the_default(tmp_path: Path) -> None:
    warn = Warnings()
    assert save_settings(tmp_path, Settings(spoilers=False), warn)
    assert load_settings(tmp_path, warn).spoilers is False
    settings_path(tmp_path).write_text('{"spoilers": "no", "questions": 12}', encoding="utf-8")
    assert load_settings(tmp_path, warn) == Settings(questions=12)
    assert warn == []
