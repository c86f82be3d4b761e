"""Numbers as articles write them: digits ("1,200", "38.5", "-3"), words ("six", "sixth",
"twice", "two hundred", "1.8 million", "minus three") and approximate values ("about 600")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

# "about 600": the value is 600, and a guess near it is right too (about_tolerance).
APPROXIMATE_WORDS = ("about", "around", "roughly", "nearly", "approximately")
_APPROXIMATE = re.compile(rf"({'|'.join(APPROXIMATE_WORDS)})\s+(.*)", re.IGNORECASE | re.DOTALL)

_SIGN = "[-\u2212]"  # a hyphen or the minus sign
_MAX_DIGITS = 40
_INTEGER = re.compile(rf"{_SIGN}?(?:\d{{1,3}}(?:,\d{{3}})+|\d+)")
_DECIMAL = re.compile(rf"{_INTEGER.pattern}(?:\.\d+)?")

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
_CARDINALS = {word: value for value, word in enumerate(_UNITS)}
_CARDINALS.update({word: 20 + 10 * index for index, word in enumerate(_TENS)})
_ORDINALS = {
    _IRREGULAR_ORDINALS.get(word, word[:-1] + "ieth" if word.endswith("y") else word + "th"): value
    for word, value in _CARDINALS.items()
}
_TIMES = {"once": 1, "twice": 2, "thrice": 3}
_MULTIPLIERS = {"dozen": 12, "thousand": 1000, "million": 10**6, "billion": 10**9}

# A number in digits (a sign only where no word or number runs into it: "2020-21" is not
# -21), a word with its hyphenated parts, or any other sign, which ends a number phrase.
_TOKEN = re.compile(
    rf"(?P<number>(?:(?<![\w.,)]){_SIGN})?(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?)"
    r"|(?P<word>[a-z]+(?:-[a-z]+)*)"
    r"|(?P<other>\S)"
)


def parse_integer(text: str) -> int | None:
    """A whole number in digits ("6", "1,000", "-3"); None for anything else."""
    text = text.strip()
    if len(text) > _MAX_DIGITS or not _INTEGER.fullmatch(text):
        return None
    return int(_plain_digits(text))


def parse_decimal(text: str) -> Decimal | None:
    """A number in digits ("38.5", "-3", "1,200.75"), kept as written: str() gives back
    "38.50" for "38.50"; None for anything else."""
    text = text.strip()
    if len(text) > _MAX_DIGITS or not _DECIMAL.fullmatch(text):
        return None
    return Decimal(_plain_digits(text))


def split_approximate(text: str) -> tuple[str, bool]:
    """``("600", True)`` for "about 600" (or around, roughly, nearly, approximately);
    ``(text, False)`` for a number given exactly."""
    match = _APPROXIMATE.fullmatch(text.strip())
    return (match.group(2).strip(), True) if match else (text.strip(), False)


def about_tolerance(value: Decimal | int) -> Decimal:
    """How far a guess may be from "about N": half the place value of N's last non-zero
    digit, or 5% of N when that is more (600: 50, 3000: 500, 38: 1.9, 4.2: 0.21)."""
    number = Decimal(value)
    if not number:
        return Decimal(0)
    exponent = number.normalize().as_tuple().exponent
    assert isinstance(exponent, int)  # a finite number
    half_place = Decimal(5).scaleb(exponent - 1)
    return plain_decimal(max(half_place, abs(number) * Decimal("0.05")))


def plain_decimal(number: Decimal) -> Decimal:
    """The number without trailing zeros or an exponent: 50, not 5E+1; 1.9, not 1.90."""
    if number == number.to_integral_value():
        return number.quantize(Decimal(1))
    return number.normalize()


def _plain_digits(text: str) -> str:
    return text.replace(",", "").replace("\u2212", "-")


@dataclass(frozen=True, slots=True)
class _Token:
    kind: str  # number, small, hundred, big, times, a, and, minus, other
    value: Decimal
    start: int
    end: int
    ordinal: bool = False


def numbers_in(text: str) -> set[Decimal]:
    """Every number written in ``text``: digits and decimals, negatives ("-3", "minus 3"),
    and words ("six", "sixth", "twenty-six", "twice", "a dozen", "two hundred and fifty",
    "three thousand"); "1.8 million" gives both 1.8 and 1,800,000. Whole numbers compare
    equal to them, so ``6 in numbers_in(text)`` asks whether the text says six."""
    return _Reader(_tokens(text.lower())).numbers()


def _tokens(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    for match in _TOKEN.finditer(text):
        start, end = match.span()
        if match.group("number"):
            tokens.append(_Token("number", Decimal(_plain_digits(match.group())), start, end))
        elif match.group("word"):
            tokens.extend(_word_tokens(match.group(), start, end))
        else:
            tokens.append(_Token("other", Decimal(0), start, end))
    return tokens


def _word_tokens(word: str, start: int, end: int) -> list[_Token]:
    parts = word.split("-")
    # "twenty-six" is one number; "six-episode" is a number and a word.
    if len(parts) == 2 and parts[0] in _TENS and parts[1] in _UNITS[1:10] + list(_ORDINALS)[1:10]:
        tens, unit = _CARDINALS[parts[0]], _word_token(parts[1], start, end)
        return [_Token("small", tens + unit.value, start, end, unit.ordinal)]
    return [_word_token(part, start, end) for part in parts]


def _word_token(word: str, start: int, end: int) -> _Token:
    if word in _CARDINALS:
        return _Token("small", Decimal(_CARDINALS[word]), start, end)
    if word in _ORDINALS:
        return _Token("small", Decimal(_ORDINALS[word]), start, end, ordinal=True)
    if word == "hundred":
        return _Token("hundred", Decimal(100), start, end)
    if word in _MULTIPLIERS:
        return _Token("big", Decimal(_MULTIPLIERS[word]), start, end)
    if word in _TIMES:
        return _Token("times", Decimal(_TIMES[word]), start, end)
    kind = word if word in ("a", "and", "minus") else "other"
    return _Token(kind, Decimal(0), start, end)


class _Reader:
    """Reads number phrases off the tokens. Every sign but a space is a token, so a phrase
    runs over words separated by spaces only: "two, three" is two numbers, "two hundred" one."""

    def __init__(self, tokens: list[_Token]) -> None:
        self.tokens = tokens

    def _is(self, at: int, *kinds: str) -> bool:
        return at < len(self.tokens) and self.tokens[at].kind in kinds

    def numbers(self) -> set[Decimal]:
        found: set[Decimal] = set()
        at = 0
        while at < len(self.tokens):
            sign = 1
            start = at
            if self._is(at, "minus") and self._is(at + 1, "number", "small", "hundred", "a", "big"):
                sign, start = -1, at + 1
            values, after = self._phrase(start)
            if not values:
                at += 1
                continue
            found.update(sign * value for value in values)
            at = after
        return found

    def _phrase(self, at: int) -> tuple[list[Decimal], int]:
        token = self.tokens[at]
        if token.kind == "number":
            values = [token.value]
            at += 1
            while self._is(at, "hundred", "big"):  # "1.8 million"
                values.append(plain_decimal(values[-1] * self.tokens[at].value))
                at += 1
            return values, at
        if token.kind == "times":
            return [token.value], at + 1
        total, seen = Decimal(0), False
        while True:
            group = self._group(at)
            if group is None:
                break
            value, at, ended = group
            seen = True
            if ended or not self._is(at, "big"):
                total += value
                break
            total += value * self.tokens[at].value  # "three thousand", "a dozen"
            at += 1
            if self._is(at, "and") and self._starts_group(at + 1):
                at += 1
            if not self._starts_group(at):
                break
        return ([total] if seen else []), at

    def _starts_group(self, at: int) -> bool:
        return self._is(at, "small", "hundred") or (
            self._is(at, "a") and self._is(at + 1, "hundred", "big")
        )

    def _group(self, at: int) -> tuple[Decimal, int, bool] | None:
        """A number below a thousand in words ("two hundred and fifty", "twenty six", "a
        hundred"), or 1 before a bare multiplier ("dozen"); its value, where it ends and
        whether it was an ordinal (which ends the phrase)."""
        if self._is(at, "a") and self._is(at + 1, "hundred", "big"):
            at += 1
        if self._is(at, "big"):
            return Decimal(1), at, False
        value = Decimal(0)
        if self._is(at, "small"):
            value, ended, at = self._below_hundred(at)
            if ended or not self._is(at, "hundred"):
                return value, at, ended
        if not self._is(at, "hundred"):
            return None
        value = (value or Decimal(1)) * 100
        at += 1
        if self._is(at, "and") and self._is(at + 1, "small"):
            at += 1
        if self._is(at, "small"):
            rest, ended, at = self._below_hundred(at)
            return value + rest, at, ended
        return value, at, False

    def _below_hundred(self, at: int) -> tuple[Decimal, bool, int]:
        token = self.tokens[at]
        value, ended, at = token.value, token.ordinal, at + 1
        tens = 20 <= value < 100 and value % 10 == 0 and not ended
        if tens and self._is(at, "small") and 1 <= self.tokens[at].value <= 9:  # "twenty six"
            value += self.tokens[at].value
            ended = self.tokens[at].ordinal
            at += 1
        return value, ended, at
