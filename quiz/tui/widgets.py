"""Small widgets shared by the screens. Pack text is always shown as plain Content."""

from __future__ import annotations

from rich.segment import Segment
from textual.app import RenderResult
from textual.content import Content
from textual.message import Message
from textual.strip import Strip
from textual.widgets import SelectionList, Static
from textual.widgets.option_list import OptionDoesNotExist

from quiz.core.text import terminal_safe

MIN_WIDTH = 60
MIN_HEIGHT = 20


def plain(text: str) -> Content:
    """Text from a pack or a player, shown literally: `[bold]` is not markup here, and a
    control character shows as an escape instead of acting on the terminal."""
    return Content(terminal_safe(text))


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


class PackList(SelectionList[str]):
    """The packs to play from. An unticked pack's box is empty: Textual draws the same X
    in a dimmer colour, which a monochrome terminal (or NO_COLOR) shows as ticked."""

    def render_line(self, y: int) -> Strip:
        line = super().render_line(y)
        _, scroll_y = self.scroll_offset
        try:
            option = self.get_option_at_index(scroll_y + y)
        except OptionDoesNotExist:
            return line
        if option.value in self.selected:
            return line
        left, inner, *rest = line  # the box's left side, its mark, then the rest
        return Strip([left, Segment(" " * len(inner.text), inner.style), *rest])


class TooSmallNotice(Static):
    """Shown instead of the screen while the terminal is smaller than the game needs."""

    def render(self) -> RenderResult:
        width, height = self.app.size
        return Content(
            f"This terminal is {width}x{height}.\n"
            f"quiz needs at least {MIN_WIDTH}x{MIN_HEIGHT}: please make the window larger."
        )
