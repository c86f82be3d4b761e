"""The parts of the round screen that change as it is played: the status line, the
countdown and the feedback on an answer. Their ids are the stylesheet's."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import ProgressBar, Static

from quiz.session import AnswerResult, Mode, Outcome, Round
from quiz.tui.widgets import plain

HURRY_SECONDS = 5  # from here on the seconds left show in the warning colour

VERDICTS = {
    Outcome.CORRECT: "Correct!",
    Outcome.WRONG: "Wrong.",
    Outcome.SKIPPED: "Skipped.",
    Outcome.TIMED_OUT: "Time's up.",
}


def status_text(round_: Round, paused: bool) -> Content:
    parts = [f"Question {round_.current.number} of {round_.total}"]
    if round_.mode is Mode.SUDDEN_DEATH:
        parts[0] += ", until a miss"
    if round_.mode is not Mode.PRACTICE:
        parts += [f"Score {round_.score}", f"Streak {round_.streak}"]
    else:
        parts.append("Practice")
    if paused:
        parts.append("Paused")
    # Not the pack's title: it can be the answer ("Which novel is the series based on?").
    return Content("  ·  ".join(parts))


class StatusLine(Static):
    """Where the round stands: the question's number, the score and streak, and a pause."""

    def __init__(self, round_: Round) -> None:
        super().__init__(status_text(round_, paused=False), id="status")
        self.round = round_

    def show(self, paused: bool) -> None:
        self.update(status_text(self.round, paused))


class Countdown(Horizontal):
    """The time left for the question: a bar and the seconds, in the warning colour near
    the end."""

    def __init__(self, seconds: float | None) -> None:
        super().__init__(id="timer")
        self.seconds = seconds

    def compose(self) -> ComposeResult:
        yield ProgressBar(total=self.seconds, id="countdown", show_eta=False, show_percentage=False)
        yield Static(id="seconds-left")

    def restart(self, seconds: float) -> None:
        """The time of a new question."""
        self.query_one(ProgressBar).update(total=seconds)

    def show(self, left: float) -> None:
        self.query_one(ProgressBar).update(progress=left)
        self.query_one("#seconds-left", Static).update(f"{left:4.0f} s")
        self.set_class(left <= HURRY_SECONDS, "-hurry")


class FeedbackPanel(Vertical):
    """After an answer: the verdict, the right answer, why, the evidence, and how to go on."""

    def __init__(self) -> None:
        super().__init__(id="feedback")

    def compose(self) -> ComposeResult:
        for part in ("verdict", "answers", "explain", "evidence", "continue"):
            yield Static(id=part)

    def show(self, result: AnswerResult, last: bool, wait: float | None) -> None:
        """The feedback on `result`, the round's `last` answer or not, which goes on by
        itself after `wait` seconds (None: only when the player says)."""
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
        if result.close_to:  # right despite a typo: say so, and what was typed
            answers += Content("\nClose enough: ") + plain(result.close_to)
            answers += Content(" (you said ") + plain(result.given) + Content(")")
        elif result.given and not result.correct:
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
        follow = "to see your results" if last else "for the next question"
        timed = "" if wait is None else f" (or wait {wait:.0f} s)"
        self.query_one("#continue", Static).update(f"Press Enter {follow}{timed}.")
