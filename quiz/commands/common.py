"""What several commands share: the pack library and the way problems are printed."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from pathlib import Path

from quiz.library import Library, scan_library
from quiz.paths import data_dir, shipped_packs_dir, user_packs_dir
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
    folders = [shipped_packs_dir(), user_packs_dir(args.data_dir)]
    index = data_dir(args.data_dir) / "pack-index.json"
    return scan_library(folders, list(extra_files), index)


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
