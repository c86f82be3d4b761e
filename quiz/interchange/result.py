"""What an importer or exporter hands back: the questions taken, and what was left out and why."""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

from quiz.core.model import Question
from quiz.core.problems import ProblemList
from quiz.packs.format import QUESTION_ID
from quiz.packs.loader import refusals

# A question id may be longer, but a readable id is short.
MAX_ID_CHARS = 40


@dataclass(frozen=True, slots=True)
class Note:
    """A question skipped or worth a second look, at its line in the source file."""

    line: int
    message: str


@dataclass(frozen=True, slots=True)
class Imported:
    questions: tuple[Question, ...]
    skipped: tuple[Note, ...] = ()
    warnings: tuple[Note, ...] = ()
    # Pack fields the source file names, used unless the player gives their own.
    title: str = ""
    description: str = ""
    author: str = ""
    time: Decimal | None = None


@dataclass(frozen=True, slots=True)
class Exported:
    text: str
    count: int  # questions written
    # What the format cannot carry, by question id: whole questions or some of their fields.
    lost: tuple[tuple[str, str], ...] = ()


def slugify(text: str) -> str:
    """Lower-case ASCII words joined by '-': a valid pack id or question id, or ''."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:MAX_ID_CHARS].rstrip("-")


class Collector:
    """Gathers the questions of one file as an importer reads it.

    The questions are checked against the pack rules when the file is read, so one bad
    question is skipped with its reason while the rest are taken; malformed input is an
    error.
    """

    def __init__(self, path: str) -> None:
        self.problems = ProblemList(path)
        self.questions: list[Question] = []
        self.skipped: list[Note] = []
        self.warnings: list[Note] = []
        self._ids: set[str] = set()

    def error(self, line: int, message: str, column: int = 0) -> None:
        """Malformed input: nothing will be written. Column 0 means the format has none."""
        self.problems.add(line, column, message)

    def skip(self, line: int, reason: str) -> None:
        self.skipped.append(Note(line, reason))

    def warn(self, line: int, message: str) -> None:
        self.warnings.append(Note(line, message))

    def add(self, line: int, question: Question, name: str = "") -> None:
        """Take ``question`` (its id is chosen here, from ``name`` when it makes one)."""
        question = dataclasses.replace(question, id=self._unique_id(name), line=line)
        self._ids.add(question.id)
        self.questions.append(question)

    def finish(
        self, title: str = "", description: str = "", author: str = "", time: Decimal | None = None
    ) -> Imported:
        """The result; raises LoadError when any input was malformed."""
        self.problems.raise_if_any()
        # Each question on its own, by the loader's own rules: linear in the questions,
        # however many are refused.
        taken = []
        for question in self.questions:
            reasons = refusals(question)
            if reasons:
                self.skip(question.line, "; ".join(reasons))
            else:
                taken.append(question)
        self.questions = taken
        return Imported(
            questions=tuple(self.questions),
            skipped=tuple(sorted(self.skipped, key=lambda note: note.line)),
            warnings=tuple(self.warnings),
            title=title,
            description=description,
            author=author,
            time=time,
        )

    def _unique_id(self, name: str) -> str:
        base = name if name and QUESTION_ID.fullmatch(name) else slugify(name)
        base = base or f"q{len(self.questions) + 1}"
        candidate, counter = base, 2
        while candidate in self._ids:
            candidate, counter = f"{base}-{counter}", counter + 1
        return candidate
