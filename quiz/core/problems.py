"""What a user can get wrong, and how the game says so.

A problem in a file is reported as ``path:line:col: message`` (``path:line: message`` for
formats without columns). Every error a user can cause and fix (a bad file, an output
that exists, an unknown id, a wrong option) is a UserError: it carries the lines that say
why and the exit code, and quiz.cli reports it in one place, on stderr.
"""

from __future__ import annotations

from dataclasses import dataclass

from quiz.core.limits import EXIT_PROBLEMS, EXIT_USAGE

# Enough to fix a file in one pass without flooding the terminal.
MAX_PROBLEMS = 50


@dataclass(frozen=True, slots=True)
class Problem:
    path: str
    line: int  # 1-based
    column: int  # 1-based; 0 for formats whose problems have no column
    message: str

    def __str__(self) -> str:
        if not self.column:
            return f"{self.path}:{self.line}: {self.message}"
        return f"{self.path}:{self.line}:{self.column}: {self.message}"

    def as_json(self) -> dict[str, str | int]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "message": self.message,
        }


class UserError(Exception):
    """Something the user can fix; the command stops, reporting ``lines()`` on stderr."""

    exit_code = EXIT_PROBLEMS

    def __init__(self, *lines: str) -> None:
        self._lines = list(lines)
        super().__init__("\n".join(lines))

    def lines(self) -> list[str]:
        return self._lines


class UsageError(UserError):
    """The command was called wrongly: options that do not go together, a bad id."""

    exit_code = EXIT_USAGE


class LoadError(UserError):
    """A file could not be used; ``problems`` says every reason found, in file order."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=lambda p: (p.path, p.line, p.column))[:MAX_PROBLEMS]
        super().__init__(*(str(problem) for problem in self.problems))


def file_error(path: str, line: int, message: str) -> LoadError:
    """The one problem that stops a file being read or written, at a line but no column."""
    return LoadError([Problem(path, line, 0, message)])


class ProblemList:
    """Collects problems for one file, so a loader can report them all at once."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.items: list[Problem] = []

    def add(self, line: int, column: int, message: str) -> None:
        self.items.append(Problem(self.path, line, column, message))

    def raise_if_any(self) -> None:
        if self.items:
            raise LoadError(self.items)
