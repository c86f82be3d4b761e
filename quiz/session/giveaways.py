"""Give-aways: a question whose answer a round has already shown.

After each answer a round shows the question's explanation and evidence quote, and those
often name other questions' answers ("Ann (played by Jo Lee) ..." before "Who plays Ann?").
What counts as shown: the prompt, the explanation and the evidence of every earlier question.
A choice, typed or number question is given away when its answer (or an accepted form)
stands in shown text as whole words; a number as a number, in digits or words, within the
question's tolerance; a date as the same date in any spelling. Any question with evidence is
given away when one of its quotes was already shown in full, or holds a shown quote (of
SHOWN_PIECE_WORDS words or more) within it: "director and writer Ann Lee" shown gives
away "director and writer Ann Lee said ...".

`given_away` reads the shown texts one by one (the reference, for rounds of ordinary
length); `Shown` indexes them, so that the draw can test thousands of candidates quickly.
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from quiz.core.model import Question, QuestionType
from quiz.core.text import normalize_answer
from quiz.core.values import (
    CalendarDate,
    dates_in,
    mentions,
    normalize_quote,
    numbers_in,
    parse_date,
)
from quiz.session.answers import read_number

QUOTE_SEPARATOR = " … "  # how the generator joins several quotes of one fact
_WORD = re.compile(r"\w+")
_ANSWERED = (QuestionType.CHOICE, QuestionType.TEXT, QuestionType.NUMBER)
# A shown "yes" or "no" ("Yes, she said") answers no yes/no question.
_YES_NO = frozenset({"yes", "no"})

# A date's fields: (year, month, day), each None where the date does not give it.
DateKey = tuple[int | None, int | None, int | None]


# A shown text this long, found inside a quote, is a piece of that quote already read.
SHOWN_PIECE_WORDS = 4


def shown_texts(question: Question) -> tuple[str, ...]:
    """What a round shows of a question: its prompt, and after the answer its explanation
    and evidence, quote by quote."""
    texts = (question.prompt, question.explain, *evidence_quotes(question))
    return tuple(text for text in texts if text)


def evidence_quotes(question: Question) -> tuple[str, ...]:
    return tuple(
        quote.strip() for quote in question.evidence.split(QUOTE_SEPARATOR) if quote.strip()
    )


@dataclass(frozen=True, slots=True)
class Target:
    """What a question must not find already shown: its answers read as numbers, dates or
    words, and its evidence quotes."""

    numbers: tuple[Decimal, ...]
    tolerance: Decimal
    dates: tuple[DateKey, ...]
    phrases: tuple[str, ...]  # answers as words, and the evidence quotes
    quotes: tuple[str, ...] = ()  # the evidence quotes, which hold no shown piece either

    @property
    def empty(self) -> bool:
        return not (self.numbers or self.dates or self.phrases)


def target(question: Question) -> Target:
    numbers: list[Decimal] = []
    dates: list[DateKey] = []
    phrases: list[str] = []
    if question.type in _ANSWERED:
        for text in dict.fromkeys((question.answer, *question.accept)):
            number = read_number(text)
            date = parse_date(text) if number is None else None
            if number is not None:
                numbers.append(number)
            elif date is not None:
                dates.append(_date_key(date))
            elif text.strip() and text.strip().lower() not in _YES_NO:
                phrases.append(_without_article(text))
    tolerance = question.tolerance if question.type is QuestionType.NUMBER else Decimal(0)
    quotes = evidence_quotes(question)
    phrases += quotes
    return Target(tuple(numbers), tolerance, tuple(dates), tuple(dict.fromkeys(phrases)), quotes)


def _without_article(text: str) -> str:
    """A shown "Crown" gives away "The Crown" (as a typed answer ignores a leading "The")."""
    words = text.strip()
    return words[4:].strip() or words if words.lower().startswith("the ") else words


def _date_key(date: CalendarDate) -> DateKey:
    return (date.year, date.month, date.day)


def _dates_and_numbers(text: str) -> tuple[list[DateKey], set[Decimal]]:
    """The dates in a text, and its numbers: outside the dates, and the dates' years
    ("March 3, 2021" holds the year 2021, but not a count of 3)."""
    found = dates_in(text) if _MAY_HOLD_DATE.search(text) else []
    rest, at = [], 0
    for _, start, end in sorted(found, key=lambda item: item[1]):
        rest.append(text[at:start] if start >= at else "")
        at = max(at, end)
    rest.append(text[at:])
    dates = [_date_key(date) for date, _, _ in found]
    numbers = {Decimal(number) for part in rest for number in _numbers_in(part)}
    numbers.update(Decimal(year) for year, _, _ in dates if year is not None)
    return dates, numbers


# A date names a month, or is written 1999-05-08: other texts are not read for dates.
_MAY_HOLD_DATE = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\d{4}-\d", re.IGNORECASE
)


def _numbers_in(text: str) -> set[Decimal]:
    """`numbers_in`, read only around the words that are or hold numbers (with a word on
    either side: "minus 3", "1.8 million"), which is most of a text left out."""
    words = text.split()
    near = [False] * len(words)
    for at, word in enumerate(words):
        if _holds_number(word):
            near[max(at - 1, 0) : at + 2] = [True] * (min(at + 2, len(words)) - max(at - 1, 0))
    found: set[Decimal] = set()
    run: list[str] = []
    for word, wanted in zip(words, near, strict=True):
        if wanted:
            run.append(word)
        elif run:
            found.update(Decimal(number) for number in numbers_in(" ".join(run)))
            run = []
    if run:
        found.update(Decimal(number) for number in numbers_in(" ".join(run)))
    return found


@lru_cache(maxsize=1 << 16)  # words repeat: most are looked at once
def _holds_number(word: str) -> bool:
    return any(char.isdigit() for char in word) or bool(numbers_in(word))


def _date_shown(wanted: DateKey, shown: DateKey) -> bool:
    """Whether a shown date gives the wanted one away: every field the answer gives, except
    that a day's year may be missing on either side ("March 3" is "March 3, 2021")."""
    year, month, day = wanted
    if month is None or day is None:  # a year, or a month of a year: the year must be there
        return year == shown[0] and (month is None or month == shown[1])
    return (month, day) == shown[1:] and (year is None or shown[0] in (None, year))


def given_away(question: Question, shown: Sequence[str]) -> str | None:
    """What of the question the shown texts already give (an answer or a quote), or None."""
    wanted = target(question)
    if wanted.empty:
        return None
    for text in shown:
        dates, numbers = _dates_and_numbers(text)
        for value in wanted.numbers:
            if any(abs(number - value) <= wanted.tolerance for number in numbers):
                return str(value)
        for date in wanted.dates:
            if any(_date_shown(date, seen) for seen in dates):
                return question.answer
        for phrase in wanted.phrases:
            if mentions(text, phrase):
                return phrase
        if _is_piece(text) and any(mentions(quote, text) for quote in wanted.quotes):
            return text
    return None


def _is_piece(text: str) -> bool:
    return len(_WORD.findall(text)) >= SHOWN_PIECE_WORDS


class Shown:
    """The texts a round has shown so far, indexed by word, number and date, so that a
    candidate is ruled in by set look-ups and its phrases are read only where all their
    words stand."""

    def __init__(self) -> None:
        self._texts: list[str] = []
        self._by_word: dict[str, set[int]] = {}
        self._numbers: set[Decimal] = set()
        self._sorted_numbers: list[Decimal] = []  # for answers with a tolerance
        self._days: dict[tuple[int, int], set[int | None]] = {}  # (month, day): years
        self._months: set[tuple[int, int]] = set()  # (year, month)
        self._years: set[int] = set()
        # Shown pieces by their first SHOWN_PIECE_WORDS words: a quote is read for them
        # only where it has those words in a row.
        self._pieces: dict[tuple[str, ...], list[str]] = {}

    def add(self, texts: Iterable[str]) -> None:
        for text in texts:
            index = len(self._texts)
            self._texts.append(text)
            words = _WORD.findall(_form(text))
            for word in set(words):
                self._by_word.setdefault(word, set()).add(index)
            if len(words) >= SHOWN_PIECE_WORDS:
                self._pieces.setdefault(tuple(words[:SHOWN_PIECE_WORDS]), []).append(text)
            dates, numbers = _dates_and_numbers(text)
            for number in numbers - self._numbers:
                insort(self._sorted_numbers, number)
            self._numbers |= numbers
            for year, month, day in dates:
                if month is not None and day is not None:
                    self._days.setdefault((month, day), set()).add(year)
                if year is not None:
                    self._years.add(year)
                    if month is not None:
                        self._months.add((year, month))

    def gives_away(self, question: Question) -> bool:
        wanted = target(question)
        if wanted.empty:
            return False
        if any(self._has_number(value, wanted.tolerance) for value in wanted.numbers):
            return True
        if any(self._has_date(date) for date in wanted.dates):
            return True
        if any(self._mentions(phrase) for phrase in wanted.phrases):
            return True
        return any(self._holds_piece(quote) for quote in wanted.quotes)

    def _holds_piece(self, quote: str) -> bool:
        """As `_is_piece` and `mentions` in `given_away`, by look-ups of the quote's runs."""
        words = _WORD.findall(_form(quote))
        for at in range(len(words) - SHOWN_PIECE_WORDS + 1):
            for piece in self._pieces.get(tuple(words[at : at + SHOWN_PIECE_WORDS]), ()):
                if mentions(quote, piece):
                    return True
        return False

    def _has_number(self, value: Decimal, tolerance: Decimal) -> bool:
        if value in self._numbers:
            return True
        if not tolerance:
            return False
        at = bisect_left(self._sorted_numbers, value - tolerance)
        return at < len(self._sorted_numbers) and self._sorted_numbers[at] <= value + tolerance

    def _has_date(self, date: DateKey) -> bool:
        """As `_date_shown`, by look-ups."""
        year, month, day = date
        if month is None or day is None:
            return (year, month) in self._months if month is not None else year in self._years
        years = self._days.get((month, day))
        return bool(years) and (year is None or None in years or year in years)  # type: ignore[operator]

    def _mentions(self, phrase: str) -> bool:
        words = _WORD.findall(_form(phrase))
        if not words:  # signs only: read every text
            return any(mentions(text, phrase) for text in self._texts)
        where = [self._by_word.get(word, set()) for word in words]
        if not all(where):
            return False
        # Only the texts that hold every word of the phrase are read.
        rarest, *others = sorted(where, key=len)
        texts = set(rarest).intersection(*others) if others else rarest
        return any(mentions(self._texts[index], phrase) for index in texts)


def _form(text: str) -> str:
    return normalize_answer(normalize_quote(text))
