"""High scores: the leaderboards, chosen by pack and mode."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import DataTable, Footer, Select, Static

from quiz.core.text import terminal_safe
from quiz.scores import local_time
from quiz.session import Mode
from quiz.tui.base import GameScreen

if TYPE_CHECKING:
    from quiz.scores import ScoreStore


class HighScoresScreen(GameScreen):
    BINDINGS = [
        Binding("escape,b", "app.pop_screen", "Back"),
    ]

    def __init__(self, store: ScoreStore) -> None:
        super().__init__()
        self.store = store
        self.all_boards = store.boards()

    def compose_content(self) -> ComposeResult:
        with VerticalScroll(id="high-scores"):
            yield Static("High scores", id="scores-title")
            packs = sorted({board.packs_label for board in self.all_boards})
            modes = [str(mode) for mode in Mode if mode is not Mode.PRACTICE]  # never recorded
            with Horizontal(id="scores-filters"):
                yield Select([(label, label) for label in packs], id="pack", prompt="Every pack")
                yield Select([(mode, mode) for mode in modes], id="mode", prompt="Every mode")
            yield DataTable(id="scores-table", zebra_stripes=True, cursor_type="row")
            yield Static(id="scores-empty")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#scores-table", DataTable)
        table.add_columns("Packs", "Mode", "Round", "Rank", "Player", "Score", "Right", "When")
        self.refresh_table()

    @on(Select.Changed)
    def refresh_table(self) -> None:
        pack = self.query_one("#pack", Select).value
        mode = self.query_one("#mode", Select).value
        table = self.query_one("#scores-table", DataTable)
        table.clear()
        boards = [
            board
            for board in self.all_boards
            if (pack is Select.NULL or board.packs_label == pack)
            and (mode is Select.NULL or str(board.mode) == mode)
        ]
        for board in boards:
            for rank, entry in enumerate(self.store.leaderboard(board), start=1):
                table.add_row(
                    Text(board.packs_label),
                    str(board.mode),
                    board.shape,
                    str(rank),
                    Text(terminal_safe(entry.player)),
                    str(entry.score),
                    board.right(entry.correct),
                    local_time(entry.played_at),
                )
        empty = self.query_one("#scores-empty", Static)
        if self.all_boards:
            empty.update("No rounds for this pack and mode.")
        else:
            empty.update("No rounds recorded yet: finish a classic or sudden-death round.")
        empty.display = table.row_count == 0
