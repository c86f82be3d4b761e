"""Home: choose packs and the round's settings, then start."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Footer, Input, Label, Select, SelectionList, Static
from textual.widgets.selection_list import Selection

from quiz.library import Library, PackSummary, installed_library, resolve_pack
from quiz.problems import LoadError
from quiz.session import (
    LONGEST_SECONDS,
    Mode,
    RoundSettings,
    random_seed,
    read_seconds,
    read_whole_number,
)
from quiz.tui.base import GameScreen
from quiz.tui.widgets import plain

MODE_LABELS = {
    Mode.CLASSIC: "Classic: timed questions",
    Mode.PRACTICE: "Practice: untimed, no score",
    Mode.SUDDEN_DEATH: "Sudden death: until a miss",
}
MAX_QUESTIONS = 1000


def pack_label(pack: PackSummary) -> Content:
    detail = f"{pack.question_count} questions"
    if pack.source:
        detail += f" · {pack.source}"
    return plain(pack.title) + Content.styled(f"  {detail}", "dim")


class HomeScreen(GameScreen):
    BINDINGS = [
        Binding("ctrl+s", "start", "Start"),
    ]

    def compose_content(self) -> ComposeResult:
        yield Static("quiz · trivia that can prove its answers", id="home-title")
        with Horizontal(id="home-screen-panels"):
            with Vertical(id="packs-panel"):
                yield Label("Packs")
                yield SelectionList[str](id="packs")
            with Vertical(id="settings-panel"):
                yield Label("Questions")
                yield Input(id="questions", type="integer", max_length=4, compact=True)
                yield Label("Seconds per question")
                yield Input(id="seconds", type="number", max_length=6, compact=True)
                yield Label("Mode")
                yield Select(
                    [(label, mode) for mode, label in MODE_LABELS.items()],
                    id="mode",
                    allow_blank=False,
                    compact=True,
                )
                yield Button("Start", id="start", variant="primary", compact=True)
                yield Button("High scores", id="high-scores", compact=True)
        yield Static(id="library-problems")
        yield Footer()

    def on_mount(self) -> None:
        game = self.game
        settings = game.settings
        self.library: Library = installed_library(game.folder, list(game.extra_packs))
        remembered = set(settings.packs)
        packs = self.query_one("#packs", SelectionList)
        for summary in self.library.packs:
            chosen = not remembered or summary.id in remembered or summary.path in remembered
            packs.add_option(Selection(pack_label(summary), summary.id, chosen))
        self.query_one("#questions", Input).value = str(settings.questions)
        self.query_one("#seconds", Input).value = f"{settings.seconds:g}"
        self.query_one("#mode", Select).value = settings.mode
        problems = self.library.problems
        notice = self.query_one("#library-problems", Static)
        notice.display = bool(problems)
        if problems:
            first = problems[0]
            more = f" (and {len(problems) - 1} more; run `quiz packs`)" if len(problems) > 1 else ""
            notice.update(plain(f"Skipped a pack: {first}{more}"))
        self.query_one("#start", Button).focus()

    @on(Button.Pressed, "#start")
    def action_start(self) -> None:
        try:
            settings = self._round_settings()
        except ValueError as problem:
            self.notify(str(problem), severity="error", markup=False)
            return
        chosen = tuple(pack.id for pack in settings.packs)
        self.game.remember(
            packs=chosen, questions=settings.questions, seconds=settings.seconds, mode=settings.mode
        )
        self.game.start_round(settings)

    @on(Button.Pressed, "#high-scores")
    def show_high_scores(self) -> None:
        self.game.action_high_scores()

    def _round_settings(self) -> RoundSettings:
        """The settings on screen; ValueError says what to correct."""
        questions = read_whole_number(self.query_one("#questions", Input).value)
        if questions is None or not 1 <= questions <= MAX_QUESTIONS:
            raise ValueError(f"Questions: a whole number from 1 to {MAX_QUESTIONS}")
        seconds = read_seconds(self.query_one("#seconds", Input).value)
        if seconds is None:
            raise ValueError(f"Seconds per question: above 0 and at most {LONGEST_SECONDS:g}")
        chosen = self.query_one("#packs", SelectionList).selected
        if not chosen:
            raise ValueError("Choose at least one pack")
        try:
            packs = tuple(resolve_pack(pack_id, self.library) for pack_id in chosen)
        except LoadError as error:
            raise ValueError(str(error)) from None
        return RoundSettings(
            packs=packs,
            questions=questions,
            seconds=seconds,
            mode=Mode(str(self.query_one("#mode", Select).value)),
            seed=random_seed(),
        )
