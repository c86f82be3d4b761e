"""Text rules shared by every file the game reads and every answer it compares."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

# Overrides, embeddings and isolates can make a line display differently from what it says.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")

_SPACES = re.compile(r"\s+")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)")
# Long enough for any real measurement, short enough that no number is a denial of service.
MAX_NUMBER_CHARS = 40
_EDGE_PUNCTUATION = ".,;:!?\"'“”‘’"


# The characters unsafe_character refuses, as one search (category Cc but tab and line feed,
# the Unicode line separators, bidi controls, and Cs), instead of a look at each character.
_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)


def unsafe_character(text: str) -> tuple[int, str] | None:
    """The index and description of the first character that must not reach a terminal:
    a control character other than tab and line feed, a line or paragraph separator, a
    bidi override or isolate, or an unpaired surrogate."""
    match = _UNSAFE.search(text)
    if match is None:
        return None
    index, char = match.start(), match.group()
    if char in BIDI_CONTROLS:
        return index, f"bidi control character U+{ord(char):04X}"
    if unicodedata.category(char) == "Cs":
        return index, f"unpaired surrogate U+{ord(char):04X}"
    return index, f"control character U+{ord(char):04X}"


def terminal_safe(text: str, escaped: str = "") -> str:
    """The text with each character a terminal would obey (and those in ``escaped``) as \\uXXXX.

    Every line that quotes a file, a file name, an argument or a player goes through here
    on its way to a terminal: an escape sequence or a bidi override in it shows as plain
    text instead of clearing the screen or reversing the line.
    """
    return "".join(
        f"\\u{ord(char):04x}" if char in escaped or unsafe_character(char) else char
        for char in text
    )


# Letters that are not a base letter with an accent, so NFKD leaves them as they are, but
# that people type as plain letters: "Lodz" for "Łódź", "Aero" for "Ærø".
_PLAIN_LETTERS = str.maketrans(
    {"ł": "l", "ø": "o", "æ": "ae", "œ": "oe", "ð": "d", "þ": "th", "đ": "d", "ħ": "h", "ı": "i"}
)


def normalize_answer(text: str) -> str:
    """The form in which two answers count as the same: no case, accents or extra spaces."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    # Translated after the accents are gone, so that "ǿ" (ø with an acute) is an o too.
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c)).translate(
        _PLAIN_LETTERS
    )
    return _SPACES.sub(" ", stripped).strip()


def typed_answer_key(text: str) -> str:
    """How a typed answer is compared with the accepted ones: as normalize_answer, and also
    ignoring punctuation at either end ("Paris." is "Paris") and reading "&" as "and"."""
    key = _SPACES.sub(" ", normalize_answer(text).replace("&", " and ")).strip()
    trimmed = key.strip(_EDGE_PUNCTUATION).strip()
    return trimmed or key  # an answer that is all punctuation is compared as it is


def parse_number(text: str) -> Decimal | None:
    """A decimal written in digits, or None; never raises, however long the text."""
    text = text.strip()
    if len(text) > MAX_NUMBER_CHARS or not _NUMBER.fullmatch(text):
        return None
    try:
        return Decimal(text)
    except InvalidOperation:  # pragma: no cover - the pattern admits only valid decimals
        return None


def display_width(text: str) -> int:
    """Columns the text takes in a terminal: wide East Asian characters take two, combining
    marks none."""
    return sum(
        0 if unicodedata.combining(char) else 2 if unicodedata.east_asian_width(char) in "WF" else 1
        for char in text
    )


# A spreadsheet runs a cell that starts with one of these as a formula; a leading ' stops it.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def defuse_formula(cell: str) -> str:
    """The cell as a spreadsheet shows it as text. One that already starts with ' before a
    formula character gets one more, so that restore_formula gives it back as it was."""
    return f"'{cell}" if cell.lstrip("'").startswith(FORMULA_STARTS) else cell


def restore_formula(cell: str) -> str:
    """The text defuse_formula was given."""
    defused = cell.startswith("'") and cell.lstrip("'").startswith(FORMULA_STARTS)
    return cell[1:] if defused else cell
