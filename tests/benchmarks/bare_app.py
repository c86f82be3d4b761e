"""The floor for start-up and memory: a bare Textual app showing the round screen's widgets.

It composes what the round screen shows (status line, countdown bar, prompt, four choice
rows, an answer box, the footer) with fixed text, no stylesheet and no game logic, so
the difference from `quiz play` is what the game itself costs. Run as a script.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Input, ProgressBar, Static

# The benchmarks wait for this text on screen; the round screen's status line starts alike.
MARKER = "Question 1 of"


class BareApp(App[None]):
    BINDINGS = [Binding("ctrl+c", "quit", "Quit", priority=True)]

    def compose(self) -> ComposeResult:
        yield Static(f"{MARKER} 10  ·  Score 0  ·  Streak 0  ·  Synthetic pack")
        yield ProgressBar(total=20, show_eta=False, show_percentage=False)
        yield Static("In chapter 1, which warden island studio river journal?")
        for key, choice in enumerate(("Island novel", "Comet sister", "Kitchen manor", "Ferry"), 1):
            yield Static(f" {key}   {choice}")
        yield Input(placeholder="Type your answer, then Enter")
        yield Footer()


if __name__ == "__main__":
    BareApp().run()
