"""Text rules shared by every file the game reads and every answer it compares."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

from quiz.core.limits import LONGEST_NAME

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


# Invisible format characters (Unicode category Cf: the soft hyphen, zero-width spaces,
# word joiners, bidi marks, the byte order mark...), which make two texts look alike on
# screen. Left alone: the zero-width joiner and the tag characters, which emoji sequences
# (families, flags of regions) are made of.
FORMAT_CHARACTERS = (
    "\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b\u200c"
    "\u200e\u200f\u2060-\u2064\u206a-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd"
    "\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001"
)
_FORMAT = re.compile(f"[{FORMAT_CHARACTERS}]")
# What terminal_safe escapes: what unsafe_character refuses, and the format characters.
_NOT_FOR_SCREEN = re.compile(f"{_UNSAFE.pattern[:-1]}{FORMAT_CHARACTERS}]")


def terminal_safe(text: str, escaped: str = "") -> str:
    """The text with each character a terminal would obey or hide (and those in ``escaped``)
    written as an escape, \\u001b (\\ud834\\udd73 beyond U+FFFF, as JSON writes it).

    Every line that quotes a file, a file name, an argument or a player goes through here
    on its way to a terminal: an escape sequence or a bidi override in it shows as plain
    text instead of clearing the screen or reversing the line, and an invisible character
    shows instead of making two texts look alike.
    """
    pattern = _NOT_FOR_SCREEN
    if escaped:
        pattern = re.compile(f"{_NOT_FOR_SCREEN.pattern[:-1]}{re.escape(escaped)}]")
    return pattern.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    """As JSON writes it, so that a JSON document stays JSON: a character beyond U+FFFF
    as its two surrogates."""
    code = ord(match.group())
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


# Letters that are not a base letter with an accent, so NFKD leaves them as they are, but
# that people type as plain letters: "Lodz" for "Łódź", "Aero" for "Ærø".
_PLAIN_LETTERS = str.maketrans(
    {"ł": "l", "ø": "o", "æ": "ae", "œ": "oe", "ð": "d", "þ": "th", "đ": "d", "ħ": "h", "ı": "i"}
)


def normalize_answer(text: str) -> str:
    """The form in which two answers count as the same: no case, accents, extra spaces or
    invisible format characters ("Par\\u00adis" is "Paris")."""
    if text.isascii():  # most answers: no accents, no letters to spell plainly, no Cf
        return _SPACES.sub(" ", text.lower()).strip()
    decomposed = unicodedata.normalize("NFKD", _FORMAT.sub("", text.casefold()))
    # Translated after the accents are gone, so that "ǿ" (ø with an acute) is an o too.
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c)).translate(
        _PLAIN_LETTERS
    )
    return _SPACES.sub(" ", stripped).strip()


def typed_answer_key(text: str) -> str:
    """How a typed answer is compared with the accepted ones: as normalize_answer, and also
    ignoring punctuation at either end ("Paris." is "Paris"), reading "&" as "and", and
    ignoring a leading "The" ("the Beatles" is "Beatles")."""
    key = _SPACES.sub(" ", normalize_answer(text).replace("&", " and ")).strip()
    trimmed = key.strip(_EDGE_PUNCTUATION).strip()
    if trimmed.startswith("the "):
        trimmed = trimmed[4:].lstrip(_EDGE_PUNCTUATION + " ")
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


def has_lone_surrogate(text: str) -> bool:
    """Whether the text holds what no UTF-8 file can: an unpaired surrogate, which is how
    undecodable bytes (of a command line, a file name) reach Python."""
    return any("\ud800" <= char <= "\udfff" for char in text)


def clean_player_name(text: str) -> str | None:
    """The name trimmed of surrounding spaces; None when empty or over LONGEST_NAME
    characters, or holding a lone surrogate (it cannot be stored).

    Any script is welcome. Control characters and markup are kept as typed: whoever
    shows a name shows it as plain text (terminal_safe).
    """
    name = text.strip()
    if not 1 <= len(name) <= LONGEST_NAME or has_lone_surrogate(name):
        return None
    return name
