"""What every screen of the game shares: access to the app, and the too-small notice."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.app import ComposeResult
from textual.screen import Screen

from quiz.tui.widgets import TooSmallNotice

if TYPE_CHECKING:
    from quiz.tui.app import QuizApp


class GameScreen(Screen[None]):
    @property
    def game(self) -> QuizApp:
        return cast("QuizApp", self.app)

    @property
    def too_small(self) -> bool:
        """Whether the terminal is below the minimum size, so only the notice shows."""
        return self.has_class("-narrow") or self.has_class("-short")

    def compose(self) -> ComposeResult:
        yield from self.compose_content()
        # Hidden by the stylesheet unless the terminal is below the minimum size. Composed
        # with the rest (not mounted afterwards), so the first frame needs one layout.
        yield TooSmallNotice()

    def compose_content(self) -> ComposeResult:
        """The screen's own widgets."""
        raise NotImplementedError
