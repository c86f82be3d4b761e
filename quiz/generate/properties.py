"""What every generated question must satisfy, as checks that name the first failure.

The tests run them on drawn fact sheets; `quiz check` runs them on a user's sheet over
many seeds, and the pack-level ones on any pack.
"""

from __future__ import annotations

import datetime
import itertools
from collections import Counter
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from quiz.core.model import Pack, Question, QuestionType
from quiz.core.problems import LoadError
from quiz.core.text import normalize_answer, typed_answer_key
from quiz.core.values import CalendarDate, date_order, format_date, parse_date
from quiz.core.wording import wording_slip
from quiz.facts.bounds import bounds_of
from quiz.facts.checks import value_text
from quiz.facts.model import Entity, EntityRef, Fact, FactSheet, FactValue, Relation, ValueKind
from quiz.generate.distractors import LADDER_RUNGS, MIN_WRONG, shift
from quiz.generate.generator import Generated, generate, generate_pack
from quiz.packs.dump import dump_pack_yaml
from quiz.packs.fairness import unfair_questions
from quiz.packs.loader import load_pack_bytes
from quiz.session.answers import InvalidAnswer, judge

# Chi-square critical values at alpha = 0.001, by degrees of freedom: a fair generator
# fails the uniformity check in one run of a thousand.
CHI_SQUARE_0_001 = {1: 10.828, 2: 13.816, 3: 16.266}
# Below this many expected per category the chi-square approximation is not trusted.
MIN_EXPECTED = 5

QuestionCheck = Callable[[FactSheet, Generated], str | None]


def _true_values(sheet: FactSheet, subject: str, relation: str) -> list[FactValue]:
    return [f.value for f in sheet.facts if f.subject == subject and f.relation == relation]


def _right_answers(sheet: FactSheet, item: Generated) -> set[str]:
    """Every answer the facts make right for the question, as a player would type it."""
    fact = item.fact
    if item.reverse:
        keys = {
            f.subject for f in sheet.facts if (f.relation, f.value) == (fact.relation, fact.value)
        }
        return {typed_answer_key(sheet.entities[key].name) for key in keys}
    values = _true_values(sheet, fact.subject, fact.relation)
    return {typed_answer_key(value_text(value, sheet)) for value in values}


def answer_is_the_value(sheet: FactSheet, item: Generated) -> str | None:
    question, fact = item.question, item.fact
    if question.type is QuestionType.TRUEFALSE:
        return None  # its answer is the statement's truth: see statement_truth
    if item.reverse:
        expected = sheet.entities[fact.subject].name
    elif isinstance(fact.value, bool):  # a yes/no question
        expected = "Yes" if fact.value else "No"
    else:
        expected = value_text(fact.value, sheet)
    if question.answer != expected:
        return f"answer '{question.answer}' is not the fact's value '{expected}'"
    if not question.evidence or not question.explain:
        return "the question has no evidence or no explanation"
    return None


def wrong_answers_fit(sheet: FactSheet, item: Generated) -> str | None:
    """Distinct, never right, of the answer's kind; dates and numbers evenly stepped (or,
    for dates, other dates of the article); a yes/no question offers the other word."""
    question = item.question
    if question.type is not QuestionType.CHOICE:
        return None
    wrong = question.wrong
    relation = sheet.relations[item.fact.relation]
    value = item.fact.value
    if isinstance(value, bool):
        expected = ("No",) if value else ("Yes",)
        answer = "Yes" if value else "No"
        if (question.answer, wrong) != (answer, expected):
            return f"a yes/no question answers '{question.answer}' offering {list(wrong)}"
        return None
    typed = [typed_answer_key(text) for text in wrong]
    if len(set(typed)) != len(typed):
        return f"wrong answers repeat each other: {list(wrong)}"
    if len(typed) < MIN_WRONG:
        return f"only {len(typed)} wrong answer(s): a choice needs {MIN_WRONG}"
    right = _right_answers(sheet, item) & set(typed)
    if right:
        return f"wrong answer '{right.pop()}' is right by the facts"
    if relation.kind is ValueKind.ENTITY and relation.distractors_from and not item.reverse:
        sources = {relation.key, *relation.distractors_from}
        names = {value_text(f.value, sheet) for f in sheet.facts if f.relation in sources}
        strangers = [text for text in wrong if text not in names]
        if strangers:
            return f"wrong answers {strangers} are no values of {sorted(sources)}"
    if item.reverse or relation.kind is ValueKind.ENTITY:
        entity_type = relation.subject_type if item.reverse else relation.value_type
        names = {e.name for e in sheet.entities.values() if e.type == entity_type}
        strangers = [text for text in wrong if text not in names]
        return f"wrong answers {strangers} are not {entity_type} names" if strangers else None
    if isinstance(value, CalendarDate):
        return _dates_evenly_stepped(sheet, value, wrong)
    if isinstance(value, int | Decimal):
        return _numbers_evenly_stepped(value, wrong)
    return f"a {relation.kind} value has wrong answers"


def _number(text: str) -> Decimal | None:
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


def _numbers_evenly_stepped(value: int | Decimal, wrong: tuple[str, ...]) -> str | None:
    parsed = [_number(text) for text in wrong]
    found = [number for number in parsed if number is not None]
    if len(found) != len(wrong) or (isinstance(value, int) and any(n % 1 for n in found)):
        return f"wrong answers {list(wrong)} are not all numbers like the answer"
    if found != sorted(found):
        return f"wrong answers {list(wrong)} are not in order"
    numbers = sorted([Decimal(value), *found])
    if len({b - a for a, b in itertools.pairwise(numbers)}) != 1:
        return f"choices {[str(n) for n in numbers]} are not evenly spaced"
    return None


def _dates_evenly_stepped(
    sheet: FactSheet, value: CalendarDate, wrong: tuple[str, ...]
) -> str | None:
    parsed = [parse_date(text) for text in wrong]
    dates = [date for date in parsed if date is not None]
    if len(dates) != len(wrong) or any(not _written_alike(d, value) for d in dates):
        return f"wrong answers {list(wrong)} are not all dates written like the answer"
    if dates != sorted(dates, key=date_order):
        return f"wrong answers {list(wrong)} are not in order"
    if _ladder_step(value, dates) is not None:
        return None
    article = {_year_less_like(date, value) for date in _article_dates(sheet)}
    if all(date in article for date in dates):
        return None  # other dates the article gives
    ordered = sorted([value, *dates], key=date_order)
    return f"choices {[format_date(d) for d in ordered]} are not evenly spaced"


def _written_alike(date: CalendarDate, value: CalendarDate) -> bool:
    """Of the answer's precision, with a year exactly when it has one."""
    return (date.year is None, date.month is None, date.day is None) == (
        value.year is None,
        value.month is None,
        value.day is None,
    )


def _year_less_like(date: CalendarDate, value: CalendarDate) -> CalendarDate:
    if value.year is None and date.day is not None:
        return CalendarDate(None, date.month, date.day)
    return date


def _article_dates(sheet: FactSheet) -> list[CalendarDate]:
    from quiz.core.values import dates_in

    return [date for date, _, _ in dates_in(sheet.article)]


def _ladder_step(value: CalendarDate, wrong: list[CalendarDate]) -> tuple[str, int] | None:
    """The step the choices climb by, if they do: a month, a year, or a week or more of
    days (a guess between May 7 and May 8 is not trivia)."""
    ordered = sorted([value, *wrong], key=date_order)
    pairs = list(itertools.pairwise(ordered))
    for step in (("months", 1), ("years", 1)):
        if all(shift(a, step, 1) == b for a, b in pairs):
            return step
    if all(date.month is not None and date.day is not None for date in ordered):
        days = {_ordinal(b) - _ordinal(a) for a, b in pairs}
        if len(days) == 1 and (apart := days.pop()) >= 7:
            return ("days", apart)
    return None


def _ordinal(date: CalendarDate) -> int:
    assert date.month is not None and date.day is not None
    return datetime.date(date.year or 2000, date.month, date.day).toordinal()


def statement_truth(sheet: FactSheet, item: Generated) -> str | None:
    question, fact = item.question, item.fact
    if question.type is not QuestionType.TRUEFALSE:
        return None
    claim = item.claim
    if claim is None:
        return "a true/false question without the value it claims"
    if isinstance(fact.value, bool):
        says_so = claim == fact.value
    else:
        says_so = claim in _true_values(sheet, fact.subject, fact.relation)
        if value_text(claim, sheet) not in question.prompt:
            return f"the statement does not say the value it claims, '{value_text(claim, sheet)}'"
    if question.truth is not says_so:
        return f"'{question.prompt}' is {says_so} by the facts, but its answer is {question.answer}"
    return None


def _tolerance(fact: Fact, relation: Relation) -> Decimal:
    return fact.tolerance if fact.tolerance is not None else relation.tolerance


def _unit(*numbers: Decimal) -> Decimal:
    exponents = [n.as_tuple().exponent for n in numbers]
    return Decimal(1).scaleb(min(0, *(e for e in exponents if isinstance(e, int))))


def tolerance_is_exact(sheet: FactSheet, item: Generated) -> str | None:
    question = item.question
    if question.type is not QuestionType.NUMBER:
        return None
    value, tolerance = question.number_answer, question.tolerance
    declared = _tolerance(item.fact, sheet.relations[item.fact.relation])
    if tolerance != declared:
        return f"tolerance {tolerance} is not the fact's {declared}"
    unit = _unit(value, tolerance)
    # Every step of the last written place within a few of the edges, and the middle.
    edge = (tolerance / unit).to_integral_value()
    steps = {0, *range(max(0, int(edge) - 2), int(edge) + 3)}
    for offset in sorted({sign * step * unit for step in steps for sign in (1, -1)}):
        _, correct = judge(question, (), -1, str(value + offset))
        if correct is not (abs(offset) <= tolerance):
            verdict = "accepted" if correct else "refused"
            return f"{value + offset} is {verdict} with answer {value} and tolerance {tolerance}"
    return None


def typed_answers_accepted(sheet: FactSheet, item: Generated) -> str | None:
    question = item.question
    if question.type is not QuestionType.TEXT:
        return None
    for typed in (question.answer, *question.accept):
        try:
            accepted = judge(question, (), -1, typed)[1]
        except InvalidAnswer:
            accepted = False
        if not accepted:
            return f"typing '{typed}' is not accepted"
    return None


def _offered(sheet: FactSheet, item: Generated) -> list[FactValue]:
    """The wrong values a question puts before the player: its wrong choices read back as
    values of the fact's kind, or a false statement's claim. Entities by name in their type."""
    question, fact = item.question, item.fact
    relation = sheet.relations[fact.relation]
    if question.type is QuestionType.TRUEFALSE:
        truths = _true_values(sheet, fact.subject, fact.relation)
        claim = item.claim
        return [claim] if claim is not None and claim not in truths else []
    if question.type is not QuestionType.CHOICE or isinstance(fact.value, bool):
        return []
    if item.reverse or relation.kind is ValueKind.ENTITY:
        entity_type = relation.subject_type if item.reverse else relation.value_type
        by_name = {e.name: e.key for e in sheet.entities.values() if e.type == entity_type}
        return [EntityRef(by_name[text]) for text in question.wrong if text in by_name]
    if isinstance(fact.value, CalendarDate):
        return [date for date in map(parse_date, question.wrong) if date is not None]
    numbers = [number for number in map(_number, question.wrong) if number is not None]
    if isinstance(fact.value, int):
        return [int(number) for number in numbers if number % 1 == 0]
    return list(numbers)


def wrong_numbers_outside_tolerance(sheet: FactSheet, item: Generated) -> str | None:
    """No wrong number, offered or claimed, is one the fact's number question accepts."""
    value = item.fact.value
    if item.reverse or isinstance(value, bool) or not isinstance(value, int | Decimal):
        return None
    tolerance = _tolerance(item.fact, sheet.relations[item.fact.relation])
    for wrong in _offered(sheet, item):
        assert isinstance(wrong, int | Decimal)
        if abs(Decimal(wrong) - Decimal(value)) <= tolerance:
            return f"wrong number {wrong} is within {tolerance} of the answer {value}"
    return None


def wrong_values_in_bounds(sheet: FactSheet, item: Generated) -> str | None:
    """Every wrong date or number, offered or claimed, is one the fact's bounds admit."""
    value = item.fact.value
    if item.reverse or isinstance(value, bool | EntityRef | str):
        return None
    bounds = bounds_of(sheet, item.fact)
    for wrong in _offered(sheet, item):
        assert isinstance(wrong, CalendarDate | int | Decimal)
        complaint = bounds.complaint(wrong)
        if complaint is not None:
            return f"wrong {complaint}"
    return None


def wrong_entities_match(sheet: FactSheet, item: Generated) -> str | None:
    """Every wrong entity, offered or claimed, has the answer's value of each attribute the
    relation's ``match`` names (the subject's, for a question asking for the subject)."""
    fact = item.fact
    match = sheet.relations[fact.relation].match
    if not match or not isinstance(fact.value, EntityRef):
        return None
    like = sheet.entities[fact.subject if item.reverse else fact.value.key]
    for wrong in _offered(sheet, item):
        assert isinstance(wrong, EntityRef)
        entity = sheet.entities[wrong.key]
        differs = [name for name in match if not _same_attribute(entity, like, name)]
        if differs:
            return f"wrong answer '{entity.name}' differs from '{like.name}' in {differs}"
    return None


def _same_attribute(entity: Entity, like: Entity, name: str) -> bool:
    wanted = like.attribute(name)
    return wanted is not None and entity.attribute(name) == wanted


def reads_as_written(sheet: FactSheet, item: Generated) -> str | None:
    """The filled-in prompt, choices and explanation make no slip of English ("a outlet")."""
    question = item.question
    for text in (question.prompt, *question.wrong, question.explain):
        slip = wording_slip(text)
        if slip:
            return slip
    return None


QUESTION_PROPERTIES: tuple[tuple[str, QuestionCheck], ...] = (
    ("each answer is its fact's value, with evidence and explanation", answer_is_the_value),
    (
        "wrong answers are of the answer's kind (and role), distinct and never right",
        wrong_answers_fit,
    ),
    ("true/false statements are true exactly when the facts say so", statement_truth),
    ("number questions accept exactly the values within tolerance", tolerance_is_exact),
    ("typed questions accept the answer and each accepted spelling", typed_answers_accepted),
    ("wrong numbers lie outside tolerance", wrong_numbers_outside_tolerance),
    ("wrong values are inside the bounds", wrong_values_in_bounds),
    ("wrong entities share the `match` attributes", wrong_entities_match),
    ("prompts, choices and explanations read as written English", reads_as_written),
)


def loads_unchanged(pack: Pack) -> str | None:
    try:
        loaded = load_pack_bytes(dump_pack_yaml(pack), display=pack.id)
    except LoadError as error:
        return f"the pack loader refuses it: {error.problems[0]}"
    if loaded != pack:
        changed = next(
            (a.id for a, b in zip(pack.questions, loaded.questions, strict=False) if a != b),
            "the header",
        )
        return f"it loads back changed ({changed})"
    return None


def consistent_prompts(pack: Pack) -> str | None:
    """No prompt has two different answers, and no answer is a wrong answer of its prompt."""
    by_prompt: dict[str, list[Question]] = {}
    for question in pack.questions:
        by_prompt.setdefault(normalize_answer(question.prompt), []).append(question)
    for questions in by_prompt.values():
        answers = {typed_answer_key(q.answer) for q in questions}
        if len(answers) > 1:
            ids = ", ".join(q.id for q in questions)
            return f"one prompt, several answers ({ids}): '{questions[0].prompt}'"
        wrong = {typed_answer_key(text) for q in questions for text in q.wrong}
        if answers & wrong:
            ids = ", ".join(q.id for q in questions)
            return f"'{questions[0].answer}' is right and wrong for one prompt ({ids})"
    return None


def fair_questions(pack: Pack) -> str | None:
    """No prompt gives its own answer away, no wrong answer is of another kind
    (quiz.packs.fairness). A prompt naming another question's answer is left to the draw."""
    unfair = [u for u in unfair_questions(pack) if not u.about_another]
    return f"question '{unfair[0].question_id}': {unfair[0].message}" if unfair else None


PACK_PROPERTIES: tuple[tuple[str, Callable[[Pack], str | None]], ...] = (
    ("the pack loads through the pack loader unchanged", loads_unchanged),
    ("no prompt has two answers or an answer that is also wrong", consistent_prompts),
    ("no prompt gives its answer away, no wrong answer is of another kind", fair_questions),
)


@dataclass(frozen=True, slots=True)
class PropertyVerdict:
    """One property checked over ``examples`` examples; ``failure`` names the smallest."""

    name: str
    examples: int
    failure: str | None = None


def check_sheet_properties(sheet: FactSheet, seeds: int) -> list[PropertyVerdict]:
    """Every property over seeds 0 to seeds - 1; a failure names the smallest failing seed."""
    failures: dict[str, str] = {}
    examples: Counter[str] = Counter()

    def record(name: str, seed: int, failure: str | None) -> None:
        examples[name] += 1
        if failure is not None and name not in failures:
            failures[name] = f"seed {seed}: {failure}"

    for seed in range(seeds):
        items = generate(sheet, seed)
        for name, check in QUESTION_PROPERTIES:
            for item in items:
                record(name, seed, _labelled(item, check(sheet, item)))
        try:
            pack = generate_pack(sheet, seed)
        except LoadError as error:
            for name, _ in PACK_PROPERTIES:
                record(name, seed, error.problems[0].message)
            continue
        for name, pack_check in PACK_PROPERTIES:
            record(name, seed, pack_check(pack))
        same = dump_pack_yaml(generate_pack(sheet, seed)) == dump_pack_yaml(pack)
        record("one seed gives one pack, byte for byte", seed, None if same else "two packs")
    verdicts = [PropertyVerdict(name, examples[name], failures.get(name)) for name in examples]
    return verdicts + uniformity(sheet, seeds)


def _labelled(item: Generated, failure: str | None) -> str | None:
    return None if failure is None else f"question '{item.question.id}': {failure}"


def check_pack_properties(pack: Pack) -> list[PropertyVerdict]:
    return [PropertyVerdict(name, 1, check(pack)) for name, check in PACK_PROPERTIES]


def uniformity(sheet: FactSheet, seeds: int) -> list[PropertyVerdict]:
    """Chi-square tests that the answer's rank among ordered choices, and the truth of a
    statement, carry no information; skipped when too few questions make them meaningful.
    Ranks are counted only for ladders whose every rung the fact's bounds leave open (an
    answer at the bound can only sit at the end)."""
    ranks: Counter[Hashable] = Counter()
    truths: Counter[Hashable] = Counter()
    for seed in range(seeds):
        for item in generate(sheet, seed):
            question = item.question
            if question.type is QuestionType.TRUEFALSE:
                truths[question.truth] += 1
            elif question.type is QuestionType.CHOICE and _every_rung_open(sheet, item):
                ranks[_rank(item)] += 1
    return [
        verdict
        for verdict in (
            chi_square(
                "the answer's rank among ordered choices is uniform", ranks, range(LADDER_RUNGS)
            ),
            chi_square("true/false statements are true half the time", truths, (True, False)),
        )
        if verdict is not None
    ]


def _every_rung_open(sheet: FactSheet, item: Generated) -> bool:
    """A full ladder of dates or numbers that could have put the answer on any rung: each
    value up to LADDER_RUNGS - 1 steps either way is real and within the bounds."""
    value, question = item.fact.value, item.question
    if item.reverse or isinstance(value, bool | EntityRef | str):
        return False
    if len(question.wrong) != LADDER_RUNGS - 1:
        return False
    admits = bounds_of(sheet, item.fact).admits
    reach = range(-(LADDER_RUNGS - 1), LADDER_RUNGS)
    if isinstance(value, CalendarDate):
        wrong = [date for date in map(parse_date, question.wrong) if date is not None]
        step = _ladder_step(value, wrong)
        if step is None:
            return False  # the article's own dates: no ladder
        moved = [shift(value, step, times) for times in reach]
        return all(date is not None and admits(date) for date in moved)
    numbers = sorted([Decimal(value), *(n for n in map(_number, question.wrong) if n is not None)])
    steps = {b - a for a, b in itertools.pairwise(numbers)}
    if len(numbers) != LADDER_RUNGS or len(steps) != 1:
        return False
    apart = steps.pop()
    return all(admits(_like(value, Decimal(value) + apart * times)) for times in reach)


def _like(value: int | Decimal, number: Decimal) -> int | Decimal:
    return int(number) if isinstance(value, int) else number


def _rank(item: Generated) -> int:
    """The answer's place among the choices in order."""
    texts = (item.question.answer, *item.question.wrong)
    if isinstance(item.fact.value, CalendarDate):
        dates = [date for date in map(parse_date, texts) if date is not None]
        keys = [date_order(date) for date in dates]
        return sorted(keys).index(keys[0])
    numbers = [Decimal(text) for text in texts]
    return sorted(numbers).index(numbers[0])


def chi_square(
    name: str, counts: Counter[Hashable], categories: range | tuple[Hashable, ...]
) -> PropertyVerdict | None:
    total = sum(counts.values())
    expected = total / len(categories)
    if expected < MIN_EXPECTED:
        return None
    statistic = sum((counts[c] - expected) ** 2 / expected for c in categories)
    critical = CHI_SQUARE_0_001[len(categories) - 1]
    failure = None
    if statistic >= critical:
        seen = ", ".join(f"{c}: {counts[c]}" for c in categories)
        failure = f"chi-square {statistic:.1f} >= {critical} at alpha 0.001 ({seen})"
    return PropertyVerdict(f"{name} (chi-square, alpha 0.001)", total, failure)
