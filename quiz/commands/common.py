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
