"""What a high score is: the record of one finished round, its board, a leaderboard entry."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

# The name rule, which the settings file obeys too, is the core's; named here as well.
from quiz.core.limits import LONGEST_NAME as LONGEST_NAME
from quiz.core.text import clean_player_name as clean_player_name
from quiz.session import Mode, Round

DEFAULT_PLAYER = "Player"  # a round recorded before anyone gave a name


@dataclass(frozen=True, slots=True)
class Board:
    """Rounds whose scores can be compared: the same packs, mode, length and time per question."""

    packs: tuple[str, ...]  # pack ids, sorted
    mode: str
    questions: int
    seconds: float

    @property
    def packs_label(self) -> str:
        return " + ".join(self.packs)

    @property
    def shape(self) -> str:
        """The round's length and pace, as a person reads it: "10 × 20 s", or "up to
        31 × 20 s" for sudden death, which ends at the first miss."""
        shape = f"{self.questions} × {self.seconds:g} s"
        return f"up to {shape}" if self.mode == Mode.SUDDEN_DEATH else shape

    def right(self, correct: int) -> str:
        """Right answers of the round's questions, "7/10"; in sudden death only "7", as its
        questions are the whole pool and it ends at the first miss."""
        return str(correct) if self.mode == Mode.SUDDEN_DEATH else f"{correct}/{self.questions}"


@dataclass(frozen=True, slots=True)
class RoundRecord:
    player: str
    packs: tuple[tuple[str, int], ...]  # (pack id, pack version), sorted by id
    mode: str  # a quiz.session.Mode value
    questions: int  # questions the round had
    seconds: float  # seconds per question as played (Round.seconds_per_question)
    seed: int
    score: int
    correct: int
    best_streak: int
    duration: float  # seconds
    played_at: datetime  # timezone-aware
    game_version: str

    def __post_init__(self) -> None:
        if self.played_at.utcoffset() is None:
            raise ValueError("played_at must be timezone-aware")

    @property
    def board(self) -> Board:
        return Board(
            packs=tuple(pack_id for pack_id, _ in self.packs),
            mode=self.mode,
            questions=self.questions,
            seconds=self.seconds,
        )


@dataclass(frozen=True, slots=True)
class Entry:
    """One line of a leaderboard."""

    player: str
    score: int
    correct: int
    questions: int
    best_streak: int
    duration: float
    seed: int
    played_at: datetime  # UTC

    def is_of(self, record: RoundRecord) -> bool:
        """Whether this line of a leaderboard is that recorded round."""
        return (self.player, self.played_at) == (record.player, record.played_at)


def local_time(moment: datetime) -> str:
    """A time as a leaderboard shows it: to the minute, in the player's time zone."""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def round_record(round_: Round, player: str, played_at: datetime | None = None) -> RoundRecord:
    """The record of a finished round; ``played_at`` defaults to now."""
    summary = round_.summary()
    settings = round_.settings
    return RoundRecord(
        player=player,
        packs=tuple((pack.id, pack.version) for pack in settings.unique_packs()),
        mode=str(settings.mode),
        questions=summary.total,
        seconds=round_.seconds_per_question,
        seed=settings.seed,
        score=summary.score,
        correct=summary.correct,
        best_streak=summary.best_streak,
        duration=summary.duration,
        played_at=played_at if played_at is not None else datetime.now(UTC),
        game_version=game_version(),
    )


def game_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("quiz")
    except PackageNotFoundError:
        from quiz import __version__

        return __version__
