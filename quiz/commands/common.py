"""What several commands share: the pack library and the way problems are printed."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from pathlib import Path

from quiz.library import Library, installed_library
from quiz.problems import Problem

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2
# The engine's modes and limits (quiz.session), written out so that `quiz --help` need not
# import it; tests/test_cli_play.py checks they agree.
MODES = ("classic", "practice", "sudden-death")
LONGEST_SECONDS = 3600.0
LARGEST_SEED = 2**63 - 1


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


def print_problems(problems: Iterable[Problem], as_json: bool = False) -> None:
    problems = list(problems)
    if as_json:
        json.dump(
            [problem.as_json() for problem in problems], sys.stdout, indent=2, ensure_ascii=False
        )
        print()
        return
    for problem in problems:
        print(problem)


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
