"""The round: prompt, choices, countdown, and the evidence after each answer."""

from __future__ import annotations

from collections.abc import Callable

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Footer, Input, ProgressBar, Static

from quiz.core.model import QuestionType
from quiz.session import AnswerResult, InvalidAnswer, Mode, Outcome, Phase, QuestionView, Round
from quiz.session.answers import LETTER_KEYS, NUMBER_KEYS, choice_keys, keys_to_choose, lettered
from quiz.tui.base import GameScreen
from quiz.tui.widgets import ChoiceRow, plain

# Seconds a result stays on show in timed modes before the next question (skippable).
FEEDBACK_SECONDS = 4.0
# An empty Enter this soon after a typed question appears was meant for the feedback
# before it, which moved on by itself: it does not skip the new question.
ENTER_GRACE_SECONDS = 0.5
TICK_SECONDS = 0.1

VERDICTS = {
    Outcome.CORRECT: "Correct!",
    Outcome.WRONG: "Wrong.",
    Outcome.SKIPPED: "Skipped.",
    Outcome.TIMED_OUT: "Time's up.",
}


class RoundScreen(GameScreen):
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
        yield Static(self._status_line(), id="status")
        with Horizontal(id="timer"):
            yield ProgressBar(
                total=view.seconds, id="countdown", show_eta=False, show_percentage=False
            )
            yield Static(id="seconds-left")
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
            with Vertical(id="feedback"):
                yield Static(id="verdict")
                yield Static(id="answers")
                yield Static(id="explain")
                yield Static(id="evidence")
                yield Static(id="continue")
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
        self.query_one("#status", Static).update(self._status_line())
        self.query_one("#prompt", Static).update(plain(view.prompt))
        choices = self.query_one("#choices", Vertical)
        choices.remove_children()
        choices.mount_all(choice_rows(view))
        self.query_one("#typed", Input).value = ""
        self.focus_answer()
        self.query_one("#hint", Static).update(answer_hint(view))
        if view.seconds is not None:
            self.query_one("#countdown", ProgressBar).update(total=view.seconds)
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
            self.query_one("#status", Static).update(self._status_line())

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

    def _status_line(self) -> Content:
        round_ = self.round
        view = round_.current
        parts = [f"Question {view.number} of {round_.total}"]
        if round_.mode is Mode.SUDDEN_DEATH:
            parts[0] += ", until a miss"
        if round_.mode is not Mode.PRACTICE:
            parts += [f"Score {round_.score}", f"Streak {round_.streak}"]
        else:
            parts.append("Practice")
        if self.has_class("-paused"):
            parts.append("Paused")
        # Not the pack's title: it can be the answer ("Which novel is the series based on?").
        return Content("  ·  ".join(parts))

    def update_countdown(self) -> None:
        left = self.round.time_left()
        if left is None:
            return
        self.query_one("#countdown", ProgressBar).update(progress=left)
        self.query_one("#seconds-left", Static).update(f"{left:4.0f} s")
        self.query_one("#timer", Horizontal).set_class(left <= 5, "-hurry")

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
        self.query_one("#status", Static).update(self._status_line())
        verdict = VERDICTS[result.outcome]
        if result.correct and result.points:
            verdict += f"  {result.points_earned}"
        verdict_widget = self.query_one("#verdict", Static)
        verdict_widget.update(verdict)
        verdict_widget.set_class(result.correct, "-correct")
        verdict_widget.set_class(not result.correct, "-missed")
        answers = Content("The answer: ") + plain(result.right_answer)
        if result.also_accepted:
            answers += Content("\nAlso accepted: ") + plain(", ".join(result.also_accepted))
        if result.given and not result.correct:
            answers += Content("\nYou said: ") + plain(result.given)
        self.query_one("#answers", Static).update(answers)
        explain = self.query_one("#explain", Static)
        explain.update(plain(result.explain))
        explain.display = bool(result.explain)
        evidence = self.query_one("#evidence", Static)
        if result.evidence:
            quote = Content("“") + plain(result.evidence) + Content("”")
            if result.source:
                quote += Content("\n— ") + plain(result.source)
            evidence.update(quote)
        evidence.display = bool(result.evidence)
        last = self.round.over
        follow = "to see your results" if last else "for the next question"
        timed = "" if self.round.mode is Mode.PRACTICE else f" (or wait {FEEDBACK_SECONDS:.0f} s)"
        self.query_one("#continue", Static).update(f"Press Enter {follow}{timed}.")
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
            self.app.call_later(self.finish)
        else:
            self.show_question()

    def finish(self) -> None:
        self.game.show_results(self.round)

    def action_leave(self) -> None:
        self.ask_to_leave(then=self.finish)

    def ask_to_leave(self, then: Callable[[], object]) -> None:
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
