"""The Textual app: screens for Home, a round, results and high scores.

The app makes each screen with what it needs and does what the screens' messages ask:
it alone changes screens, writes the remembered settings and opens the score store.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
import time
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from quiz.core.limits import EXIT_INTERRUPTED, EXIT_TERMINATED
from quiz.core.text import terminal_safe
from quiz.session import Clock, Round, RoundSettings, random_seed
from quiz.storage.paths import data_dir
from quiz.storage.settings import load_settings, save_settings
from quiz.tui.base import GameScreen
from quiz.tui.widgets import MIN_HEIGHT, MIN_WIDTH

if TYPE_CHECKING:
    from quiz.scores import ScoreStore
    from quiz.tui.home import HomeScreen
    from quiz.tui.results import ResultsScreen
    from quiz.tui.round_screen import RoundScreen


class QuizApp(App[None]):
    CSS_PATH = "quiz.tcss"
    TITLE = "quiz"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (MIN_WIDTH, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (MIN_HEIGHT, "-tall")]
    BINDINGS = [
        # Ctrl+C leaves cleanly, like Ctrl+Q, instead of Textual's copy-to-clipboard.
        Binding("ctrl+c", "quit", "Quit", show=False, priority=True),
        # Shown as F1: in a typed answer, ? is a character of the answer.
        Binding("question_mark,f1", "help", "Help", key_display="F1"),
    ]

    def __init__(
        self,
        folder: Path | None = None,
        start: RoundSettings | None = None,
        player: str = "",
        extra_packs: tuple[Path, ...] = (),
        clock: Clock = time.monotonic,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        super().__init__()
        self.folder = data_dir(folder)
        self.start = start
        self.extra_packs = extra_packs
        self.clock = clock
        self.now = now  # when a round is recorded; tests fix it
        self.settings = load_settings(self.folder, self.warn)
        self.player = player or self.settings.player
        self._store: ScoreStore | None = None
        if self.settings.theme in self.available_themes:
            self.theme = self.settings.theme

    def warn(self, message: str) -> None:
        # What went wrong quotes a file or its name: shown as text, never obeyed.
        self.notify(terminal_safe(message), severity="warning", markup=False, timeout=8)

    def get_default_screen(self) -> Screen[None]:
        """The round or Home as the app's first screen. Not pushed over a blank screen,
        which costs a frame of start-up, nor a mode's first screen, which Textual styles
        a second time."""
        if self.start is not None:
            return self._round_screen(self.start)
        return self._home_screen()

    # Each screen's module is imported when first needed, which keeps it out of start-up.
    def _home_screen(self) -> HomeScreen:
        from quiz.tui.home import HomeScreen

        return HomeScreen(self.folder, self.settings, self.extra_packs)

    def _round_screen(self, settings: RoundSettings) -> RoundScreen:
        from quiz.tui.round_screen import RoundScreen

        return RoundScreen(Round(settings, self.clock))

    def remember(self, **changes: object) -> None:
        self.settings = replace(self.settings, **changes)  # type: ignore[arg-type]
        save_settings(self.folder, self.settings, self.warn)

    def watch_theme(self, theme: str) -> None:
        if theme != self.settings.theme:
            self.remember(theme=theme)

    def on_home_screen_start_round(self, message: HomeScreen.StartRound) -> None:
        """A new round above Home, so that it is one Esc away."""
        settings = message.settings
        # As named: a pack file that is not installed by its path, or it is not listed again.
        self.remember(
            packs=settings.pack_names,
            questions=settings.questions,
            seconds=settings.seconds,
            mode=settings.mode,
            spoilers=settings.spoilers,
        )
        self.push_screen(self._round_screen(settings))

    def on_results_screen_play_again(self, message: ResultsScreen.PlayAgain) -> None:
        """The same round with other questions, in place of the results."""
        self._replace_top(self._round_screen(replace(message.settings, seed=random_seed())))

    def on_round_screen_finished(self, message: RoundScreen.Finished) -> None:
        from quiz.tui.results import ResultsScreen

        # The store is opened only for a round to record.
        results = ResultsScreen(message.round, lambda: self.store, self.player, self.now)
        self._replace_top(results)

    def on_results_screen_player_named(self, message: ResultsScreen.PlayerNamed) -> None:
        self.player = message.player
        self.remember(player=message.player)

    def go_home(self) -> None:
        from quiz.tui.home import HomeScreen

        while len(self.screen_stack) > 1 and not isinstance(self.screen, HomeScreen):
            self.pop_screen()
        if not isinstance(self.screen, HomeScreen):
            self.push_screen(self._home_screen())

    def _replace_top(self, screen: Screen[None]) -> None:
        # Textual cannot switch away from the first screen, so a finished first round
        # stays below, out of sight.
        if len(self.screen_stack) > 1:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    @property
    def store(self) -> ScoreStore:
        from quiz.scores import ScoreStore

        if self._store is None:
            self._store = ScoreStore.open(self.folder, warn=self.warn)
        return self._store

    def action_help(self) -> None:
        from quiz.tui.dialogs import HelpScreen

        if not isinstance(self.screen, HelpScreen) and not self._too_small():
            self.push_screen(HelpScreen())

    def action_command_palette(self) -> None:
        if not self._too_small():
            super().action_command_palette()

    def _too_small(self) -> bool:
        """Whether the terminal is too small for the screen: then no dialog opens, as the
        player could not see it."""
        screen = self.screen
        return isinstance(screen, GameScreen) and screen.too_small

    def action_high_scores(self) -> None:
        from quiz.tui.scores_screen import HighScoresScreen

        self.push_screen(HighScoresScreen(self.store))

    def action_home(self) -> None:
        """Home, once every screen on the way agrees to be left: a round in play asks."""
        go_on: Callable[[], object] = self.go_home
        for screen in reversed(self.screen_stack):  # so that the lowest screen decides first
            if isinstance(screen, GameScreen):
                go_on = partial(screen.confirm_leave, go_on)
        go_on()

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand("Home", "Choose packs and start a new round", self.action_home)
        yield SystemCommand(
            "High scores", "The leaderboards of every board", self.action_high_scores
        )
        yield SystemCommand("Help", "Keys, modes and scoring", self.action_help)

    def on_load(self) -> None:
        # SIGTERM (a `kill`, a closing session) ends the app as Ctrl+Q does, so that Textual
        # puts the terminal back: out of the alternate screen, mouse tracking off.
        with contextlib.suppress(NotImplementedError, RuntimeError):  # no signals here
            asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, self._terminated)

    def _terminated(self) -> None:
        self.exit(return_code=EXIT_TERMINATED)

    def on_unmount(self) -> None:
        with contextlib.suppress(NotImplementedError, RuntimeError):
            asyncio.get_running_loop().remove_signal_handler(signal.SIGTERM)
        if self._store is not None:
            self._store.close()


def run_app(
    folder: Path | None = None,
    start: RoundSettings | None = None,
    player: str = "",
    extra_packs: tuple[Path, ...] = (),
) -> int:
    """Run the game until the player quits; Ctrl+C or a closed terminal end it quietly."""
    app = QuizApp(folder, start, player, extra_packs)
    try:
        app.run()
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    return app.return_code or 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(run_app())
