"""The pack cache: a round from an unchanged pack reads JSON, never a stale or damaged entry."""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings

from quiz.core.model import Pack
from quiz.core.problems import LoadError
from quiz.packs import cache as packcache
from quiz.packs.cache import load_cached
from quiz.packs.dump import dump_pack_yaml
from quiz.packs.loader import load_pack
from quiz.storage.paths import shipped_packs_dir
from tests.helpers.packs import TRICKY
from tests.helpers.strategies import packs

GOOD = """pack: {id: mine, title: My pack, version: 2, time: 15.50}
questions:
  - {id: q1, type: number, prompt: How many?, answer: 010, tolerance: 1.50}
  - {id: q2, type: truefalse, prompt: Sure?, answer: True}
"""


def exactly(pack: Pack) -> tuple[object, ...]:
    """Everything a pack carries, down to what equality leaves out (lines, the file) and the
    way a number was written ("1.50" is not shown as "1.5")."""
    return (
        repr(pack),
        pack.path,
        [question.line for question in pack.questions],
        [str(question.tolerance) for question in pack.questions],
        str(pack.time),
    )


_SECONDS_AGO = itertools.count(60)


def settle(path: Path) -> Path:
    """Date the file a while back (and unlike any other), as a pack is once it is installed:
    a file changed in the last seconds is not cached yet."""
    when = time.time_ns() - next(_SECONDS_AGO) * 1_000_000_000
    os.utime(path, ns=(when, when))
    return path


def refuse_to_parse(monkeypatch: pytest.MonkeyPatch) -> None:
    def parse(path: Path) -> Pack:
        raise AssertionError(f"{path} was parsed, not read from the cache")

    monkeypatch.setattr("quiz.packs.loader.load_pack", parse)


@pytest.fixture
def pack_path(tmp_path: Path) -> Path:
    path = tmp_path / "mine.yaml"
    path.write_text(GOOD, encoding="utf-8")
    return settle(path)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(packs())
@example(TRICKY)
def test_a_cached_pack_is_the_pack_as_parsed(tmp_path: Path, pack: Pack) -> None:
    path = tmp_path / "drawn.yaml"
    path.write_text(dump_pack_yaml(pack, comment="drawn"), encoding="utf-8")
    settle(path)
    cache = tmp_path / "cache"
    parsed = load_cached(path, cache)  # parsed, then cached
    assert exactly(load_cached(path, cache)) == exactly(parsed) == exactly(load_pack(path))


def test_every_shipped_pack_reads_back_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = []
    for shipped in sorted(shipped_packs_dir().glob("*.yaml")):
        files.append(tmp_path / shipped.name)
        files[-1].write_bytes(shipped.read_bytes())
        settle(files[-1])
    cache = tmp_path / "cache"
    parsed = [exactly(load_cached(path, cache)) for path in files]
    refuse_to_parse(monkeypatch)
    assert [exactly(load_cached(path, cache)) for path in files] == parsed


def test_an_edited_pack_is_parsed_again(
    pack_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    assert load_cached(pack_path, cache).title == "My pack"
    pack_path.write_text(GOOD.replace("My pack", "My book"), encoding="utf-8")  # same size
    assert load_cached(pack_path, cache).title == "My book"
    settle(pack_path)
    assert load_cached(pack_path, cache).title == "My book"
    refuse_to_parse(monkeypatch)
    assert load_cached(pack_path, cache).title == "My book"


def test_a_pack_copied_in_with_the_old_size_and_time_is_parsed_again(
    pack_path: Path, tmp_path: Path
) -> None:
    """As `cp -p`, `rsync -t` or unpacking an archive leave it: another file in its place,
    dated as the one before."""
    cache = tmp_path / "cache"
    load_cached(pack_path, cache)
    old = pack_path.stat()
    copy = tmp_path / "copy.yaml"
    copy.write_text(GOOD.replace("answer: True", "answer: Nope"), encoding="utf-8")
    assert copy.stat().st_size == old.st_size
    os.utime(copy, ns=(old.st_atime_ns, old.st_mtime_ns))
    os.replace(copy, pack_path)
    with pytest.raises(LoadError) as refused:  # the file as it is now, not as cached
        load_cached(pack_path, cache)
    assert "a truefalse answer is true or false" in str(refused.value.problems[0])


def test_a_pack_changed_while_it_is_parsed_is_parsed_again_next_time(
    pack_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def parse_then_change(path: Path) -> Pack:
        parsed = load_pack(path)
        path.write_text(GOOD.replace("My pack", "Changed"), encoding="utf-8")
        settle(path)
        return parsed

    cache = tmp_path / "cache"
    monkeypatch.setattr("quiz.packs.loader.load_pack", parse_then_change)
    assert load_cached(pack_path, cache).title == "My pack"
    monkeypatch.undo()
    assert load_cached(pack_path, cache).title == "Changed"


def test_a_pack_changed_seconds_ago_is_not_cached_yet(
    pack_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Written twice within the file system's timestamp granularity, with the same size,
    a file would keep its stamp: until it has settled, it is parsed every time."""
    cache = tmp_path / "cache"
    pack_path.write_text(GOOD, encoding="utf-8")
    load_cached(pack_path, cache)
    assert not cache.exists()
    settle(pack_path)
    load_cached(pack_path, cache)
    refuse_to_parse(monkeypatch)
    assert load_cached(pack_path, cache).id == "mine"


def _edit_a_loader_module(loader: Path) -> None:
    path = loader / "packs" / "loader.py"
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))


def _add_a_loader_module(loader: Path) -> None:
    (loader / "core" / "moved_here.py").write_text("", encoding="utf-8")


@pytest.mark.parametrize(
    "change", [_edit_a_loader_module, _add_a_loader_module], ids=["edited", "added"]
)
def test_a_new_loader_retires_every_entry(
    pack_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, change: Callable[[Path], None]
) -> None:
    """An upgraded game (or an edited loader) may read a file differently; so may one with
    a module moved into the loader's packages."""
    loader = tmp_path / "loader"
    for package in packcache.LOADER_PACKAGES:
        (loader / package).mkdir(parents=True)
    (loader / "packs" / "loader.py").write_text("", encoding="utf-8")
    monkeypatch.setattr(packcache, "_PACKAGE", loader)
    cache = tmp_path / "cache"
    load_cached(pack_path, cache)
    change(loader)
    parsed: list[Path] = []
    monkeypatch.setattr(
        "quiz.packs.loader.load_pack", lambda path: parsed.append(path) or load_pack(path)
    )
    load_cached(pack_path, cache)
    assert parsed == [pack_path]


@pytest.mark.parametrize(
    "damage",
    [
        lambda text: text[: len(text) // 2],
        lambda text: text.replace("How many?", "How few??"),  # still JSON, same length
        lambda text: "",
        lambda text: "[]",
        lambda text: "[" * 100_000,  # deeper than the JSON parser can go
    ],
    ids=["truncated", "altered", "empty", "not-an-entry", "too-deep"],
)
def test_a_damaged_entry_is_not_used_and_is_rewritten(
    pack_path: Path, tmp_path: Path, damage: object
) -> None:
    cache = tmp_path / "cache"
    expected = exactly(load_cached(pack_path, cache))
    (entry,) = cache.iterdir()
    assert callable(damage)
    entry.write_text(damage(entry.read_text(encoding="ascii")), encoding="ascii")
    assert exactly(load_cached(pack_path, cache)) == expected
    assert exactly(load_cached(pack_path, cache)) == expected
    (rewritten,) = cache.iterdir()
    assert "How many?" in rewritten.read_text(encoding="ascii")


def test_a_cache_folder_that_cannot_be_written_only_costs_a_parse(
    pack_path: Path, tmp_path: Path
) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    assert load_cached(pack_path, blocked / "cache").title == "My pack"
    assert blocked.read_text(encoding="utf-8") == "not a folder"


def test_a_pack_with_problems_is_refused_every_time_and_never_cached(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(GOOD.replace("type: truefalse", "type: maybe"), encoding="utf-8")
    cache = tmp_path / "cache"
    for _ in range(2):
        with pytest.raises(LoadError) as refused:
            load_cached(bad, cache)
        assert str(refused.value.problems[0]).startswith(f"{bad}:4:")
    assert not cache.exists() or not any(cache.iterdir())


def test_a_missing_pack_is_reported_by_the_loader(tmp_path: Path) -> None:
    with pytest.raises(LoadError) as refused:
        load_cached(tmp_path / "gone.yaml", tmp_path / "cache")
    assert "cannot read file" in str(refused.value.problems[0])


def test_a_round_from_a_cached_pack_starts_without_yaml(tmp_path: Path) -> None:
    """What the cache is for: PyYAML's import and the parse are most of the work `quiz play`
    does before Textual starts (see the start-up benchmark)."""
    pack = tmp_path / "his-and-hers.yaml"
    pack.write_bytes((shipped_packs_dir() / "his-and-hers.yaml").read_bytes())
    settle(pack)
    script = (
        "import sys\n"
        "from quiz.cli import build_parser\n"
        "from quiz.commands.play import _load_packs\n"
        f"args = build_parser().parse_args(['--data-dir', {str(tmp_path)!r}, 'play',"
        f" '--pack', {str(pack)!r}])\n"
        "assert len(_load_packs(args)) == 1\n"
        "print('yaml' in sys.modules)\n"
    )
    runs = [
        subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
        for _ in range(2)
    ]
    assert [run.stdout.strip() for run in runs] == ["True", "False"]


def test_every_module_that_reads_a_pack_is_in_the_loader_stamp() -> None:
    """A module the loader or the cache imports from outside the stamped packages could
    change how a pack is read without retiring the entries read by the old code."""
    code = (
        "import sys, quiz.packs.loader, quiz.packs.cache\n"
        "print('\\n'.join(m.__file__ for n, m in sys.modules.items()"
        " if n.startswith('quiz.') and getattr(m, '__file__', None)))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    package = Path(packcache.__file__).resolve().parent.parent
    reading = [Path(line).resolve().relative_to(package) for line in result.stdout.splitlines()]
    stamped = {str(name) for name, _ in packcache.loader_stamp()}
    # The cache writes its entries through storage: how a file is written, not how it is read.
    outside = [str(path) for path in reading if str(path.as_posix()) not in stamped]
    assert outside == ["storage/__init__.py", "storage/atomic.py"]
    assert len(reading) >= 10  # the loader, its fields and tree, and the core modules


def test_the_cache_never_takes_the_last_of_the_disk(
    pack_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The cache is disposable, a score is not: with less than SPARE_BYTES free, the pack
    is read from its file and nothing is cached (nor the library's index written)."""
    from quiz.packs.library import scan_library
    from quiz.storage import atomic

    def nearly_full(folder: object) -> object:
        class Usage:
            free = atomic.SPARE_BYTES  # no room for an entry beyond what is spared

        return Usage()

    monkeypatch.setattr(atomic.shutil, "disk_usage", nearly_full)
    cache, index = tmp_path / "cache", tmp_path / "index.json"
    assert load_cached(pack_path, cache).id == "mine"
    assert list(cache.iterdir()) == []
    assert [summary.id for summary in scan_library([pack_path.parent], [], index).packs] == ["mine"]
    assert not index.exists()
