"""Small words of messages: "an outlet", "1 fact", "2 entities", one full stop."""

from __future__ import annotations

import re

_VOWELS = "aeiou"


def a(noun: str) -> str:
    """The noun with its indefinite article: "a person", "an outlet" (by spelling, which
    is right for the entity types and value kinds a sheet names)."""
    starts_with_vowel = bool(noun) and noun[0].lower() in _VOWELS
    return f"{'an' if starts_with_vowel else 'a'} {noun}"


def count(number: int, noun: str) -> str:
    """ "1 fact", "2 facts", "1 entity", "3 entities"."""
    if number == 1:
        return f"1 {noun}"
    plural = noun[:-1] + "ies" if noun.endswith("y") and noun[-2:-1] not in _VOWELS else noun + "s"
    return f"{number} {plural}"


_SENTENCE_ENDS = (".", "!", "?", "…")


def sentence(text: str) -> str:
    """The text ending as a sentence does, with one full stop: "Dr. No." is not "Dr. No..",
    and "Who?" stays "Who?"."""
    text = text.rstrip()
    return text if text.endswith(_SENTENCE_ENDS) else text + "."


# Slips that filled-in phrasings make: "a outlet", "an person", "Paris..", "in  1999".
# Judged by spelling where spelling decides: words that sound otherwise ("a one", "a euro",
# "a unit", "an hour") and acronyms ("an FBI agent", "a NASA probe") are left alone.
_SLIPS = (
    (re.compile(r"\b[Aa] (?=(?:[aiAI]|[eE](?!u)|[oO](?!n[ce]))[a-z])"), "'a' before a vowel"),
    (
        re.compile(r"\b[Aa]n (?=[bcdfgjklmnpqrstvwxyzBCDFGJKLMNPQRSTVWXYZ][a-z])"),
        "'an' before a consonant",
    ),
    (re.compile(r"(?<!\.)\.\.(?!\.)"), "a doubled full stop"),
    (re.compile(r"\S {2,}\S"), "a doubled space"),
    (re.compile(r"\s[.,;:!?](?:\s|$)"), "a space before punctuation"),
)


def wording_slip(text: str) -> str | None:
    """The first slip of written English in ``text``, quoted where it is; None if none."""
    for pattern, slip in _SLIPS:
        found = pattern.search(text)
        if found:
            start = max(0, found.start() - 12)
            return f"{slip}: '...{text[start : found.end() + 12]}...'"
    return None
