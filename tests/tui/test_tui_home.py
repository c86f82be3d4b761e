"""Home: the installed packs, the round's settings, Start, and what is remembered."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from textual.widgets import Checkbox, Input, Select, Static

from quiz.cli import main
from quiz.session import Mode, Phase
from quiz.storage.settings import Settings, load_settings, save_settings
from quiz.tui.app import QuizApp
from quiz.tui.home import HomeScreen
from quiz.tui.round_screen import RoundScreen
from quiz.tui.widgets import PackList
from tests.helpers.packs import PACK
from tests.helpers.tui import make_app


@pytest.fixture(autouse=True)
def installed_sample(data_dir: Path) -> None:
    (data_dir / "packs").mkdir(parents=True, exist_ok=True)
    (data_dir / "packs" / "sample.yaml").write_bytes(PACK)


async def test_an_unticked_pack_shows_an_empty_box_not_only_another_colour(
    data_dir: Path,
) -> None:
    app, _ = make_app(data_dir, start=False)
    async with app.run_test(size=(80, 24)) as pilot:
        packs = app.screen.query_one("#packs", PackList)
        first = packs.get_option_at_index(0)
        packs.deselect(first)
        await pilot.pause()
        unticked, *ticked = [packs.render_line(y).text[:3] for y in range(packs.option_count)]
        assert ticked and all(box[1] not in " " for box in ticked)  # Textual's own mark
        assert unticked == f"{ticked[0][0]} {ticked[0][2]}"  # the same box, empty


async def test_home_lists_packs_and_starts_the_round_chosen(data_dir: Path) -> None:
    app, _ = make_app(data_dir, start=False)
    async with app.run_test(size=(80, 24)) as pilot:
        home = app.screen
        assert isinstance(home, HomeScreen)
        packs = home.query_one("#packs", PackList)
        labels = [str(packs.get_option_at_index(i).prompt) for i in range(packs.option_count)]
        assert any(label.startswith("Test pack") and "4 questions" in label for label in labels)
        packs.deselect_all()
        packs.select("test-pack")
        home.query_one("#questions", Input).value = "3"
        home.query_one("#seconds", Input).value = "12.5"
        home.query_one("#mode", Select).value = Mode.SUDDEN_DEATH
        await pilot.press("ctrl+s")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, RoundScreen)
        assert screen.round.mode is Mode.SUDDEN_DEATH
        assert screen.round.current.seconds == 12.5
        remembered = load_settings(data_dir, pytest.fail)
        assert (remembered.packs, remembered.questions, remembered.seconds) == (
            ("test-pack",),
            3,
            12.5,
        )
        assert remembered.mode is Mode.SUDDEN_DEATH

    again, _ = make_app(data_dir, start=False)
    async with again.run_test(size=(80, 24)):
        home = again.screen
        assert home.query_one("#questions", Input).value == "3"
        assert home.query_one("#seconds", Input).value == "12.5"
        assert home.query_one("#mode", Select).value == Mode.SUDDEN_DEATH
        assert home.query_one("#packs", PackList).selected == ["test-pack"]


async def test_a_pack_with_its_own_time_says_so_beside_its_title(data_dir: Path) -> None:
    timed = PACK.replace(b"id: test-pack, title: Test pack", b"id: timed, title: Timed").replace(
        b"source: the test article}", b"source: the test article, time: 45}"
    )
    (data_dir / "packs" / "timed.yaml").write_bytes(timed)
    app, _ = make_app(data_dir, start=False)
    async with app.run_test(size=(80, 24)):
        packs = app.screen.query_one("#packs", PackList)
        labels = [str(packs.get_option_at_index(i).prompt) for i in range(packs.option_count)]
        assert "Timed  4 questions · 45 s each · the test article" in labels
        assert "Test pack  4 questions · the test article" in labels


@pytest.mark.parametrize(
    ("field", "value", "complaint"),
    [
        ("#questions", "0", "Questions: a whole number from 1"),
        ("#seconds", "0", "Seconds per question: from 1 to 3600"),
    ],
)
async def test_bad_settings_are_refused_with_what_to_fix(
    data_dir: Path, field: str, value: str, complaint: str
) -> None:
    app, _ = make_app(data_dir, start=False)
    async with app.run_test(size=(80, 24)) as pilot:
        home = app.screen
        home.query_one(field, Input).value = value
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert any(complaint in str(note.message) for note in app._notifications)


async def test_no_pack_chosen_is_refused(data_dir: Path) -> None:
    app, _ = make_app(data_dir, start=False)
    async with app.run_test(size=(80, 24)) as pilot:
        app.screen.query_one("#packs", PackList).deselect_all()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert any("Choose at least one pack" in str(n.message) for n in app._notifications)


async def test_the_theme_chosen_is_remembered(data_dir: Path) -> None:
    app, _ = make_app(data_dir, start=False)
    async with app.run_test(size=(80, 24)):
        app.theme = "nord"
    assert load_settings(data_dir, pytest.fail).theme == "nord"
    again, _ = make_app(data_dir, start=False)
    async with again.run_test(size=(80, 24)):
        assert again.theme == "nord"


async def test_from_home_to_a_round_to_results_and_back(data_dir: Path) -> None:
    app, _ = make_app(data_dir, start=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, RoundScreen)
        await pilot.press("escape", "y")
        await pilot.pause()
        assert type(app.screen).__name__ == "ResultsScreen"
        first_seed = app.screen.round.settings.seed  # type: ignore[attr-defined]
        await pilot.press("p")
        await pilot.pause()
        again = app.screen
        assert isinstance(again, RoundScreen)
        assert again.round.settings.seed != first_seed
        await pilot.press("escape", "y")
        await pilot.pause()
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert len(app.screen_stack) == 1


@pytest.mark.parametrize("start", [False, True], ids=["from Home", "quiz play"])
async def test_home_from_the_palette_asks_before_leaving_a_round(
    data_dir: Path, start: bool
) -> None:
    app, _ = make_app(data_dir, start=start)
    async with app.run_test(size=(80, 24)) as pilot:
        if not start:
            await pilot.press("ctrl+s")
            await pilot.pause()
        screen = app.screen
        assert isinstance(screen, RoundScreen)
        for leave in ("n", "y"):
            await pilot.press("ctrl+p", *"Home", "enter")
            await pilot.pause()
            assert type(app.screen).__name__ == "ConfirmScreen"
            await pilot.press(leave)
            await pilot.pause()
            if leave == "n":
                assert app.screen is screen and screen.round.phase is not Phase.FINISHED
        assert screen.round.phase is Phase.FINISHED and not screen.round.summary().completed
        assert isinstance(app.screen, HomeScreen)
        assert app.store.history() == []  # a round left early is not recorded


async def test_a_round_started_directly_goes_home_from_its_results(data_dir: Path) -> None:
    app, _ = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("escape", "y")
        await pilot.pause()
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_a_first_choice_question_answers_its_keys_at_once(data_dir: Path) -> None:
    for seed in range(20):
        app, _ = make_app(data_dir, seed=seed)
        async with app.run_test(size=(80, 24)) as pilot:
            screen = app.screen
            assert isinstance(screen, RoundScreen)
            if not screen.round.current.choices:
                assert isinstance(app.focused, Input)
                continue
            await pilot.press("1")
            assert screen.round.phase is Phase.REVIEWING
            return
    pytest.fail("no seed starts with a choice question")


async def test_a_pack_named_by_its_file_is_replayed_by_its_file(
    data_dir: Path, tmp_path: Path
) -> None:
    mine = tmp_path / "elsewhere" / "mine.yaml"
    mine.parent.mkdir()
    mine.write_bytes(PACK.replace(b"id: test-pack", b"id: mine"))
    app = QuizApp(data_dir, None, extra_packs=(mine,))
    async with app.run_test(size=(80, 24)) as pilot:
        packs = app.screen.query_one("#packs", PackList)
        packs.deselect_all()
        packs.select("mine")
        packs.select("test-pack")
        await pilot.press("ctrl+s")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, RoundScreen)
        replay = screen.round.settings.replay_command()
        assert f"--pack {mine} --pack test-pack " in replay
    # and Home lists it again next time, ticked
    assert set(load_settings(data_dir, pytest.fail).packs) == {str(mine.resolve()), "test-pack"}
    app = QuizApp(data_dir, None)
    async with app.run_test(size=(80, 24)):
        assert set(app.screen.query_one("#packs", PackList).selected) == {"mine", "test-pack"}


async def test_home_lists_and_ticks_the_pack_file_the_last_round_was_played_from(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mine = tmp_path / "elsewhere" / "mine.yaml"
    mine.parent.mkdir()
    mine.write_bytes(PACK.replace(b"id: test-pack", b"id: mine"))
    monkeypatch.setattr("sys.stdin", io.StringIO("s\n"))
    played = ["play", "--plain", "--pack", str(mine), "--questions", "1", "--seed", "1"]
    assert main([*played, "--data-dir", str(data_dir)]) == 0
    app = QuizApp(data_dir, None)
    async with app.run_test(size=(80, 24)):
        packs = app.screen.query_one("#packs", PackList)
        assert packs.selected == ["mine"]
        assert "test-pack" in [
            packs.get_option_at_index(i).value for i in range(packs.option_count)
        ]
        assert not app.screen.query_one("#library-problems").display
    mine.unlink()  # gone: Home offers what is left, all ticked
    app = QuizApp(data_dir, None)
    async with app.run_test(size=(80, 24)):
        packs = app.screen.query_one("#packs", PackList)
        assert "mine" not in packs.selected and "test-pack" in packs.selected


# The sample pack with two of its questions marked as spoilers.
SPOILING = (
    PACK.replace(b"id: test-pack, title: Test pack", b"id: twist, title: Twist")
    .replace(b"    answer: Paris\n", b"    answer: Paris\n    spoiler: true\n")
    .replace(b"    answer: 8\n", b"    answer: 8\n    spoiler: true\n")
)


@pytest.fixture
def a_spoiling_pack(data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Home lists the sample pack and Twist, whose capital and count questions are
    spoilers, and none of the packs the game ships."""
    (data_dir / "packs" / "twist.yaml").write_bytes(SPOILING)
    monkeypatch.setattr("quiz.packs.library.shipped_packs_dir", lambda: tmp_path / "none")


def spoiler_notice(home: HomeScreen) -> str | None:
    """The notice's text, None while it is hidden."""
    notice = home.query_one("#spoiler-notice", Static)
    return str(notice.content) if notice.display else None


@pytest.mark.usefixtures("a_spoiling_pack")
@pytest.mark.parametrize("spoilers", [True, False])
async def test_the_spoiler_box_starts_from_the_remembered_setting(
    data_dir: Path, spoilers: bool
) -> None:
    save_settings(data_dir, Settings(spoilers=spoilers), pytest.fail)
    app, _ = make_app(data_dir, start=False)
    async with app.run_test(size=(80, 24)):
        home = app.screen
        assert isinstance(home, HomeScreen)
        assert home.query_one("#no-spoilers", Checkbox).value is not spoilers
        expected = "Twist contains spoilers" + ("" if spoilers else ": they are left out")
        assert spoiler_notice(home) == expected


@pytest.mark.usefixtures("a_spoiling_pack")
async def test_leaving_out_spoilers_leaves_them_out_of_the_round_and_is_remembered(
    data_dir: Path,
) -> None:
    app, _ = make_app(data_dir, start=False)
    async with app.run_test(size=(80, 24)) as pilot:
        home = app.screen
        assert isinstance(home, HomeScreen)
        packs = home.query_one("#packs", PackList)
        packs.deselect_all()
        packs.select("twist")
        home.query_one("#mode", Select).value = Mode.PRACTICE
        box = home.query_one("#no-spoilers", Checkbox)
        assert not box.value
        box.focus()
        await pilot.press("space")  # as a player ticks it
        assert box.value
        await pilot.press("ctrl+s")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, RoundScreen)
        assert not screen.round.settings.spoilers
        assert "--no-spoilers" in screen.round.settings.replay_command()
        asked = []
        while screen.round.phase is not Phase.FINISHED:
            asked.append(screen.round.current.question.id)
            screen.action_skip()
            screen.action_next()
        assert sorted(asked) == ["markup", "truth"]  # not capital nor count
    assert load_settings(data_dir, pytest.fail).spoilers is False

    again, _ = make_app(data_dir, start=False)
    async with again.run_test(size=(80, 24)) as pilot:
        home = again.screen
        assert isinstance(home, HomeScreen)
        box = home.query_one("#no-spoilers", Checkbox)
        assert box.value  # remembered
        box.value = False  # and a round with spoilers asks them all
        await pilot.press("ctrl+s")
        await pilot.pause()
        screen = again.screen
        assert isinstance(screen, RoundScreen)
        assert screen.round.settings.spoilers and screen.round.total == 4
    assert load_settings(data_dir, pytest.fail).spoilers is True


@pytest.mark.usefixtures("a_spoiling_pack")
async def test_home_says_which_ticked_packs_contain_spoilers(data_dir: Path) -> None:
    (data_dir / "packs" / "twist2.yaml").write_bytes(
        SPOILING.replace(b"id: twist, title: Twist", b"id: twist2, title: Twist again")
    )
    app, _ = make_app(data_dir, start=False)
    async with app.run_test(size=(80, 24)) as pilot:
        home = app.screen
        assert isinstance(home, HomeScreen)
        packs = home.query_one("#packs", PackList)
        labels = [str(packs.get_option_at_index(i).prompt) for i in range(packs.option_count)]
        assert labels == [
            "Test pack  4 questions · the test article",
            "Twist  4 questions · spoilers · the test article",
            "Twist again  4 questions · spoilers · the test article",
        ]
        assert spoiler_notice(home) == "2 of the ticked packs contain spoilers"
        packs.deselect("twist2")
        await pilot.pause()
        assert spoiler_notice(home) == "Twist contains spoilers"
        home.query_one("#no-spoilers", Checkbox).value = True
        await pilot.pause()
        assert spoiler_notice(home) == "Twist contains spoilers: they are left out"
        packs.deselect("twist")
        await pilot.pause()
        assert spoiler_notice(home) is None  # the sample pack alone has none


@pytest.mark.usefixtures("a_spoiling_pack")
async def test_a_round_of_nothing_but_spoilers_is_refused_with_what_to_do(
    data_dir: Path,
) -> None:
    only = PACK.replace(b"id: test-pack, title: Test pack", b"id: all-twists, title: All")
    only = only.replace(b"    type: ", b"    spoiler: true\n    type: ")
    (data_dir / "packs" / "all.yaml").write_bytes(only)
    save_settings(data_dir, Settings(packs=("all-twists",), spoilers=False), pytest.fail)
    app, _ = make_app(data_dir, start=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
        home = app.screen
        assert isinstance(home, HomeScreen)
        assert home.query_one("#packs", PackList).selected == ["all-twists"]
        assert any("play with spoilers" in str(n.message) for n in app._notifications)
