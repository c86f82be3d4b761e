"""The characters that never reach the terminal: one search finds what a look at each
character by its Unicode category would."""

from __future__ import annotations

import unicodedata

from hypothesis import example, given
from hypothesis import strategies as st

from quiz.core.text import BIDI_CONTROLS, unsafe_character


def by_category(text: str) -> tuple[int, str] | None:
    """The rule as the README states it, one character at a time."""
    for index, char in enumerate(text):
        if char in "\n\t":
            continue
        if char in BIDI_CONTROLS:
            return index, f"bidi control character U+{ord(char):04X}"
        category = unicodedata.category(char)
        if category == "Cc" or char in "\u2028\u2029":
            return index, f"control character U+{ord(char):04X}"
        if category == "Cs":
            return index, f"unpaired surrogate U+{ord(char):04X}"
    return None


any_character = st.characters(exclude_categories=())  # surrogates included


@given(st.text(any_character, max_size=40))
@example("plain text, tab\tand new line\n")
@example("carriage\rreturn")
@example("escape \x1b[2J")
@example("delete \x7f and C1 \x85 \x9f")
@example("line\u2028paragraph\u2029")
@example("bidi \u202e and isolate \u2066")
@example("lone \ud800 surrogate")
@example("emoji \U0001f600 and no-break\u00a0space, zero width \u200b")
def test_one_search_finds_what_the_categories_say(text: str) -> None:
    assert unsafe_character(text) == by_category(text)


def test_every_code_point_of_the_basic_plane() -> None:
    """Every control, separator, bidi control and surrogate is in it; the planes above
    hold none."""
    for code in range(0x10000):
        char = chr(code)
        assert unsafe_character(char) == by_category(char), hex(code)
