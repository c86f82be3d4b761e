"""Packs to play and load: the sample pack file, pack builders, and a pack of awkward text."""

from __future__ import annotations

from decimal import Decimal

from quiz.core.model import Pack, Question, QuestionType

# A small pack with one question of each type, and pack text that looks like markup.
PACK = b"""
pack: {id: test-pack, title: Test pack, version: 1, source: the test article}
questions:
  - id: capital
    type: choice
    prompt: What is the capital of France?
    answer: Paris
    wrong: [Lyon, Marseille, Nice]
    explain: Paris has been the capital for centuries.
    evidence: Paris is the capital of France.
  - id: markup
    type: text
    prompt: "[bold]Type[/] [@click=app.quit]x[/] exactly"
    answer: "[/]"
    explain: "[red]not red[/red]"
  - id: truth
    type: truefalse
    prompt: The sky is green.
    answer: false
  - id: count
    type: number
    prompt: How many legs does a spider have?
    answer: 8
"""


def choice(
    qid: str, answer: str = "Right", wrong: tuple[str, ...] = ("W1", "W2", "W3")
) -> Question:
    return Question(id=qid, type=QuestionType.CHOICE, prompt=f"{qid}?", answer=answer, wrong=wrong)


def make_pack(
    questions: list[Question] | None = None,
    pack_id: str = "demo",
    time: Decimal | None = None,
) -> Pack:
    """A pack of ``questions``, by default twenty choice questions q0 to q19."""
    if questions is None:
        questions = [choice(f"q{n}") for n in range(20)]
    return Pack(
        id=pack_id,
        title=f"Pack {pack_id}",
        version=1,
        questions=tuple(questions),
        source="seeds/article.txt",
        time=time,
    )


# Text that YAML, the loader or the screen could misread, in a pack that must round-trip.
TRICKY = Pack(
    id="tricky",
    title=" leading and trailing spaces ",
    version=1,
    description="\tTab\nnew line\n\n  indented: yes # not a comment",
    questions=(
        Question(
            id="q",
            type=QuestionType.CHOICE,
            prompt="[bold]No[/] \ufeff \u00a0 \U0001f600 - * & ! %",
            answer="No",
            wrong=("Off", "010", "1:30", "2020-01-01", "~"),
        ),
        Question(id="n", type=QuestionType.NUMBER, prompt="'\"", answer="3.10"),
    ),
)
