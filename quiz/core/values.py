"""Values as written in articles, sheets and packs: dates, whole numbers, names in quotes.

In core because the draw reads them too (which choices are ordered, what a shown text gives
away), not only the fact sheets."""

from __future__ import annotations

import calendar
import datetime
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from quiz.core.text import normalize_answer


@dataclass(frozen=True, slots=True)
class CalendarDate:
    """A day of the year, with the year only when the article gives one."""

    year: int | None
    month: int
    day: int


MONTHS = tuple(calendar.month_name)[1:]
# A leap year, so that February 29 exists when the article gives no year.
_ANY_YEAR = 2000

_MONTH_NAMES = {name.lower(): number for number, name in enumerate(MONTHS, start=1)}
_MONTH_NAMES.update({name[:3].lower(): number for number, name in enumerate(MONTHS, start=1)})
_MONTH_NAMES["sept"] = 9
_MONTH = "(" + "|".join(sorted(_MONTH_NAMES, key=len, reverse=True)) + r")\.?"
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(\d{4}))?"
_MONTH_DAY = re.compile(rf"\b{_MONTH}\s+{_DAY}\b{_YEAR}", re.IGNORECASE)
_DAY_MONTH = re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}(?![a-z]){_YEAR}", re.IGNORECASE)
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")

_UNITS = [
    *("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
    *("eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen"),
    *("eighteen", "nineteen"),
]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_IRREGULAR_ORDINALS = {
    "one": "first",
    "two": "second",
    "three": "third",
    "five": "fifth",
    "eight": "eighth",
    "nine": "ninth",
    "twelve": "twelfth",
}
_NUMBER_WORDS = {word: value for value, word in enumerate(_UNITS)}
_NUMBER_WORDS.update({word: 20 + 10 * index for index, word in enumerate(_TENS)})
for _word, _value in list(_NUMBER_WORDS.items()):
    _regular = _word[:-1] + "ieth" if _word.endswith("y") else _word + "th"
    _NUMBER_WORDS[_IRREGULAR_ORDINALS.get(_word, _regular)] = _value
_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")
_DIGITS = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")
_QUOTE_MARKS = str.maketrans("‘’‚‛′“”„‟″", '\'\'\'\'""""""')
_SPACES = re.compile(r"\s+")
_TOKEN = re.compile(r"[^ ]+")
_WORD_RUN = re.compile(r"\w+")


def parse_date(text: str) -> CalendarDate | None:
    """A date such as "July 4", "4 July 1976", "July 4, 1976" or "1976-07-04"."""
    text = text.strip()
    found = next((d for d in dates_in(text) if _spans_all(text, d)), None)
    return found[0] if found else None


def _spans_all(text: str, found: tuple[CalendarDate, int, int]) -> bool:
    return found[1] == 0 and found[2] == len(text)


def dates_in(text: str) -> list[tuple[CalendarDate, int, int]]:
    """Every valid date written in ``text``, with where it starts and ends."""
    found = []
    for pattern, order in ((_MONTH_DAY, "md"), (_DAY_MONTH, "dm"), (_ISO, "iso")):
        for match in pattern.finditer(text):
            year: int | None
            if order == "iso":
                year, month, day = (int(group) for group in match.groups())
            else:
                month_text, day_text = match.group(1, 2) if order == "md" else match.group(2, 1)
                month, day = _MONTH_NAMES[month_text.lower()], int(day_text)
                year = int(match.group(3)) if match.group(3) else None
            date = CalendarDate(year, month, day)
            if is_valid(date):
                found.append((date, match.start(), match.end()))
    return found


def is_valid(date: CalendarDate) -> bool:
    try:
        as_datetime(date)
    except ValueError:
        return False
    return True


def as_datetime(date: CalendarDate) -> datetime.date:
    return datetime.date(date.year or _ANY_YEAR, date.month, date.day)


def from_datetime(value: datetime.date, with_year: bool) -> CalendarDate:
    return CalendarDate(value.year if with_year else None, value.month, value.day)


def format_date(date: CalendarDate) -> str:
    text = f"{MONTHS[date.month - 1]} {date.day}"
    return f"{text}, {date.year}" if date.year is not None else text


def date_spellings(date: CalendarDate) -> tuple[str, ...]:
    """Other ways a player may type the date ("Jan. 8", "8th January", with or without the
    year); the answer itself is ``format_date``, which the caller leaves out."""
    month = MONTHS[date.month - 1]
    short = month[:3]
    day, nth = str(date.day), ordinal(date.day)
    month_first = [f"{month} {day}", f"{month} {nth}"]
    if short != month:  # "May. 8" is no spelling, and "May 8" is there already
        month_first += [f"{short} {day}", f"{short}. {day}"]
    day_first = [f"{day} {month}", f"{nth} {month}", f"{nth} of {month}"]
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


def parse_integer(text: str) -> int | None:
    """A whole number of 0 or more in digits ("1,000" too); None for anything else."""
    text = text.strip()
    if not _DIGITS.fullmatch(text) or len(text) > 20:
        return None
    return int(text.replace(",", ""))


def numbers_in(text: str) -> set[int]:
    """Every whole number written in ``text``: digits, and words such as "six" or "sixth"."""
    found = {int(match.group().replace(",", "")) for match in _DIGITS.finditer(text)}
    for match in _WORD.finditer(text.lower()):
        parts = match.group().split("-")
        # "twenty-six" is one number; "six-episode" is a number and a word.
        if (
            len(parts) == 2
            and parts[0] in _TENS
            and _NUMBER_WORDS.get(parts[1], 10) in range(1, 10)
        ):
            found.add(_NUMBER_WORDS[parts[0]] + _NUMBER_WORDS[parts[1]])
            continue
        found.update(_NUMBER_WORDS[part] for part in parts if part in _NUMBER_WORDS)
    return found


def normalize_quote(text: str) -> str:
    """The form in which a quote is looked for in its article: any quote style, any spacing."""
    return _SPACES.sub(" ", text.translate(_QUOTE_MARKS)).strip()


class _WordIndex:
    """Where each word of a text starts, so that a phrase is looked for only where its
    rarest word stands, not by scanning the whole text again for every phrase."""

    def __init__(self, text: str, word: re.Pattern[str]) -> None:
        self._starts: dict[str, list[int]] = {}
        for match in word.finditer(text):
            self._starts.setdefault(match.group(), []).append(match.start())

    def phrase_starts(self, words: Sequence[re.Match[str]]) -> Iterator[int]:
        """Where the phrase could begin in the text: `words` are matches in the phrase, each
        of which must stand in the text as it does in the phrase."""
        rarest = min(words, key=lambda word: len(self._starts.get(word.group(), ())))
        offset = rarest.start()
        return (start - offset for start in self._starts.get(rarest.group(), ()) if start >= offset)


class Article:
    """An article in which many quotes are looked up, any quote style and spacing allowed."""

    def __init__(self, text: str) -> None:
        self.text = normalize_quote(text)
        self._index = _WordIndex(self.text, _TOKEN)

    def __contains__(self, quote: str) -> bool:
        quote = normalize_quote(quote)
        tokens = list(_TOKEN.finditer(quote))
        # Only words with a space on both sides are whole words of the article too.
        inner = tokens[1:-1]
        if not inner:
            return quote in self.text
        return any(self.text.startswith(quote, at) for at in self._index.phrase_starts(inner))


class Mentions:
    """The names a text mentions as whole words, ignoring case, accents and quote style.

    The text is normalised and its words indexed once, so that a long article can be asked
    about many names without being scanned again for each.
    """

    def __init__(self, text: str) -> None:
        self._text = _mention_form(text)
        self._index = _WordIndex(self._text, _WORD_RUN)

    def __contains__(self, name: str) -> bool:
        wanted = _mention_form(name)
        words = list(_WORD_RUN.finditer(wanted))
        if not words:  # empty, or signs only: no word to look it up by
            return _mentioned(self._text, wanted)
        # Where the name stands, each of its words stands whole.
        return any(
            _whole_words_at(self._text, wanted, at) for at in self._index.phrase_starts(words)
        )


def mentions(text: str, name: str) -> bool:
    """Whether ``text`` names ``name`` as whole words (for short texts such as quotes)."""
    return _mentioned(_mention_form(text), _mention_form(name))


def _mentioned(text: str, wanted: str) -> bool:
    start = text.find(wanted) if wanted else -1
    while start != -1:
        if _whole_words_at(text, wanted, start):
            return True
        start = text.find(wanted, start + 1)
    return False


def _whole_words_at(text: str, wanted: str, start: int) -> bool:
    end = start + len(wanted)
    return (
        text.startswith(wanted, start)
        and not _WORD_RUN.match(text[start - 1 : start] if start else "")
        and not _WORD_RUN.match(text[end : end + 1])
    )


def _mention_form(text: str) -> str:
    return normalize_answer(normalize_quote(text))
