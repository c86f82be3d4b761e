"""Does the article say what the sheet says? Quotes, values, names and contradictions."""

from __future__ import annotations

from decimal import Decimal

from quiz.core.problems import Problem, ProblemList
from quiz.core.text import typed_answer_key
from quiz.core.values import (
    Article,
    CalendarDate,
    Mentions,
    dates_in,
    format_date,
    mentions,
    normalize_quote,
    numbers_in,
)
from quiz.facts.bounds import ambiguous_bounds, bounds_of
from quiz.facts.doubts import accept_warnings, match_warnings, subject_warning, year_warning
from quiz.facts.model import Entity, EntityRef, Fact, FactSheet, FactValue, Place

# Long enough to recognise the quote in a message, short enough for one line.
SHOWN_CHARS = 40


def warning_text(warning: Problem) -> str:
    """How a warning is printed: ``path:line:col: warning: message``."""
    return f"{warning.path}:{warning.line}:{warning.column}: warning: {warning.message}"


def check_sheet(
    sheet: FactSheet, problems: ProblemList, warnings: ProblemList | None = None
) -> None:
    """Record every way the sheet disagrees with its article or with itself in
    ``problems``, and what looks wrong without being provably so in ``warnings`` (a quote
    that does not name the fact's subject, an accepted answer unlike the answer)."""
    article = Article(sheet.article)
    warned = warnings if warnings is not None else ProblemList(problems.path)

    def add(place: Place, message: str) -> None:
        problems.add(place.line, place.column, message)

    _check_entities(sheet, problems)
    _check_phrasings(sheet, problems)
    first_value: dict[tuple[str, str], Fact] = {}
    seen: dict[tuple[str, str, FactValue], Fact] = {}
    checked_quotes: set[int] = set()  # the facts of a list of values share their quotes
    warned_entries: set[tuple[int, str]] = set()  # and are warned of once
    for fact in sheet.facts:
        for quote in fact.evidence:
            if id(quote) not in checked_quotes and quote.text not in article:
                add(quote.place, _not_in_article(quote.text, article.text))
            checked_quotes.add(id(quote))
        complaint = _unsupported(fact, sheet)
        if complaint:
            add(fact.value_place, complaint)
        for message in _out_of_bounds(sheet, fact):
            add(fact.value_place, message)
        for place, message in year_warning(sheet, fact):
            warned.add(place.line, place.column, message)
        entry = (id(fact.evidence), fact.subject)
        if entry not in warned_entries:
            warned_entries.add(entry)
            for place, message in [*subject_warning(sheet, fact), *accept_warnings(sheet, fact)]:
                warned.add(place.line, place.column, message)
        relation = sheet.relations[fact.relation]
        again = seen.setdefault((fact.subject, fact.relation, fact.value), fact)
        if again is not fact:
            add(fact.value_place, f"repeats the fact at line {again.place.line}")
            continue
        if not relation.single_valued:
            continue
        first = first_value.setdefault((fact.subject, fact.relation), fact)
        if first is not fact:
            add(
                fact.value_place,
                f"contradicts line {first.place.line}: '{fact.relation}' of '{fact.subject}' "
                f"has one value, already {value_text(first.value, sheet)}",
            )
    for place, message in match_warnings(sheet):
        warned.add(place.line, place.column, message)


def _check_entities(sheet: FactSheet, problems: ProblemList) -> None:
    """Each entity's display name is in the article (players read it), and no two entities
    of one type share a name."""
    named = Mentions(sheet.article)
    first_of_name: dict[tuple[str, str], Entity] = {}
    for entity in sheet.entities.values():
        place = entity.place
        namesake = first_of_name.setdefault((entity.type, typed_answer_key(entity.name)), entity)
        if namesake is not entity:
            problems.add(
                place.line,
                place.column,
                f"entity '{entity.key}' has the name of '{namesake.key}' "
                f"(line {namesake.place.line}), so no question could tell them apart",
            )
        if entity.name in named:
            continue
        alias = next((name for name in entity.aliases if name in named), None)
        if alias is None:
            message = f"entity '{entity.key}': '{entity.name}' is not named in the article"
        else:
            message = (
                f"entity '{entity.key}': its name '{entity.name}' is not in the article, "
                f"only its 'also' name '{alias}' (players read the name: is it misspelt?)"
            )
        problems.add(place.line, place.column, message)


def _out_of_bounds(sheet: FactSheet, fact: Fact) -> list[str]:
    """A bound naming a relation that cannot tell which of its facts bounds this one, and
    a value its bounds refuse."""
    value = fact.value
    if not isinstance(value, CalendarDate | int | Decimal) or isinstance(value, bool):
        return []
    complaint = bounds_of(sheet, fact).complaint(value)
    return [*ambiguous_bounds(sheet, fact), *([complaint] if complaint else [])]


def _check_phrasings(sheet: FactSheet, problems: ProblemList) -> None:
    """A phrasing used for several subjects must name its subject, or one prompt would have
    several answers (and likewise for values in 'ask-subject')."""
    subjects: dict[str, set[str]] = {}
    values: dict[str, set[FactValue]] = {}
    for fact in sheet.facts:
        subjects.setdefault(fact.relation, set()).add(fact.subject)
        values.setdefault(fact.relation, set()).add(fact.value)
    for key, relation in sheet.relations.items():
        place = relation.place
        if len(subjects.get(key, ())) > 1 and any("{subject}" not in t for t in relation.ask):
            message = f"relation '{key}' has several subjects: each 'ask' needs {{subject}}"
            problems.add(place.line, place.column, message)
        if len(values.get(key, ())) > 1 and any("{value}" not in t for t in relation.ask_subject):
            message = f"relation '{key}' has several values: each 'ask-subject' needs {{value}}"
            problems.add(place.line, place.column, message)


def value_text(value: FactValue, sheet: FactSheet) -> str:
    """A value as a person reads it: a date spelled out, an entity by its name."""
    if isinstance(value, CalendarDate):
        return format_date(value)
    if isinstance(value, EntityRef):
        return sheet.entities[value.key].name
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _unsupported(fact: Fact, sheet: FactSheet) -> str | None:
    """Why no quote of the fact states its value, or None when one does."""
    value = fact.value
    quotes = [quote.text for quote in fact.evidence]
    if isinstance(value, bool):
        return None  # a yes or no is carried by the sentence as a whole
    if isinstance(value, CalendarDate):
        if any(_gives_date(quote, value) for quote in quotes):
            return None
        return f"no quote of this fact gives the date {format_date(value)}"
    if isinstance(value, int | Decimal):
        if any(value in numbers_in(quote) for quote in quotes):
            return None
        return f"no quote of this fact gives the number {value} (in digits or words)"
    if isinstance(value, EntityRef):
        entity = sheet.entities[value.key]
        names = (entity.name, *entity.aliases)
        if any(mentions(quote, name) for quote in quotes for name in names):
            return None
        return f"no quote of this fact names '{entity.name}' (or one of its 'also' names)"
    if any(mentions(quote, value) for quote in quotes):
        return None
    return f"no quote of this fact contains '{value}'"


def _gives_date(quote: str, value: CalendarDate) -> bool:
    """Whether the quote gives the date as precisely as the value: the day (and its year,
    anywhere in the quote), the month of that year, or the year."""
    for found, _, _ in dates_in(quote):
        year_given = found.year == value.year or (found.year is None and str(value.year) in quote)
        if value.precision == "day":
            same_day = (found.month, found.day) == (value.month, value.day)
            if same_day and (value.year is None or str(value.year) in quote):
                return True
        elif value.precision == "month":
            if found.month == value.month and year_given:
                return True
        elif found.year == value.year:
            return True
    # A year outside the range read as years in running text ("founded in 1200").
    return value.precision == "year" and value.year in numbers_in(quote)


def _not_in_article(quote: str, article: str) -> str:
    """Say how far the quote matches, so the author can find the difference."""
    words = normalize_quote(quote).split(" ")
    matched = 0
    while matched < len(words) and " ".join(words[: matched + 1]) in article:
        matched += 1
    if matched == 0:
        return "quote is not in the article"
    shown = " ".join(words[:matched])
    if len(shown) > SHOWN_CHARS:
        shown = "..." + shown[-SHOWN_CHARS:]
    return f"quote is not in the article (it matches up to '{shown}')"
