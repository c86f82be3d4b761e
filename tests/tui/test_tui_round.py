"""Pilot tests: playing rounds in the Textual app, the way a player would."""

from __future__ import annotations

import re
import shlex
import subprocess
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Select, Static

from quiz.core.model import Question, QuestionType
from quiz.scores import ScoreStore
from quiz.session import Mode, Phase
from quiz.tui.app import QuizApp
from quiz.tui.results import NARROWEST_COLUMN, share_width
from quiz.tui.round_screen import ENTER_GRACE_SECONDS, FEEDBACK_SECONDS, RoundScreen
from quiz.tui.widgets import ChoiceRow
from tests.helpers.tui import answer_every_question_right, ask, make_app


def text_of(screen: RoundScreen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


async def test_answering_right_at_once_scores_1000(data_dir: Path) -> None:
    app, _ = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ask(pilot, "capital")
        view = screen.round.current
        assert text_of(screen, "#prompt") == "What is the capital of France?"
        rows = list(screen.query(ChoiceRow))
        assert [str(row.render()).split(maxsplit=1)[1] for row in rows] == list(view.choices)
        await pilot.press(str(view.answer_index + 1))
        assert "Correct!  +1000 points" in text_of(screen, "#verdict")
        assert "Paris is the capital of France." in text_of(screen, "#evidence")
        assert "the test article" in text_of(screen, "#evidence")
        assert screen.has_class("-reviewing")


async def test_a_wrong_choice_shows_the_right_answer(data_dir: Path) -> None:
    app, _ = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ask(pilot, "capital")
        wrong = next(i for i in range(4) if i != screen.round.current.answer_index)
        await pilot.press("abcd"[wrong])
        assert text_of(screen, "#verdict") == "Wrong."
        answers = text_of(screen, "#answers")
        assert "The answer: Paris" in answers
        assert f"You said: {screen.round.current.choices[wrong]}" in answers
        assert screen.round.score == 0 and screen.round.streak == 0


async def test_clicking_a_choice_answers(data_dir: Path) -> None:
    app, _ = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ask(pilot, "capital")
        right = screen.round.current.answer_index
        await pilot.click(list(screen.query(ChoiceRow))[right])
        assert text_of(screen, "#verdict").startswith("Correct!")


async def test_time_runs_out_with_the_injected_clock(data_dir: Path) -> None:
    app, clock = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, RoundScreen)
        clock.now += 5
        screen.tick()
        assert text_of(screen, "#seconds-left").strip() == "15 s"
        clock.now += 16
        screen.tick()
        await pilot.pause()
        assert text_of(screen, "#verdict") == "Time's up."
        first = screen.round.current.number
        clock.now += FEEDBACK_SECONDS
        screen.tick()
        await pilot.pause()
        assert screen.round.phase is Phase.ASKING
        assert screen.round.current.number == first + 1


async def test_typed_answers_and_markup_stay_plain_text(data_dir: Path) -> None:
    app, _ = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ask(pilot, "markup")
        assert text_of(screen, "#prompt") == "[bold]Type[/] [@click=app.quit]x[/] exactly"
        await pilot.click("#prompt")
        typed = screen.query_one("#typed", Input)
        assert typed.has_focus
        await pilot.press("[", "/", "]", "enter")
        assert text_of(screen, "#verdict").startswith("Correct!")
        assert text_of(screen, "#explain") == "[red]not red[/red]"
        assert app.is_running


async def test_a_forgiven_typo_scores_and_says_close_enough(data_dir: Path) -> None:
    writer = Question(id="w", type=QuestionType.TEXT, prompt="Who wrote it?", answer="Alice Feeney")
    app, _ = make_app(data_dir, questions=1, only=(writer,))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, RoundScreen)
        await pilot.click("#typed")
        await pilot.press(*"Alice Feeny", "enter")
        assert text_of(screen, "#verdict").startswith("Correct!  +")
        answers = text_of(screen, "#answers")
        assert "Close enough: Alice Feeney (you said Alice Feeny)" in answers
        assert "You said:" not in answers
        assert screen.round.score > 0


async def test_skip_and_true_false_keys(data_dir: Path) -> None:
    app, _ = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ask(pilot, "truth")
        await pilot.press("f")
        assert text_of(screen, "#verdict").startswith("Correct!")
        await pilot.press("enter")
        if screen.round.phase is Phase.ASKING and screen.round.current.choices:
            await pilot.press("s")
            assert text_of(screen, "#verdict") == "Skipped."


async def test_leaving_asks_first_and_is_not_recorded(data_dir: Path) -> None:
    app, _ = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("escape")
        assert type(app.screen).__name__ == "ConfirmScreen"
        await pilot.press("n")
        assert isinstance(app.screen, RoundScreen)
        await pilot.press("escape", "y")
        await pilot.pause()
        assert type(app.screen).__name__ == "ResultsScreen"
        assert "not recorded" in str(app.screen.query_one("#recorded", Static).render())


async def test_practice_waits_for_the_player(data_dir: Path) -> None:
    app, clock = make_app(data_dir, mode=Mode.PRACTICE)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, RoundScreen)
        assert not screen.query_one("#timer").display
        await pilot.press("s") if screen.round.current.choices else screen.action_skip()
        clock.now += 600
        screen.tick()
        assert screen.round.phase is Phase.REVIEWING
        await pilot.press("enter")
        assert screen.round.phase is Phase.ASKING


async def test_help_opens_on_question_mark_and_f1(data_dir: Path) -> None:
    app, _ = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await ask(pilot, "markup")
        await pilot.press("f1")  # in a typed answer, ? is a character of the answer
        assert type(app.screen).__name__ == "HelpScreen"
        await pilot.press("escape")
        await ask(pilot, "capital")
        await pilot.press("question_mark")
        assert type(app.screen).__name__ == "HelpScreen"
        await pilot.press("escape")
        assert isinstance(app.screen, RoundScreen)


async def test_the_clock_stops_while_a_dialog_hides_the_question(data_dir: Path) -> None:
    app, clock = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ask(pilot, "markup")
        await pilot.press("x")
        clock.now += 5
        for opening in ("f1", "escape", "ctrl+p"):
            await pilot.press(opening)
            assert not isinstance(app.screen, RoundScreen)
            assert screen.round.paused
            assert not screen.query_one("#prompt").visible
            assert "Paused" in text_of(screen, "#status")
            clock.now += 100
            screen.tick()
            await pilot.press("escape")  # closes the help; "No" to leaving; the palette
            assert isinstance(app.screen, RoundScreen)
            assert not screen.round.paused
        screen.tick()
        assert text_of(screen, "#seconds-left").strip() == "15 s"
        assert screen.query_one("#prompt").visible
        await pilot.press("y", "enter")  # what was typed before is still there
        assert screen.round.results[-1].given == "xy"
        clock.now += FEEDBACK_SECONDS - 1
        await pilot.press("f1")
        clock.now += 100  # the feedback stays while the help is read
        screen.tick()
        await pilot.press("escape")
        assert screen.round.phase is Phase.REVIEWING


async def test_the_clock_stops_while_the_terminal_is_too_small(data_dir: Path) -> None:
    app, clock = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, RoundScreen)
        await pilot.resize_terminal(50, 15)
        await pilot.pause()
        assert screen.round.paused
        clock.now += 100
        screen.tick()
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert not screen.round.paused and screen.round.phase is Phase.ASKING
        assert screen.round.time_left() == 20


async def test_too_small_terminal_says_so_and_recovers(data_dir: Path) -> None:
    app, _ = make_app(data_dir)
    async with app.run_test(size=(60, 20)) as pilot:
        screen = app.screen
        notice = screen.query_one("TooSmallNotice")
        assert not notice.display or notice.region.height == 0 or not screen.has_class("-narrow")
        await pilot.resize_terminal(50, 15)
        await pilot.pause()
        assert screen.has_class("-narrow") and screen.has_class("-short")
        assert "This terminal is 50x15" in str(notice.render())
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert not screen.has_class("-narrow")
        assert screen.query_one("#prompt").region.height > 0


async def play_to_the_name_question(app: QuizApp, pilot: Pilot[None]) -> None:
    """Every question answered right, fast: a score that makes the leaderboard."""
    screen = app.screen
    assert isinstance(screen, RoundScreen)
    answer_every_question_right(screen)
    await pilot.pause()
    assert type(app.screen).__name__ == "NameEntryScreen"


async def test_a_finished_round_is_recorded_and_shown_in_high_scores(data_dir: Path) -> None:
    app, _ = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await play_to_the_name_question(app, pilot)
        name = app.screen.query_one("#name", Input)
        name.value = "  [b]Zoë[/b]  "
        await pilot.press("enter")
        await pilot.pause()
        results = app.screen
        assert "Recorded for [b]Zoë[/b]." in str(results.query_one("#recorded", Static).render())
        leaderboard = results.query_one("#leaderboard", DataTable)
        assert [str(cell) for cell in leaderboard.get_row_at(0)][1:3] == [
            "[b]Zoë[/b]",
            "4600",
        ]  # 4 x 1000 + streak bonuses 100 + 200 + 300
        await pilot.pause()
        # Shown whole after the rename, not cut to its header's width.
        shown = [strip.text for strip in leaderboard.render_lines(leaderboard.region.reset_offset)]
        whole = re.compile(r"\[b\]Zoë\[/b\] .* \d{4}-\d\d-\d\d \d\d:\d\d$")
        assert [line for line in shown if whole.search(line.rstrip())], shown
        app.action_high_scores()
        await pilot.pause()
        table = app.screen.query_one("#scores-table", DataTable)
        assert table.row_count == 1
        assert "[b]Zoë[/b]" in [str(cell) for cell in table.get_row_at(0)]
        app.screen.query_one("#mode", Select).value = "sudden-death"
        await pilot.pause()
        assert table.row_count == 0
        assert "No rounds for this pack and mode" in str(
            app.screen.query_one("#scores-empty", Static).render()
        )


@pytest.mark.parametrize("quit_key", ["ctrl+q", "ctrl+c"])
async def test_quitting_at_the_name_question_keeps_the_round(data_dir: Path, quit_key: str) -> None:
    """The round is recorded when it ends; the name asked for after only renames it."""
    app, _ = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await play_to_the_name_question(app, pilot)
        await pilot.press(quit_key)
        await pilot.pause()
    store = ScoreStore.open(data_dir, pytest.fail)
    try:
        assert [(record.player, record.score) for record in store.history()] == [("Player", 4600)]
    finally:
        store.close()


LONG_PROMPT = "In the invented series of this test, which detective solves the case in the end?"
LONG_ANSWER = "Detective Inspector Jane Marple of the county police"
WIDE_PROMPT = "このテストの架空のシリーズで、最後に事件を解決する探偵は誰ですか？"
WIDE_ANSWER = "県警のジェーン・マープル警部補とその相棒"


@pytest.mark.parametrize(
    ("prompt", "answer"), [(LONG_PROMPT, LONG_ANSWER), (WIDE_PROMPT, WIDE_ANSWER)]
)
async def test_the_review_shows_as_much_of_each_question_as_the_terminal_allows(
    data_dir: Path, prompt: str, answer: str
) -> None:
    long = Question(id="long", type=QuestionType.TEXT, prompt=prompt, answer=answer)
    app, _ = make_app(data_dir, mode=Mode.PRACTICE, questions=1, only=(long,))
    async with app.run_test(size=(160, 30)) as pilot:
        screen = app.screen
        assert isinstance(screen, RoundScreen)
        screen.answer("Y")
        screen.action_next()
        await pilot.pause()
        review = app.screen.query_one("#review", DataTable)
        assert [str(cell) for cell in review.get_row_at(0)] == ["1", prompt, "Y", answer, "0"]
        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        number, prompt_cut, given, answer_cut, points = map(str, review.get_row_at(0))
        for cut, whole in ((prompt_cut, prompt), (answer_cut, answer)):
            assert cut.endswith("…") and whole.startswith(cut[:-1]) and len(cut) >= 4
        assert (number, given, points) == ("1", "Y", "0")
        assert review.virtual_size.width <= 60  # every column on screen, no scrolling


async def test_choices_that_are_numbers_are_lettered_and_a_digit_is_read_as_one(
    data_dir: Path,
) -> None:
    episode = Question(
        id="episode", type=QuestionType.CHOICE, prompt="Which?", answer="6", wrong=("2", "1", "4")
    )
    app, _ = make_app(data_dir, questions=1, only=(episode,))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, RoundScreen)
        labels = [str(row.render()).split()[0] for row in screen.query(ChoiceRow)]
        assert labels == ["A", "B", "C", "D"]
        assert text_of(screen, "#hint").startswith("Press a-d")
        await pilot.press("3")  # no choice reads 3, and 3 is no key here
        assert screen.round.phase is Phase.ASKING
        assert text_of(screen, "#hint") == "choose a-d"
        await pilot.press("6")
        assert text_of(screen, "#verdict").startswith("Correct!")


async def test_keys_still_answer_after_the_terminal_was_too_small(data_dir: Path) -> None:
    app, _ = make_app(data_dir)
    async with app.run_test(size=(60, 20)) as pilot:
        screen = await ask(pilot, "markup")
        await pilot.resize_terminal(50, 15)
        await pilot.pause()
        assert not screen.query_one("#timer").region  # only the notice is shown
        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        await pilot.press("[", "/", "]", "enter")
        assert text_of(screen, "#verdict").startswith("Correct!")


async def test_an_enter_meant_for_the_last_feedback_does_not_skip_a_typed_question(
    data_dir: Path,
) -> None:
    """The feedback moves on by itself after a few seconds; an Enter pressed to move on
    that lands just after it must not skip the typed question that appeared."""
    app, clock = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ask(pilot, "markup")
        await pilot.press("enter")
        assert screen.round.phase is Phase.ASKING
        clock.now += ENTER_GRACE_SECONDS
        await pilot.press("enter")
        assert text_of(screen, "#verdict") == "Skipped."


async def test_no_answer_while_the_terminal_is_too_small_to_show_the_question(
    data_dir: Path,
) -> None:
    app, _ = make_app(data_dir)
    async with app.run_test(size=(60, 20)) as pilot:
        screen = await ask(pilot, "capital")
        await pilot.resize_terminal(50, 15)
        await pilot.pause()
        await pilot.press("1", "s")
        assert screen.round.phase is Phase.ASKING
        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        await pilot.press("s")
        assert screen.round.phase is Phase.REVIEWING


async def test_enter_in_a_typed_answer_while_too_small_answers_nothing(data_dir: Path) -> None:
    app, clock = make_app(data_dir)
    async with app.run_test(size=(60, 20)) as pilot:
        screen = await ask(pilot, "count")
        clock.now += ENTER_GRACE_SECONDS
        await pilot.press("8")
        await pilot.resize_terminal(59, 20)
        await pilot.pause()
        await pilot.press("enter", "9", "escape", "f1", "ctrl+p")  # nothing unseen: no dialog
        assert isinstance(app.screen, RoundScreen)
        typed = screen.query_one("#typed", Input)
        assert typed.value == "8"
        typed.value = ""
        await pilot.press("enter")  # an empty Enter would skip
        assert app.is_running and screen.round.phase is Phase.ASKING
        typed.value, typed.cursor_position = "4", 1
        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        await pilot.press("2", "enter")
        assert screen.round.phase is Phase.REVIEWING
        assert screen.round.results[-1].given == "42"  # the 4 was not selected and replaced


async def test_the_points_shown_are_what_the_score_went_up_by(data_dir: Path) -> None:
    app, _ = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, RoundScreen)
        while screen.round.streak < 1 or not screen.round.current.choices:
            view = screen.round.current
            screen.answer(view.answer_index if view.choices else view.question.answer)
            screen.action_next()
        before = screen.round.score
        await pilot.press(str(screen.round.current.answer_index + 1))
        gained = screen.round.score - before
        assert text_of(screen, "#verdict") == (
            f"Correct!  +{gained} points ({gained - 100} for speed, 100 streak bonus)"
        )


@given(
    needs=st.lists(st.integers(1, 200), min_size=1, max_size=5),
    room=st.integers(0, 300),
)
def test_review_columns_share_the_width_without_waste(needs: list[int], room: int) -> None:
    widths = share_width(needs, room, NARROWEST_COLUMN)
    for need, width in zip(needs, widths, strict=True):
        assert width <= need and width >= min(need, NARROWEST_COLUMN)
    if sum(needs) <= room:
        assert widths == needs  # room for everything: nothing is cut
    else:
        assert sum(widths) <= max(room, NARROWEST_COLUMN * len(needs))
        # a column is cut only where an equal share was too little for it
        assert sum(widths) >= min(room, sum(needs)) - len(needs)


@pytest.mark.parametrize("width", [60, 69, 80, 200])
async def test_the_replay_command_fits_the_screen_and_runs_as_copied(
    data_dir: Path, width: int
) -> None:
    app, _ = make_app(data_dir, seed=123456789)
    async with app.run_test(size=(width, 20)) as pilot:
        screen = app.screen
        assert isinstance(screen, RoundScreen)
        answer_every_question_right(screen)
        await pilot.pause()
        await pilot.press("enter")  # the name, as the leaderboard makes the results scroll
        await pilot.pause()
        seed = app.screen.query_one("#seed", Static)
        heading, command = str(seed.render()).split("\n", 1)
        assert heading == "Play this round again:"
        assert all(len(line) <= seed.content_size.width for line in command.splitlines())
        assert (len(command.splitlines()) > 1) is (width < 100)
        # What a shell makes of it, copied off the screen as it is:
        script = "words() { printf '%s\\n' \"$@\"; }; " + command.replace("quiz play", "words", 1)
        ran = subprocess.run(["sh", "-c", script], capture_output=True, text=True, check=True)
        replay = screen.round.settings.replay_command()
        assert ran.stdout.splitlines() == shlex.split(replay)[2:]


@pytest.mark.parametrize("leave", [("escape",), ("ctrl+p", *"Home", "enter")])
async def test_leaving_a_round_played_to_its_end_goes_to_its_results(
    data_dir: Path, leave: tuple[str, ...]
) -> None:
    app, _ = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, RoundScreen)
        while screen.round.results[-1:] == [] or not screen.round.over:
            screen.action_next()
            view = screen.round.current
            screen.answer(view.answer_index if view.choices else view.question.answer)
        await pilot.press(*leave)  # nothing is left to play: no "it will not be recorded"
        await pilot.pause()
        assert type(app.screen).__name__ == "NameEntryScreen"
        assert screen.round.summary().completed


async def test_no_name_is_asked_for_zero_points(data_dir: Path) -> None:
    app, _ = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, RoundScreen)
        while screen.round.phase is not Phase.FINISHED:
            screen.action_skip()
            screen.action_next()
        await pilot.pause()
        assert type(app.screen).__name__ == "ResultsScreen"
        recorded = str(app.screen.query_one("#recorded", Static).render())
        assert recorded == "Recorded for Player."
