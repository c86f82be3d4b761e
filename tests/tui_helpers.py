"""Shared by the Textual tests: a clock the test moves, and small packs to play."""

from __future__ import annotations

from pathlib import Path

from quiz.packs import load_pack_bytes
from quiz.session import Mode, RoundSettings
from quiz.tui.app import QuizApp
from tests.sample_pack import PACK


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def make_app(
    data_dir: Path,
    mode: Mode = Mode.CLASSIC,
    questions: int = 4,
    seed: int = 1,
    clock: FakeClock | None = None,
    start: bool = True,
) -> tuple[QuizApp, FakeClock]:
    clock = clock or FakeClock()
    pack = load_pack_bytes(PACK, "test.yaml")
    settings = RoundSettings(packs=(pack,), questions=questions, seconds=20, mode=mode, seed=seed)
    app = QuizApp(data_dir, settings if start else None, player="", clock=clock)
    return app, clock
