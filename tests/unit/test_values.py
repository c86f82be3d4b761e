"""Values as articles write them: dates of a day, a month or a year; decimals, negatives,
numbers in words; approximate numbers and the tolerance "about N" gives."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.core.values import (
    CalendarDate,
    about_tolerance,
    as_datetime,
    date_spellings,
    dates_in,
    first_day,
    format_date,
    is_valid,
    last_day,
    numbers_in,
    parse_date,
    parse_decimal,
    parse_integer,
    split_approximate,
)


@pytest.mark.parametrize(
    ("text", "date", "precision", "written"),
    [
        ("January 8", CalendarDate(None, 1, 8), "day", "January 8"),
        ("8 Jan 2026", CalendarDate(2026, 1, 8), "day", "January 8, 2026"),
        ("March 2026", CalendarDate(2026, 3, None), "month", "March 2026"),
        ("Sept. 2019", CalendarDate(2019, 9, None), "month", "September 2019"),
        ("March, 2026", CalendarDate(2026, 3, None), "month", "March 2026"),
        ("2020", CalendarDate(2020, None, None), "year", "2020"),
        ("1200", CalendarDate(1200, None, None), "year", "1200"),
    ],
)
def test_dates_of_a_day_a_month_or_a_year_read_and_print(
    text: str, date: CalendarDate, precision: str, written: str
) -> None:
    assert parse_date(text) == date
    assert date.precision == precision
    assert format_date(date) == written
    assert parse_date(written) == date


@pytest.mark.parametrize("text", ["March", "0000", "Smarch 2026", "2026 March", "20201"])
def test_what_is_no_date_is_refused(text: str) -> None:
    assert parse_date(text) is None


def test_a_date_inside_a_longer_one_is_found_once() -> None:
    text = "On 8 March 2026 it said: shot in March 2025, a novel of 2019; 1,200 fans, 3000 organs."
    assert [date for date, _, _ in dates_in(text)] == [
        CalendarDate(2026, 3, 8),
        CalendarDate(2025, 3, None),
        CalendarDate(2019, None, None),
    ]


def test_only_the_parts_of_its_precision_make_a_valid_date() -> None:
    assert is_valid(CalendarDate(2024, 2, None)) and is_valid(CalendarDate(None, 2, 29))
    assert not is_valid(CalendarDate(None, 3, None))  # a month needs its year
    assert not is_valid(CalendarDate(2024, 13, None))
    assert not is_valid(CalendarDate(2024, None, 5))
    with pytest.raises(ValueError, match="March 2026 is not a day"):
        as_datetime(CalendarDate(2026, 3, None))


@pytest.mark.parametrize(
    ("date", "first", "last"),
    [
        (CalendarDate(2024, 2, None), datetime.date(2024, 2, 1), datetime.date(2024, 2, 29)),
        (CalendarDate(2023, 2, None), datetime.date(2023, 2, 1), datetime.date(2023, 2, 28)),
        (CalendarDate(2020, None, None), datetime.date(2020, 1, 1), datetime.date(2020, 12, 31)),
        (CalendarDate(None, 2, 29), datetime.date(2000, 2, 29), datetime.date(2000, 2, 29)),
    ],
)
def test_a_date_covers_the_days_of_its_precision(
    date: CalendarDate, first: datetime.date, last: datetime.date
) -> None:
    assert (first_day(date), last_day(date)) == (first, last)


def test_every_spelling_of_a_month_date_reads_as_that_month() -> None:
    checked = 0
    for month in range(1, 13):
        date = CalendarDate(2026, month, None)
        spellings = date_spellings(date)
        assert format_date(date) not in spellings
        for text in spellings:
            assert parse_date(text) == date, text
            checked += 1
    assert checked == 11 * 3 + 1  # "Mar 2026", "Mar. 2026", "March, 2026"; May: "May, 2026"
    assert date_spellings(CalendarDate(2020, None, None)) == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("38.5 cm and 4.2 per cent", {Decimal("38.5"), Decimal("4.2")}),
        ("fell to -3 degrees, or minus 3", {-3}),
        ("minus three", {-3}),
        ("the 2020-21 season", {2020, 21}),
        ("once, twice, thrice", {1, 2, 3}),
        ("a dozen eggs, two dozen cakes", {12, 24}),
        ("two hundred and fifty", {250}),
        ("three thousand two hundred", {3200}),
        ("a hundred, a million", {100, 1_000_000}),
        ("€1.8 million", {Decimal("1.8"), 1_800_000}),
        ("1,800,000 euros", {1_800_000}),
        ("two, hundred", {2, 100}),
        ("twenty six and the twenty-first", {26, 21}),
        ("one two three", {1, 2, 3}),
    ],
)
def test_numbers_are_read_as_articles_write_them(text: str, expected: set[int | Decimal]) -> None:
    assert numbers_in(text) == expected


def _spelled(number: int) -> str:
    """English words for 0 <= number < 10**9, as a test oracle."""
    units = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
    units += ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen"]
    units += ["seventeen", "eighteen", "nineteen"]
    tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]

    def below_thousand(n: int) -> list[str]:
        words = [units[n // 100], "hundred"] if n >= 100 else []
        rest = n % 100
        if rest and n >= 100:
            words.append("and")
        if rest >= 20:
            words.append(tens[rest // 10 - 2] + (f"-{units[rest % 10]}" if rest % 10 else ""))
        elif rest or not words:
            words.append(units[rest])
        return words

    words: list[str] = []
    for scale, name in ((10**6, "million"), (1000, "thousand")):
        if number >= scale:
            words += [*below_thousand(number // scale), name]
            number %= scale
    if number or not words:
        words += below_thousand(number)
    return " ".join(words)


@settings(max_examples=200, deadline=None)
@given(number=st.integers(0, 999_999_999))
def test_a_number_spelled_in_words_is_read_as_that_number(number: int) -> None:
    assert number in numbers_in(f"It had {_spelled(number)} viewers.")


@settings(max_examples=200, deadline=None)
@given(number=st.decimals(-(10**6), 10**6, places=2, allow_nan=False))
def test_a_number_in_digits_is_read_as_that_number(number: Decimal) -> None:
    assert number in numbers_in(f"A value of {number} was measured.")
    assert parse_decimal(str(number)) == number


@pytest.mark.parametrize(
    ("value", "tolerance"),
    [("600", "50"), ("3000", "500"), ("38", "1.9"), ("4.2", "0.21"), ("-40", "5"), ("1", "0.5")],
)
def test_about_n_is_right_within_half_its_last_digit_or_five_per_cent(
    value: str, tolerance: str
) -> None:
    assert str(about_tolerance(Decimal(value))) == tolerance


def test_approximate_values_and_exact_ones_are_told_apart() -> None:
    assert [split_approximate(f"{word} 600") for word in ("about", "Around", "roughly")] == [
        ("600", True)
    ] * 3
    assert split_approximate("nearly 4.2") == ("4.2", True)
    assert split_approximate(" 600 ") == ("600", False)
    assert split_approximate("about") == ("about", False)


def test_a_decimal_keeps_the_digits_it_was_written_with() -> None:
    assert str(parse_decimal("38.50")) == "38.50"
    assert parse_decimal("1,200.75") == Decimal("1200.75")
    assert parse_decimal("\u22123") == -3
    assert parse_decimal("six") is None and parse_decimal("1.2.3") is None
    assert parse_integer("-3") == -3 and parse_integer("3.5") is None
