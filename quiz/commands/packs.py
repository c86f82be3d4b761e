"""quiz packs [show ID|PATH]: list the installed packs, or show one as the game loads it."""

from __future__ import annotations

import argparse
from pathlib import Path

from quiz.commands.common import add_pack_option, open_library
from quiz.commands.output import print_json, print_table, say
from quiz.core.limits import EXIT_OK
from quiz.core.problems import UserError

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
    from quiz.storage.paths import user_packs_dir

    library = open_library(args, [Path(spec) for spec in args.pack])
    rows = [("ID", "TITLE", "QUESTIONS", "PATH")]
    rows += [(p.id, p.title, str(p.question_count), p.path) for p in library.packs]
    print_table(rows)
    say(f"\nYour own packs go in {user_packs_dir(args.data_dir)}")
    if library.problems:
        raise UserError("", *(str(problem) for problem in library.problems))
    return EXIT_OK


def _show(args: argparse.Namespace) -> int:
    from quiz.packs.dump import pack_to_dict
    from quiz.packs.library import resolve_pack

    pack = resolve_pack(args.pack, open_library(args))
    print_json(pack_to_dict(pack))
    return EXIT_OK
