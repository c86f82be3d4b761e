"""Hypothesis explores the sheets near a user's fact sheet, for `quiz check`.

A neighbour keeps some of the sheet's facts, gives a few of them another value of their kind
(a date moved, a number moved, another entity of the value's type, a yes/no flipped) and
picks a generator seed. Every property of quiz.generate.properties is tried on each neighbour;
each failure is then shrunk to the fewest facts, the fewest changed values and the smallest
seed that still break it, and printed as fact-sheet YAML the author can read.

The runs leave nothing behind: no example database, and Hypothesis's own cache folder is a
temporary one (by default it is `.hypothesis` in the current directory, which is the user's).
The same sheet and exploration seed always try the same neighbours.
"""

from __future__ import annotations

import datetime
import json
import re
import tempfile
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import MISSING, dataclass, fields, replace
from decimal import Decimal

from hypothesis import HealthCheck, Phase, Verbosity, given, reject, seed, settings
from hypothesis import strategies as st
from hypothesis.configuration import set_hypothesis_home_dir, storage_directory
from hypothesis.errors import Flaky, Unsatisfiable

from quiz.core.limits import LARGEST_SEED
from quiz.core.model import Pack
from quiz.core.problems import LoadError
from quiz.core.values import CalendarDate, as_datetime, from_datetime
from quiz.facts.bounds import bounds_of
from quiz.facts.checks import value_text
from quiz.facts.model import EntityRef, Fact, FactSheet, FactValue
from quiz.generate.generator import Generated, generate, generate_pack
from quiz.generate.properties import PACK_PROPERTIES, QUESTION_PROPERTIES, PropertyVerdict

# How far a value moves: days for a day date, months for a month date, years for a year.
DAYS, MONTHS, YEARS = 400, 24, 10
FACTS_DRAWN = 1_000
# Fact fields written first (subject, relation, value) or last (evidence), and the optional
# explanation, long and no part of any property; a field that does not compare (a place) is
# left out too.
_NOT_SHOWN = frozenset({"subject", "relation", "value", "evidence", "explain"})
_PLAIN = re.compile(r"-?[A-Za-z0-9][\w ,.&'-]*")


@dataclass(frozen=True, slots=True)
class Variant:
    """A neighbour of the sheet: the facts kept, by index, each with its changed value
    (None: as the sheet says), and the seed to generate it with."""

    kept: tuple[tuple[int, FactValue | None], ...]
    seed: int


@dataclass(frozen=True, slots=True)
class Explored:
    """A property searched over neighbours; a failure comes with its smallest neighbour as
    fact-sheet YAML lines."""

    verdict: PropertyVerdict
    snippet: tuple[str, ...] = ()


def explore_sheet(sheet: FactSheet, examples: int, random_seed: int = 0) -> list[Explored]:
    """Every property of QUESTION_PROPERTIES and PACK_PROPERTIES over `examples` neighbours
    of the sheet (those that make at least one question).

    One search tries every property on each neighbour; each property it finds failing is
    then searched again on its own, which meets the same failure (the same seed tries the
    same neighbours) and shrinks it."""
    near = Neighbourhood(sheet)
    strategy = variants(sheet)
    checks: list[tuple[str, Property]] = [
        (name, _question_property(near, check)) for name, check in QUESTION_PROPERTIES
    ]
    checks += [(name, _pack_property(near, check)) for name, check in PACK_PROPERTIES]
    with _hypothesis_storage_elsewhere():
        tried, failures = _survey(strategy, checks, near, examples, random_seed)
        return [
            _shrunk(name, strategy, holds, near, examples, random_seed, tried[name], failures[name])
            if name in failures
            else Explored(PropertyVerdict(name, tried[name]))
            for name, holds in checks
        ]


class Neighbourhood:
    """The sheet's neighbours, each built and generated once: every property's search
    starts from the same exploration seed, so they try the same neighbours first."""

    def __init__(self, sheet: FactSheet) -> None:
        self.sheet = sheet
        self._questions: dict[Variant, tuple[FactSheet, list[Generated] | str | None]] = {}
        self._packs: dict[Variant, Pack | str | None] = {}

    def facts(self, variant: Variant) -> list[tuple[Fact, Fact]]:
        """(as the sheet says, as the neighbour says) for each fact kept; a fact that a
        changed value makes the twin of one kept before it is left out."""
        pairs: list[tuple[Fact, Fact]] = []
        seen: set[tuple[str, str, FactValue]] = set()
        for index, value in variant.kept:
            original = self.sheet.facts[index]
            fact = original if value is None else replace(original, value=value)
            if (fact.subject, fact.relation, fact.value) not in seen:
                seen.add((fact.subject, fact.relation, fact.value))
                pairs.append((original, fact))
        return pairs

    def sub_sheet(self, variant: Variant) -> FactSheet:
        return replace(self.sheet, facts=tuple(fact for _, fact in self.facts(variant)))

    def questions(self, variant: Variant) -> tuple[FactSheet, list[Generated] | str | None]:
        """The neighbour and its questions, what went wrong making them, or None when one of
        its values is outside its bounds (no sheet the author could write)."""
        if variant not in self._questions:
            sheet = self.sub_sheet(variant)
            made: list[Generated] | str | None = None
            try:
                if within_bounds(sheet):
                    made = generate(sheet, variant.seed)
            except Exception as error:  # a crash is a failure to show, shrunk like the others
                made = _crash(error)
            self._questions[variant] = (sheet, made)
        return self._questions[variant]

    def pack(self, variant: Variant) -> Pack | str | None:
        """The neighbour's pack, what went wrong making it, or None when it makes none."""
        if variant not in self._packs:
            sheet, made_questions = self.questions(variant)
            made: Pack | str | None = None
            try:
                if made_questions is not None:
                    made = generate_pack(sheet, variant.seed)
            except LoadError:
                made = None  # no question: nothing to check
            except Exception as error:
                made = _crash(error)
            self._packs[variant] = made
        return self._packs[variant]


def within_bounds(sheet: FactSheet) -> bool:
    """Whether every date and number of the sheet lies within its relation's bounds."""
    return all(
        bounds_of(sheet, fact).admits(fact.value)
        for fact in sheet.facts
        if isinstance(fact.value, CalendarDate | int | Decimal) and not isinstance(fact.value, bool)
    )


def _crash(error: Exception) -> str:
    return f"generating it fails: {type(error).__name__}: {error}"


# Whether a property holds on a neighbour: None, or what fails. It calls hypothesis.reject()
# for a neighbour that is no example (a value outside its bounds, no question made).
Property = Callable[[Variant], str | None]


def _question_property(
    near: Neighbourhood, check: Callable[[FactSheet, Generated], str | None]
) -> Property:
    def holds(variant: Variant) -> str | None:
        sheet, made = near.questions(variant)
        if isinstance(made, str):
            return made
        if not made:
            reject()
        for item in made:
            failure = check(sheet, item)
            if failure is not None:
                return f"question '{item.question.id}': {failure}"
        return None

    return holds


def _pack_property(near: Neighbourhood, check: Callable[[Pack], str | None]) -> Property:
    def holds(variant: Variant) -> str | None:
        made = near.pack(variant)
        if made is None:
            reject()
        return check(made) if isinstance(made, Pack) else made

    return holds


# Shrinking runs the property again and again; bounded, so `quiz check` on a sheet that fails
# many properties ends in seconds. The shrunk sheet is the smallest found within the budget.
SHRINK_CALLS_PER_EXAMPLE = 2
MIN_SHRINK_CALLS = 50


class _Broken(Exception):
    def __init__(self, variant: Variant, failure: str) -> None:
        super().__init__(failure)
        self.variant = variant
        self.failure = failure


def _survey(
    strategy: st.SearchStrategy[Variant],
    checks: list[tuple[str, Property]],
    near: Neighbourhood,
    examples: int,
    random_seed: int,
) -> tuple[Counter[str], dict[str, _Broken]]:
    """Every property on each neighbour: how many each was tried on, up to its first
    failure, and that failure."""
    tried: Counter[str] = Counter()
    failures: dict[str, _Broken] = {}

    def every_property(variant: Variant) -> None:
        if not near.questions(variant)[1]:
            reject()
        for name, holds in checks:
            if name not in failures:
                tried[name] += 1
                failure = holds(variant)
                if failure is not None:
                    failures[name] = _Broken(variant, failure)

    _run(strategy, every_property, examples, random_seed)
    return tried, failures


def _shrunk(
    name: str,
    strategy: st.SearchStrategy[Variant],
    holds: Property,
    near: Neighbourhood,
    examples: int,
    random_seed: int,
    tried: int,
    found: _Broken,
) -> Explored:
    """The property's failure, shrunk by a search of its own: at most SHRINK_CALLS_PER_EXAMPLE
    times the budget of calls, so that a sheet failing in many ways still ends soon."""
    calls_left = max(MIN_SHRINK_CALLS, examples * SHRINK_CALLS_PER_EXAMPLE)
    smallest = found

    def property_holds(variant: Variant) -> None:
        nonlocal calls_left, smallest
        if calls_left <= 0:
            return  # out of budget: every further candidate passes, and the search ends
        calls_left -= 1
        failure = holds(variant)
        if failure is not None:
            smallest = _Broken(variant, failure)  # the shrinker only tries smaller ones
            raise smallest

    try:
        _run(strategy, property_holds, examples, random_seed)
    except _Broken as raised:
        found = raised
    except Flaky:  # the budget ran out mid-search: the smallest failure seen so far
        found = smallest
    else:
        found = smallest
    failure = f"seed {found.variant.seed}: {found.failure}"
    return Explored(PropertyVerdict(name, tried, failure), snippet(near, found.variant))


def _run(
    strategy: st.SearchStrategy[Variant],
    test: Callable[[Variant], None],
    examples: int,
    random_seed: int,
) -> None:
    """The test on neighbours drawn from the strategy, as Hypothesis does; its failure,
    shrunk, raised. Nothing when no neighbour is an example."""

    @seed(random_seed)
    @settings(
        database=None,
        deadline=None,
        derandomize=False,  # the seed above decides, whatever the loaded profile says
        max_examples=examples,
        # A user's sheet may be large, slow or mostly made of facts no question uses.
        suppress_health_check=list(HealthCheck),
        phases=(Phase.explicit, Phase.generate, Phase.shrink),
        report_multiple_bugs=False,
        print_blob=False,
        verbosity=Verbosity.quiet,  # the command prints the counterexample itself
    )
    @given(strategy)
    def run(variant: Variant) -> None:
        test(variant)

    with suppress(Unsatisfiable):  # no neighbour is an example
        run()


@contextmanager
def _hypothesis_storage_elsewhere() -> Iterator[None]:
    before = storage_directory(intent_to_write=False).home_directory
    with tempfile.TemporaryDirectory(prefix="quiz-check-") as folder:
        set_hypothesis_home_dir(folder)
        try:
            yield
        finally:
            set_hypothesis_home_dir(before)


# --------------------------------------------------------------------------- neighbours


def variants(sheet: FactSheet) -> st.SearchStrategy[Variant]:
    """Neighbours of the sheet. Each choice shrinks towards less: a fact dropped, a value as
    the sheet says it, seed 0."""
    changes = [changed_values(sheet, fact) for fact in sheet.facts]
    # A choice per fact would overflow Hypothesis's test cases (some 8,000 choices) on a
    # large sheet: that draws at most this many facts instead.
    some_facts = st.lists(st.integers(0, len(changes) - 1), unique=True, max_size=FACTS_DRAWN)

    @st.composite
    def draw_variant(draw: st.DrawFn) -> Variant:
        # Each fact's value is drawn right after the choice to keep it, so that dropping the
        # fact while shrinking leaves the other facts' choices as they were.
        drawn = sorted(draw(some_facts)) if len(changes) > FACTS_DRAWN else range(len(changes))
        kept: list[tuple[int, FactValue | None]] = []
        for index in drawn:
            if len(changes) > FACTS_DRAWN or draw(st.booleans()):
                changed = changes[index]
                kept.append((index, None if changed is None else draw(st.none() | changed)))
        return Variant(tuple(kept), draw(st.integers(0, LARGEST_SEED)))

    return draw_variant()


def changed_values(sheet: FactSheet, fact: Fact) -> st.SearchStrategy[FactValue] | None:
    """Other values of the fact's kind, nearest first, within the fact's bounds in the whole
    sheet; None when it has none (text)."""
    value = fact.value
    if isinstance(value, bool):
        return st.just(not value)
    if isinstance(value, EntityRef):
        relation = sheet.relations[fact.relation]
        # Of the same type, and alike in the attributes the relation matches: a women's
        # player is never offered as the scorer of a men's match.
        like = [(name, sheet.entities[value.key].attribute(name)) for name in relation.match]
        others = [
            key
            for key, entity in sheet.entities.items()
            if entity.type == relation.value_type
            and key not in (value.key, fact.subject)
            and all(entity.attribute(name) == wanted for name, wanted in like)
        ]
        return st.sampled_from(others).map(EntityRef) if others else None
    moved: st.SearchStrategy[FactValue]
    if isinstance(value, int):
        moved = _moved_by_units(Decimal(value), Decimal(1)).map(int)
    elif isinstance(value, Decimal):
        exponent = value.as_tuple().exponent  # the last digit written: 38.5 moves by 0.1
        moved = _moved_by_units(
            value, Decimal(1).scaleb(exponent if isinstance(exponent, int) else 0)
        )
    elif isinstance(value, CalendarDate):
        moved = _moved_date(value)
    else:
        return None
    bounds = bounds_of(sheet, fact)
    return moved.filter(lambda other: bounds.admits(other))  # type: ignore[arg-type]


def _moved_by_units(value: Decimal, unit: Decimal) -> st.SearchStrategy[Decimal]:
    """The value a few units up or down (up to half its size); a count stays a count."""
    moved = _steps(max(3, int(abs(value) / unit) // 2)).map(lambda step: value + step * unit)
    return moved.filter(lambda number: number >= 0) if value >= 0 else moved


def _moved_date(date: CalendarDate) -> st.SearchStrategy[FactValue]:
    """A day date some days away, a month date some months away, a year some years away."""
    if date.day is not None and date.month is not None:
        day, with_year = as_datetime(date), date.year is not None

        def days_away(step: int) -> FactValue:
            try:
                return from_datetime(day + datetime.timedelta(days=step), with_year)
            except OverflowError:  # beyond year 9999
                return date

        return _steps(DAYS).map(days_away).filter(lambda moved: moved != date)
    year = date.year or 0
    if date.month is not None:
        first = year * 12 + date.month - 1
        return _steps(MONTHS).map(
            lambda step: CalendarDate((first + step) // 12, (first + step) % 12 + 1, None)
        )
    return _steps(YEARS).map(lambda step: CalendarDate(year + step, None, None))


def _steps(reach: int) -> st.SearchStrategy[int]:
    """-reach to reach but 0, shrinking towards the smallest move."""
    return st.integers(-reach, reach).filter(lambda step: step != 0)


# ----------------------------------------------------------------------------- snippets


def snippet(near: Neighbourhood, variant: Variant) -> tuple[str, ...]:
    """The neighbour as the facts: part of a fact sheet, with `# seed: N`; a changed value
    says what the sheet has."""
    pairs = near.facts(variant)
    total = len(near.sheet.facts)
    lines = [
        f"# seed: {variant.seed}",
        f"# {len(pairs)} of {total} fact{'' if total == 1 else 's'} kept; "
        "entities and relations as in the sheet",
        "facts:",
    ]
    for original, fact in pairs:
        lines += _fact_lines(near.sheet, original, fact)
    return tuple(lines)


def _fact_lines(sheet: FactSheet, original: Fact, fact: Fact) -> list[str]:
    value = f"    value: {_scalar(_written(fact.value, sheet))}"
    if fact.value != original.value:
        value += f"  # changed: the sheet says {_written(original.value, sheet)}"
    lines = [f"  - subject: {_scalar(fact.subject)}", f"    relation: {_scalar(fact.relation)}"]
    lines.append(value)
    for field in fields(fact):
        written = getattr(fact, field.name)
        default = field.default_factory() if field.default_factory is not MISSING else field.default
        if field.name in _NOT_SHOWN or not field.compare or written == default:
            continue
        lines.append(f"    {field.name.replace('_', '-')}: {_field_text(written)}")
    quotes = [_scalar(quote.text, always_quoted=True) for quote in fact.evidence]
    if len(quotes) == 1:
        lines.append(f"    evidence: {quotes[0]}")
    else:
        lines += ["    evidence:", *(f"      - {quote}" for quote in quotes)]
    return lines


def _written(value: FactValue, sheet: FactSheet) -> str:
    """A value as a fact sheet writes it: an entity by its key, the rest as players read it."""
    return value.key if isinstance(value, EntityRef) else value_text(value, sheet)


def _field_text(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, tuple):
        return "[" + ", ".join(_scalar(str(item)) for item in value) + "]"
    return _scalar(str(value))


def _scalar(text: str, always_quoted: bool = False) -> str:
    """Plain where YAML reads it back as written, else double-quoted (a JSON string is a
    YAML double-quoted scalar)."""
    if not always_quoted and _PLAIN.fullmatch(text) and not text.endswith(" "):
        return text
    return json.dumps(text, ensure_ascii=False)
