"""quiz validate PATH...: check pack files and report every problem with its line."""

from __future__ import annotations

import argparse
from pathlib import Path

from quiz.commands.output import report, say
from quiz.core.limits import EXIT_OK, EXIT_PROBLEMS

HELP = "check pack files; prints path:line:col: message for each problem"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="pack files, or folders of packs")
    parser.add_argument("--json", action="store_true", help="print the problems as a JSON list")


def run(args: argparse.Namespace) -> int:
    from quiz.core.problems import LoadError, Problem
    from quiz.packs.fairness import unfair_questions
    from quiz.packs.library import PACK_SUFFIXES, pack_files
    from quiz.packs.loader import load_pack

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
            summaries += [unfair.warning_line(file) for unfair in unfair_questions(pack)]
    report(problems, as_json=args.json)
    if not args.json:
        for line in summaries:
            say(line)
    return EXIT_PROBLEMS if problems else EXIT_OK
