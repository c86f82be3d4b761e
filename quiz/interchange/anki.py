"""Anki's plain-text export ("Notes in Plain Text"): one note a line, front then back.

    #separator:tab
    #html:true
    #tags column:3
    What is the capital of France?<br>(one word)	Paris	geography

The ``#`` header lines are honoured: separator, html, tags, deck, columns, and the
guid, notetype, deck and tags columns, which are not question text. Each note becomes
a text question whose answer is its back, with HTML stripped to text.
"""

from __future__ import annotations

import csv
import re

from quiz.core.model import Question, QuestionType
from quiz.interchange.files import csv_reader
from quiz.interchange.htmltext import EntityError, strip_html
from quiz.interchange.result import Collector, Imported

SEPARATORS = {
    "tab": "\t",
    "comma": ",",
    "semicolon": ";",
    "space": " ",
    "pipe": "|",
    "colon": ":",
}
# Headers naming a column (1-based) that holds something other than a field.
NOT_FIELD_COLUMNS = ("guid column", "notetype column", "deck column", "tags column")
KNOWN_HEADERS = ("separator", "html", "tags", "deck", "notetype", "columns", "if matches")
_HEADER = re.compile(r"#([a-z ]+):(.*)")
_MEDIA = re.compile(r"\[sound:[^\]]*\]")
_CLOZE = re.compile(r"\{\{c\d+::")


class _Settings:
    def __init__(self) -> None:
        self.separator = ""
        self.html = True
        self.tags: tuple[str, ...] = ()
        self.deck = ""
        self.columns: dict[str, int] = {}  # a NOT_FIELD_COLUMNS name -> 0-based index


def read(text: str, path: str) -> Imported:
    found = Collector(path)
    lines = text.splitlines()
    settings = _Settings()
    body_start = 0
    while body_start < len(lines) and (header := _HEADER.fullmatch(lines[body_start].strip())):
        body_start += 1
        _header(body_start, header.group(1).strip(), header.group(2).strip(), settings, found)
    body = lines[body_start:]
    if not settings.separator:
        first = next((line for line in body if line.strip()), "")
        settings.separator = next((sep for sep in "\t;," if sep in first), "\t")
    if found.problems.items:
        return found.finish()
    _notes(body, body_start, settings, found)
    return found.finish(title=settings.deck)


def _header(line: int, key: str, value: str, settings: _Settings, found: Collector) -> None:
    if key == "separator":
        separator = SEPARATORS.get(value.lower(), value if len(value) == 1 else "")
        if not separator or separator in '"\r\n':
            found.error(line, f"unknown separator '{value}' (use one of {', '.join(SEPARATORS)})")
        settings.separator = separator
    elif key == "html":
        if value.lower() not in ("true", "false"):
            found.error(line, f"#html is true or false, not '{value}'")
        settings.html = value.lower() == "true"
    elif key == "tags":
        settings.tags = tuple(value.split())
    elif key == "deck":
        settings.deck = value
    elif key in NOT_FIELD_COLUMNS:
        if not value.isdigit() or int(value) < 1:
            found.error(line, f"#{key} is a column number from 1, not '{value}'")
            return
        settings.columns[key] = int(value) - 1
    elif key not in KNOWN_HEADERS:
        found.warn(line, f"header '#{key}' is not used here")


def _notes(body: list[str], offset: int, settings: _Settings, found: Collector) -> None:
    reader = csv_reader("\n".join(body), settings.separator)
    start = 1
    try:
        for cells in reader:
            line = offset + start
            start = reader.line_num + 1
            if not any(cell.strip() for cell in cells) or cells[0].startswith("#"):
                continue
            _note(line, cells, settings, found)
    except csv.Error as error:
        found.error(offset + start, f"malformed line: {error}")


def _note(line: int, cells: list[str], settings: _Settings, found: Collector) -> None:
    not_fields = set(settings.columns.values())
    fields = [cell for index, cell in enumerate(cells) if index not in not_fields]
    if len(fields) < 2:
        shown = repr(settings.separator) if settings.separator != "\t" else "a tab"
        found.error(line, f"no back: a note is its front, {shown}, then its back")
        return
    tags_at = settings.columns.get("tags column")
    tags = cells[tags_at].split() if tags_at is not None and tags_at < len(cells) else []
    if _CLOZE.search(fields[0]):
        found.skip(line, "a cloze deletion cannot be played as a question")
        return
    try:
        front, back = (_text(field, settings.html) for field in fields[:2])
    except EntityError as error:
        found.error(line, f"HTML does not decode: {error}")
        return
    if not front or not back:
        side = "front" if not front else "back"
        found.skip(line, f"the {side} has no text (only pictures or sounds?)")
        return
    question = Question(
        id="",
        type=QuestionType.TEXT,
        prompt=front,
        answer=back,
        tags=tuple(dict.fromkeys((*settings.tags, *tags))),
    )
    found.add(line, question)


def _text(field: str, html: bool) -> str:
    field = _MEDIA.sub("", field)
    return strip_html(field) if html else field.strip()
