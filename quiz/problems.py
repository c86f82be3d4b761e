"""Problems found in a user's file, reported as ``path:line:col: message``."""

from __future__ import annotations

from dataclasses import dataclass

# Enough to fix a file in one pass without flooding the terminal.
MAX_PROBLEMS = 50


@dataclass(frozen=True, slots=True)
class Problem:
    path: str
    line: int  # 1-based
    column: int  # 1-based
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.message}"

    def as_json(self) -> dict[str, str | int]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "message": self.message,
        }


class LoadError(Exception):
    """A file could not be used; ``problems`` says every reason found, in file order."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=lambda p: (p.path, p.line, p.column))[:MAX_PROBLEMS]
        super().__init__("\n".join(str(p) for p in self.problems))


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
