"""`quiz check SHEET` explores the sheets near it with Hypothesis, and prints each failure
shrunk to the smallest sheet and seed, as fact-sheet YAML."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from quiz.cli import main
from quiz.generate import distractors
from quiz.generate.properties import PACK_PROPERTIES, QUESTION_PROPERTIES
from tests.helpers.paths import LIGHTHOUSE

EXPLORED = len(QUESTION_PROPERTIES) + len(PACK_PROPERTIES)


def exploration(out: str) -> list[str]:
    """The lines of the Hypothesis part of the report."""
    lines = out.splitlines()
    start = next(i for i, line in enumerate(lines) if "explored with Hypothesis" in line)
    return lines[start:-1]


def snippets(lines: list[str]) -> list[list[str]]:
    """Each counterexample's YAML, without the report's indent."""
    found: list[list[str]] = []
    for line in lines:
        if line.startswith("        # seed: "):
            found.append([])
        if found and line.startswith("        ") and "smallest counterexample" not in line:
            found[-1].append(line[8:])
    return found


def test_a_wrong_answer_inside_the_tolerance_is_shown_as_the_one_fact_that_makes_it(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # The generator's mistake before issue 13: number ladders in steps of one, whatever the
    # tolerance (597, 598, 599 for "about 600"). The lighthouse's height has tolerance 1.
    monkeypatch.setattr(distractors, "number_steps", lambda value, tolerance: [Decimal(1)])
    assert main(["check", "--seeds", "3", "--examples", "30", str(LIGHTHOUSE)]) == 1
    lines = exploration(capsys.readouterr().out)
    failed = [line for line in lines if line.startswith("  FAIL  ")]
    assert failed, lines
    found = snippets(lines)
    assert len(found) == len(failed)
    for snippet in found:
        assert snippet[:3] == [
            "# seed: 0",
            "# 1 of 14 facts kept; entities and relations as in the sheet",
            "facts:",
        ]
        assert snippet[3:] == [
            "  - subject: corran-point",
            "    relation: height-metres",
            "    value: 27",
            '    evidence: "The tower, built in 1871, stands 27 metres tall"',
        ]


def test_every_property_is_explored_within_the_budget_and_nothing_is_left_behind(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--seeds", "2", "--examples", "7", str(LIGHTHOUSE)]) == 0
    out = capsys.readouterr().out
    lines = exploration(out)
    assert lines[0] == (
        f"{LIGHTHOUSE}: 7 nearby sheets per property, explored with Hypothesis "
        "(facts left out, values changed, other seeds)"
    )
    assert len(lines) == 1 + EXPLORED
    assert all(line.startswith("  ok    ") and line.endswith(" (7 examples)") for line in lines[1:])
    assert list(tmp_path.iterdir()) == []  # no .hypothesis folder where the user stands
    assert main(["check", "--seeds", "2", "--examples", "7", str(LIGHTHOUSE)]) == 0
    assert capsys.readouterr().out == out  # one sheet, one report


def test_the_exploration_seed_and_budget_are_options(
    capsys: pytest.CaptureFixture[str],
) -> None:
    argv = ["check", "--seeds", "1", "--examples", "3", "--explore-seed", "12", str(LIGHTHOUSE)]
    assert main(argv) == 0
    assert " 3 nearby sheets per property" in capsys.readouterr().out
    with pytest.raises(SystemExit) as usage:
        main(["check", "--examples", "0", str(LIGHTHOUSE)])
    assert usage.value.code == 2
    assert "--examples" in capsys.readouterr().err


def test_a_pack_is_drawn_for_give_aways(
    pack_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--seeds", "4", str(pack_file)]) == 0
    out = capsys.readouterr().out.splitlines()
    (line,) = [line for line in out if "rounds give no answer away" in line]
    assert line.startswith("  ok    rounds give no answer away: 0 of ")
    assert line.endswith(" questions given away over 4 rounds (4 examples)")
    assert "explored with Hypothesis" not in "\n".join(out)  # a pack has no facts to vary
