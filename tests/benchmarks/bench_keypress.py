"""Key press to screen update in a round: Pilot, the median of 50 answers.

Each answer is the key "1" on a choice question. The time runs from just before the key
is sent to the moment Textual hands the first frame showing the feedback to its driver
(App._display, hooked below; headless, so the frame is composed but not turned into
escape codes). Timing `await pilot.press(...)` itself would not do: Pilot waits for the
app to go idle with sleeps of at least 20 ms, twice per key, whatever the app does.
The round's clock is a fake one that never moves, so no timer fires in between. The
first question is skipped through the screen's actions before timing starts: on it the
hidden answer box may still hold the focus Textual gives on mount, and take the key.
"""

from __future__ import annotations

import asyncio
import statistics
import time
from dataclasses import replace
from pathlib import Path

from rich.console import RenderableType
from textual.pilot import Pilot
from textual.screen import Screen

from quiz.core.model import QuestionType
from quiz.session import Mode, RoundSettings
from quiz.tui import app as app_module
from quiz.tui.app import QuizApp
from quiz.tui.round_screen import RoundScreen
from tests.benchmarks.harness import Row, report
from tests.benchmarks.synthetic import scratch_dir, synthetic_pack
from tests.helpers.clock import FakeClock

ANSWERS = 50
WARM_UP = 5
# Pauses to wait for the feedback frame before calling the answer lost.
MOST_PAUSES = 50
TARGET_MS = 50
SIZE = (100, 30)


class FrameTimedApp(QuizApp):
    """The game, noting when the first frame with the feedback on screen leaves."""

    # Textual finds the stylesheet beside the module of the class, so name the game's own.
    CSS_PATH = str(Path(app_module.__file__).parent / "quiz.tcss")
    feedback_frame_at: float | None = None

    def _display(self, screen: Screen[object], renderable: RenderableType | None) -> None:
        super()._display(screen, renderable)
        if (
            renderable is not None
            and self.feedback_frame_at is None
            and isinstance(screen, RoundScreen)
            and screen.has_class("-reviewing")
        ):
            self.feedback_frame_at = time.perf_counter()


def round_settings() -> RoundSettings:
    pack = synthetic_pack("keypress", 4 * (ANSWERS + WARM_UP))
    choices = tuple(q for q in pack.questions if q.type is QuestionType.CHOICE)
    return RoundSettings(
        packs=(replace(pack, questions=choices),),
        questions=1 + WARM_UP + ANSWERS,
        seconds=20,
        mode=Mode.CLASSIC,
        seed=1,
    )


async def answer_latencies() -> list[float]:
    app = FrameTimedApp(scratch_dir() / "keypress-data", round_settings(), clock=FakeClock())
    latencies: list[float] = []
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, RoundScreen)
        screen.action_skip()
        screen.action_next()
        await pilot.pause()
        for number in range(WARM_UP + ANSWERS):
            latency = await answer_latency(app, pilot, screen)
            if number >= WARM_UP:
                latencies.append(latency)
            if number < WARM_UP + ANSWERS - 1:
                await pilot.press("enter")
                await pilot.pause()
    return latencies


async def answer_latency(app: FrameTimedApp, pilot: Pilot[None], screen: RoundScreen) -> float:
    """Milliseconds from the key "1" to the first frame with the feedback."""
    question = screen.round.current.number
    app.feedback_frame_at = None
    start = time.perf_counter()
    await pilot.press("1")
    for _ in range(MOST_PAUSES):
        if app.feedback_frame_at is not None:
            break
        await pilot.pause()
    if app.feedback_frame_at is None or not screen.query_one("#feedback").region.height:
        raise RuntimeError(f"question {question}: the key 1 brought no feedback on screen")
    return (app.feedback_frame_at - start) * 1000


def measure() -> list[Row]:
    median = statistics.median(asyncio.run(answer_latencies()))
    return [
        Row(
            f"key press to feedback on screen (Pilot, median of {ANSWERS} answers)",
            median,
            "",
            None,
            f"<= {TARGET_MS} ms",
            median <= TARGET_MS,
        )
    ]


if __name__ == "__main__":
    raise SystemExit(report(measure()))
