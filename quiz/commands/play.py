"""quiz play: one round, in the Textual app or, with --plain, as lines of text."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from quiz.commands.common import (
    add_pack_option,
    question_count,
    seconds_per_question,
    seed_number,
    text_argument,
    why_line_mode,
)
from quiz.commands.output import warn
from quiz.core.limits import DEFAULT_QUESTIONS, DEFAULT_SECONDS, MODE_NAMES
from quiz.core.problems import UsageError, UserError

if TYPE_CHECKING:
    from quiz.core.model import Mode, Pack
    from quiz.session import RoundSettings

HELP = "play a round: the app, or --plain for questions and answers as lines of text"


def configure(parser: argparse.ArgumentParser) -> None:
    add_pack_option(parser)
    parser.epilog = "Without --pack, the round draws from every installed pack."
    parser.add_argument(
        "--questions",
        type=question_count,
        metavar="N",
        help=f"questions in the round (default {DEFAULT_QUESTIONS}; not for sudden-death)",
    )
    # --time and --mode default to None, so that a round that does not set them leaves the
    # ones remembered for Home as they were.
    parser.add_argument(
        "--time",
        type=seconds_per_question,
        metavar="S",
        help=f"seconds per question (default {DEFAULT_SECONDS:g}); "
        "a pack's or question's own time wins",
    )
    parser.add_argument(
        "--mode",
        choices=MODE_NAMES,
        help="classic: N timed questions; practice: untimed, no high score; "
        "sudden-death: every question until the first miss (default classic)",
    )
    parser.add_argument(
        "--seed",
        type=seed_number,
        metavar="N",
        help="replay a round (default: a random one, shown)",
    )
    parser.add_argument(
        "--player", type=_player, metavar="NAME", help="name for the high scores (1-24 characters)"
    )
    parser.add_argument(
        "--spoilers",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="--no-spoilers leaves out the questions a pack marks as spoilers (a story's "
        "twists); --spoilers asks them again (default); Home remembers the choice",
    )
    parser.add_argument(
        "--plain",
        action="store_true",
        help="line mode: questions on stdout, answers read line by line from stdin",
    )


def run(args: argparse.Namespace) -> int:
    from quiz.session import Mode
    from quiz.storage.paths import data_dir

    mode = Mode(args.mode or MODE_NAMES[0])
    if mode is Mode.SUDDEN_DEATH and args.questions is not None:
        raise UsageError(
            "quiz play: error: --questions does not apply to sudden-death, "
            "which plays every question"
        )
    packs = _load_packs(args)
    try:
        settings = _settings(args, mode, packs)
    except ValueError as problem:  # every question a spoiler, with --no-spoilers
        raise UserError(f"quiz play: error: {problem}") from None
    folder = data_dir(args.data_dir)
    _remember(args, folder)
    reason = None if args.plain else why_line_mode()
    if args.plain or reason:
        from quiz.plain import run_plain

        if reason:
            warn(f"quiz: {reason}, so playing in line mode (--plain)")
        return run_plain(settings, player=args.player, folder=folder, warn=warn)
    from quiz.tui.app import run_app

    # Absolute, as remembered for Home: the app may look for them from another folder.
    pack_files = tuple(Path(spec).resolve() for spec in args.pack if Path(spec).is_file())
    return run_app(folder, start=settings, player=args.player or "", extra_packs=pack_files)


def _settings(args: argparse.Namespace, mode: Mode, packs: list[Pack]) -> RoundSettings:
    from quiz.session import RoundSettings, random_seed

    return RoundSettings(
        packs=tuple(packs),
        questions=args.questions or DEFAULT_QUESTIONS,
        seconds=args.time or DEFAULT_SECONDS,
        mode=mode,
        seed=args.seed if args.seed is not None else random_seed(),
        pack_names=tuple(_remembered_pack(spec) for spec in args.pack),
        spoilers=args.spoilers is not False,
    )


def _load_packs(args: argparse.Namespace) -> list[Pack]:
    """The packs named with --pack, else every installed one; LoadError if one is bad,
    UserError if there are none."""
    from quiz.commands.common import open_library
    from quiz.packs.library import resolve_pack
    from quiz.storage.paths import user_packs_dir

    library = open_library(args)
    if args.pack:
        return [resolve_pack(spec, library) for spec in args.pack]
    for problem in library.problems:
        warn(f"{problem} (pack skipped)")
    packs = [library.load(Path(summary.path)) for summary in library.packs]
    if not packs:
        raise UserError(
            f"quiz: no packs installed; put pack files in {user_packs_dir(args.data_dir)} "
            "or name one with --pack PATH"
        )
    return packs


def _remember(args: argparse.Namespace, folder: Path) -> None:
    """Keep this round's choices for next time (the app's Home starts from them)."""
    from dataclasses import replace

    from quiz.session import Mode
    from quiz.storage.settings import load_settings, save_settings

    remembered = load_settings(folder, warn)
    chosen = replace(
        remembered,
        packs=tuple(_remembered_pack(spec) for spec in args.pack),
        questions=args.questions or remembered.questions,
        seconds=args.time or remembered.seconds,
        mode=Mode(args.mode) if args.mode else remembered.mode,
        player=args.player or remembered.player,
        spoilers=remembered.spoilers if args.spoilers is None else args.spoilers,
    )
    if chosen != remembered:
        save_settings(folder, chosen, warn)


def _remembered_pack(spec: str) -> str:
    """An installed id as given; a file as an absolute path, valid from any folder."""
    path = Path(spec)
    return str(path.resolve()) if path.is_file() else spec


def _player(text: str) -> str:
    from quiz.scores import LONGEST_NAME, clean_player_name

    name = clean_player_name(text_argument(text))
    if name is None:
        raise argparse.ArgumentTypeError(f"must be 1 to {LONGEST_NAME} characters")
    return name
