"""quiz packs [show ID|PATH]: list the installed packs, or show one as the game loads it."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from quiz.commands.common import (
    EXIT_OK,
    EXIT_PROBLEMS,
    add_pack_option,
    open_library,
    print_problems,
)

HELP = "list installed packs, or show one as JSON"


def configure(parser: argparse.ArgumentParser) -> None:
    add_pack_option(parser)
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    actions.add_parser("list", help="list installed packs (the default)")
    show = actions.add_parser("show", help="print one pack exactly as the game uses it")
    show.add_argument("pack", metavar="ID|PATH")
    show.add_argument("--json", action="store_true", help="print JSON (the only format for now)")


def run(args: argparse.Namespace) -> int:
    if args.action == "show":
        return _show(args)
    return _list(args)


def _list(args: argparse.Namespace) -> int:
    from quiz.paths import user_packs_dir

    library = open_library(args, [Path(spec) for spec in args.pack])
    rows = [("ID", "TITLE", "QUESTIONS", "PATH")]
    rows += [(p.id, p.title, str(p.question_count), p.path) for p in library.packs]
    widths = [max(len(row[column]) for row in rows) for column in range(3)]
    for *cells, path in rows:
        print(
            "  ".join(
                [*(cell.ljust(width) for cell, width in zip(cells, widths, strict=True)), path]
            )
        )
    print(f"\nYour own packs go in {user_packs_dir(args.data_dir)}")
    if library.problems:
        print(file=sys.stderr)
        for problem in library.problems:
            print(problem, file=sys.stderr)
        return EXIT_PROBLEMS
    return EXIT_OK


def _show(args: argparse.Namespace) -> int:
    from quiz.library import resolve_pack
    from quiz.packdump import pack_to_dict
    from quiz.problems import LoadError

    library = open_library(args)
    try:
        pack = resolve_pack(args.pack, library)
    except LoadError as error:
        print_problems(error.problems)
        return EXIT_PROBLEMS
    json.dump(pack_to_dict(pack), sys.stdout, indent=2, ensure_ascii=False)
    print()
    return EXIT_OK
