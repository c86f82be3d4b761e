"""Dates as articles write them: a day ("May 8", "May 8, 1999"), a month ("March
1999") or a year ("1776"), read, spelled and turned into the days they cover."""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass
from typing import Literal

Precision = Literal["day", "month", "year"]


@dataclass(frozen=True, slots=True)
class CalendarDate:
    """A day (month and day, with the year when the article gives one), a month (year and
    month) or a year (the year alone), as precise as the article is."""

    year: int | None
    month: int | None
    day: int | None

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"


MONTHS = tuple(calendar.month_name)[1:]
# A leap year, so that February 29 exists when the article gives no year.
ANY_YEAR = 2000
# A year written alone is a date only in this range: "1200 fans" is not the year 1200
# to a reader, "3000 light organs" never a year.
YEARS = range(1500, 2200)

_MONTH_NAMES = {name.lower(): number for number, name in enumerate(MONTHS, start=1)}
_MONTH_NAMES.update({name[:3].lower(): number for number, name in enumerate(MONTHS, start=1)})
_MONTH_NAMES["sept"] = 9
_MONTH = "(" + "|".join(sorted(_MONTH_NAMES, key=len, reverse=True)) + r")\.?"
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(\d{4}))?"
_MONTH_DAY = re.compile(rf"\b{_MONTH}\s+{_DAY}\b{_YEAR}", re.IGNORECASE)
_DAY_MONTH = re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}(?![a-z]){_YEAR}", re.IGNORECASE)
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_MONTH_YEAR = re.compile(rf"\b{_MONTH},?\s+(\d{{4}})\b", re.IGNORECASE)
# Not a piece of a decimal or of a number with thousands separators ("1,1776", "1776.5").
_YEAR_ALONE = re.compile(r"(?<![\d.,])\b(\d{4})\b(?![.,]\d)")
_FOUR_DIGITS = re.compile(r"\d{4}")

Found = tuple[CalendarDate, int, int]


def parse_date(text: str) -> CalendarDate | None:
    """A date such as "July 4", "4 July 1976", "July 4, 1976", "1976-07-04", "July 1976"
    or "1976"."""
    text = text.strip()
    if _FOUR_DIGITS.fullmatch(text):  # a year alone, whatever the range dates_in reads
        year = CalendarDate(int(text), None, None)
        return year if is_valid(year) else None
    found = next((d for d in dates_in(text) if d[1] == 0 and d[2] == len(text)), None)
    return found[0] if found else None


def dates_in(text: str) -> list[Found]:
    """Every valid date written in ``text``, with where it starts and ends; a date inside a
    longer one ("March 1999" in "8 March 1999") is not found again on its own."""
    found: list[Found] = []
    for pattern, order in ((_MONTH_DAY, "md"), (_DAY_MONTH, "dm"), (_ISO, "iso")):
        for match in pattern.finditer(text):
            year: int | None
            if order == "iso":
                year, month, day = (int(group) for group in match.groups())
            else:
                month_text, day_text = match.group(1, 2) if order == "md" else match.group(2, 1)
                month, day = _MONTH_NAMES[month_text.lower()], int(day_text)
                year = int(match.group(3)) if match.group(3) else None
            _keep(found, CalendarDate(year, month, day), match)
    for match in _MONTH_YEAR.finditer(text):
        _keep(
            found,
            CalendarDate(int(match.group(2)), _MONTH_NAMES[match.group(1).lower()], None),
            match,
        )
    for match in _YEAR_ALONE.finditer(text):
        if int(match.group(1)) in YEARS:
            _keep(found, CalendarDate(int(match.group(1)), None, None), match)
    return sorted(found, key=lambda item: item[1])


def _keep(found: list[Found], date: CalendarDate, match: re.Match[str]) -> None:
    start, end = match.span()
    inside = any(other[1] <= start and end <= other[2] for other in found)
    if is_valid(date) and not inside:
        found.append((date, start, end))


def is_valid(date: CalendarDate) -> bool:
    """A real day, month or year, with exactly the parts its precision has."""
    if date.day is not None:
        if date.month is None:
            return False
        try:
            as_datetime(date)
        except ValueError:
            return False
        return True
    if date.year is None or not datetime.MINYEAR <= date.year <= datetime.MAXYEAR:
        return False
    return date.month is None or 1 <= date.month <= 12


def as_datetime(date: CalendarDate) -> datetime.date:
    """The day of a day date (a year-less one in the leap year 2000)."""
    if date.month is None or date.day is None:
        raise ValueError(f"{format_date(date)} is not a day")
    return datetime.date(date.year or ANY_YEAR, date.month, date.day)


def from_datetime(value: datetime.date, with_year: bool) -> CalendarDate:
    return CalendarDate(value.year if with_year else None, value.month, value.day)


def first_day(date: CalendarDate) -> datetime.date:
    """The first day the date covers: the day itself, the 1st of the month, January 1."""
    year = date.year or ANY_YEAR
    if date.day is not None:
        return as_datetime(date)
    return datetime.date(year, date.month or 1, 1)


def last_day(date: CalendarDate) -> datetime.date:
    """The last day the date covers: the day itself, the end of the month, December 31."""
    year = date.year or ANY_YEAR
    if date.day is not None:
        return as_datetime(date)
    month = date.month or 12
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


def format_date(date: CalendarDate) -> str:
    """ "May 8", "May 8, 1999", "March 1999" or "1776"."""
    if date.month is None:
        return str(date.year)
    month = MONTHS[date.month - 1]
    if date.day is None:
        return f"{month} {date.year}"
    text = f"{month} {date.day}"
    return f"{text}, {date.year}" if date.year is not None else text


def date_spellings(date: CalendarDate) -> tuple[str, ...]:
    """Other ways a player may type the date ("Jan. 8", "8th January", with or without the
    year; "Mar 1999"); the answer itself is ``format_date``, which the caller leaves out."""
    if date.month is None:
        return ()
    month = MONTHS[date.month - 1]
    short = month[:3]
    # "May. 8" is no spelling, and "May 8" is there already
    months = [month, short, f"{short}."] if short != month else [month]
    if date.day is None:
        spellings = [f"{name} {date.year}" for name in months] + [f"{month}, {date.year}"]
        return tuple(text for text in spellings if text != format_date(date))
    day, nth = str(date.day), ordinal(date.day)
    month_first = [f"{month} {day}", f"{month} {nth}"]
    if short != month:
        month_first += [f"{short} {day}", f"{short}. {day}"]
    day_first = [f"{day} {month}", f"{nth} {month}", f"{nth} of {month}"]
    if short != month:
        day_first += [f"{day} {short}", f"{nth} {short}"]
    spellings = [*month_first, *day_first]
    if date.year is not None:
        year = date.year
        spellings += [f"{text}, {year}" for text in month_first]
        spellings += [f"{text} {year}" for text in (*month_first, *day_first)]
        spellings.append(f"{year}-{date.month:02}-{date.day:02}")
    answer = format_date(date)
    return tuple(text for text in spellings if text != answer)


def ordinal(number: int) -> str:
    """1st, 2nd, 3rd, 4th ... 11th, 12th, 13th ... 21st."""
    suffix = (
        "th" if number % 100 in (11, 12, 13) else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return f"{number}{suffix}"


def date_order(date: CalendarDate, with_year: bool = True) -> tuple[int, int, int]:
    """Dates in calendar order, a month or year date at its start; year-less dates (or all
    dates, ``with_year=False``, when some of those compared lack one) in one year."""
    year = date.year if with_year else None
    return (year or 0, date.month or 0, date.day or 0)
