"""Modal screens: a yes/no question, the help, and name entry for the leaderboard."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from quiz.scores import LONGEST_NAME, clean_player_name
from quiz.session import Mode

HELP_TEXT = f"""\
Keys in a round
  1-6 or a-f   pick a choice (or click it)
  a-f          pick a choice when the choices are numbers
  t / f        true or false
  Enter        submit a typed answer
  s            skip (in a typed answer: Enter with nothing typed)
  Enter/Space  after an answer: go on at once
  Esc          leave the round (asks first; it is not recorded)
  ? or F1      this help (F1 while typing an answer)
  Ctrl+P       command palette: Home, High scores, Help, themes
  Ctrl+Q       quit (Ctrl+C too)
  The clock stops while this help or any dialog is open.

Modes
  {Mode.CLASSIC}       timed questions, then your score
  {Mode.PRACTICE}      untimed, no points, evidence shown until you go on
  {Mode.SUDDEN_DEATH}  timed, until the first wrong answer

Scoring
  A right answer earns 500 to 1000 points by speed: 1000 at once,
  500 at the deadline, in a straight line between. Streak bonus: 100
  for each right answer in a row before it, at most 500. Wrong,
  skipped or timed out: 0 points, and the streak starts again.
  Typed answers ignore case, accents, extra spaces and punctuation
  at either end, and read & as and; numbers count within the
  question's tolerance.
  A typo is forgiven ("Close enough"): one letter added, left
  out or changed in answers of 5 letters or more, two from 10.
  Not in numbers, dates or shorter answers, nor when what you
  typed is as near to one of the question's wrong answers.
"""


class ConfirmScreen(ModalScreen[bool]):
    BINDINGS = [
        Binding("y", "answer(True)", "Yes"),
        Binding("n,escape", "answer(False)", "No"),
    ]

    def __init__(self, question: str, yes: str, no: str) -> None:
        super().__init__()
        self.question, self.yes, self.no = question, yes, no

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content(self.question), classes="dialog-title")
            with Horizontal(classes="dialog-buttons"):
                yield Button(Content(self.yes), variant="error", id="yes")
                yield Button(Content(self.no), variant="primary", id="no")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    @on(Button.Pressed)
    def pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,question_mark,q", "dismiss", "Close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog", id="help"):
            yield Static("Help", classes="dialog-title")
            yield Static(Content(HELP_TEXT))
            yield Static("Esc closes this help", classes="dim")

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(result)


class NameEntryScreen(ModalScreen[str | None]):
    """Asks for the player's name when a score makes the leaderboard."""

    BINDINGS = [Binding("escape", "cancel", "Skip")]

    def __init__(self, score: int, prefill: str) -> None:
        super().__init__()
        self.score, self.prefill = score, prefill

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(
                Content(f"{self.score} points makes the leaderboard! Your name:"),
                classes="dialog-title",
            )
            yield Input(value=self.prefill, max_length=LONGEST_NAME, id="name")
            yield Static(id="name-problem", classes="problem")

    @on(Input.Submitted)
    def submitted(self, event: Input.Submitted) -> None:
        name = clean_player_name(event.value)
        if name is None:
            problem = f"A name is 1 to {LONGEST_NAME} characters."
            self.query_one("#name-problem", Static).update(Content(problem))
            return
        self.dismiss(name)

    def action_cancel(self) -> None:
        self.dismiss(None)
