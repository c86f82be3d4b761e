"""What every screen of the game shares: the too-small notice, and leaving it for Home.

Screens get what they need when they are made and tell the app what the player asks for
with messages; none of them knows the app's class.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.screen import Screen

from quiz.tui.widgets import TooSmallNotice


class GameScreen(Screen[None]):
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

    def confirm_leave(self, then: Callable[[], object]) -> None:
        """Go on to `then` (Home), unless leaving loses the player something: a screen
        that can hold a round in play asks first."""
        then()
