"""Spreadsheets saved as CSV: the Kahoot-style sheet, and a plain question,answer,wrong... sheet.

Kahoot-style: a header row with Question, Answer 1 to Answer 4 (or more), Time limit and
Correct answer(s), matched loosely ("Question - max 120 characters" is Question); rows
above the header, such as a title, are ignored. Plain: ``question,answer[,wrong...]``
with an optional header row; a row with wrong answers is a choice question, an answer
of true or false alone is a true/false question, any other a text question.
"""

from __future__ import annotations

import csv
import io
import re
from decimal import Decimal

from quiz.core.limits import SECONDS_RANGE, playable_seconds
from quiz.core.model import Pack, Question, QuestionType
from quiz.core.text import defuse_formula, normalize_answer, parse_number, restore_formula
from quiz.interchange.files import csv_reader
from quiz.interchange.result import Collector, Exported, Imported

DELIMITERS = ",;\t"
# How far down a title block the Kahoot header row may be.
HEADER_SEARCH_ROWS = 20
_ANSWER_COLUMN = re.compile(r"answer\s*(\d+)")
_NUMBERS = re.compile(r"\d+(?:\s*[,;]\s*\d+)*")
TRUE_FALSE = ("true", "false")

Row = tuple[int, list[str]]


def read(text: str, path: str) -> Imported:
    found = Collector(path)
    first_line = text.lstrip().split("\n", 1)[0]
    likeliest = max(DELIMITERS, key=first_line.count)
    try:
        rows = _rows(text, likeliest)
    except _Malformed as error:
        found.error(error.line, f"malformed CSV: {error.reason}")
        return found.finish()
    kahoot = _kahoot_sheet(text, rows, likeliest)
    if kahoot is None:
        _plain(rows, found)
    else:
        sheet, header = kahoot
        _kahoot(sheet[header], sheet[header + 1 :], found)
        del sheet, kahoot
    del rows  # the cells, no longer needed while the questions are checked
    return found.finish()


def _kahoot_sheet(text: str, rows: list[Row], likeliest: str) -> tuple[list[Row], int] | None:
    """The sheet as the delimiter that finds a Kahoot header reads it, and the header's
    index; None for a plain sheet. A header cell may hold commas ("5, 10, 20 secs"), so a
    Kahoot header decides the delimiter; the others are tried on the first rows alone, and
    the whole sheet is read again only with the one that finds it."""
    for delimiter in (likeliest, *DELIMITERS.replace(likeliest, "")):
        try:
            head = rows if delimiter == likeliest else _rows(text, delimiter, HEADER_SEARCH_ROWS)
            header = next(
                (i for i, row in enumerate(head[:HEADER_SEARCH_ROWS]) if _is_kahoot(row[1])),
                None,
            )
            if header is not None:
                return (head if delimiter == likeliest else _rows(text, delimiter)), header
        except _Malformed:  # then this is not the sheet's delimiter
            continue
    return None


class _Malformed(Exception):
    def __init__(self, line: int, reason: str) -> None:
        self.line = line
        self.reason = reason


def _rows(text: str, delimiter: str, most: int | None = None) -> list[Row]:
    """Each row that has any text (the first ``most`` of them), with the line it starts on;
    cells stripped."""
    reader = csv_reader(text, delimiter)
    rows: list[Row] = []
    start = 1
    try:
        for cells in reader:
            stripped = [restore_formula(cell.strip()) for cell in cells]
            if any(stripped):
                rows.append((start, stripped))
                if most is not None and len(rows) >= most:
                    break
            start = reader.line_num + 1
    except csv.Error as error:
        raise _Malformed(start, str(error)) from None  # the row where it began
    return rows


def _key(cell: str) -> str:
    """A header cell without its hints: "Time limit (sec) – 5, 10" is "time limit"."""
    return " ".join(re.split(r"\s[-–—]\s|\(", cell.lower(), maxsplit=1)[0].split())


def _is_kahoot(cells: list[str]) -> bool:
    keys = [_key(cell) for cell in cells]
    return (
        any(key.startswith("question") for key in keys)
        and any(key.startswith("correct") for key in keys)
        and sum(bool(_ANSWER_COLUMN.fullmatch(key)) for key in keys) >= 2
    )


def _kahoot(header: Row, rows: list[Row], found: Collector) -> None:
    columns: dict[str, int] = {}
    answer_columns: dict[int, int] = {}
    for index, cell in enumerate(header[1]):
        key = _key(cell)
        answer = _ANSWER_COLUMN.fullmatch(key)
        if answer:
            answer_columns.setdefault(int(answer.group(1)), index)
        for name in ("question", "time", "correct"):
            if key.startswith(name):
                columns.setdefault(name, index)
    for line, cells in rows:
        cells = cells + [""] * (len(header[1]) - len(cells))
        answers = {n: cells[i] for n, i in sorted(answer_columns.items()) if cells[i]}
        prompt = cells[columns["question"]]
        if not prompt and not answers:
            continue  # a numbered but empty row of the template
        if not prompt:
            found.error(line, "missing the question")
            continue
        correct = _correct_numbers(line, cells[columns["correct"]], answers, found)
        if correct is None:
            continue
        if len(correct) > 1:
            numbers = ", ".join(str(n) for n in correct)
            found.skip(line, f"answers {numbers} are all correct: a choice question has one")
            continue
        time = _time(line, cells[columns["time"]] if "time" in columns else "", found)
        others = [text for number, text in answers.items() if number != correct[0]]
        found.add(line, _sheet_question(prompt, answers[correct[0]], others, time))


def _correct_numbers(
    line: int, cell: str, answers: dict[int, str], found: Collector
) -> list[int] | None:
    if not cell:
        found.error(line, "missing the correct answer's number")
        return None
    if not _NUMBERS.fullmatch(cell):
        found.error(line, f"the correct answer is given by number, such as 1 or 2,4; not '{cell}'")
        return None
    numbers = sorted({int(number) for number in re.findall(r"\d+", cell)})
    empty = [number for number in numbers if number not in answers]
    if empty:
        found.error(line, f"the correct answer {empty[0]} names an empty answer")
        return None
    return numbers


def _time(line: int, cell: str, found: Collector) -> Decimal | None:
    if not cell:
        return None
    seconds = parse_number(cell)
    if seconds is None or not playable_seconds(float(seconds)):
        found.warn(line, f"time limit '{cell}' is not a number of seconds {SECONDS_RANGE}")
        return None
    return seconds


def _sheet_question(prompt: str, answer: str, others: list[str], time: Decimal | None) -> Question:
    """True/false when the answers are just true and false; else choice, or text with no others."""
    kind = QuestionType.CHOICE if others else QuestionType.TEXT
    if len(others) <= 1 and {normalize_answer(t) for t in (answer, *others)} <= set(TRUE_FALSE):
        kind, answer, others = QuestionType.TRUEFALSE, answer.lower(), []
    return Question(id="", type=kind, prompt=prompt, answer=answer, wrong=tuple(others), time=time)


def _plain(rows: list[Row], found: Collector) -> None:
    if rows and _is_plain_header(rows[0][1]):
        rows = rows[1:]
    for line, cells in rows:
        if len(cells) < 2 or not cells[0] or not cells[1]:
            found.error(line, "each row needs a question, then its answer (question,answer)")
            continue
        wrong = [cell for cell in cells[2:] if cell]
        found.add(line, _sheet_question(cells[0], cells[1], wrong, None))


def _is_plain_header(cells: list[str]) -> bool:
    keys = [_key(cell) for cell in cells]
    return len(keys) >= 2 and keys[0].startswith("question") and keys[1].startswith("answer")


def write(pack: Pack) -> Exported:
    """The plain sheet: choice, true/false and text questions (without other accepted answers)."""
    rows: list[list[str]] = []
    lost: list[tuple[str, str]] = []
    for question in pack.questions:
        if question.type is QuestionType.NUMBER:
            lost.append((question.id, "the CSV sheet has no number questions"))
            continue
        if question.accept:
            lost.append((question.id, "its other accepted answers are left out"))
        answer = (
            str(question.truth).lower()
            if question.type is QuestionType.TRUEFALSE
            else question.answer
        )
        read_back = _sheet_question(question.prompt, answer, list(question.wrong), None)
        if read_back.type is not question.type:  # a text answer "True", say
            lost.append((question.id, f"the CSV sheet reads it back as {read_back.type}"))
        rows.append([question.prompt, answer, *question.wrong])
    widest = max((len(row) for row in rows), default=2)
    header = ["question", "answer", *(f"wrong {n}" for n in range(1, widest - 1))]
    out = io.StringIO()
    csv.writer(out).writerows([header, *([defuse_formula(text) for text in row] for row in rows)])
    return Exported(out.getvalue(), len(rows), tuple(lost))
