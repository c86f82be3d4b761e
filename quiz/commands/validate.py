"""quiz validate PATH...: check pack files and report every problem with its line."""

from __future__ import annotations

import argparse
from pathlib import Path

from quiz.commands.common import EXIT_OK, EXIT_PROBLEMS, print_problems

HELP = "check pack files; prints path:line:col: message for each problem"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="pack files, or folders of packs")
    parser.add_argument("--json", action="store_true", help="print the problems as a JSON list")


def run(args: argparse.Namespace) -> int:
    from quiz.fairness import unfair_questions
    from quiz.library import PACK_SUFFIXES, pack_files
    from quiz.packs import load_pack
    from quiz.problems import LoadError, Problem

    problems: list[Problem] = []
    summaries: list[str] = []
    for given in args.paths:
        path = Path(given)
        files = pack_files(path) if path.is_dir() else [path]
        if not files:
            suffixes = " or ".join(PACK_SUFFIXES)
            problems.append(Problem(given, 1, 1, f"a folder with no pack files ({suffixes}) in it"))
        for file in files:
            try:
                pack = load_pack(file, display=str(file))
            except LoadError as error:
                problems.extend(error.problems)
                continue
            summaries.append(f"{file}: ok, pack '{pack.id}' with {len(pack.questions)} questions")
            # Questions a player would call unfair: worth a look, but the pack still plays.
            summaries += [unfair.describe(file) for unfair in unfair_questions(pack)]
    print_problems(problems, as_json=args.json)
    if not args.json:
        for line in summaries:
            print(line)
    return EXIT_PROBLEMS if problems else EXIT_OK
