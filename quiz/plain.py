"""Line mode: a round as plain text on stdout, the answers as lines on stdin.

For screen readers, dumb terminals and scripts. The same engine and scoring as the app;
the timer is real, so an answer typed after the deadline counts as timed out.
"""

from __future__ import annotations

import io
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from quiz.core.model import Mode, QuestionType
from quiz.core.text import terminal_safe
from quiz.core.wording import count, sentence
from quiz.session.answers import InvalidAnswer, choice_keys
from quiz.session.results import AnswerResult, Outcome, Summary
from quiz.session.round import Clock, Phase, Round
from quiz.session.settings import RoundSettings

STOPPED_BY_QUIT = "quit"
STOPPED_BY_END_OF_INPUT = "end of input"
SKIP_WORDS = ("s", "skip")
QUIT_WORDS = ("q", "quit")
HOW_TO_ANSWER = (
    "Answer with the number or letter of a choice (1-6 or a-f; only the letter when the\n"
    "choices are numbers), t or f for true or false, or type the answer.\n"
    "Type s to skip a question and q to quit the round (s. or q. answers s or q)."
)


class Lines:
    """The player's side of the conversation: lines out, lines in, None at end of input."""

    def __init__(self, stdin: TextIO, stdout: TextIO) -> None:
        self.stdin = stdin
        self.stdout = stdout

    def say(self, text: str = "") -> None:
        # What the player typed (an answer, a name) is shown back as plain text: an escape
        # sequence in it must not act on the terminal.
        self.stdout.write(terminal_safe(text) + "\n")

    def ask(self, prompt: str) -> str | None:
        self.stdout.write(terminal_safe(prompt))
        self.stdout.flush()
        line = self.stdin.readline()
        if not line:
            self.say()
            return None
        return line.rstrip("\r\n")


def introduce(round_: Round, lines: Lines) -> None:
    settings = round_.settings
    packs = ", ".join(f"{pack.title} ({pack.id})" for pack in settings.unique_packs())
    limits = round_.seconds_range
    if limits is None:
        timing = "no time limit"
    elif limits[0] == limits[1]:
        timing = f"{limits[0]:g} seconds per question"
    else:  # the packs' or questions' own times differ
        timing = f"{limits[0]:g} to {limits[1]:g} seconds per question"
    count = "questions" if round_.total != 1 else "question"
    if round_.mode is Mode.SUDDEN_DEATH:
        count = "until the first miss"
    lines.say(f"{round_.mode.capitalize()} round: {round_.total} {count}, {timing}.")
    lines.say(f"Packs: {packs}")
    spoiling = settings.spoiler_packs()
    if spoiling:
        titles = ", ".join(pack.title for pack in spoiling)
        if settings.spoilers:
            verb = "has" if len(spoiling) == 1 else "have"
            lines.say(
                f"Spoilers ahead: {titles} {verb} questions that name twists of the story "
                "(--no-spoilers leaves them out)."
            )
        else:
            lines.say(f"No spoilers: the questions marked as spoilers in {titles} are left out.")
    lines.say(f"Seed {settings.seed}; play this round again with: {settings.replay_command()}")
    lines.say(HOW_TO_ANSWER)


def play(round_: Round, lines: Lines) -> str | None:
    """Ask questions until the round ends; returns why it stopped early, None if it did not."""
    while round_.phase is not Phase.FINISHED:
        if round_.phase is Phase.REVIEWING:
            round_.advance()
            continue
        show_question(round_, lines)
        result = _read_answer(round_, lines)
        if isinstance(result, str):
            round_.quit()
            return result
        show_result(round_, result, lines)
    return None


def show_question(round_: Round, lines: Lines) -> None:
    view = round_.current
    header = f"Question {view.number} of {round_.total}"
    if view.seconds is not None:
        header += f", {view.seconds:g} seconds"
    lines.say()
    lines.say(f"{header}. Score {round_.score}, streak {round_.streak}.")
    lines.say(view.prompt)
    for key, choice in zip(choice_keys(view.choices), view.choices, strict=True):
        lines.say(f"  {key}) {choice}")
    if not view.choices:  # else a player waits for choices that never come
        lines.say(
            "  (type a number)" if view.type is QuestionType.NUMBER else "  (type your answer)"
        )


def _read_answer(round_: Round, lines: Lines) -> AnswerResult | str:
    """The result of the player's answer, or why there is none (one of the STOPPED_BY_)."""
    while True:
        line = lines.ask("> ")
        if line is None:
            return STOPPED_BY_END_OF_INPUT
        word = line.strip().lower()
        if word in QUIT_WORDS:
            return STOPPED_BY_QUIT
        if word in SKIP_WORDS:
            return round_.skip()
        try:
            return round_.answer(line)
        except InvalidAnswer as error:
            lines.say(f"Not an answer: {error} (s skips, q quits).")


def show_result(round_: Round, result: AnswerResult, lines: Lines) -> None:
    if result.outcome is Outcome.CORRECT:
        verdict = "Right!"
        if result.close_to:
            verdict += " Close enough: " + sentence(result.close_to)
        if result.points:
            verdict += " " + sentence(result.points_earned)
    elif result.outcome is Outcome.WRONG:
        verdict = f"Wrong: you answered {sentence(result.given)} The answer is "
        verdict += sentence(result.right_answer)
    elif result.outcome is Outcome.SKIPPED:
        verdict = "Skipped. The answer is " + sentence(result.right_answer)
    else:
        limit = result.view.seconds or 0
        verdict = (
            f"Time's up: {result.seconds_taken:.1f} of {limit:g} seconds had passed. "
            f"The answer is {sentence(result.right_answer)}"
        )
    lines.say(verdict)
    if result.also_accepted:
        lines.say("Also accepted: " + sentence(", ".join(result.also_accepted)))
    if result.explain:
        lines.say(f"Why: {result.explain}")
    if result.evidence:
        lines.say(f"Evidence: {result.evidence}")
        if result.source:
            lines.say(f"Source: {result.source}")


def show_summary(summary: Summary, stopped_by: str | None, lines: Lines) -> None:
    lines.say()
    if stopped_by is None:
        lines.say("Round over.")
    else:
        lines.say(
            f"Round stopped ({stopped_by}) after {summary.played} of {summary.total} questions."
        )
    figures = [
        f"Score {summary.score}.",
        f"{summary.correct} of {summary.played} right ({summary.accuracy:.0%}).",
        f"Best streak {summary.best_streak}.",
    ]
    if summary.average_seconds is not None:
        figures.append(f"Average answer time {summary.average_seconds:.1f} seconds.")
    lines.say(" ".join(figures))
    for result in summary.results:
        lines.say()
        prompt = " ".join(result.view.prompt.split())
        points = count(result.points, "point")
        lines.say(f"{result.view.number}. {result.outcome}, {points}: {prompt}")
        given = result.given or "(no answer)"
        lines.say(f"   You: {sentence(given)} Answer: {sentence(result.right_answer)}")


def run_plain(
    settings: RoundSettings,
    *,
    player: str | None,
    folder: Path,
    warn: Callable[[str], None],
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    clock: Clock = time.monotonic,
) -> int:
    """Play one round in line mode and record it if it was played to its end."""
    lines = Lines(stdin or _tolerant(sys.stdin, "replace"), stdout or _tolerant(sys.stdout))
    round_ = Round(settings, clock)
    introduce(round_, lines)
    stopped_by = play(round_, lines)
    show_summary(round_.summary(), stopped_by, lines)
    lines.say()
    record(round_, player, folder, warn, lines)
    return 0


def record(
    round_: Round, player: str | None, folder: Path, warn: Callable[[str], None], lines: Lines
) -> None:
    """Keep the finished round in the high scores and say where it placed, or say why not."""
    # Imported only now: the score store and its SQLite are not needed to play.
    from quiz.scores import NotRecorded, ScoreStore, record_finished_round, why_not_recorded

    match why_not_recorded(round_):
        case NotRecorded.PRACTICE:
            lines.say("Practice rounds keep no high score.")
            return
        case NotRecorded.LEFT_EARLY:
            lines.say("Only finished rounds are recorded: this one was not.")
            return
    store = ScoreStore.open(folder, warn)
    try:
        recorded = record_finished_round(round_, store, player)
    finally:
        store.close()
    if not recorded.saved:
        return  # the store has already said, once, that scores are not being saved
    rank, board = recorded.rank, recorded.leaderboard
    placed = f" Number {rank} of the top {len(board)} for this round's packs." if rank else ""
    lines.say(f"Recorded for {recorded.record.player}.{placed}")


def _tolerant(stream: TextIO, errors: str = "backslashreplace") -> TextIO:
    """The stream, replacing what it cannot decode (a typed line: with U+FFFD) or encode
    (a shown one: as an escape, as every command shows it) instead of failing mid-round."""
    if isinstance(stream, io.TextIOWrapper):
        stream.reconfigure(errors=errors)
    return stream
