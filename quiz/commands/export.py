"""quiz export PACK --format FORMAT: a pack written for another trivia tool."""

from __future__ import annotations

import argparse
from pathlib import Path

from quiz.commands.common import open_library
from quiz.commands.output import say, warn, write_product
from quiz.core.limits import EXIT_OK
from quiz.core.problems import UserError
from quiz.interchange import EXPORTERS

HELP = "write a pack as a CSV sheet, Moodle GIFT or Open Trivia DB JSON"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("pack", metavar="ID|PATH", help="an installed pack id or a pack file")
    parser.add_argument("--format", required=True, choices=EXPORTERS, help=" | ".join(EXPORTERS))
    parser.add_argument("--out", metavar="PATH", help="write to this file (default: print it)")
    parser.add_argument("--force", action="store_true", help="replace an existing file")


def run(args: argparse.Namespace) -> int:
    from quiz.interchange import format_module
    from quiz.packs.library import resolve_pack
    from quiz.storage.writing import write_user_file

    pack = resolve_pack(args.pack, open_library(args))
    exported = format_module(args.format).write(pack)
    for question_id, reason in exported.lost:
        warn(f"quiz export: question '{question_id}': {reason}")
    if not exported.count:
        raise UserError(f"quiz export: no question of '{pack.id}' can be written as {args.format}")
    if not args.out:
        write_product(exported.text)
        return EXIT_OK
    write_user_file(Path(args.out), exported.text, args.force)
    total = len(pack.questions)
    say(f"Exported {exported.count} of {total} questions as {args.format}: {args.out}")
    return EXIT_OK
