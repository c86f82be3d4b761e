"""Fact sheets: the shipped sheet says what the article says, and bad sheets say why they fail."""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from quiz.cli import main
from quiz.core.problems import LoadError
from quiz.core.values import (
    Article,
    CalendarDate,
    Mentions,
    date_spellings,
    dates_in,
    format_date,
    mentions,
    normalize_quote,
    numbers_in,
    parse_date,
    parse_integer,
)
from quiz.facts.checks import value_text
from quiz.facts.loader import load_fact_sheet
from quiz.facts.model import EntityRef, FactSheet
from quiz.storage.paths import seeds_dir
from tests.helpers.paths import LIGHTHOUSE, SHEET


def values_of(sheet: FactSheet, subject: str, relation: str) -> list[str]:
    return [
        value_text(fact.value, sheet)
        for fact in sheet.facts
        if fact.subject == subject and fact.relation == relation
    ]


@pytest.mark.parametrize(
    ("subject", "relation", "expected"),
    [
        ("his-and-hers", "premiere-date", ["January 8"]),
        ("his-and-hers", "platform", ["Netflix"]),
        ("his-and-hers", "episode-count", ["6"]),
        ("his-and-hers", "based-on", ["His & Hers"]),
        ("novel", "author", ["Alice Feeney"]),
        ("novel", "novel-published", ["2020"]),
        ("novel", "standalone", ["true"]),
        ("his-and-hers", "killer", ["Alice"]),
        ("alice", "confesses-to", ["Anna"]),
        ("alice", "confesses-by", ["a letter"]),
        ("alice", "confession-episode", ["6"]),
        ("alice", "played-by", ["Crystal Fox"]),
        ("anna", "played-by", ["Tessa Thompson"]),
        ("anna", "mother", ["Alice"]),
        ("his-and-hers", "director", ["William Oldroyd"]),
        ("his-and-hers", "executive-producer", ["William Oldroyd"]),
        ("his-and-hers", "writer", ["William Oldroyd"]),
        ("his-and-hers", "lead-cast", ["Tessa Thompson", "Jon Bernthal"]),
        (
            "his-and-hers",
            "main-cast",
            [
                "Tessa Thompson",
                "Jon Bernthal",
                "Crystal Fox",
                "Pablo Schreiber",
                "Rebecca Rittenhouse",
                "Sunita Mani",
            ],
        ),
        ("tessa-thompson", "told", ["Tudum"]),
        ("william-oldroyd", "told", ["TV Insider"]),
        ("his-and-hers", "second-season-greenlit", ["false"]),
        ("article", "published-on", ["March 1, 2026"]),
    ],
)
def test_the_shipped_sheet_states_the_article_facts(
    sheet: FactSheet, subject: str, relation: str, expected: list[str]
) -> None:
    assert values_of(sheet, subject, relation) == expected


def test_every_quote_of_the_shipped_sheet_is_in_the_article(sheet: FactSheet) -> None:
    article = " ".join(sheet.article.split())
    for fact in sheet.facts:
        for quote in fact.evidence:
            assert " ".join(quote.text.split()) in article


def test_facts_check_passes_the_shipped_and_the_invented_sheet(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["facts", "check"]) == 0
    assert main(["facts", "check", str(LIGHTHOUSE)]) == 0
    out = capsys.readouterr().out
    assert "his_and_hers.facts.yaml: ok, 29 facts" in out
    assert "lighthouse.facts.yaml: ok" in out


@pytest.fixture
def bad_copy(tmp_path: Path) -> Path:
    """A copy of the shipped sheet and article that a test can break."""
    shutil.copy(seeds_dir() / "his_and_hers.txt", tmp_path / "his_and_hers.txt")
    target = tmp_path / "his_and_hers.facts.yaml"
    shutil.copy(SHEET, target)
    return target


def break_sheet(path: Path, old: str, new: str) -> int:
    """Replace ``old`` (once) and return the 1-based line where it was."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= 1, old
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return line


def check_output(path: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    """The problems printed (warnings left out: the shipped sheet may have some)."""
    assert main(["facts", "check", str(path)]) == 1
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return [line for line in captured.out.splitlines() if ": warning: " not in line]


@pytest.mark.parametrize(
    ("old", "new", "column", "message"),
    [
        (
            "value: January 8\n",
            "value: January 9\n",
            12,
            "no quote of this fact gives the date January 9",
        ),
        ('value: "2020"\n', 'value: "2019"\n', 12, "no quote of this fact gives the date 2019"),
        (
            "value: crystal-fox",
            "value: jon-bernthal",
            12,
            "no quote of this fact names 'Jon Bernthal'",
        ),
        (
            "value: alice-feeney",
            "value: alice-feeny",
            12,
            "unknown entity 'alice-feeny'; did you mean 'alice-feeney'?",
        ),
        (
            "value: alice-feeney",
            "value: tudum",
            12,
            "entity 'tudum' is an outlet, not a person",
        ),
        ("value: January 8\n", "value: January 32\n", 12, "'January 32' is not a date"),
        ('value: "2020"\n', "value: twenty\n", 12, "'twenty' is not a date"),
        ("value: 6\n", "value: six\n", 12, "'six' is not a whole number"),
        (
            '"Alice (Crystal Fox)"',
            '"Alice (Crystal Fax)"',
            15,
            "quote is not in the article (it matches up to 'Alice (Crystal')",
        ),
        (
            "relation: killer",
            "relation: killr",
            15,
            "unknown relation 'killr'; did you mean 'killer'?",
        ),
        ("value: a letter", "value: a phone call", 12, "no quote of this fact contains"),
        ("negation: The novel", "negatio: The novel", 5, "unknown key 'negatio'"),
        (
            "statement: In {subject}, {value} is the killer.",
            "statement: In the end, {value} is the killer.",
            16,
            "'statement' must name {subject} or {title}",
        ),
        ("    asked: false\n", "    asked: nope\n", 12, "'asked' is true or false, not 'nope'"),
        (
            "    subject: character\n    value: integer\n    min: 1\n    max: episode-count\n"
            "    spoiler: true\n    ask:\n"
            "      - In which episode of {title} does {subject} confess?\n"
            "      - Which episode of {title} shows {subject}'s confession?\n",
            "    subject: character\n    value: integer\n    min: 1\n    max: episode-count\n"
            "    spoiler: true\n",
            5,
            "missing required key 'ask'",
        ),
        (
            "distractors-from: [director, writer, executive-producer]",
            "distractors-from: [director, writers, executive-producer]",
            23,
            "unknown relation 'writers'; did you mean 'writer'?",
        ),
        (
            "distractors-from: [director, writer, executive-producer]",
            "distractors-from: [director, told]",
            23,
            "'distractors-from' names 'told', whose values are an outlet, not a person",
        ),
        (
            "    ask:\n      - In which episode of {title}",
            "    distractors-from: [author]\n    ask:\n      - In which episode of {title}",
            5,
            "'distractors-from' needs an entity value",
        ),
        (
            "name: Sunita Mani, also: [Mani]",
            "name: Sunita Mane, also: [Mane]",
            3,
            "entity 'sunita-mani': 'Sunita Mane' is not named in the article",
        ),
    ],
)
def test_each_bad_fact_is_reported_where_it_is_written(
    bad_copy: Path,
    capsys: pytest.CaptureFixture[str],
    old: str,
    new: str,
    column: int,
    message: str,
) -> None:
    line = break_sheet(bad_copy, old, new)
    output = check_output(bad_copy, capsys)
    expected_start = f"{bad_copy}:{line}:{column}: {message}"
    assert any(out.startswith(expected_start) for out in output), output


def test_two_contradicting_facts_are_reported_at_the_second(
    bad_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = bad_copy.read_text(encoding="utf-8")
    first_line = text[: text.index("relation: standalone\n")].count("\n")
    bad_copy.write_text(
        text
        + "\n  - subject: novel\n    relation: standalone\n    value: false\n"
        + "    evidence: \"What Could 'His & Hers' Season 2 Be About?\"\n",
        encoding="utf-8",
    )
    value_line = text.count("\n") + 4
    output = check_output(bad_copy, capsys)
    assert output == [
        f"{bad_copy}:{value_line}:12: contradicts line {first_line}: 'standalone' of "
        "'novel' has one value, already true"
    ]


def test_a_repeated_fact_is_reported(bad_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with bad_copy.open("a", encoding="utf-8") as handle:
        handle.write(
            "\n  - subject: his-and-hers\n    relation: platform\n    value: netflix\n"
            "    evidence: \"'His & Hers' premiered on Netflix in January.\"\n"
        )
    output = check_output(bad_copy, capsys)
    assert len(output) == 1 and "repeats the fact at line" in output[0]


def test_a_missing_article_is_reported_at_its_key(
    bad_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    line = break_sheet(bad_copy, "article: his_and_hers.txt", "article: gone.txt")
    output = check_output(bad_copy, capsys)
    assert output == [
        f"{bad_copy}:{line}:10: cannot read the article 'gone.txt': No such file or directory"
    ]


def test_a_missing_sheet_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    output = check_output(tmp_path / "none.facts.yaml", capsys)
    assert output == [
        f"{tmp_path / 'none.facts.yaml'}:1:1: cannot read file: No such file or directory"
    ]


def test_yaml_tricks_are_refused_by_the_one_safe_reader(tmp_path: Path) -> None:
    path = tmp_path / "a.facts.yaml"
    path.write_text("article: &a x.txt\npack: *a\n", encoding="utf-8")
    with pytest.raises(LoadError) as error:
        load_fact_sheet(path)
    assert "anchors (&a) are not allowed" in str(error.value)


def test_a_template_cannot_give_the_answer_away(
    bad_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    line = break_sheet(bad_copy, "- Who wrote the novel {subject}?", "- Did {value} write it?")
    output = check_output(bad_copy, capsys)
    assert output == [
        f"{bad_copy}:{line}:9: 'ask' may use {{subject}} and {{title}}, not {{value}}"
    ]


def test_quotes_match_whatever_the_quote_style_and_spacing() -> None:
    sheet = load_fact_sheet(LIGHTHOUSE)
    lens = next(fact for fact in sheet.facts if fact.relation == "lens-found-in")
    assert lens.evidence[0].text.startswith("\u201cWe found")
    assert sheet.entities["kilbride"].name == "Kilbride"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("January 8", CalendarDate(None, 1, 8)),
        ("8 January", CalendarDate(None, 1, 8)),
        ("Jan. 8th", CalendarDate(None, 1, 8)),
        ("March 1, 2026", CalendarDate(2026, 3, 1)),
        ("1 March 2026", CalendarDate(2026, 3, 1)),
        ("2026-03-01", CalendarDate(2026, 3, 1)),
        ("February 29", CalendarDate(None, 2, 29)),
        ("February 29, 2023", None),
        ("January 32", None),
        ("January", None),
        ("the 8th", None),
        ("January 8 or 9", None),
    ],
)
def test_dates_parse_only_when_whole_and_real(text: str, expected: CalendarDate | None) -> None:
    assert parse_date(text) == expected


def test_dates_are_found_inside_sentences() -> None:
    found = [date for date, _, _ in dates_in("March 1 2026, Published 12:01 a.m. ET")]
    assert found == [CalendarDate(2026, 3, 1)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a six-episode adaptation", {6}),
        ("The sixth and final episode", {6}),
        ("twenty-six years", {26}),
        ("the twenty-first and ninetieth", {21, 90}),
        ("1,200 fans and 2020", {1200, 2020}),
        ("sixty", {60}),
        ("no numbers here, Season two", {2}),
    ],
)
def test_numbers_are_read_in_digits_and_words(text: str, expected: set[int]) -> None:
    assert numbers_in(text) == expected


def test_whole_numbers_are_digits_only() -> None:
    assert parse_integer("1,000") == 1000
    assert parse_integer(" 6 ") == 6
    assert parse_integer("six") is None
    assert parse_integer("-3") == -3  # integers may be negative now ("-3 degrees")
    assert parse_integer("1.5") is None


def test_names_are_found_as_whole_words() -> None:
    assert mentions("shows Alice (Crystal Fox) confessing", "crystal fox")
    assert mentions("Alice Feeney\u2019s novel", "Alice Feeney's")
    assert not mentions("Alicea", "Alice")
    assert not mentions("anything", "")


def test_entity_values_refer_to_declared_entities(sheet: FactSheet) -> None:
    entity_values = 0
    for fact in sheet.facts:
        assert fact.subject in sheet.entities
        if isinstance(fact.value, EntityRef):
            entity_values += 1
            assert fact.value.key in sheet.entities
    assert (entity_values, len(sheet.facts)) == (21, 29)


@settings(max_examples=300, deadline=None)
@given(
    words=st.lists(
        st.sampled_from(["the", "cat", "sat", "on", "a", "mat", "\u201cmat\u201d"]), max_size=30
    ),
    start=st.integers(0, 200),
    length=st.integers(0, 60),
    spaces=st.sampled_from([" ", "  ", "\n", " \t "]),
)
@example(words=["the", "cat", "the", "cat", "sat"], start=4, length=11, spaces=" ")
def test_the_word_index_finds_exactly_what_a_plain_search_finds(
    words: list[str], start: int, length: int, spaces: str
) -> None:
    text = spaces.join(words)
    quote = text[start : start + length]
    for candidate in (quote, quote + "x", "x" + quote, quote.replace("a", "o", 1)):
        expected = normalize_quote(candidate) in normalize_quote(text)
        assert (candidate in Article(text)) is expected, candidate


def test_two_entities_of_one_type_and_name_are_reported(
    bad_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    line = break_sheet(
        bad_copy,
        "  sunita-mani: {type: person",
        "  tessa-2: {type: person, name: tessa thompson}\n  sunita-mani: {type: person",
    )
    lines = bad_copy.read_text(encoding="utf-8").splitlines()
    tessa = next(n for n, text in enumerate(lines, 1) if text.startswith("  tessa-thompson:"))
    output = check_output(bad_copy, capsys)
    assert output == [
        f"{bad_copy}:{line}:3: entity 'tessa-2' has the name of 'tessa-thompson' (line {tessa}), "
        "so no question could tell them apart"
    ]


@settings(max_examples=300, deadline=None)
@given(
    text=st.text(alphabet="ab é_'.-&\u2019", max_size=30),
    name=st.text(alphabet="ab é_'.-&", max_size=6),
)
@example(text="a ab", name="ab")
@example(text="ab_a", name="a")
def test_the_name_index_agrees_with_a_plain_whole_word_search(text: str, name: str) -> None:
    assert (name in Mentions(text)) is mentions(text, name)


@settings(max_examples=60)
@given(day=st.dates(datetime.date(1000, 1, 1)), with_year=st.booleans())
def test_every_date_spelling_offered_to_players_reads_as_that_date(
    day: datetime.date, with_year: bool
) -> None:
    date = CalendarDate(day.year if with_year else None, day.month, day.day)
    spellings = date_spellings(date)
    assert format_date(date) not in spellings and len(set(spellings)) == len(spellings)
    for text in spellings:
        parsed = parse_date(text)
        assert parsed is not None and (parsed.month, parsed.day) == (day.month, day.day), text
        assert parsed.year in (None, date.year), text


def test_a_renamed_subject_is_reported_at_each_fact_not_a_traceback(
    bad_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Found by the hostile fuzz test: the warnings once looked up a subject never defined."""
    break_sheet(bad_copy, "  william-oldroyd: {type", "  wil-oldroyd: {type")
    output = check_output(bad_copy, capsys)
    unknown = [line for line in output if "unknown entity 'william-oldroyd'" in line]
    assert len(unknown) == 4  # the director, producer and writer values; told's subject
    assert all(line.endswith("did you mean 'wil-oldroyd'?") for line in unknown)


def test_a_year_written_as_a_whole_number_is_warned_of(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["facts", "check", str(LIGHTHOUSE)]) == 0  # warnings only
    years = [line for line in capsys.readouterr().out.splitlines() if "looks like a year" in line]
    assert [line.split(": warning: ")[1].split(":")[0] for line in years] == [
        "1871 looks like a year",
        "1902 looks like a year",
    ]
    assert "give relation 'built-in' `value: date`" in years[0]
