"""Shared by the Textual tests: an app on a clock the test moves, and small packs to play."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from textual.app import App
from textual.pilot import Pilot

from quiz.core.model import Question
from quiz.packs.loader import load_pack_bytes
from quiz.session import Mode, Phase, RoundSettings
from quiz.tui.app import QuizApp
from quiz.tui.round_screen import RoundScreen
from tests.helpers.clock import FakeClock
from tests.helpers.packs import PACK


def make_app(
    data_dir: Path,
    mode: Mode = Mode.CLASSIC,
    questions: int = 4,
    seed: int = 1,
    clock: FakeClock | None = None,
    start: bool = True,
    only: tuple[Question, ...] = (),
) -> tuple[QuizApp, FakeClock]:
    """The game on a fake clock, its round (unless not `start`) drawn from the sample pack,
    or from `only` these questions."""
    clock = clock or FakeClock()
    pack = load_pack_bytes(PACK, "test.yaml")
    if only:
        pack = dataclasses.replace(pack, questions=only)
    settings = RoundSettings(packs=(pack,), questions=questions, seconds=20, mode=mode, seed=seed)
    app = QuizApp(data_dir, settings if start else None, player="", clock=clock)
    return app, clock


def round_screen(app: App[None]) -> RoundScreen:
    screen = app.screen
    assert isinstance(screen, RoundScreen)
    return screen


async def ask(pilot: Pilot[None], question_id: str) -> RoundScreen:
    """Skip ahead until the question with this id is on screen (the seed fixes the order)."""
    screen = round_screen(pilot.app)
    while screen.round.current.question.id != question_id:
        screen.action_skip()
        screen.action_next()
    await pilot.pause()
    return screen


def answer_every_question_right(screen: RoundScreen) -> None:
    while screen.round.phase is not Phase.FINISHED:
        view = screen.round.current
        screen.answer(view.answer_index if view.choices else view.question.answer)
        screen.action_next()
