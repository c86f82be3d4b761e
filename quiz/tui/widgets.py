"""Small widgets shared by the screens. Pack text is always shown as plain Content."""

from __future__ import annotations

from textual.app import RenderResult
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from quiz.text import visible

MIN_WIDTH = 60
MIN_HEIGHT = 20


def plain(text: str) -> Content:
    """Text from a pack or a player, shown literally: `[bold]` is not markup here, and a
    control character shows as an escape instead of acting on the terminal."""
    return Content(visible(text))


class ChoiceRow(Static):
    """One choice of a question, labelled with its key; clicking it picks it."""

    class Picked(Message):
        def __init__(self, index: int) -> None:
            self.index = index
            super().__init__()

    def __init__(self, index: int, key: str, text: str) -> None:
        super().__init__(Content.assemble((f" {key} ", "bold reverse"), "  ", plain(text)))
        self.index = index

    def on_click(self) -> None:
        self.post_message(self.Picked(self.index))


class TooSmallNotice(Static):
    """Shown instead of the screen while the terminal is smaller than the game needs."""

    def render(self) -> RenderResult:
        width, height = self.app.size
        return Content(
            f"This terminal is {width}x{height}.\n"
            f"quiz needs at least {MIN_WIDTH}x{MIN_HEIGHT}: please make the window larger."
        )
