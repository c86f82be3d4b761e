"""Home: choose packs and the round's settings, then start."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Button, Checkbox, Footer, Input, Label, Select, SelectionList, Static
from textual.widgets.selection_list import Selection

from quiz.core.limits import MAX_QUESTIONS, SECONDS_RANGE
from quiz.core.problems import LoadError
from quiz.core.text import terminal_safe
from quiz.packs.library import Library, PackSummary, installed_library, resolve_pack
from quiz.session import (
    Mode,
    RoundSettings,
    random_seed,
    read_seconds,
    read_whole_number,
)
from quiz.storage.settings import Settings
from quiz.tui.base import GameScreen
from quiz.tui.widgets import PackList, plain

MODE_LABELS = {
    Mode.CLASSIC: "Classic: timed questions",
    Mode.PRACTICE: "Practice: untimed, no score",
    Mode.SUDDEN_DEATH: "Sudden death: until a miss",
}


def pack_label(pack: PackSummary) -> Content:
    detail = f"{pack.question_count} questions"
    if pack.spoilers:  # before the rest, which a narrow list cuts off first
        detail += " · spoilers"
    if pack.seconds is not None:  # it wins over "Seconds per question"
        detail += f" · {pack.seconds:g} s each"
    if pack.source:
        detail += f" · {pack.source}"
    return plain(pack.title) + Content.styled(f"  {detail}", "dim")


class TickBox(Checkbox):
    """A checkbox whose box is empty when it is off, as PackList's are: Textual draws the
    same X in a dimmer colour, which a monochrome terminal (or NO_COLOR) shows as ticked."""

    @property
    def BUTTON_INNER(self) -> str:  # type: ignore[override]  # Textual's name for the mark
        return "X" if self.value else " "


class HomeScreen(GameScreen):
    BINDINGS = [
        Binding("ctrl+s", "start", "Start"),
    ]

    class StartRound(Message):
        """The player starts a round with these settings, which Home offers next time."""

        def __init__(self, settings: RoundSettings) -> None:
            self.settings = settings
            super().__init__()

    def __init__(self, folder: Path, settings: Settings, extra_packs: tuple[Path, ...]) -> None:
        """`folder`: the data folder; `settings`: the remembered ones, shown to start from;
        `extra_packs`: pack files named on the command line, listed beside the installed."""
        super().__init__()
        self.folder = folder
        self.settings = settings
        self.extra_packs = extra_packs

    def compose_content(self) -> ComposeResult:
        # Everything is composed with its values (not filled in after mounting), so the
        # first frame shows the whole screen and it is styled once.
        settings = self.settings
        # Packs named by their files (`quiz play --pack FILE`, in this run or the last one
        # remembered) are listed beside the installed ones.
        remembered = [Path(name) for name in settings.packs if Path(name).is_absolute()]
        self.files = [*self.extra_packs, *(path for path in remembered if path.is_file())]
        self.library: Library = installed_library(self.folder, self.files)
        yield Static("quiz · trivia that can prove its answers", id="home-title")
        with Horizontal(id="home-screen-panels"):
            with Vertical(id="packs-panel"):
                yield Label("Packs")
                choices = self._pack_choices()
                yield PackList(*choices, id="packs")
            with Vertical(id="settings-panel"):
                yield Label("Questions")
                questions = str(settings.questions)
                yield Input(questions, id="questions", type="integer", max_length=4, compact=True)
                yield Label("Seconds per question")
                seconds = f"{settings.seconds:g}"
                yield Input(seconds, id="seconds", type="number", max_length=6, compact=True)
                yield Label("Mode")
                yield Select(
                    [(label, mode) for mode, label in MODE_LABELS.items()],
                    value=settings.mode,
                    id="mode",
                    allow_blank=False,
                    compact=True,
                )
                yield TickBox(
                    "Leave out spoilers",
                    value=not settings.spoilers,
                    id="no-spoilers",
                    compact=True,
                )
                ticked = {choice.value for choice in choices if choice.initial_state}
                spoilers = self._spoiler_notice(ticked, leave_out=not settings.spoilers)
                spoiler_notice = Static(spoilers, id="spoiler-notice")
                spoiler_notice.display = bool(spoilers)
                yield spoiler_notice
                yield Button("Start", id="start", variant="primary", compact=True)
                yield Button(
                    "High scores", id="high-scores", compact=True, action="app.high_scores"
                )
        notice = Static(self._problems_notice(), id="library-problems")
        notice.display = bool(self.library.problems)
        yield notice
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#start", Button).focus()

    def _spoiler_notice(self, ticked: set[str], leave_out: bool) -> Content:
        """Which ticked packs have spoilers, from their summaries (no pack is loaded);
        empty when none has."""
        spoiling = [pack for pack in self.library.packs if pack.id in ticked and pack.spoilers]
        if not spoiling:
            return Content()
        if len(spoiling) == 1:
            text = f"{spoiling[0].title} contains spoilers"
        else:
            text = f"{len(spoiling)} of the ticked packs contain spoilers"
        if leave_out:
            text += ": they are left out"
        return plain(text)

    @on(SelectionList.SelectedChanged, "#packs")
    @on(Checkbox.Changed, "#no-spoilers")
    def _update_spoiler_notice(self) -> None:
        ticked = set(self.query_one("#packs", PackList).selected)
        leave_out = self.query_one("#no-spoilers", Checkbox).value
        text = self._spoiler_notice(ticked, leave_out)
        notice = self.query_one("#spoiler-notice", Static)
        notice.update(text)
        notice.display = bool(text)

    def _pack_choices(self) -> list[Selection[str]]:
        """Every pack, ticked if it was in the last round (all, the first time or when none
        of the last round's is here any more)."""
        remembered = set(self.settings.packs)
        ticked = {
            pack.id
            for pack in self.library.packs
            if pack.id in remembered or pack.path in remembered
        } or {pack.id for pack in self.library.packs}
        packs = self.library.packs
        return [Selection(pack_label(pack), pack.id, pack.id in ticked) for pack in packs]

    def _problems_notice(self) -> Content:
        problems = self.library.problems
        if not problems:
            return Content()
        more = f" (and {len(problems) - 1} more; run `quiz packs`)" if len(problems) > 1 else ""
        return plain(f"Skipped a pack: {problems[0]}{more}")

    @on(Button.Pressed, "#start")
    def action_start(self) -> None:
        try:
            settings = self._round_settings()
        except ValueError as problem:
            self.notify(terminal_safe(str(problem)), severity="error", markup=False)
            return
        self.post_message(self.StartRound(settings))

    def _round_settings(self) -> RoundSettings:
        """The settings on screen; ValueError says what to correct."""
        questions = read_whole_number(self.query_one("#questions", Input).value)
        if questions is None or not 1 <= questions <= MAX_QUESTIONS:
            raise ValueError(f"Questions: a whole number from 1 to {MAX_QUESTIONS}")
        seconds = read_seconds(self.query_one("#seconds", Input).value)
        if seconds is None:
            raise ValueError(f"Seconds per question: {SECONDS_RANGE}")
        chosen = self.query_one("#packs", PackList).selected
        if not chosen:
            raise ValueError("Choose at least one pack")
        try:
            packs = tuple(resolve_pack(pack_id, self.library) for pack_id in chosen)
        except LoadError as error:
            raise ValueError(str(error)) from None
        # A pack named by its file on the command line is not installed: the replay
        # command names its file too.
        extra = {path.resolve() for path in self.files}
        return RoundSettings(
            packs=packs,
            questions=questions,
            seconds=seconds,
            mode=Mode(str(self.query_one("#mode", Select).value)),
            seed=random_seed(),
            spoilers=not self.query_one("#no-spoilers", Checkbox).value,
            pack_names=tuple(
                str(pack.path.resolve())
                if pack.path is not None and pack.path.resolve() in extra
                else pack.id
                for pack in packs
            ),
        )
