"""What several commands share: the --pack option, argument types, the pack library."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterable
from pathlib import Path

from quiz.core.limits import LARGEST_SEED, MAX_QUESTIONS, SECONDS_RANGE
from quiz.core.text import has_lone_surrogate, terminal_safe
from quiz.packs.library import Library, installed_library


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


def positive_count(text: str) -> int:
    return _whole_number(text, 1, None)


def question_count(text: str) -> int:
    """A round's length: as Home takes it, from 1 to MAX_QUESTIONS."""
    return _whole_number(text, 1, MAX_QUESTIONS)


def seed_number(text: str) -> int:
    return _whole_number(text, 0, LARGEST_SEED)


def _whole_number(text: str, lowest: int, highest: int | None) -> int:
    from quiz.session import read_whole_number

    value = read_whole_number(text)
    if value is None or value < lowest or (highest is not None and value > highest):
        bounds = f"from {lowest}" + ("" if highest is None else f" to {highest}")
        raise argparse.ArgumentTypeError(f"must be a whole number {bounds}, not '{text}'")
    return value


def seconds_per_question(text: str) -> float:
    from quiz.session import read_seconds

    value = read_seconds(text)
    if value is None:
        raise argparse.ArgumentTypeError(
            f"must be a number of seconds {SECONDS_RANGE}, not '{text}'"
        )
    return value


def text_argument(text: str) -> str:
    """Text for the game to keep (a title, a name): bytes that are not UTF-8 reach Python
    as lone surrogates, which no file of the game can hold."""
    if has_lone_surrogate(text):
        raise argparse.ArgumentTypeError("must be UTF-8 text; the shell passed other bytes")
    return text


def file_name_text(path: Path) -> str:
    """A file's name as text a pack can keep: a byte that is not UTF-8 as the replacement
    character, a control character escaped (no pack may hold one)."""
    name = path.name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return terminal_safe(name)


def why_line_mode() -> str | None:
    """Why the app cannot run here, so a round is played in line mode; None if it can."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        return "not a terminal"
    if os.environ.get("TERM") == "dumb":  # Emacs' shell: no cursor moves, no keys read
        return "TERM=dumb cannot show the app"
    return None
