"""The draw: which questions a round asks, in which order, with which choice orders."""

from __future__ import annotations

import random
from dataclasses import dataclass

from quiz.core.model import Mode, Pack, Question, QuestionType
from quiz.session.answers import TRUE_FALSE_CHOICES
from quiz.session.settings import RoundSettings


@dataclass(frozen=True, slots=True)
class QuestionView:
    """A question as this round asks it: its place, its shuffled choices, its time limit."""

    number: int  # 1-based
    question: Question
    source: str
    choices: tuple[str, ...]  # empty for number and text questions
    answer_index: int  # index of the right choice; -1 without choices
    seconds: float | None  # None: untimed

    @property
    def prompt(self) -> str:
        return self.question.prompt

    @property
    def type(self) -> QuestionType:
        return self.question.type


def draw_questions(settings: RoundSettings) -> tuple[QuestionView, ...]:
    """The round's questions and choice orders; the same settings always draw the same."""
    rng = random.Random(settings.seed)
    pool = [(pack, question) for pack in settings.unique_packs() for question in pack.questions]
    count = len(pool) if settings.mode is Mode.SUDDEN_DEATH else min(settings.questions, len(pool))
    views = []
    for number, (pack, question) in enumerate(_draw(rng, pool, count), start=1):
        choices: tuple[str, ...] = ()
        answer_index = -1
        if question.type is QuestionType.CHOICE:
            choices = tuple(rng.sample([question.answer, *question.wrong], len(question.wrong) + 1))
            answer_index = choices.index(question.answer)
        elif question.type is QuestionType.TRUEFALSE:
            choices = TRUE_FALSE_CHOICES
            answer_index = 0 if question.truth else 1
        limit = question.time if question.time is not None else pack.time
        seconds = float(limit) if limit is not None else settings.seconds
        views.append(
            QuestionView(
                number=number,
                question=question,
                source=pack.source,
                choices=choices,
                answer_index=answer_index,
                seconds=None if settings.mode is Mode.PRACTICE else seconds,
            )
        )
    return tuple(views)


def _draw(
    rng: random.Random, pool: list[tuple[Pack, Question]], count: int
) -> list[tuple[Pack, Question]]:
    """`count` of the pool in random order, asking one question of a group (one thing asked
    several ways) before any other of it: those come last, when the round needs them."""
    if not any(question.group for _, question in pool):
        return rng.sample(pool, count)  # as before groups, so old seeds replay the same
    first: list[tuple[Pack, Question]] = []
    later: list[tuple[Pack, Question]] = []
    asked: set[tuple[str, str]] = set()
    for pack, question in rng.sample(pool, len(pool)):
        group = (pack.id, question.group)  # a group is the pack's own
        if question.group and group in asked:
            later.append((pack, question))
        else:
            asked.add(group)
            first.append((pack, question))
    return (first + later)[:count]
