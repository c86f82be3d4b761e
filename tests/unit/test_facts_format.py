"""The fact-sheet format of issue 13: numbers and approximate values, month and year dates,
attributes and match, bounds, relation libraries (use:), {title}, and the warnings of
quiz facts check."""

from __future__ import annotations

import datetime
from decimal import Decimal
from pathlib import Path

import pytest

from quiz.cli import main
from quiz.core.problems import LoadError, Problem
from quiz.core.values import CalendarDate
from quiz.facts import library as relation_library
from quiz.facts.bounds import Bounds, Limit, bounds_of
from quiz.facts.checks import warning_text
from quiz.facts.loader import load_fact_sheet
from quiz.facts.model import Bound, Fact, FactSheet, ValueKind

ARTICLE = """Published March 1, 2026. The series Night Shift premiered on January 8 on Netflix.
It has six episodes. In episode 4, Ada (Mia Stone) meets Ben (Tom Reed).
The show drew about 600 complaints. The lead is 38.5 years old on average.
Filming began in March 2025. Temperatures fell to minus 3 degrees. It cost €1.8 million.
A second season is not yet confirmed.
"""

LIBRARY = """relations:
  premiere-date:
    subject: series
    value: date
    max: published-on
    ask: ["When did {title} premiere?"]
    statement: "{subject} premiered on {value}."
  published-on:
    subject: article
    value: date
    asked: false
    statement: "The article was published on {value}."
  episode-count:
    subject: series
    value: integer
    min: 1
    ask: ["How many episodes does {subject} have?"]
    statement: "{subject} has {value} episodes."
  played-by:
    subject: character
    value: person
    match: [gender]
    ask: ["Who plays {subject} in {title}?"]
    ask-subject: ["Whom does {value} play in {title}?"]
    statement: "{value} plays {subject} in {title}."
  author:
    subject: novel
    value: person
    ask: ["Who wrote {subject}?"]
    statement: "{value} wrote {subject}."
  renewed:
    subject: series
    value: boolean
    statement: "{subject} has a second season."
    negation: "{subject} has no second season yet."
"""

SHEET = """article: night.txt
pack: {id: night-shift, title: Night Shift, version: 1}
use: [tv]
entities:
  article: {type: article, name: Published}
  night-shift: {type: series, name: Night Shift}
  ada: {type: character, name: Ada, attributes: {gender: female}}
  ben: {type: character, name: Ben, attributes: {gender: male}}
  mia-stone: {type: person, name: Mia Stone, attributes: {gender: female}}
  tom-reed: {type: person, name: Tom Reed, attributes: {gender: male, country: uk}}
relations:
  complaints:
    subject: series
    value: integer
    spoiler: true
    difficulty: hard
    ask: ["How many complaints did {subject} draw?"]
    statement: "{subject} drew {value} complaints."
  meeting-episode:
    subject: character
    value: integer
    max: episode-count
    ask: ["In which episode of {title} does {subject} meet someone?"]
    statement: "{subject} meets someone in episode {value}."
  lead-age:
    subject: series
    value: number
    tolerance: 0.5
    ask: ["How old is the lead of {subject} on average?"]
    statement: "{subject}'s lead is {value} years old."
  filming:
    subject: series
    value: date
    before: published-on
    ask: ["When did filming of {subject} begin?"]
    statement: "Filming of {subject} began in {value}."
  low:
    subject: series
    value: integer
    ask: ["How low did temperatures fall during {subject}?"]
    statement: "Temperatures fell to {value} during {subject}."
facts:
  - {subject: article, relation: published-on, value: "March 1, 2026",
     evidence: "Published March 1, 2026."}
  - {subject: night-shift, relation: premiere-date, value: January 8,
     evidence: "The series Night Shift premiered on January 8"}
  - {subject: night-shift, relation: episode-count, value: "6", evidence: "It has six episodes."}
  - {subject: ada, relation: meeting-episode, value: "4", difficulty: easy,
     evidence: "In episode 4, Ada (Mia Stone) meets Ben"}
  - {subject: ada, relation: played-by, value: mia-stone, evidence: "Ada (Mia Stone)"}
  - {subject: ben, relation: played-by, value: tom-reed, evidence: "meets Ben (Tom Reed)"}
  - {subject: night-shift, relation: complaints, value: about 600, spoiler: false,
     evidence: "The show drew about 600 complaints."}
  - {subject: night-shift, relation: lead-age, value: "38.5",
     evidence: "The lead is 38.5 years old"}
  - {subject: night-shift, relation: filming, value: March 2025,
     evidence: "Filming began in March 2025."}
  - {subject: night-shift, relation: low, value: "-3",
     evidence: "Temperatures fell to minus 3 degrees."}
  - {subject: night-shift, relation: renewed, value: "false",
     evidence: "A second season is not yet confirmed."}
"""


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The article, the sheet and a relation library 'tv', which the loader finds."""
    (tmp_path / "night.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "night.facts.yaml").write_text(SHEET, encoding="utf-8")
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "tv.yaml").write_text(LIBRARY, encoding="utf-8")
    monkeypatch.setattr(relation_library, "RELATIONS_DIR", tmp_path / "lib")
    return tmp_path


def load(folder: Path, *edits: tuple[str, str]) -> FactSheet:
    path = folder / "night.facts.yaml"
    text = SHEET
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    return load_fact_sheet(path, display="night.facts.yaml")


def problems(folder: Path, *edits: tuple[str, str]) -> list[str]:
    with pytest.raises(LoadError) as error:
        load(folder, *edits)
    return error.value.lines()


def line_of(text: str) -> int:
    return SHEET[: SHEET.index(text)].count("\n") + 1


def at(text: str, lines_added: int = 0) -> str:
    """ "line:column" of ``text`` in the sheet (after an edit that added lines above it)."""
    line = line_of(text)
    return f"{line + lines_added}:{SHEET.splitlines()[line - 1].index(text) + 1}"


def fact(sheet: FactSheet, relation: str, subject: str = "night-shift") -> Fact:
    return next(f for f in sheet.facts if (f.relation, f.subject) == (relation, subject))


def test_numbers_decimals_negatives_and_dates_of_any_precision_load(folder: Path) -> None:
    sheet = load(folder)
    assert sheet.relations["lead-age"].kind is ValueKind.NUMBER
    age = fact(sheet, "lead-age").value
    assert isinstance(age, Decimal) and str(age) == "38.5"
    assert fact(sheet, "low").value == -3
    assert fact(sheet, "filming").value == CalendarDate(2025, 3, None)
    assert sheet.warnings == ()


def test_about_n_gives_the_fact_its_own_tolerance(folder: Path) -> None:
    complaints = fact(load(folder), "complaints")
    assert (complaints.value, complaints.tolerance) == (600, Decimal(50))
    assert fact(load(folder), "lead-age").tolerance is None  # the relation's 0.5 applies
    own = load(folder, ("value: about 600, spoiler", "value: about 600, tolerance: 20, spoiler"))
    assert fact(own, "complaints").tolerance == 20


def test_spoiler_and_difficulty_come_from_the_fact_else_its_relation(folder: Path) -> None:
    sheet = load(folder)
    complaints = fact(sheet, "complaints")
    assert (complaints.spoiler, complaints.difficulty) == (False, "hard")  # spoiler: false wins
    assert fact(sheet, "meeting-episode", "ada").difficulty == "easy"
    relation_default = load(folder, (" spoiler: false,\n", "\n"))
    assert fact(relation_default, "complaints").spoiler is True
    assert problems(folder, ("difficulty: easy", "difficulty: tough")) == [
        f"night.facts.yaml:{at('easy')}: unknown difficulty 'tough' (use easy | medium | hard)"
    ]


def test_entities_carry_attributes_and_relations_match_on_them(folder: Path) -> None:
    sheet = load(folder)
    tom = sheet.entities["tom-reed"]
    assert (tom.attribute("gender"), tom.attribute("country"), tom.attribute("age")) == (
        "male",
        "uk",
        None,
    )
    assert sheet.relations["played-by"].match == ("gender",)
    lines = problems(
        folder,
        ("attributes: {gender: male, country: uk}", "attributes: {Gender: male, country: []}"),
        ("    tolerance: 0.5\n", "    tolerance: 0.5\n    match: [gender]\n"),
    )
    line = line_of("attributes: {gender: male, country: uk}")
    assert lines == [
        f"night.facts.yaml:{line}:57: an attribute key 'Gender' must match "
        "[a-z0-9]+(?:-[a-z0-9]+)*",
        f"night.facts.yaml:{line}:80: attribute 'country' must be non-empty text",
        f"night.facts.yaml:{line_of('    tolerance: 0.5') + 1}:5: "
        "'match' needs an entity value: it names attributes of entities",
    ]


def test_bounds_resolve_to_a_literal_or_another_relations_fact(folder: Path) -> None:
    sheet = load(folder)
    meeting = bounds_of(sheet, fact(sheet, "meeting-episode", "ada"))
    assert meeting.high == Limit(6, False, "max: episode-count", "6")
    # Above a value that is not 0, 0 is no plausible wrong answer: the floor is strict.
    assert meeting.low == Limit(0, True, "after: 0", "counts are never negative")
    assert [meeting.admits(n) for n in (-1, 0, 1, 6, 7)] == [False, False, True, True, False]
    assert bounds_of(sheet, fact(sheet, "episode-count")).low == Limit(1, False, "min: 1")
    assert bounds_of(sheet, fact(sheet, "low")) == Bounds()  # a negative value: no floor
    filming = sheet.relations["filming"].maximum
    assert filming == Bound(None, "published-on", strict=True)


def test_a_value_outside_its_bounds_is_a_problem(folder: Path) -> None:
    four = at('"4"')
    assert problems(folder, ('value: "4"', 'value: "9"')) == [
        f"night.facts.yaml:{four}: no quote of this fact gives the number 9 (in digits or words)",
        f"night.facts.yaml:{four}: value 9 is above 'max: episode-count' (6)",
    ]
    assert problems(folder, ("value: January 8", "value: March 8"))[1] == (
        f"night.facts.yaml:{at('January 8,')}: "
        "value March 8 is after 'max: published-on' (March 1, 2026)"
    )


def test_a_bound_naming_a_relation_of_several_other_subjects_is_ambiguous(folder: Path) -> None:
    lines = problems(
        folder,
        ("    spoiler: true\n", "    spoiler: true\n    max: meeting-episode\n"),
        (
            "  - {subject: night-shift, relation: low",
            '  - {subject: ben, relation: meeting-episode, value: "4", '
            'evidence: "In episode 4, Ada (Mia Stone) meets Ben"}\n'
            "  - {subject: night-shift, relation: low",
        ),
    )
    # Which of Ada's and Ben's episodes would bound the series' complaints? Neither.
    assert lines == [
        f"night.facts.yaml:{at('about 600', 1)}: 'max: meeting-episode' has 2 facts and none about "
        "'night-shift': say which bounds it with a fact about 'night-shift'"
    ]


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (
            ("    before: published-on\n", "    max: 2026\n    before: published-on\n"),
            "'max' and 'before' both give the highest value: keep one",
        ),
        (
            ("    before: published-on\n", "    before: lead-age\n"),
            "'before: lead-age' names a relation whose values are a number, not a date",
        ),
        (
            ("    before: published-on\n", "    before: soon\n"),
            "unknown relation 'soon'",
        ),
        (
            ("    before: published-on\n", "    before: March 32\n"),
            "'before' must be a date or the key of a date relation, not 'March 32'",
        ),
        (
            ("    max: episode-count\n", "    max: meeting-episode\n"),
            "relation 'meeting-episode' cannot bound its own values",
        ),
        (
            ("    spoiler: true\n", "    spoiler: true\n    min: 1.5\n"),
            "'min' must be a whole number or the key of an integer relation, not '1.5'",
        ),
    ],
)
def test_a_bad_bound_is_reported(folder: Path, edit: tuple[str, str], message: str) -> None:
    lines = problems(folder, edit)
    assert any(message in line for line in lines), lines


def test_bounds_only_apply_to_ordered_values(folder: Path) -> None:
    library = folder / "lib" / "tv.yaml"
    library.write_text(
        LIBRARY.replace("    match: [gender]\n", "    match: [gender]\n    max: 3\n")
    )
    assert problems(folder) == [
        f"{library}:23:5: 'max' applies only to date, integer and number relations"
    ]


@pytest.mark.parametrize(
    ("bound", "strict", "day", "admitted"),
    [
        (CalendarDate(2020, None, None), False, CalendarDate(2020, 12, 31), True),
        (CalendarDate(2020, None, None), False, CalendarDate(2021, 1, 1), False),
        (CalendarDate(2020, None, None), True, CalendarDate(2020, 1, 1), False),
        (CalendarDate(2020, None, None), True, CalendarDate(2019, 12, 31), True),
        (CalendarDate(2026, 3, None), False, CalendarDate(None, 3, 31), True),  # in 2026
        (CalendarDate(2026, 3, 1), False, CalendarDate(None, 3, 2), False),
        (CalendarDate(None, 3, 1), False, CalendarDate(2019, 2, 28), True),  # in 2019
        (CalendarDate(None, 3, 1), True, CalendarDate(None, 3, 1), False),
        (CalendarDate(2026, 3, 1), False, CalendarDate(2026, 3, None), True),  # March 1 is in
        (CalendarDate(2026, 3, 1), True, CalendarDate(2026, 3, None), False),
    ],
)
def test_dates_compare_by_the_days_they_cover(
    bound: CalendarDate, strict: bool, day: CalendarDate, admitted: bool
) -> None:
    at_most = Bounds(high=Limit(bound, strict, "max"))
    assert at_most.admits(day) is admitted


def test_the_lower_date_bounds_mirror_the_upper(folder: Path) -> None:
    after_2020 = Bounds(low=Limit(CalendarDate(2020, None, None), True, "after: 2020"))
    assert not after_2020.admits(CalendarDate(2020, 12, 31))
    assert after_2020.admits(CalendarDate(2021, 1, 1))
    assert after_2020.complaint(CalendarDate(2020, 6, None)) == (
        "value June 2020 is not after 'after: 2020'"
    )
    min_march = Bounds(low=Limit(CalendarDate(2026, 3, None), False, "min: March 2026"))
    assert not min_march.admits(CalendarDate(2026, 2, 28))
    assert min_march.admits(CalendarDate(2026, 3, 1))
    assert datetime.date(2026, 3, 1)  # first_day and last_day are tested in test_values


def test_a_library_supplies_the_relations_the_sheets_entities_can_have(folder: Path) -> None:
    sheet = load(folder)
    assert sheet.relations["played-by"].library == "tv"
    assert "author" not in sheet.relations  # no novel in the sheet: unavailable, no problem
    assert "{title}" in sheet.relations["premiere-date"].ask[0]
    assert sheet.relations["renewed"].ask == ()  # a boolean relation needs no 'ask'
    scalar = load(folder, ("use: [tv]", "use: tv"))
    assert scalar.relations.keys() == sheet.relations.keys()


def test_the_sheets_own_relation_overrides_the_librarys(folder: Path) -> None:
    own = (
        "relations:\n",
        "relations:\n  episode-count:\n    subject: series\n    value: integer\n"
        '    ask: ["How long is {subject}, in episodes?"]\n'
        '    statement: "{subject} runs {value} episodes."\n',
    )
    relation = load(folder, own).relations["episode-count"]
    assert relation.library == "" and relation.minimum is None
    assert relation.ask == ("How long is {subject}, in episodes?",)


def test_library_problems_name_the_library_or_the_relation_that_is_missing(folder: Path) -> None:
    line = line_of("use: [tv]")
    assert problems(folder, ("use: [tv]", "use: [tv, tvv]")) == [
        f"night.facts.yaml:{line}:11: unknown relation library 'tvv' (known: tv)"
    ]
    uses_author = (
        "  - {subject: night-shift, relation: low",
        '  - {subject: night-shift, relation: author, value: tom-reed, evidence: "Tom Reed"}\n'
        "  - {subject: night-shift, relation: low",
    )
    assert problems(folder, uses_author) == [
        f"night.facts.yaml:{line_of('  - {subject: night-shift, relation: low')}:38: "
        "relation 'author' of library 'tv' is about entities of type 'novel', "
        "and the sheet has none"
    ]
    (folder / "lib" / "tv.yaml").write_text(LIBRARY.replace("asked: false", "asked: nope"))
    assert f"{folder / 'lib' / 'tv.yaml'}:11:12: 'asked' is true or false, not 'nope'" in (
        problems(folder)
    )


def test_a_placeholder_other_than_the_allowed_ones_is_refused(folder: Path) -> None:
    lines = problems(folder, ("during {subject}?", "during {titel}?"))
    assert lines == [
        f"night.facts.yaml:{line_of('during {subject}?')}:11: "
        "'ask' may use {subject} and {title}, not {titel}"
    ]


def test_an_entity_whose_display_name_is_not_in_the_article_is_a_problem(folder: Path) -> None:
    line = line_of("  mia-stone:")
    assert problems(folder, ("name: Mia Stone,", "name: Mia Stones, also: [Stone],")) == [
        f"night.facts.yaml:{line}:3: entity 'mia-stone': its name 'Mia Stones' is not in the "
        "article, only its 'also' name 'Stone' (players read the name: is it misspelt?)"
    ]


def test_a_quote_not_naming_its_subject_is_a_warning(folder: Path) -> None:
    # Tom Reed's line proves Ben's actor only with Ben in it: "(Tom Reed)." could be anyone's.
    swapped = load(folder, ('evidence: "meets Ben (Tom Reed)"', 'evidence: "(Tom Reed)."'))
    assert [(warning.line, warning.message) for warning in swapped.warnings] == [
        (
            line_of('evidence: "meets Ben'),
            "no quote of this fact names its subject 'Ben' (or an 'also' name): "
            "is it about another character?",
        )
    ]


def test_the_only_entity_of_its_type_needs_no_naming(folder: Path) -> None:
    # "It has six episodes." names no series, and the sheet has one series only.
    sheet = load(folder)
    assert "It has six" in fact(sheet, "episode-count").evidence[0].text
    assert sheet.warnings == ()


def test_an_accepted_answer_sharing_nothing_with_the_answer_is_a_warning(folder: Path) -> None:
    relation = (
        "relations:\n",
        "relations:\n  cost:\n    subject: series\n    value: text\n"
        '    ask: ["What did {subject} cost?"]\n    statement: "{subject} cost {value}."\n',
    )
    # YAML splits the unquoted "1,800,000 euros" into "1", "800" and "000 euros".
    cost = (
        "  - {subject: night-shift, relation: low",
        "  - subject: night-shift\n    relation: cost\n    value: €1.8 million\n"
        "    accept: [1.8 million, €1.8 million, 1,800,000 euros]\n"
        '    evidence: "It cost €1.8 million."\n'
        "  - {subject: night-shift, relation: low",
    )
    sheet = load(folder, relation, cost)
    assert fact(sheet, "cost").accept == ("1.8 million", "€1.8 million", "1", "800", "000 euros")
    assert [warning.message for warning in sheet.warnings] == [
        f"accepted answer '{form}' shares no word or number with the answer '€1.8 million' "
        "(a list split at its commas? quote each entry)"
        for form in ("800", "000 euros")
    ]


def test_warnings_are_given_even_when_problems_refuse_the_sheet(folder: Path) -> None:
    path = folder / "night.facts.yaml"
    path.write_text(
        SHEET.replace('evidence: "meets Ben (Tom Reed)"', 'evidence: "(Tom Reed)."').replace(
            "value: March 2025", "value: April 2025"
        ),
        encoding="utf-8",
    )
    warnings: list[Problem] = []
    with pytest.raises(LoadError, match="gives the date April 2025"):
        load_fact_sheet(path, warnings=warnings)
    assert [warning.message.split(":")[0] for warning in warnings] == [
        "no quote of this fact names its subject 'Ben' (or an 'also' name)"
    ]


def test_facts_check_prints_warnings_and_passes_the_sheet(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = folder / "night.facts.yaml"
    edited = SHEET.replace('evidence: "meets Ben (Tom Reed)"', 'evidence: "(Tom Reed)."')
    path.write_text(edited, encoding="utf-8")
    assert main(["facts", "check", str(path)]) == 0
    out = capsys.readouterr().out.splitlines()
    quote = edited.index('"(Tom Reed).')  # the quote's place
    line = edited[:quote].count("\n") + 1
    column = quote - edited.rindex("\n", 0, quote)
    assert out == [
        f"{path}:{line}:{column}: warning: no quote of this fact names its subject 'Ben' "
        "(or an 'also' name): is it about another character?",
        f"{path}: ok, 11 facts about 6 entities, every quote found in night.txt (1 warning)",
    ]
    assert warning_text(load_fact_sheet(path).warnings[0]) == out[0]


def test_the_summary_counts_in_the_singular_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.txt").write_text("Night Shift is not renewed.", encoding="utf-8")
    sheet = tmp_path / "a.facts.yaml"
    sheet.write_text(
        "article: a.txt\npack: {id: a, title: A, version: 1}\n"
        "entities:\n  s: {type: series, name: Night Shift}\n"
        "relations:\n  renewed:\n    subject: series\n    value: boolean\n"
        "    statement: '{subject} is renewed.'\n    negation: '{subject} is not renewed.'\n"
        "facts:\n  - {subject: s, relation: renewed, value: 'false', "
        "evidence: Night Shift is not renewed.}\n",
        encoding="utf-8",
    )
    assert main(["facts", "check", str(sheet)]) == 0
    assert capsys.readouterr().out == (
        f"{sheet}: ok, 1 fact about 1 entity, every quote found in a.txt\n"
    )


def test_a_month_or_year_date_must_be_in_a_quote_as_precisely(folder: Path) -> None:
    assert problems(folder, ("value: March 2025", "value: April 2025")) == [
        f"night.facts.yaml:{at('March 2025,')}: no quote of this fact gives the date April 2025"
    ]
    assert fact(load(folder, ("value: March 2025", 'value: "2025"')), "filming").value == (
        CalendarDate(2025, None, None)
    )
