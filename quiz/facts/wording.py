"""Words of the messages about fact sheets: "an outlet", "1 fact", "2 entities"."""

from __future__ import annotations

_VOWELS = "aeiou"


def a(noun: str) -> str:
    """The noun with its indefinite article: "a person", "an outlet" (by spelling, which
    is right for the entity types and value kinds a sheet names)."""
    return f"{'an' if noun[:1].lower() in _VOWELS else 'a'} {noun}"


def count(number: int, noun: str) -> str:
    """ "1 fact", "2 facts", "1 entity", "3 entities"."""
    if number == 1:
        return f"1 {noun}"
    plural = noun[:-1] + "ies" if noun.endswith("y") and noun[-2:-1] not in _VOWELS else noun + "s"
    return f"{number} {plural}"
