"""The round: prompt, choices, countdown, and the evidence after each answer."""

from __future__ import annotations

from collections.abc import Callable

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import Footer, Input, Static

from quiz.core.model import QuestionType
from quiz.session import AnswerResult, InvalidAnswer, Mode, Phase, QuestionView, Round
from quiz.session.answers import LETTER_KEYS, NUMBER_KEYS, choice_keys, keys_to_choose, lettered
from quiz.tui.base import GameScreen
from quiz.tui.round_widgets import Countdown, FeedbackPanel, StatusLine
from quiz.tui.widgets import ChoiceRow, plain

# Seconds a result stays on show in timed modes before the next question (skippable).
FEEDBACK_SECONDS = 4.0
# An empty Enter this soon after a typed question appears was meant for the feedback
# before it, which moved on by itself: it does not skip the new question.
ENTER_GRACE_SECONDS = 0.5
TICK_SECONDS = 0.1


class RoundScreen(GameScreen):
    class Finished(Message):
        """The round is over, played to its end or left: on to its results."""

        def __init__(self, round_: Round) -> None:
            self.round = round_
            super().__init__()

    AUTO_FOCUS = ""  # focus_answer() decides: the answer box only for a typed answer
    BINDINGS = [
        Binding("s", "skip", "Skip"),
        Binding("enter,space", "next", "Next", show=False),
        Binding("escape", "leave", "Leave"),
    ]

    def __init__(self, round_: Round) -> None:
        # The first question's classes are set before mounting, as the rest of it is
        # composed in place: changing a class after mount restyles every widget again.
        classes = question_classes(round_.current)
        super().__init__(classes=" ".join(name for name, wanted in classes.items() if wanted))
        self.round = round_
        self.clock = round_.clock
        self._asked_since = self.clock()
        self._feedback_since: float | None = None

    def compose_content(self) -> ComposeResult:
        view = self.round.current
        yield StatusLine(self.round)
        yield Countdown(view.seconds)
        question = VerticalScroll(id="question")
        # Not focusable, so a click on the prompt leaves the keys with the answer input.
        question.can_focus = False
        with question:
            yield Static(plain(view.prompt), id="prompt")
            yield Vertical(*choice_rows(view), id="choices")
            # Not selecting all on focus: the focus comes back after a resize, and the
            # next key would replace what was typed.
            yield Input(
                id="typed", placeholder="Type your answer, then Enter", select_on_focus=False
            )
            yield Static(answer_hint(view), id="hint")
            yield FeedbackPanel()
        yield Footer()

    def on_mount(self) -> None:
        self.update_countdown()
        self.focus_answer()
        self.set_interval(TICK_SECONDS, self.tick)

    def show_question(self) -> None:
        """The next question, in place of the feedback on the last one."""
        view = self.round.current
        self._asked_since = self.clock()
        self._feedback_since = None
        # One batch, so the screen is restyled once.
        self.update_classes(question_classes(view))
        self.show_status()
        self.query_one("#prompt", Static).update(plain(view.prompt))
        choices = self.query_one("#choices", Vertical)
        choices.remove_children()
        choices.mount_all(choice_rows(view))
        self.query_one("#typed", Input).value = ""
        self.focus_answer()
        self.query_one("#hint", Static).update(answer_hint(view))
        if view.seconds is not None:
            self.query_one(Countdown).restart(view.seconds)
        self.update_countdown()
        self.query_one("#question", VerticalScroll).scroll_home(animate=False)
        self.refresh_bindings()

    def focus_answer(self) -> None:
        """Keys to the answer box for a typed answer, else to the screen's own key handling."""
        if self.round.phase is Phase.ASKING and not self.round.current.choices:
            self.query_one("#typed", Input).focus()
        else:
            self.set_focus(None)

    def on_resize(self) -> None:
        # After the refresh, as the size classes change after this handler. Below the
        # minimum size the widgets are hidden and lose focus; give it back.
        self.call_after_refresh(self.sync_pause)
        self.call_after_refresh(self.focus_answer)
        self.refresh_bindings()

    def on_screen_suspend(self) -> None:
        self.sync_pause()

    def on_screen_resume(self) -> None:
        self.sync_pause()

    def sync_pause(self) -> None:
        """Stop the round's time while the question cannot be seen: under the help, a dialog
        or the command palette, or in a terminal too small. The prompt and choices hide
        under a dialog too, so a pause is no time to think."""
        covered = not self.is_active
        if covered or self.too_small:
            self.round.pause()
        else:
            self.round.resume()
        # The hidden answer box would otherwise keep the keys and change unseen.
        self.query_one("#typed", Input).disabled = self.too_small
        if covered != self.has_class("-paused"):
            self.set_class(covered, "-paused")
            self.show_status()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Skip only while asking and Next only while reviewing (so the footer offers only
        what works), and none of them, nor Leave, while the terminal is too small."""
        if action == "skip":
            return self.round.phase is Phase.ASKING and not self.too_small
        if action == "next":
            return self.round.phase is Phase.REVIEWING and not self.too_small
        if action == "leave":  # no dialog the player cannot see
            return not self.too_small
        return True

    @property
    def answering(self) -> bool:
        """Whether the question is open and on show. While the terminal is too small the
        answer box may keep the keys, but it takes no answer: the round is paused."""
        return self.round.phase is Phase.ASKING and not self.round.paused and not self.too_small

    def show_status(self) -> None:
        self.query_one(StatusLine).show(paused=self.has_class("-paused"))

    def update_countdown(self) -> None:
        left = self.round.time_left()
        if left is not None:
            self.query_one(Countdown).show(left)

    def tick(self) -> None:
        round_ = self.round
        if round_.phase is Phase.ASKING:
            result = round_.check_timeout()
            if result is not None:
                self.show_feedback(result)
            else:
                self.update_countdown()
        elif (
            round_.phase is Phase.REVIEWING
            and round_.mode is not Mode.PRACTICE
            and self._feedback_since is not None
            and self.clock() - self._feedback_since >= FEEDBACK_SECONDS
        ):
            self.action_next()

    def answer(self, response: str | int) -> None:
        if not self.answering:
            return
        try:
            result = self.round.answer(response)
        except InvalidAnswer as problem:
            self.query_one("#hint", Static).update(plain(str(problem)))
            return
        self.show_feedback(result)

    def show_feedback(self, result: AnswerResult) -> None:
        self.add_class("-reviewing")
        self._feedback_since = self.clock()
        self.show_status()
        wait = None if self.round.mode is Mode.PRACTICE else FEEDBACK_SECONDS
        self.query_one(FeedbackPanel).show(result, last=self.round.over, wait=wait)
        self.set_focus(None)
        self.refresh_bindings()

    def on_key(self, event: events.Key) -> None:
        view = self.round.current
        # Not while the choices are hidden: no answering blind.
        if not self.answering or not view.choices or event.character is None:
            return
        key = event.character.lower()
        keys = NUMBER_KEYS[: len(view.choices)] + LETTER_KEYS[: len(view.choices)]
        # Where the choices are numbers, a digit is read as a choice's own text (or answered
        # with how to choose), never as the key of a place.
        if (
            key in keys
            or (lettered(view.choices) and key.isdigit())
            or (view.type is QuestionType.TRUEFALSE and key in "tf")
        ):
            event.stop()
            self.answer(key)

    @on(ChoiceRow.Picked)
    def pick(self, message: ChoiceRow.Picked) -> None:
        self.answer(message.index)

    @on(Input.Submitted, "#typed")
    def submit_typed(self, message: Input.Submitted) -> None:
        if not message.value.strip():
            if self.clock() - self._asked_since >= ENTER_GRACE_SECONDS:
                self.action_skip()
        else:
            self.answer(message.value)

    def action_skip(self) -> None:
        if self.answering:
            self.show_feedback(self.round.skip())

    def action_next(self) -> None:
        if self.round.phase is not Phase.REVIEWING:
            return
        finishing = self.round.over
        self.round.advance()
        if finishing:
            # Once the app has handled what this answer left pending: results shown in the
            # same turn as the last answer get their leaderboard laid out empty (Textual 8).
            self.app.call_later(self.finish)
        else:
            self.show_question()

    def finish(self) -> None:
        self.post_message(self.Finished(self.round))

    def action_leave(self) -> None:
        self._ask_to_leave(then=self.finish)

    def confirm_leave(self, then: Callable[[], object]) -> None:
        """A round in play is left only when the player says so, as with Esc."""
        if self.round.phase is Phase.FINISHED:
            then()
        else:
            self._ask_to_leave(then)

    def _ask_to_leave(self, then: Callable[[], object]) -> None:
        """Ask first; if the player leaves, end the round unrecorded and go on to `then`.

        A round whose last answer is on show is played: nothing is left, and it goes on to
        its results, where it is recorded."""
        from quiz.tui.dialogs import ConfirmScreen

        if self.round.over:
            self.action_next()
            return

        def leave(confirmed: bool | None) -> None:
            if confirmed:
                self.round.quit()
                then()

        self.app.push_screen(
            ConfirmScreen("Leave this round? It will not be recorded.", "Leave", "Keep playing"),
            leave,
        )


def question_classes(view: QuestionView) -> dict[str, bool]:
    """The screen's classes while asking this question: which answer widgets show."""
    return {"-typed": not view.choices, "-untimed": view.seconds is None, "-reviewing": False}


def choice_rows(view: QuestionView) -> list[ChoiceRow]:
    keys = choice_keys(view.choices)
    return [ChoiceRow(index, keys[index].upper(), text) for index, text in enumerate(view.choices)]


def answer_hint(view: QuestionView) -> str:
    if view.choices:
        why = " (the choices are numbers, so letters pick them)" if lettered(view.choices) else ""
        return f"Press {keys_to_choose(view.question, view.choices)}{why}"
    kind = "a number" if view.type is QuestionType.NUMBER else "your answer"
    return f"Type {kind} and press Enter; Enter with nothing typed skips"
