"""quiz import FORMAT FILE: a pack made of questions written for another trivia tool."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from quiz.commands.common import file_name_text, text_argument
from quiz.commands.output import say, warn
from quiz.core.limits import EXIT_OK
from quiz.core.problems import LoadError, UsageError, UserError
from quiz.interchange import IMPORTERS

if TYPE_CHECKING:
    from collections.abc import Callable

    from quiz.interchange.result import Imported

HELP = "make a pack of Open Trivia DB, Red-DiscordBot, CSV, Anki, GIFT or OpenTriviaQA questions"
# Enough to see what is wrong with a file, not a screenful for a file of another format.
MAX_SHOWN = 10


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "format", choices=list(IMPORTERS), metavar="FORMAT", help=" | ".join(IMPORTERS)
    )
    parser.add_argument(
        "file", metavar="FILE", help="the file to import (opentriviaqa: a file or a folder)"
    )
    parser.add_argument("--id", dest="pack_id", help="the pack's id (default: from the file name)")
    parser.add_argument(
        "--title", type=text_argument, help="the pack's title (default: from the file, or its name)"
    )
    parser.add_argument(
        "--out", metavar="PATH", help="write the pack here instead of the user packs folder"
    )
    parser.add_argument("--force", action="store_true", help="replace an existing pack file")


def run(args: argparse.Namespace) -> int:
    from quiz.core.wording import count
    from quiz.interchange.files import pack_destination, save_pack_text
    from quiz.interchange.result import slugify
    from quiz.packs.fairness import unfair_questions
    from quiz.packs.format import PACK_ID

    source = Path(args.file)
    pack_id = args.pack_id or slugify(source.stem) or "imported"
    if not PACK_ID.fullmatch(pack_id):
        raise UsageError(f"quiz import: --id '{pack_id}' must be lower-case words joined by '-'")
    text, skipped = _pack_text(source, pack_id, args)
    destination = pack_destination(pack_id, args.out, args.data_dir)
    # Only the text is left of what was read: the written pack is checked by loading it.
    written = save_pack_text(text, destination, args.force, args.data_dir, not args.out)
    crossed = 0
    for unfair in unfair_questions(written):  # as loaded, so with the lines of the file
        if unfair.about_another:
            crossed += 1  # the draw keeps them apart: one line for them all, not thousands
        else:
            warn(unfair.warning_line(destination))
    if crossed:
        warn(
            f"{destination}: warning: {count(crossed, 'prompt')} name another question's "
            f"answer: a round asks that one first or not at all (quiz validate lists them)"
        )
    skips = f", skipped {skipped}" if skipped else ""
    say(f"Imported {count(len(written.questions), 'question')}{skips}: {destination}")
    return EXIT_OK


def _pack_text(source: Path, pack_id: str, args: argparse.Namespace) -> tuple[str, int]:
    """The pack file's text made of the questions of ``source``, after saying what was
    skipped or is worth a look; and how many were skipped."""
    from quiz.core.model import Pack
    from quiz.packs.dump import dump_pack_yaml

    imported, credit = _read(source, args.format)
    # A folder's notes name the file of the folder they are about.
    for note in imported.skipped:
        warn(f"{getattr(note, 'path', '') or source}:{note.line}: skipped: {note.message}")
    for note in imported.warnings:
        warn(f"{getattr(note, 'path', '') or source}:{note.line}: warning: {note.message}")
    if not imported.questions:
        raise UserError(f"{source}:1: no question could be imported; nothing written")
    name = file_name_text(source)
    pack = Pack(
        id=pack_id,
        title=args.title or imported.title or Path(name).stem.replace("_", " "),
        version=1,
        questions=imported.questions,
        description=imported.description,
        author=imported.author,
        source=credit(name) if credit else name,
        time=imported.time,
    )
    comment = f"Imported from {name} by `quiz import {args.format}`."
    return dump_pack_yaml(pack, comment), len(imported.skipped)


def _read(source: Path, format_name: str) -> tuple[Imported, Callable[[str], str] | None]:
    """The questions of the file, and the format's credit for the pack's ``source`` when it
    has one; LoadError with at most MAX_SHOWN of its problems, after a line naming the
    format the file looks like when it is not the one given.

    A format that reads the file's bytes itself, or a folder, has ``read_path``."""
    from quiz.interchange import format_module, guess_format
    from quiz.interchange.files import read_source

    module = format_module(format_name)
    read_path: Callable[[Path], Imported] | None = getattr(module, "read_path", None)
    credit: Callable[[str], str] | None = getattr(module, "pack_source", None)
    text = ""
    try:
        if read_path is not None:
            return read_path(source), credit
        text = read_source(source)
        imported: Imported = module.read(text, str(source))
    except LoadError as error:
        lines = error.lines()
        looks_like = guess_format(text) if text else None
        hint = []
        if looks_like not in (None, format_name):
            hint = [
                f"{source}:1: this looks like the {looks_like} format: "
                f"try `quiz import {looks_like} {source}`"
            ]
        more = [f"... and {len(lines) - MAX_SHOWN} more"] if len(lines) > MAX_SHOWN else []
        raise UserError(*hint, *lines[:MAX_SHOWN], *more) from None
    return imported, credit
