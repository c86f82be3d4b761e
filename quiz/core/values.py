"""Values as written in articles, sheets and packs: dates, numbers, names in quotes.

In core because the draw reads them too (which choices are ordered, what a shown text gives
away), not only the fact sheets. Dates and numbers have their own modules (quiz.core.dates,
quiz.core.numbers); this one gathers them with the names and quotes found in texts."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from quiz.core.dates import (
    ANY_YEAR,
    MONTHS,
    CalendarDate,
    Precision,
    as_datetime,
    date_order,
    date_spellings,
    dates_in,
    first_day,
    format_date,
    from_datetime,
    is_valid,
    last_day,
    ordinal,
    parse_date,
)
from quiz.core.numbers import (
    APPROXIMATE_WORDS,
    about_tolerance,
    numbers_in,
    parse_decimal,
    parse_integer,
    plain_decimal,
    split_approximate,
)
from quiz.core.text import normalize_answer

__all__ = [
    "ANY_YEAR",
    "APPROXIMATE_WORDS",
    "MONTHS",
    "Article",
    "CalendarDate",
    "Mentions",
    "Precision",
    "about_tolerance",
    "as_datetime",
    "date_order",
    "date_spellings",
    "dates_in",
    "first_day",
    "format_date",
    "from_datetime",
    "is_valid",
    "last_day",
    "mentions",
    "normalize_quote",
    "numbers_in",
    "ordinal",
    "parse_date",
    "parse_decimal",
    "parse_integer",
    "plain_decimal",
    "split_approximate",
]

_QUOTE_MARKS = str.maketrans("‘’‚‛′“”„‟″", '\'\'\'\'""""""')
_SPACES = re.compile(r"\s+")
_TOKEN = re.compile(r"[^ ]+")
_WORD_RUN = re.compile(r"\w+")


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
