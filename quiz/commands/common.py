"""What several commands share: the --pack option, argument types, the pack library."""

from __future__ import annotations

import argparse
from collections.abc import Iterable
from pathlib import Path

from quiz.core.limits import LARGEST_SEED, LONGEST_SECONDS
from quiz.packs.library import Library, installed_library


def add_pack_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--pack",
        action="append",
        default=[],
        metavar="ID|PATH",
        help="an installed pack id or a pack file (repeatable)",
    )


def open_library(args: argparse.Namespace, extra_files: Iterable[Path] = ()) -> Library:
    return installed_library(args.data_dir, list(extra_files))


def positive_count(text: str) -> int:
    from quiz.session import read_whole_number

    value = read_whole_number(text)
    if value is None or value < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number from 1, not '{text}'")
    return value


def seed_number(text: str) -> int:
    from quiz.session import read_whole_number

    value = read_whole_number(text)
    if value is None or not 0 <= value <= LARGEST_SEED:
        raise argparse.ArgumentTypeError(
            f"must be a whole number from 0 to {LARGEST_SEED}, not '{text}'"
        )
    return value


def seconds_per_question(text: str) -> float:
    from quiz.session import read_seconds

    value = read_seconds(text)
    if value is None:
        raise argparse.ArgumentTypeError(
            f"must be a number of seconds above 0 and at most {LONGEST_SECONDS:g}, not '{text}'"
        )
    return value
