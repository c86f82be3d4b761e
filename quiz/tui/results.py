"""Results: the round's numbers, a review of every question, and the leaderboard."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from rich.cells import cell_len, set_cell_size
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Button, DataTable, Footer, Static

from quiz.core.text import terminal_safe
from quiz.scores import (
    NotRecorded,
    Recorded,
    ScoreStore,
    local_time,
    name_to_ask,
    record_finished_round,
    rename_recorded,
    why_not_recorded,
)
from quiz.session import Mode, Round, RoundSettings, Summary
from quiz.tui.base import GameScreen
from quiz.tui.shellwrap import wrap_command
from quiz.tui.widgets import plain

REVIEW_HEADERS = ("#", "Question", "You", "Answer", "Points")
# The review's columns of text (the question, the player's answer, the right one) share
# the terminal's width, cut short when they must, so that every column stays on screen.
SHARED_COLUMNS = (1, 2, 3)
NARROWEST_COLUMN = 8
# Columns the results cannot use: the screen's padding and its scroll bar.
RESULTS_MARGIN = 4
NOT_RECORDED = {
    NotRecorded.PRACTICE: "Practice rounds are not recorded.",
    NotRecorded.LEFT_EARLY: "Rounds left early are not recorded.",
}


def shorten(text: str, width: int) -> str:
    """One line at most `width` cells wide (a CJK character takes two), cut with an
    ellipsis."""
    line = " ".join(text.split())
    if cell_len(line) <= width:
        return line
    # set_cell_size pads with a space where half a wide character would not fit.
    return set_cell_size(line, width - 1).rstrip() + "…"


def one_line(text: str) -> str:
    """The text on one line, safe for the terminal, for a review cell."""
    return " ".join(terminal_safe(text).split())


def share_width(needs: list[int], room: int, narrowest: int) -> list[int]:
    """Widths for columns that need `needs`, in `room` columns in all: each column needing
    less than an equal share keeps its width, and the rest share what is left equally (but
    none is made narrower than `narrowest`)."""
    widths = list(needs)
    by_need = sorted(range(len(needs)), key=needs.__getitem__)
    for done, column in enumerate(by_need):
        share = room // (len(needs) - done)
        widths[column] = min(needs[column], max(narrowest, share))
        room -= widths[column]
    return widths


def summary_line(summary: Summary) -> str:
    parts = []
    if summary.mode is not Mode.PRACTICE:
        parts.append(f"Score {summary.score}")
    parts.append(f"{summary.correct} of {summary.played} right ({summary.accuracy:.0%})")
    if summary.average_seconds is not None:
        parts.append(f"average {summary.average_seconds:.1f} s")
    parts.append(f"best streak {summary.best_streak}")
    return "  ·  ".join(parts)


class ResultsScreen(GameScreen):
    BINDINGS = [
        Binding("p", "play_again", "Play again"),
        Binding("h", "app.home", "Home"),
    ]

    class PlayAgain(Message):
        """The player asks for this round again, with other questions."""

        def __init__(self, settings: RoundSettings) -> None:
            self.settings = settings
            super().__init__()

    class PlayerNamed(Message):
        """The round was recorded under this name, which the next round is offered."""

        def __init__(self, player: str) -> None:
            self.player = player
            super().__init__()

    def __init__(
        self,
        round_: Round,
        get_store: Callable[[], ScoreStore],
        player: str,
        now: Callable[[], datetime],
    ) -> None:
        """`get_store` opens the score store, only for a round to record; `player` is the name
        last given (may be empty); `now` says when the round is recorded."""
        super().__init__()
        self.round = round_
        self.summary = round_.summary()
        self.get_store = get_store
        self.player = player
        self.now = now

    def compose_content(self) -> ComposeResult:
        with VerticalScroll(id="results"):
            title = "Round over" if self.summary.completed else "Round left early"
            yield Static(title, id="results-title")
            yield Static(summary_line(self.summary), id="results-numbers")
            yield Static(id="seed")
            yield Static(id="recorded")
            with Horizontal(id="results-buttons"):
                yield Button("Play again", id="again", variant="primary", compact=True)
                yield Button("Home", id="go-home", compact=True, action="app.home")
            yield DataTable(id="review", zebra_stripes=True, cursor_type="row")
            yield Static(id="board-title")
            yield DataTable(id="leaderboard", cursor_type="row")
        yield Footer()

    def on_mount(self) -> None:
        self.show_replay_command()
        self.fill_review()
        self.query_one("#leaderboard").display = False
        self.query_one("#again", Button).focus()
        self.record()

    def on_resize(self) -> None:
        self.show_replay_command()
        self.fill_review()

    def show_replay_command(self) -> None:
        # Broken into lines by the game, not wrapped by the terminal: a command wrapped
        # mid-word is copied broken.
        width = self.app.size.width - RESULTS_MARGIN
        command = wrap_command(self.round.settings.replay_command(), width)
        # A pack's path is a file name: anything but a slash and a NUL.
        replay = Content(f"Play this round again:\n{terminal_safe(command)}")
        self.query_one("#seed", Static).update(replay)

    def fill_review(self) -> None:
        """A row for every question played, its texts cut to fit the terminal's width."""
        review = self.query_one("#review", DataTable)
        rows = [
            [
                str(result.view.number),
                one_line(result.view.prompt),
                one_line(result.given or f"({result.outcome})"),  # as typed: anything
                one_line(result.right_answer),
                str(result.points),
            ]
            for result in self.summary.results
        ]
        needs = [
            max([cell_len(header), *(cell_len(row[column]) for row in rows)])
            for column, header in enumerate(REVIEW_HEADERS)
        ]
        fixed = sum(need for column, need in enumerate(needs) if column not in SHARED_COLUMNS)
        padding = 2 * review.cell_padding * len(needs)
        room = self.app.size.width - RESULTS_MARGIN - padding - fixed
        shared = [needs[column] for column in SHARED_COLUMNS]
        widths = dict(zip(SHARED_COLUMNS, share_width(shared, room, NARROWEST_COLUMN), strict=True))
        review.clear(columns=True)  # columns keep their widest cell's width otherwise
        review.add_columns(*REVIEW_HEADERS)
        for result, row in zip(self.summary.results, rows, strict=True):
            cells = [
                Text(shorten(text, widths[column]) if column in widths else text)
                for column, text in enumerate(row)
            ]
            cells[-1].stylize("green" if result.correct else "red")
            review.add_row(*cells)

    def record(self) -> None:
        """Record the round, then ask for the name it makes the leaderboard under, which
        renames it: quitting at the question (or a closed terminal) loses no round. Or say
        why it is not recorded."""
        why_not = why_not_recorded(self.round)
        if why_not is not None:
            self.query_one("#recorded", Static).update(NOT_RECORDED[why_not])
            return
        from quiz.tui.dialogs import NameEntryScreen

        store = self.get_store()
        # Asked before recording, while the board is as the round found it.
        prefill = name_to_ask(self.round, store, self.player)
        recorded = record_finished_round(self.round, store, self.player, self.now())
        self.show_recorded(recorded)
        if prefill is not None:
            self.app.push_screen(
                NameEntryScreen(self.summary.score, prefill),
                lambda name: self.rename(recorded, name),
            )

    def rename(self, recorded: Recorded, name: str | None) -> None:
        if name and name != recorded.record.player:
            renamed = rename_recorded(recorded, self.get_store(), name)
            # Once this screen is back on top: the leaderboard's columns are measured then.
            self.call_after_refresh(self.show_recorded, renamed)

    def show_recorded(self, recorded: Recorded) -> None:
        name = recorded.record.player
        self.post_message(self.PlayerNamed(name))
        said = f"Recorded for {name}." if recorded.saved else "Scores are not being saved."
        self.query_one("#recorded", Static).update(plain(said))
        self.show_leaderboard(recorded)

    def show_leaderboard(self, recorded: Recorded) -> None:
        entries = recorded.leaderboard
        table = self.query_one("#leaderboard", DataTable)
        table.clear(columns=True)
        table.add_columns("Rank", "Player", "Score", "Right", "When")
        board = recorded.record.board
        for rank, entry in enumerate(entries, start=1):
            style = "bold" if rank == recorded.rank else ""
            table.add_row(
                Text(str(rank), style=style),
                Text(terminal_safe(entry.player), style=style),
                Text(str(entry.score), style=style),
                Text(board.right(entry.correct), style=style),
                Text(local_time(entry.played_at), style=style),
            )
        self.query_one("#board-title", Static).update("Leaderboard")
        table.display = bool(entries)
        if recorded.rank is not None:
            table.move_cursor(row=recorded.rank - 1)

    @on(Button.Pressed, "#again")
    def action_play_again(self) -> None:
        self.post_message(self.PlayAgain(self.round.settings))
