"""What every generated question must satisfy, as checks that name the first failure.

The tests run them on drawn fact sheets; `quiz check` runs them on a user's sheet over
many seeds, and the pack-level ones on any pack.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable, Hashable
from dataclasses import dataclass

from quiz.core.model import Pack, Question, QuestionType
from quiz.core.problems import LoadError
from quiz.core.text import normalize_answer, typed_answer_key
from quiz.core.values import CalendarDate, as_datetime, format_date, parse_date
from quiz.facts.checks import value_text
from quiz.facts.model import FactSheet, FactValue, ValueKind
from quiz.generate.distractors import LADDER_RUNGS, MIN_WRONG
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
    expected = sheet.entities[fact.subject].name if item.reverse else value_text(fact.value, sheet)
    if question.answer != expected:
        return f"answer '{question.answer}' is not the fact's value '{expected}'"
    if not question.evidence or not question.explain:
        return "the question has no evidence or no explanation"
    return None


def wrong_answers_fit(sheet: FactSheet, item: Generated) -> str | None:
    """Distinct, never right, of the answer's kind; dates and numbers evenly stepped."""
    question = item.question
    if question.type is not QuestionType.CHOICE:
        return None
    wrong = question.wrong
    typed = [typed_answer_key(text) for text in wrong]
    if len(set(typed)) != len(typed):
        return f"wrong answers repeat each other: {list(wrong)}"
    if len(typed) < MIN_WRONG:
        return f"only {len(typed)} wrong answer(s): a choice needs {MIN_WRONG}"
    right = _right_answers(sheet, item) & set(typed)
    if right:
        return f"wrong answer '{right.pop()}' is right by the facts"
    relation = sheet.relations[item.fact.relation]
    value = item.fact.value
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
        return _dates_evenly_stepped(value, wrong)
    if isinstance(value, int) and not isinstance(value, bool):
        return _numbers_evenly_stepped(value, wrong)
    return f"a {relation.kind} value has wrong answers"


def _numbers_evenly_stepped(value: int, wrong: tuple[str, ...]) -> str | None:
    if not all(text.isdigit() for text in wrong):
        return f"wrong answers {list(wrong)} are not all whole numbers"
    numbers = sorted([value, *(int(text) for text in wrong)])
    if len({b - a for a, b in itertools.pairwise(numbers)}) != 1:
        return f"choices {numbers} are not evenly spaced"
    return None


def _dates_evenly_stepped(value: CalendarDate, wrong: tuple[str, ...]) -> str | None:
    parsed = [parse_date(text) for text in wrong]
    dates = [date for date in parsed if date is not None]
    if len(dates) != len(wrong) or any((d.year is None) != (value.year is None) for d in dates):
        return f"wrong answers {list(wrong)} are not all dates written like the answer"
    ordered = sorted([value, *dates], key=lambda d: as_datetime(d).toordinal())
    pairs = list(itertools.pairwise(ordered))
    days = {as_datetime(b).toordinal() - as_datetime(a).toordinal() for a, b in pairs}
    months = {_month_number(b) - _month_number(a) for a, b in pairs}
    same_day = len({d.day for d in ordered}) == 1
    if len(days) == 1 or (same_day and len(months) == 1):
        return None
    return f"choices {[format_date(d) for d in ordered]} are not evenly spaced"


def _month_number(date: CalendarDate) -> int:
    return (date.year or 0) * 12 + date.month


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


def tolerance_is_exact(sheet: FactSheet, item: Generated) -> str | None:
    question = item.question
    if question.type is not QuestionType.NUMBER:
        return None
    value, tolerance = question.number_answer, question.tolerance
    declared = sheet.relations[item.fact.relation].tolerance
    if tolerance != declared:
        return f"tolerance {tolerance} is not the relation's {declared}"
    whole = int(tolerance)
    for offset in range(-whole - 2, whole + 3):
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


QUESTION_PROPERTIES: tuple[tuple[str, QuestionCheck], ...] = (
    ("each answer is its fact's value, with evidence and explanation", answer_is_the_value),
    (
        "wrong answers are of the answer's kind (and role), distinct and never right",
        wrong_answers_fit,
    ),
    ("true/false statements are true exactly when the facts say so", statement_truth),
    ("number questions accept exactly the values within tolerance", tolerance_is_exact),
    ("typed questions accept the answer and each accepted spelling", typed_answers_accepted),
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
    """No prompt gives its answer away, no wrong answer is of another kind (quiz.fairness)."""
    unfair = unfair_questions(pack)
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
    statement, carry no information; skipped when too few questions make them meaningful."""
    ranks: Counter[Hashable] = Counter()
    truths: Counter[Hashable] = Counter()
    for seed in range(seeds):
        for item in generate(sheet, seed):
            question = item.question
            if question.type is QuestionType.TRUEFALSE:
                truths[question.truth] += 1
            elif question.type is QuestionType.CHOICE and _is_ordered(item):
                keys = [_order_key(text) for text in (question.answer, *question.wrong)]
                if len(keys) == LADDER_RUNGS:
                    ranks[sorted(keys).index(keys[0])] += 1
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


def _is_ordered(item: Generated) -> bool:
    value = item.fact.value
    return (
        not item.reverse and not isinstance(value, bool) and isinstance(value, CalendarDate | int)
    )


def _order_key(text: str) -> int:
    date = parse_date(text)
    return as_datetime(date).toordinal() if date is not None else int(text)


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
