"""What a round is asked to be (packs, length, time, mode, seed), and reading those
numbers as a player types them."""

from __future__ import annotations

import random
import shlex
from dataclasses import dataclass

from quiz.core.limits import (
    DEFAULT_QUESTIONS,
    DEFAULT_SECONDS,
    LARGEST_SEED,
    SECONDS_RANGE,
    playable_seconds,
)
from quiz.core.model import Mode, Pack

RANDOM_SEEDS = 1_000_000


@dataclass(frozen=True, slots=True)
class RoundSettings:
    packs: tuple[Pack, ...]
    questions: int = DEFAULT_QUESTIONS  # sudden death ignores it: it plays every question
    seconds: float = DEFAULT_SECONDS  # a pack's or a question's own time wins
    mode: Mode = Mode.CLASSIC
    seed: int = 0
    # How the player named the packs (installed ids, or paths of files not installed), so
    # that the replay command names them the same way; empty: by their ids.
    pack_names: tuple[str, ...] = ()
    # False leaves out the questions that name a twist of the story (Question.spoiler).
    spoilers: bool = True

    def __post_init__(self) -> None:
        if not any(pack.questions for pack in self.packs):
            raise ValueError("a round needs at least one pack with questions")
        if not self.spoilers and all(
            question.spoiler for pack in self.packs for question in pack.questions
        ):
            raise ValueError("every question of these packs is a spoiler: play with spoilers")
        if self.questions < 1:
            raise ValueError("a round needs at least one question")
        if not playable_seconds(self.seconds):
            raise ValueError(f"seconds per question must be {SECONDS_RANGE}")
        if not 0 <= self.seed <= LARGEST_SEED:
            raise ValueError(f"the seed must be a whole number from 0 to {LARGEST_SEED}")

    def replay_command(self) -> str:
        """The `quiz play` command line that plays this round again, question for question."""
        words = ["quiz", "play"]
        # In the order named: of two packs with one id, the first named is played.
        names = self.pack_names or [pack.id for pack in self.unique_packs()]
        for name in dict.fromkeys(names):
            words += ["--pack", name]
        if self.mode is not Mode.SUDDEN_DEATH:
            words += ["--questions", str(self.questions)]
        words += ["--time", f"{self.seconds:g}", "--mode", str(self.mode), "--seed", str(self.seed)]
        if not self.spoilers:
            words.append("--no-spoilers")
        return shlex.join(words)

    def unique_packs(self) -> tuple[Pack, ...]:
        """The packs sorted by id, each once, so the order they were named in does not matter."""
        by_id: dict[str, Pack] = {}
        for pack in self.packs:
            by_id.setdefault(pack.id, pack)
        return tuple(by_id[pack_id] for pack_id in sorted(by_id))

    def spoiler_packs(self) -> tuple[Pack, ...]:
        """The packs (each once) with a question marked as a spoiler."""
        return tuple(pack for pack in self.unique_packs() if has_spoilers(pack))


def has_spoilers(pack: Pack) -> bool:
    return any(question.spoiler for question in pack.questions)


def read_whole_number(text: str) -> int | None:
    """A count or a seed as typed: ASCII digits only, no longer than the largest seed."""
    text = text.strip()
    if not text.isascii() or not text.isdigit() or len(text) > len(str(LARGEST_SEED)):
        return None
    return int(text)


def read_seconds(text: str) -> float | None:
    """Seconds per question as typed; None unless playable (limits.playable_seconds)."""
    try:
        value = float(text)
    except ValueError:
        return None
    return value if playable_seconds(value) else None


def random_seed() -> int:
    """A seed for a new round: small enough to type back from memory to replay it."""
    return random.randrange(RANDOM_SEEDS)
