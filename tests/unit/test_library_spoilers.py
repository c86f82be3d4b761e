"""A pack summary says whether the pack has spoilers, and the pack index keeps it: Home
shows it without loading a pack, and an index written before the field never hides one."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from quiz.core.model import Pack
from quiz.packs.library import INDEX_VERSION, Library, scan_library

PLAIN = """\
pack: {id: plain, title: Plain, version: 1}
questions:
  - {id: q1, type: truefalse, prompt: The sky is blue., answer: true}
  - {id: q2, type: truefalse, prompt: Grass is red., answer: false}
"""
SPOILING = PLAIN.replace("id: plain, title: Plain", "id: twist, title: Twist").replace(
    "answer: false}", "answer: false, spoiler: true}"
)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    packs = tmp_path / "packs"
    packs.mkdir()
    (packs / "plain.yaml").write_text(PLAIN, encoding="utf-8")
    (packs / "twist.yaml").write_text(SPOILING, encoding="utf-8")
    return packs


@pytest.fixture
def loads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The pack files loaded in full, in order."""
    loaded: list[Path] = []
    load = Library.load

    def counting(library: Library, path: Path) -> Pack:
        loaded.append(path)
        return load(library, path)

    monkeypatch.setattr(Library, "load", counting)
    return loaded


def flags(library: Library) -> dict[str, bool]:
    return {pack.id: pack.spoilers for pack in library.packs}


def summaries(index: Path) -> list[dict[str, Any]]:
    """The summaries the index keeps, of an index of this version."""
    data = json.loads(index.read_text(encoding="utf-8"))
    assert data["version"] == INDEX_VERSION
    return [entry["summary"] for entry in data["packs"].values()]


def test_a_summary_has_spoilers_when_any_question_is_one(folder: Path, tmp_path: Path) -> None:
    assert flags(scan_library([folder], [], None)) == {"plain": False, "twist": True}


def test_the_index_keeps_the_flag_so_no_pack_is_loaded_again(
    folder: Path, tmp_path: Path, loads: list[Path]
) -> None:
    index = tmp_path / "index.json"
    assert flags(scan_library([folder], [], index)) == {"plain": False, "twist": True}
    assert len(loads) == 2
    kept = sorted((summary["id"], summary["spoilers"]) for summary in summaries(index))
    assert kept == [("plain", False), ("twist", True)]
    assert flags(scan_library([folder], [], index)) == {"plain": False, "twist": True}
    assert len(loads) == 2  # from the index


@pytest.mark.parametrize(
    "spoilers", ["missing", "yes", 1, None], ids=["older index", "text", "number", "null"]
)
def test_an_entry_without_a_sound_flag_is_summarised_again_never_taken_as_false(
    folder: Path, tmp_path: Path, loads: list[Path], spoilers: object
) -> None:
    """An index written before the field (or damaged) is read safely: the entry is
    rebuilt from its pack, as a missing flag read as False would hide the spoilers."""
    index = tmp_path / "index.json"
    scan_library([folder], [], index)
    data = json.loads(index.read_text(encoding="utf-8"))
    for entry in data["packs"].values():
        if spoilers == "missing":
            del entry["summary"]["spoilers"]
        else:
            entry["summary"]["spoilers"] = spoilers
    index.write_text(json.dumps(data), encoding="utf-8")
    loads.clear()
    assert flags(scan_library([folder], [], index)) == {"plain": False, "twist": True}
    assert sorted(path.name for path in loads) == ["plain.yaml", "twist.yaml"]
    assert all(type(summary["spoilers"]) is bool for summary in summaries(index))


def test_an_index_of_the_version_before_spoilers_is_rebuilt_whole(
    folder: Path, tmp_path: Path, loads: list[Path]
) -> None:
    index = tmp_path / "index.json"
    scan_library([folder], [], index)
    data = json.loads(index.read_text(encoding="utf-8"))
    data["version"] = 2
    index.write_text(json.dumps(data), encoding="utf-8")
    loads.clear()
    assert flags(scan_library([folder], [], index)) == {"plain": False, "twist": True}
    assert len(loads) == 2
    assert len(summaries(index)) == 2
