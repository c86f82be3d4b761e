"""The one way commands print: the product on stdout, errors and warnings on stderr, and
every line made safe for a terminal on the way (quiz.core.text.terminal_safe), since most
of what a command prints quotes a file, a file name or an argument."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager

from quiz.core.problems import Problem, UserError
from quiz.core.text import display_width, terminal_safe

# Escaped in a table cell too, where they would break the row in two or shift its columns.
CELL_LAYOUT = "\n\t"


def say(text: str = "") -> None:
    """A line of the command's product, on stdout."""
    with _writing_stdout():
        print(terminal_safe(text))


def warn(text: str) -> None:
    """An error or warning line, on stderr (none when it is closed: print would then
    write to stdout, among the product)."""
    if sys.stderr is not None:
        print(terminal_safe(text), file=sys.stderr)


def write_product(text: str) -> None:
    """A whole document (a pack, an export) on stdout, byte for byte as it would be written
    to a file: made of validated pack text, which holds no control character but tab and
    line ends (a CSV's CRLF among them)."""
    with _writing_stdout():
        buffer = getattr(sys.stdout, "buffer", None)
        if buffer is None or _utf8(sys.stdout):
            sys.stdout.write(text)
        else:  # as the file would be: UTF-8, whatever the terminal's encoding
            sys.stdout.flush()
            buffer.write(text.encode("utf-8"))


def report(problems: Iterable[Problem], as_json: bool = False) -> None:
    """A linter-style report on stdout: `quiz validate`, `quiz facts check`, `quiz check`,
    whose problems are the product (documented in the README)."""
    problems = list(problems)
    if as_json:
        print_json([problem.as_json() for problem in problems])
    else:
        for problem in problems:
            say(str(problem))


def print_json(data: object) -> None:
    # json escapes newlines and C0 controls in strings; C1 controls and bidi marks it keeps
    # (terminal_safe escapes them as JSON does). A stdout that is not UTF-8 gets ASCII.
    say(json.dumps(data, indent=2, ensure_ascii=not _utf8(sys.stdout)))


def print_table(rows: Sequence[Sequence[str]]) -> None:
    """Rows padded to columns as wide as their widest cell on screen (a CJK character
    takes two columns); the first row is the header."""
    cells = [[terminal_safe(cell, CELL_LAYOUT) for cell in row] for row in rows]
    widths = [max(display_width(row[column]) for row in cells) for column in range(len(cells[0]))]
    for row in cells:
        padded = (
            cell + " " * (width - display_width(cell))
            for cell, width in zip(row, widths, strict=True)
        )
        with _writing_stdout():
            print("  ".join(padded).rstrip())


def prepare_streams() -> None:
    """Standard streams a command can always use: a closed stdin reads as empty, text a
    non-UTF-8 terminal cannot show is written as escapes instead of failing the command,
    and a closed stdout is an error before anything is done."""
    if sys.stdin is None:  # started with 0<&-
        sys.stdin = open(os.devnull, encoding="utf-8")  # noqa: SIM115 - for the whole run
    for stream in (sys.stdout, sys.stderr):
        if not _utf8(stream) and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    if sys.stdout is None:  # started with 1>&-
        raise UserError("quiz: standard output is closed; nothing can be shown")


def finish_output() -> None:
    """Write out what is still buffered for stdout, so that a full disk is reported."""
    with _writing_stdout():
        sys.stdout.flush()


def _utf8(stream: object) -> bool:
    encoding = getattr(stream, "encoding", None) or "utf-8"  # a StringIO: text as it is
    return str(encoding).lower().replace("-", "") == "utf8"


@contextmanager
def _writing_stdout() -> Iterator[None]:
    try:
        yield
    except BrokenPipeError:
        raise  # the reader went away: quiz.cli ends quietly
    except OSError as error:
        # Nothing more can go there: later writes, and the flush at exit, go nowhere.
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
        raise UserError(f"quiz: cannot write the output: {error.strerror or error}") from None
