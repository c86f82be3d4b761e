"""How often drawn rounds give an answer away: the measure `quiz check` reports.

Rounds are drawn as a player would get them, and each question is read against what the
round showed before it with `giveaways.given_away`, the plain reading (not the draw's
index), so the measure checks the draw rather than repeating it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from quiz.core.model import Mode, Pack
from quiz.session.draw import draw_questions
from quiz.session.giveaways import given_away, shown_texts
from quiz.session.settings import RoundSettings


@dataclass(frozen=True, slots=True)
class GiveawayReport:
    rounds: int
    questions: int  # asked over all the rounds
    given_away: int

    @property
    def rate(self) -> float:
        return self.given_away / self.questions if self.questions else 0.0

    def __str__(self) -> str:
        return (
            f"{self.given_away} of {self.questions} questions given away over {self.rounds} rounds"
        )


def giveaway_rate(packs: Sequence[Pack], seeds: range, questions: int) -> GiveawayReport:
    """Practice rounds of `questions` drawn from the packs with each seed, and how many of
    their questions an earlier one of the round had given away (read with `given_away`)."""
    asked = spoiled = 0
    for seed in seeds:
        settings = RoundSettings(tuple(packs), questions=questions, mode=Mode.PRACTICE, seed=seed)
        shown: list[str] = []
        for view in draw_questions(settings):
            asked += 1
            spoiled += given_away(view.question, shown) is not None
            shown += shown_texts(view.question)
    return GiveawayReport(rounds=len(seeds), questions=asked, given_away=spoiled)
