"""quiz export PACK --format FORMAT: a pack written for another trivia tool."""

from __future__ import annotations

import argparse
from pathlib import Path

from quiz.commands.common import EXIT_OK, EXIT_PROBLEMS, open_library
from quiz.interchange import EXPORTERS

HELP = "write a pack as a CSV sheet, Moodle GIFT or Open Trivia DB JSON"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("pack", metavar="ID|PATH", help="an installed pack id or a pack file")
    parser.add_argument("--format", required=True, choices=EXPORTERS, help=" | ".join(EXPORTERS))
    parser.add_argument("--out", metavar="PATH", help="write to this file (default: print it)")
    parser.add_argument("--force", action="store_true", help="replace an existing file")


def run(args: argparse.Namespace) -> int:
    import sys

    from quiz.interchange import format_module
    from quiz.interchange.files import describe, write_file
    from quiz.library import resolve_pack
    from quiz.problems import LoadError

    try:
        pack = resolve_pack(args.pack, open_library(args))
    except LoadError as error:
        for problem in error.problems:
            print(describe(problem), file=sys.stderr)
        return EXIT_PROBLEMS
    exported = format_module(args.format).write(pack)
    for question_id, reason in exported.lost:
        print(f"quiz export: question '{question_id}': {reason}", file=sys.stderr)
    if not exported.count:
        message = f"quiz export: no question of '{pack.id}' can be written as {args.format}"
        print(message, file=sys.stderr)
        return EXIT_PROBLEMS
    if not args.out:
        sys.stdout.write(exported.text)
        return EXIT_OK
    try:
        write_file(Path(args.out), exported.text, args.force)
    except LoadError as error:
        print(describe(error.problems[0]), file=sys.stderr)
        return EXIT_PROBLEMS
    total = len(pack.questions)
    print(f"Exported {exported.count} of {total} questions as {args.format}: {args.out}")
    return EXIT_OK
