"""Screen snapshots (pytest-textual-snapshot) at the two sizes the game promises to fit.

Update after a deliberate change of look with `pytest tests/tui/test_tui_snapshots.py
--snapshot-update`, and look at the new SVGs before committing them.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from quiz.tui.app import QuizApp
from quiz.tui.round_screen import RoundScreen
from tests.helpers.timezone import local_time_zone
from tests.helpers.tui import answer_every_question_right, make_app

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((60, 20), id="60x20")]
PLAYED_AT = datetime(2026, 1, 8, 20, 0, tzinfo=UTC)

SnapCompare = Callable[..., bool]


@pytest.fixture(autouse=True)
def times_in_utc() -> Iterator[None]:
    """The leaderboard shows local times; the snapshots are drawn in UTC wherever they run
    (CI runs the suite in another time zone too)."""
    with local_time_zone("UTC"):
        yield


@pytest.fixture
def only_the_sample_pack(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Home lists the sample pack alone, whatever packs the game ships."""
    from tests.helpers.packs import PACK

    shipped = tmp_path / "shipped"
    shipped.mkdir()
    (shipped / "sample.yaml").write_bytes(PACK)
    monkeypatch.setattr("quiz.packs.library.shipped_packs_dir", lambda: shipped)


def round_app(data_dir: Path) -> QuizApp:
    app, _ = make_app(data_dir, seed=3)
    app.now = lambda: PLAYED_AT
    return app


async def first_screen(pilot: Pilot[Any]) -> RoundScreen:
    """The round, once composed: run_before is called as soon as the app is ready, which
    is before its first screen has composed."""
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, RoundScreen)
    return screen


async def first_choice_question(pilot: Pilot[Any]) -> None:
    screen = await first_screen(pilot)
    while not screen.round.current.choices:
        screen.action_skip()
        screen.action_next()
    await pilot.pause()


def answered(right: bool) -> Callable[[Pilot[Any]], Awaitable[None]]:
    async def run_before(pilot: Pilot[Any]) -> None:
        await first_choice_question(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, RoundScreen)
        view = screen.round.current
        pick = view.answer_index if right else (view.answer_index + 1) % len(view.choices)
        await pilot.press(str(pick + 1))
        await pilot.pause()

    return run_before


async def whole_round_right(pilot: Pilot[Any]) -> None:
    answer_every_question_right(await first_screen(pilot))
    await pilot.pause()
    await pilot.press("enter")  # keeps the prefilled name for the leaderboard
    await pilot.pause()


@pytest.mark.usefixtures("only_the_sample_pack")
@pytest.mark.parametrize("size", SIZES)
def test_home(snap_compare: SnapCompare, data_dir: Path, size: tuple[int, int]) -> None:
    app, _ = make_app(data_dir, start=False)
    assert snap_compare(app, terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_question(snap_compare: SnapCompare, data_dir: Path, size: tuple[int, int]) -> None:
    assert snap_compare(round_app(data_dir), terminal_size=size, run_before=first_choice_question)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("right", [True, False], ids=["right", "wrong"])
def test_feedback(
    snap_compare: SnapCompare, data_dir: Path, size: tuple[int, int], right: bool
) -> None:
    assert snap_compare(round_app(data_dir), terminal_size=size, run_before=answered(right))


@pytest.mark.parametrize("size", SIZES)
def test_results(snap_compare: SnapCompare, data_dir: Path, size: tuple[int, int]) -> None:
    assert snap_compare(round_app(data_dir), terminal_size=size, run_before=whole_round_right)


@pytest.mark.parametrize("size", SIZES)
def test_help(snap_compare: SnapCompare, data_dir: Path, size: tuple[int, int]) -> None:
    assert snap_compare(round_app(data_dir), terminal_size=size, press=["f1"])


@pytest.mark.usefixtures("only_the_sample_pack")
@pytest.mark.parametrize("size", SIZES)
def test_home_with_a_pack_of_spoilers_left_out(
    snap_compare: SnapCompare, data_dir: Path, size: tuple[int, int]
) -> None:
    from quiz.storage.settings import Settings, save_settings
    from tests.tui.test_tui_home import SPOILING

    (data_dir / "packs").mkdir(parents=True)
    (data_dir / "packs" / "twist.yaml").write_bytes(SPOILING)
    save_settings(data_dir, Settings(spoilers=False), pytest.fail)
    app, _ = make_app(data_dir, start=False)
    assert snap_compare(app, terminal_size=size)
