"""A shell command broken into lines that fit the screen and still run when copied."""

from __future__ import annotations

import shlex

from rich.cells import cell_len

INDENT = "  "


def wrap_command(command: str, width: int) -> str:
    """`command` in lines at most `width` cells wide, each but the last ending in a
    backslash, so that pasted into a POSIX shell it runs as one line.

    Lines break between words, an option kept with its value; a word longer than a line
    (a deep path) is quoted piece by piece and goes on at the start of the next line, where
    the shell joins the pieces again.
    """
    lines: list[str] = []
    mid_word: set[int] = set()  # lines that end inside a word: no space before the "\"
    for group in _groups(shlex.split(command)):
        text = " ".join(shlex.quote(word) for word in group)
        indent = INDENT if lines else ""
        if lines and _fits(f"{lines[-1]} {text} \\", width):
            lines[-1] += f" {text}"
        elif _fits(f"{indent}{text} \\", width):
            lines.append(indent + text)
        else:
            head = " ".join(shlex.quote(word) for word in group[:-1])
            pieces = _pieces(group[-1], indent + (f"{head} " if head else ""), width)
            mid_word.update(range(len(lines), len(lines) + len(pieces) - 1))
            lines += pieces
    last = len(lines) - 1
    return "\n".join(
        line if number == last else line + ("\\" if number in mid_word else " \\")
        for number, line in enumerate(lines)
    )


def _groups(words: list[str]) -> list[list[str]]:
    """The words, an option together with the value after it."""
    groups: list[list[str]] = []
    for word in words:
        if groups and len(groups[-1]) == 1 and groups[-1][0].startswith("--"):
            groups[-1].append(word)
        else:
            groups.append([word])
    return groups


def _pieces(word: str, prefix: str, width: int) -> list[str]:
    """Lines holding `word` quoted in pieces, the first after `prefix`, each leaving room
    for the " \\" that may end it (at least one character a line, however narrow)."""
    lines = []
    rest = word
    while rest:
        size = 1
        while size < len(rest) and _fits(prefix + shlex.quote(rest[: size + 1]) + " \\", width):
            size += 1
        lines.append(prefix + shlex.quote(rest[:size]))
        rest = rest[size:]
        prefix = ""  # a continued word goes on at the start of the line
    return lines


def _fits(line: str, width: int) -> bool:
    return cell_len(line) <= width
