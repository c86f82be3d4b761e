"""A fact sheet and a seed in, a pack out: every question proved by its fact's quotes.

Each question draws from its own random stream, seeded by the seed and the question's id,
so one sheet and seed always give the same pack, and editing one fact changes only its
own questions.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from decimal import Decimal

from quiz.core.model import Difficulty, Pack, Question, QuestionType
from quiz.core.problems import LoadError, Problem
from quiz.core.text import typed_answer_key
from quiz.core.values import CalendarDate, Mentions, date_order, date_spellings, dates_in, mentions
from quiz.facts.bounds import Bounds, bounds_of
from quiz.facts.checks import value_text
from quiz.facts.model import (
    EntityRef,
    Fact,
    FactSheet,
    FactValue,
    Relation,
    ValueKind,
)
from quiz.generate.difficulty import ClueIndex, estimate
from quiz.generate.distractors import (
    MIN_WRONG,
    EntityIndex,
    date_ladder,
    lone_wrong_date,
    lone_wrong_number,
    number_ladder,
)
from quiz.generate.templates import TRUE_OR_FALSE, fill, statement, subject_name, true_statement

YES, NO = "Yes", "No"
NUMBER_KINDS = (ValueKind.INTEGER, ValueKind.NUMBER)
_NOT_IN_ID = re.compile(r"[^A-Za-z0-9]+")


@dataclass(frozen=True, slots=True)
class Generated:
    """A question with what it was made from, so tests can hold it against the facts."""

    question: Question
    fact: Fact
    # True/false questions: the value the statement claims (a boolean for boolean facts).
    claim: FactValue | None = None
    # The question names the value and asks for the subject ("Which character does X play?").
    reverse: bool = False


def generate_pack(sheet: FactSheet, seed: int) -> Pack:
    """The pack of every question the sheet makes; LoadError when it makes none."""
    info = sheet.pack
    questions = tuple(item.question for item in generate(sheet, seed))
    if not questions:
        raise LoadError([Problem(sheet.path, 1, 1, "no question can be made from these facts")])
    return Pack(
        id=info.id,
        title=info.title,
        version=info.version,
        questions=questions,
        description=info.description,
        author=info.author,
        source=info.source or sheet.article_path.name,
        time=info.time,
    )


def generate(sheet: FactSheet, seed: int) -> list[Generated]:
    """Every question the sheet supports, in the order of its facts."""
    values: dict[tuple[str, str], list[Fact]] = {}
    by_value: dict[tuple[str, FactValue], list[Fact]] = {}
    for fact in sheet.facts:
        values.setdefault((fact.subject, fact.relation), []).append(fact)
        by_value.setdefault((fact.relation, fact.value), []).append(fact)
    maker = _Maker(sheet, seed, values, by_value)
    questions: list[Generated] = []
    for fact in sheet.facts:
        if not sheet.relations[fact.relation].asked:
            continue
        siblings = values[(fact.subject, fact.relation)]
        if fact is siblings[0]:
            questions.extend(maker.about_subject(siblings))
        questions.extend(maker.about_fact(fact))
    kept = [item for item in questions if not _gives_answer_away(item.question)]
    return _rated(sheet, kept)


def _rated(sheet: FactSheet, items: list[Generated]) -> list[Generated]:
    """Each question with the sheet's difficulty for its fact, else the estimated one
    (quiz.generate.difficulty)."""
    quotes = {id(fact): _index(q.text for q in fact.evidence) for fact in sheet.facts}
    prompts: dict[str, list[str]] = {}
    for item in items:
        prompts.setdefault(item.question.group, []).append(item.question.prompt)
    index = ClueIndex(quotes, {group: _index(texts) for group, texts in prompts.items()})
    rated = []
    for item in items:
        question = item.question
        chosen = item.fact.difficulty or sheet.relations[item.fact.relation].difficulty
        if chosen:
            difficulty = Difficulty(chosen)
        else:
            clues = index.clues(question.answer, id(item.fact), question.group)
            difficulty = estimate(question, clues)
        rated.append(replace(item, question=replace(question, difficulty=difficulty)))
    return rated


def _index(texts: Iterable[str]) -> Mentions:
    # One index for several texts (a name split across two of them would count: the
    # estimate can bear it, and one index per text would be looked up as often again).
    return Mentions("\n".join(texts))


def _gives_answer_away(question: Question) -> bool:
    """A prompt that names its own answer (a subject called like its value, say) is dropped:
    the fact keeps its other questions."""
    if question.type is QuestionType.TRUEFALSE:
        return False
    return any(mentions(question.prompt, text) for text in (question.answer, *question.accept))


class _Maker:
    def __init__(
        self,
        sheet: FactSheet,
        seed: int,
        values: dict[tuple[str, str], list[Fact]],
        by_value: dict[tuple[str, FactValue], list[Fact]],
    ) -> None:
        self.sheet = sheet
        self.seed = seed
        self.values = values
        self.by_value = by_value
        self.entities = EntityIndex(sheet)
        self.title = sheet.pack.title
        self._bounds: dict[int, Bounds] = {}
        self._article_dates: list[CalendarDate] | None = None

    def rng(self, question_id: str) -> random.Random:
        return random.Random(f"{self.seed}:{question_id}")

    def fill(self, template: str, fact: Fact, value: str = "") -> str:
        return fill(template, subject_name(self.sheet, fact), value, self.title)

    def bounds(self, fact: Fact) -> Bounds:
        if id(fact) not in self._bounds:
            self._bounds[id(fact)] = bounds_of(self.sheet, fact)
        return self._bounds[id(fact)]

    def article_dates(self) -> list[CalendarDate]:
        if self._article_dates is None:
            self._article_dates = [date for date, _, _ in dates_in(self.sheet.article)]
        return self._article_dates

    def about_subject(self, facts: list[Fact]) -> Iterable[Generated]:
        """The questions about one subject's values of one relation.

        A choice, and a typed or number question, ask for the value; for a many-valued
        relation any of its values is right, so one of each covers them all. Then one
        true/false statement per value, each true or false on a coin toss, while wrong
        values last to make false ones (a many-valued relation whose role has no wrong
        value left takes them from every entity of the value's type).
        """
        first = facts[0]
        relation = self.sheet.relations[first.relation]
        base = f"{first.relation}.{first.subject}"
        if relation.kind is ValueKind.BOOLEAN:
            if relation.ask:
                yield self._yes_no(f"{base}.yesno", first, relation)
            yield self._true_false(f"{base}.truefalse", first, relation, claim_if_false=None)
            return
        prompts = self.rng(base + ".ask").sample(relation.ask, len(relation.ask))
        fact = facts[self.rng(base + ".pick").randrange(len(facts))]
        choice = self._choice(f"{base}.choice", fact, relation, prompts[0])
        if choice is not None:
            yield choice
        typed_prompt = prompts[1 % len(prompts)]
        if relation.kind in NUMBER_KINDS:
            yield self._number(f"{base}.number", fact, relation, typed_prompt)
        elif relation.kind is not ValueKind.TEXT or fact.accept:
            # A phrase can be said in many ways: typed only when the sheet lists them.
            yield self._text(f"{base}.text", fact, relation, typed_prompt, others=facts)
        false_rng = self.rng(base + ".false")
        false_claims = self._wrong_values(first, relation, false_rng, for_statement=True)
        for fact, false_claim in zip(facts, false_claims, strict=False):
            if not relation.many:
                yield self._true_false(f"{base}.truefalse", fact, relation, false_claim)
                continue
            # The random stream follows the fact; the id names whom the statement is about.
            item = self._true_false(
                f"{base}.{_slug(fact.value)}.truefalse", fact, relation, false_claim
            )
            assert item.claim is not None
            named = replace(item.question, id=f"{base}.{_slug(item.claim)}.truefalse")
            yield replace(item, question=named)

    def about_fact(self, fact: Fact) -> Iterable[Generated]:
        """The question asked the other way round: name the value, ask for the subject."""
        relation = self.sheet.relations[fact.relation]
        if relation.ask_subject and len(self.by_value[(fact.relation, fact.value)]) == 1:
            yield self._reverse(
                f"{fact.relation}.{fact.subject}.{_slug(fact.value)}", fact, relation
            )

    def _question(
        self,
        question_id: str,
        kind: QuestionType,
        prompt: str,
        answer: str,
        fact: Fact,
        relation: Relation,
        wrong: tuple[str, ...] = (),
        accept: tuple[str, ...] = (),
        tolerance: Decimal = Decimal(0),
        reverse: bool = False,
    ) -> Question:
        return Question(
            id=question_id,
            type=kind,
            prompt=prompt,
            answer=answer,
            tags=(relation.key,),
            # Each way of asking one fact gives the others away: a round asks one.
            group=f"{fact.relation}.{fact.subject}",
            explain=self._explain(fact, relation, reverse),
            evidence=" … ".join(" ".join(quote.text.split()) for quote in fact.evidence),
            wrong=wrong,
            accept=accept,
            tolerance=tolerance,
            spoiler=fact.spoiler or relation.spoiler,
        )

    def _explain(self, fact: Fact, relation: Relation, reverse: bool = False) -> str:
        """The sheet's explanation, else the fact's statement; where the subject has other
        values too, they are named, so a player who gave one of them sees it was right. A
        question that asked for the subject is answered by the statement alone: the
        subject's other values answer nothing it asked."""
        if fact.explain:
            return fact.explain
        explain = true_statement(self.sheet, relation, fact)
        if reverse:
            return explain
        others = [
            value_text(other.value, self.sheet)
            for other in self.values[(fact.subject, fact.relation)]
            if other is not fact
        ]
        if others:
            explain += f" The same is true of {_and_list(others)}."
        return explain

    def _true_keys(self, fact: Fact) -> set[str]:
        return {
            other.value.key
            for other in self.values[(fact.subject, fact.relation)]
            if isinstance(other.value, EntityRef)
        }

    def _wrong_values(
        self, fact: Fact, relation: Relation, rng: random.Random, for_statement: bool = False
    ) -> list[FactValue]:
        """Plausible wrong values, in random order; fewer than MIN_WRONG when few exist (for
        a statement, where no ladder fits, the one that does)."""
        value = fact.value
        if isinstance(value, EntityRef):
            candidates = self.entities.pool(relation)
            like = self.sheet.entities[value.key]
            picked = self.entities.pick(
                fact, candidates, self._true_keys(fact), rng, like, relation.match
            )
            return [EntityRef(entity.key) for entity in picked]
        admits = self.bounds(fact).admits
        ladder: list[CalendarDate] | list[int | Decimal] | None
        lone: FactValue | None
        if isinstance(value, CalendarDate):
            ladder = date_ladder(value, admits, rng, self.article_dates())
            lone = lone_wrong_date(value, admits) if ladder is None and for_statement else None
        elif isinstance(value, int | Decimal) and not isinstance(value, bool):
            tolerance = _tolerance(fact, relation)
            ladder = number_ladder(value, tolerance, admits, rng)
            lone = (
                lone_wrong_number(value, tolerance, admits)
                if ladder is None and for_statement
                else None
            )
        else:
            return []  # text: no wrong answer is plausible without inventing one
        if ladder is None:
            return [] if lone is None else [lone]  # enough for a false statement only
        wrong: list[FactValue] = [rung_value for rung_value in ladder if rung_value != value]
        rng.shuffle(wrong)
        return wrong

    def _choice(
        self, question_id: str, fact: Fact, relation: Relation, prompt_template: str
    ) -> Generated | None:
        rng = self.rng(question_id)
        wrong = self._wrong_values(fact, relation, rng)
        if len(wrong) < MIN_WRONG:
            return None
        if not isinstance(fact.value, EntityRef):
            wrong = _in_order(wrong)  # dates and numbers are listed in order
        question = self._question(
            question_id,
            QuestionType.CHOICE,
            self.fill(prompt_template, fact),
            value_text(fact.value, self.sheet),
            fact,
            relation,
            wrong=tuple(value_text(value, self.sheet) for value in wrong),
        )
        return Generated(question, fact)

    def _yes_no(self, question_id: str, fact: Fact, relation: Relation) -> Generated:
        """The boolean relation's question, answered Yes or No."""
        assert isinstance(fact.value, bool)
        prompt = self.fill(self.rng(question_id).choice(relation.ask), fact)
        answer, wrong = (YES, NO) if fact.value else (NO, YES)
        question = self._question(
            question_id, QuestionType.CHOICE, prompt, answer, fact, relation, wrong=(wrong,)
        )
        return Generated(question, fact)

    def _number(
        self, question_id: str, fact: Fact, relation: Relation, prompt_template: str
    ) -> Generated:
        question = self._question(
            question_id,
            QuestionType.NUMBER,
            self.fill(prompt_template, fact),
            value_text(fact.value, self.sheet),
            fact,
            relation,
            tolerance=_tolerance(fact, relation),
        )
        return Generated(question, fact)

    def _text(
        self,
        question_id: str,
        fact: Fact,
        relation: Relation,
        prompt_template: str,
        others: list[Fact],
    ) -> Generated:
        answer = value_text(fact.value, self.sheet)
        accepted = [*self._spellings(fact)]
        for other in others:
            if other is not fact:
                accepted += [value_text(other.value, self.sheet), *self._spellings(other)]
        question = self._question(
            question_id,
            QuestionType.TEXT,
            self.fill(prompt_template, fact),
            answer,
            fact,
            relation,
            accept=_distinct(accepted, answer),
        )
        return Generated(question, fact)

    def _spellings(self, fact: Fact) -> tuple[str, ...]:
        """Other ways to type the fact's value: aliases, date spellings, accepted texts."""
        value = fact.value
        if isinstance(value, EntityRef):
            return self.sheet.entities[value.key].aliases
        if isinstance(value, CalendarDate):
            return date_spellings(value)
        return fact.accept

    def _true_false(
        self,
        question_id: str,
        fact: Fact,
        relation: Relation,
        claim_if_false: FactValue | None,
    ) -> Generated:
        """A statement that is true or false on a coin toss, so its truth tells nothing.

        A boolean fact shows its statement or its negation; others show the true value or
        ``claim_if_false``.
        """
        shows_truth = self.rng(question_id).random() < 0.5
        claim: FactValue
        if isinstance(fact.value, bool):
            claim = fact.value if shows_truth else not fact.value
        else:
            assert claim_if_false is not None
            claim = fact.value if shows_truth else claim_if_false
        prompt = TRUE_OR_FALSE + statement(self.sheet, relation, fact, claim)
        answer = "true" if shows_truth else "false"
        question = self._question(
            question_id, QuestionType.TRUEFALSE, prompt, answer, fact, relation
        )
        return Generated(question, fact, claim=claim)

    def _reverse(self, base: str, fact: Fact, relation: Relation) -> Generated:
        """Name the value, ask for the subject: a choice when enough subjects fit, else typed.
        Wrong subjects share the subject's ``match`` attributes."""
        assert isinstance(fact.value, EntityRef)  # only entity relations may have 'ask-subject'
        rng = self.rng(base + ".reverse")
        value_name = self.sheet.entities[fact.value.key].name
        prompt = self.fill(rng.choice(relation.ask_subject), fact, value_name)
        answer = subject_name(self.sheet, fact)
        holders = {other.subject for other in self.by_value[(fact.relation, fact.value)]}
        subjects = self.entities.by_type[relation.subject_type]
        like = self.sheet.entities[fact.subject]
        picked = self.entities.pick(fact, subjects, holders, rng, like, relation.match)
        if len(picked) >= MIN_WRONG:
            wrong = tuple(entity.name for entity in picked)
            question_id = base + ".reverse-choice"
            question = self._question(
                question_id,
                QuestionType.CHOICE,
                prompt,
                answer,
                fact,
                relation,
                wrong=wrong,
                reverse=True,
            )
        else:
            aliases = self.sheet.entities[fact.subject].aliases
            question = self._question(
                base + ".reverse-text",
                QuestionType.TEXT,
                prompt,
                answer,
                fact,
                relation,
                accept=_distinct(aliases, answer),
                reverse=True,
            )
        return Generated(question, fact, reverse=True)


def _tolerance(fact: Fact, relation: Relation) -> Decimal:
    """The fact's own tolerance ("about 600"), else its relation's."""
    return fact.tolerance if fact.tolerance is not None else relation.tolerance


def _in_order(values: list[FactValue]) -> list[FactValue]:
    """Dates or numbers in order (the other kinds as they are)."""
    dates: list[CalendarDate] = []
    numbers: list[int | Decimal] = []
    for value in values:
        if isinstance(value, CalendarDate):
            dates.append(value)
        elif isinstance(value, int | Decimal) and not isinstance(value, bool):
            numbers.append(value)
    ordered: list[FactValue] = values
    if len(dates) == len(values):
        ordered = [*sorted(dates, key=date_order)]
    elif len(numbers) == len(values):
        ordered = [*sorted(numbers)]
    return ordered


def _slug(value: FactValue) -> str:
    text = value.key if isinstance(value, EntityRef) else str(value)
    return _NOT_IN_ID.sub("-", text).strip("-").lower() or "value"


def _and_list(names: list[str]) -> str:
    """ "A", "A and B", "A, B and C"."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _distinct(texts: Iterable[str], answer: str) -> tuple[str, ...]:
    """The texts, without any that repeat the answer or each other as a player would type them."""
    seen = {typed_answer_key(answer)}
    kept = []
    for text in texts:
        normal = typed_answer_key(text)
        if normal and normal not in seen:
            seen.add(normal)
            kept.append(text)
    return tuple(kept)
