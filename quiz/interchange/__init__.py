"""Questions in other formats: importers that make packs of them, exporters that write packs out.

Each format is one module with ``read(text, path) -> Imported`` (and, when it reads the
bytes itself or a folder too, ``read_path(path) -> Imported``) and, where the game can
write it back, ``write(pack) -> Exported``. Modules are named here and imported on demand
so that ``quiz --help`` stays fast.
"""

from __future__ import annotations

import importlib
import re
from types import ModuleType

IMPORTERS = {
    "opentdb": "quiz.interchange.opentdb",
    "red": "quiz.interchange.red",
    "csv": "quiz.interchange.csvsheet",
    "anki": "quiz.interchange.anki",
    "gift": "quiz.interchange.gift",
    "opentriviaqa": "quiz.interchange.opentriviaqa",
}
EXPORTERS = ("csv", "gift", "opentdb")

ANKI_HEADERS = ("#separator:", "#html:", "#columns:", "#notetype", "#deck", "#tags", "#guid")
GIFT_MARKS = re.compile(r"^\s*::.*?::|\{\s*(?:[=~#]|T\s*\}|F\s*\}|TRUE|FALSE)", re.MULTILINE)
# A Red list: a key alone on its line, then a list item.
RED_ENTRY = re.compile(r"^[^\s#-][^\n]*:[ \t]*\n[ \t]*- ", re.MULTILINE)


def format_module(name: str) -> ModuleType:
    return importlib.import_module(IMPORTERS[name])


def guess_format(text: str) -> str | None:
    """The format a file looks like at a glance, to name it when the player named another."""
    start = text.lstrip()
    first_line = start.split("\n", 1)[0]
    if start.startswith("{") and '"results"' in text:
        return "opentdb"
    if start.startswith("#Q"):  # an OpenTriviaQA category file's first question
        return "opentriviaqa"
    if first_line.startswith(ANKI_HEADERS):
        return "anki"
    if GIFT_MARKS.search(text):
        return "gift"
    if RED_ENTRY.search(start):
        return "red"
    if "\t" in first_line:
        return "anki"
    if "," in first_line or ";" in first_line:
        return "csv"
    return None
