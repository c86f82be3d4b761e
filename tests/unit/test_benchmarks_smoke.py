"""The benchmark harness itself, quickly: the table, the exit code, the synthetic packs."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.packs.loader import load_pack
from tests.benchmarks.__main__ import module_names
from tests.benchmarks.harness import Row, alternate, format_table, report
from tests.benchmarks.synthetic import library_sizes, synthetic_pack, write_pack

MET = Row("load", 130.0, "bare load", 100.0, "<= 1.3x", True)
MISSED = Row("memory", 95.0, "bare app", 30.0, "<= +60 MB", False, unit="MB")


def test_the_table_shows_figures_ratio_target_and_verdict() -> None:
    lines = format_table([MET, MISSED]).splitlines()
    assert lines[0].split() == [
        "what",
        "median",
        "baseline",
        "baseline",
        "median",
        "ratio",
        "target",
        "met",
    ]
    assert lines[1].split() == [
        "load",
        "130.0",
        "ms",
        "bare",
        "load",
        "100.0",
        "ms",
        "1.30x",
        "<=",
        "1.3x",
        "yes",
    ]
    assert "95.0 MB" in lines[2] and "30.0 MB" in lines[2] and lines[2].endswith("NO")


def test_an_absolute_target_has_no_ratio() -> None:
    row = Row("key press", 12.0, "", None, "<= 50 ms", True)
    assert row.ratio is None
    assert format_table([row]).splitlines()[1].split()[4:7] == ["-", "-", "-"]


def test_a_missed_target_exits_1_and_is_named(capsys: pytest.CaptureFixture[str]) -> None:
    assert report([MET]) == 0
    assert report([MET, MISSED]) == 1
    out = capsys.readouterr().out
    assert " cores (" in out and "), Python 3." in out
    assert out.rstrip().endswith("missed: memory")


def test_alternate_takes_turns_and_gives_medians() -> None:
    order: list[str] = []

    def measured() -> float:
        order.append("m")
        return [5.0, 1.0, 3.0][order.count("m") - 1]

    def baseline() -> float:
        order.append("b")
        return 10.0

    assert alternate(measured, baseline, 3) == (3.0, 10.0)
    assert order == ["m", "b", "m", "b", "m", "b"]


def test_benchmarks_are_chosen_by_short_name() -> None:
    assert "bench_packs" in module_names([])
    assert module_names(["packs"]) == ["bench_packs"]
    with pytest.raises(SystemExit, match=r"unknown benchmark nope; have: .*packs, .*startup"):
        module_names(["nope"])


def test_synthetic_packs_are_valid_seeded_and_sized(tmp_path: Path) -> None:
    path = write_pack(tmp_path, "smoke", 40)
    pack = load_pack(path)
    assert len(pack.questions) == 40
    assert {str(q.type) for q in pack.questions} == {"choice", "truefalse", "number", "text"}
    assert synthetic_pack("smoke", 40) == pack
    assert synthetic_pack("other", 40) != pack
    sizes = library_sizes(60, 100_000)
    assert len(sizes) == 60 and sum(sizes) == 100_000 and len(set(sizes)) > 1
