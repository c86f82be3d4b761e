"""`quiz check`: the generator's properties on a user's fact sheet, consistency on packs."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from quiz.cli import main
from quiz.core.model import Pack, Question, QuestionType
from quiz.facts.model import FactSheet
from quiz.generate import properties
from quiz.generate.generator import Generated, generate
from quiz.generate.properties import (
    PACK_PROPERTIES,
    answer_is_the_value,
    check_sheet_properties,
    consistent_prompts,
    reads_as_written,
    statement_truth,
    tolerance_is_exact,
    typed_answers_accepted,
    wrong_answers_fit,
)
from quiz.storage.paths import shipped_packs_dir
from tests.helpers.paths import SHEET


@pytest.fixture(scope="module")
def items(sheet: FactSheet) -> dict[str, Generated]:
    return {item.question.id: item for item in generate(sheet, 0)}


def with_question(item: Generated, **changes: object) -> Generated:
    return replace(item, question=replace(item.question, **changes))  # type: ignore[arg-type]


def test_each_property_catches_the_mistake_it_is_about(
    sheet: FactSheet, items: dict[str, Generated]
) -> None:
    leads = items["lead-cast.his-and-hers.choice"]
    assert wrong_answers_fit(sheet, leads) is None
    offers_lead = with_question(leads, wrong=("Jon Bernthal", "Tessa Thompson", "Crystal Fox"))
    assert "is right by the facts" in (wrong_answers_fit(sheet, offers_lead) or "")
    alice = items["played-by.alice.choice"]
    assert wrong_answers_fit(sheet, alice) is None
    novelist = with_question(alice, wrong=("Jon Bernthal", "Alice Feeney"))
    assert "no values of" in (wrong_answers_fit(sheet, novelist) or "")
    wrong_kind = with_question(alice, wrong=("Netflix", "Alice Feeney"))
    assert "Netflix" in (wrong_answers_fit(sheet, wrong_kind) or "")
    other_role = with_question(items["killer.his-and-hers.text"], type=QuestionType.CHOICE)
    wrong_type = with_question(other_role, wrong=("Anna", "Tessa Thompson"))
    assert "not character names" in (wrong_answers_fit(sheet, wrong_type) or "")
    year = items["novel-published.novel.choice"]
    uneven = with_question(year, wrong=("2019", "2021", "2025"))
    assert "not evenly spaced" in (wrong_answers_fit(sheet, uneven) or "")

    premiere = items["premiere-date.his-and-hers.text"]
    assert answer_is_the_value(sheet, premiere) is None
    assert answer_is_the_value(sheet, with_question(premiere, answer="January 9")) is not None

    statement = next(i for i in items.values() if i.question.type is QuestionType.TRUEFALSE)
    assert statement_truth(sheet, statement) is None
    flipped = "false" if statement.question.truth else "true"
    assert statement_truth(sheet, with_question(statement, answer=flipped)) is not None

    episodes = items["episode-count.his-and-hers.number"]
    assert tolerance_is_exact(sheet, episodes) is None
    assert tolerance_is_exact(sheet, with_question(episodes, tolerance=Decimal(1))) is not None

    typed = items["author.novel.text"]
    assert reads_as_written(sheet, typed) is None
    slipped = with_question(typed, explain="Alice Feeney told a outlet so..")
    assert "'a' before a vowel" in (reads_as_written(sheet, slipped) or "")
    assert typed_answers_accepted(sheet, typed) is None
    assert typed_answers_accepted(sheet, with_question(typed, accept=(" ",))) is not None


def pack_of(*questions: Question) -> Pack:
    return Pack(id="p", title="P", version=1, questions=questions)


def test_pack_consistency_finds_two_answers_and_right_wrong_answers() -> None:
    first = Question("a", QuestionType.CHOICE, "Who?", "Ann", wrong=("Bo", "Cy"))
    other_answer = Question("b", QuestionType.TEXT, " who? ", "Dee")
    answer_is_wrong = Question("c", QuestionType.CHOICE, "Who?", "ann", wrong=("Ann ", "Eve"))
    assert consistent_prompts(pack_of(first)) is None
    assert "several answers (a, b)" in (consistent_prompts(pack_of(first, other_answer)) or "")
    clash = Question("d", QuestionType.CHOICE, "Who?", "Bo", wrong=("Eve", "Fay"))
    assert "several answers" in (consistent_prompts(pack_of(first, clash)) or "")
    same = Question("e", QuestionType.CHOICE, "Who?", "Ann", wrong=("Cy", "Fay"))
    assert consistent_prompts(pack_of(first, same)) is None
    assert "right and wrong" in (consistent_prompts(pack_of(answer_is_wrong)) or "")


def test_the_smallest_failing_seed_is_reported(
    sheet: FactSheet, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_generate = properties.generate

    def broken_from_seed_3(sheet: FactSheet, seed: int) -> list[Generated]:
        found = real_generate(sheet, seed)
        if seed < 3:
            return found
        first_text = next(
            i for i, item in enumerate(found) if item.question.type is QuestionType.TEXT
        )
        found[first_text] = with_question(found[first_text], answer="nonsense")
        return found

    monkeypatch.setattr(properties, "generate", broken_from_seed_3)
    outcomes = {outcome.name: outcome for outcome in check_sheet_properties(sheet, 6)}
    failed = outcomes["each answer is its fact's value, with evidence and explanation"]
    assert failed.failure is not None and failed.failure.startswith("seed 3: question '")
    assert failed.examples == 6 * len(real_generate(sheet, 0))


def test_quiz_check_passes_the_shipped_sheet_and_packs(capsys: pytest.CaptureFixture[str]) -> None:
    packs = [str(path) for path in sorted(shipped_packs_dir().glob("*.yaml"))]
    assert main(["check", "--seeds", "20", "--examples", "20", str(SHEET), *packs]) == 0
    out = capsys.readouterr().out
    assert "FAIL" not in out
    assert f"{SHEET}: fact sheet, generated with seeds 0 to 19" in out
    assert "  ok    one seed gives one pack, byte for byte (20 examples)" in out
    assert f"{SHEET}: 20 nearby sheets per property, explored with Hypothesis" in out
    given_away = [line for line in out.splitlines() if "rounds give no answer away: 0 of " in line]
    assert len(given_away) == 1 + len(packs)  # the sheet's pack, and each shipped one
    assert out.splitlines()[-1].endswith("examples tried, 0 failed")


def test_quiz_check_fails_an_inconsistent_pack(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pack = tmp_path / "clash.yaml"
    pack.write_text(
        "pack: {id: clash, title: Clash, version: 1}\n"
        "questions:\n"
        "  - {id: a, type: choice, prompt: Who wrote it?, answer: Ann, wrong: [Bo, Cy]}\n"
        "  - {id: b, type: choice, prompt: Who wrote it?, answer: Bo, wrong: [Ann, Cy]}\n",
        encoding="utf-8",
    )
    assert main(["check", "--seeds", "5", str(pack)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert "  FAIL  no prompt has two answers or an answer that is also wrong (1 example)" in out
    assert (
        "        smallest counterexample: one prompt, several answers (a, b): 'Who wrote it?'"
        in out
    )
    checked = len(PACK_PROPERTIES) + 1  # and the give-aways over 5 rounds
    assert out[-1] == f"{checked} properties checked, {checked + 4} examples tried, 1 failed"


def test_quiz_check_reports_a_bad_file_on_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = tmp_path / "x.facts.yaml"
    sheet.write_text("article: missing.txt\n", encoding="utf-8")
    assert main(["check", str(sheet)]) == 1
    captured = capsys.readouterr()
    assert f"{sheet}:1:1: missing required key 'pack'" in captured.out
    assert "Traceback" not in captured.err
