"""quiz import FORMAT FILE: a pack made of questions written for another trivia tool."""

from __future__ import annotations

import argparse
from pathlib import Path

from quiz.commands.common import EXIT_OK, EXIT_PROBLEMS
from quiz.interchange import IMPORTERS

HELP = "make a pack of Open Trivia DB, Red-DiscordBot, CSV, Anki or GIFT questions"
# Enough to see what is wrong with a file, not a screenful for a file of another format.
MAX_SHOWN = 10


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "format", choices=list(IMPORTERS), metavar="FORMAT", help=" | ".join(IMPORTERS)
    )
    parser.add_argument("file", metavar="FILE", help="the file to import")
    parser.add_argument("--id", dest="pack_id", help="the pack's id (default: from the file name)")
    parser.add_argument("--title", help="the pack's title (default: from the file, or its name)")
    parser.add_argument(
        "--out", metavar="PATH", help="write the pack here instead of the user packs folder"
    )
    parser.add_argument("--force", action="store_true", help="replace an existing pack file")


def run(args: argparse.Namespace) -> int:
    import sys

    from quiz.fairness import unfair_questions
    from quiz.interchange import format_module, guess_format
    from quiz.interchange.files import describe, pack_destination, read_source, save_pack_text
    from quiz.interchange.result import slugify
    from quiz.model import Pack
    from quiz.packdump import dump_pack_yaml
    from quiz.packs import PACK_ID
    from quiz.problems import LoadError

    source = Path(args.file)
    pack_id = args.pack_id or slugify(source.stem) or "imported"
    if not PACK_ID.fullmatch(pack_id):
        message = f"quiz import: --id '{pack_id}' must be lower-case words joined by '-'"
        print(message, file=sys.stderr)
        return EXIT_PROBLEMS
    text = ""
    try:
        text = read_source(source)
        imported = format_module(args.format).read(text, str(source))
    except LoadError as error:
        looks_like = guess_format(text) if text else None
        if looks_like not in (None, args.format):
            print(
                f"{source}:1: this looks like the {looks_like} format: "
                f"try `quiz import {looks_like} {source}`",
                file=sys.stderr,
            )
        for problem in error.problems[:MAX_SHOWN]:
            print(describe(problem), file=sys.stderr)
        if len(error.problems) > MAX_SHOWN:
            print(f"... and {len(error.problems) - MAX_SHOWN} more", file=sys.stderr)
        return EXIT_PROBLEMS
    for note in imported.skipped:
        print(f"{source}:{note.line}: skipped: {note.message}")
    for note in imported.warnings:
        print(f"{source}:{note.line}: warning: {note.message}")
    if not imported.questions:
        print(f"{source}:1: no question could be imported; nothing written", file=sys.stderr)
        return EXIT_PROBLEMS
    pack = Pack(
        id=pack_id,
        title=args.title or imported.title or source.stem.replace("_", " "),
        version=1,
        questions=imported.questions,
        description=imported.description,
        author=imported.author,
        source=source.name,
        time=imported.time,
    )
    comment = f"Imported from {source.name} by `quiz import {args.format}`."
    destination = pack_destination(pack_id, args.out, args.data_dir)
    try:
        written = save_pack_text(
            dump_pack_yaml(pack, comment), destination, args.force, args.data_dir, not args.out
        )
    except LoadError as error:
        for problem in error.problems:
            print(describe(problem), file=sys.stderr)
        return EXIT_PROBLEMS
    for unfair in unfair_questions(written):  # as loaded, so with the lines of the file
        print(unfair.describe(destination))
    count = len(pack.questions)
    skipped = f", skipped {len(imported.skipped)}" if imported.skipped else ""
    print(f"Imported {count} question{'s' if count != 1 else ''}{skipped}: {destination}")
    return EXIT_OK
