"""The small words of messages: articles, plurals and full stops."""

from __future__ import annotations

import pytest

from quiz.core.wording import a, count, sentence, wording_slip


@pytest.mark.parametrize(
    ("noun", "expected"),
    [("outlet", "an outlet"), ("person", "a person"), ("Entity", "an Entity"), ("", "a ")],
)
def test_a_or_an(noun: str, expected: str) -> None:
    assert a(noun) == expected


@pytest.mark.parametrize(
    ("number", "noun", "expected"),
    [
        (1, "fact", "1 fact"),
        (2, "fact", "2 facts"),
        (1, "entity", "1 entity"),
        (3, "entity", "3 entities"),
        (0, "point", "0 points"),
        (2, "day", "2 days"),
    ],
)
def test_count(number: int, noun: str, expected: str) -> None:
    assert count(number, noun) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Paris", "Paris."),
        ("Dr. No.", "Dr. No."),
        ("Who?", "Who?"),
        ("Wait…", "Wait…"),
        ("Go!", "Go!"),
        ("Paris ", "Paris."),
    ],
)
def test_a_sentence_ends_with_one_full_stop(text: str, expected: str) -> None:
    assert sentence(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "told a outlet",
        "won a Emmy",
        "is an person",
        "An Netflix series",
        "Paris..",
        "in  2020",
        "Who ?",
        "the end .",
    ],
)
def test_slips_of_filled_in_phrasings_are_found(text: str) -> None:
    assert wording_slip(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "an outlet",
        "a one-off",
        "a euro",
        "a unit",
        "an hour",
        "an FBI agent",
        "a NASA probe",
        "Wait...",
        "Dr. No.",
        "a Netflix series",
        "an Emmy",
        "A person. An outlet.",
    ],
)
def test_right_english_is_no_slip(text: str) -> None:
    assert wording_slip(text) is None
