"""The generator: the committed pack is what `quiz generate` writes, and it proves itself."""

from __future__ import annotations

import itertools
import re
import shutil
import subprocess
import sys
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from quiz.cli import main
from quiz.core.model import QuestionType
from quiz.core.values import (
    CalendarDate,
    dates_in,
    first_day,
    format_date,
    mentions,
    normalize_quote,
    numbers_in,
    parse_date,
)
from quiz.facts.checks import value_text
from quiz.facts.loader import load_fact_sheet
from quiz.facts.model import EntityRef, FactSheet
from quiz.generate.generator import generate, generate_pack
from quiz.generate.templates import fill
from quiz.packs.dump import dump_pack_yaml
from quiz.packs.loader import load_pack, load_pack_bytes
from quiz.session.answers import judge
from quiz.storage.paths import shipped_packs_dir
from tests.helpers.paths import ARTICLE_SHEETS, LIGHTHOUSE, PACKAGE, SHEET

COMMITTED_PACK = shipped_packs_dir() / "his-and-hers.yaml"


def test_the_committed_pack_is_exactly_what_quiz_generate_writes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "pack.yaml"
    assert main(["generate", "--out", str(out)]) == 0
    assert out.read_bytes() == COMMITTED_PACK.read_bytes(), (
        "question_bank/his-and-hers.yaml is stale: run `quiz generate --out "
        "question_bank/his-and-hers.yaml` and commit it"
    )
    capsys.readouterr()
    assert main(["generate", str(SHEET)]) == 0
    assert capsys.readouterr().out.encode() == COMMITTED_PACK.read_bytes()


def test_the_committed_pack_is_a_playable_pack_about_the_article(sheet: FactSheet) -> None:
    pack = load_pack(COMMITTED_PACK)
    assert (pack.id, pack.source) == ("his-and-hers", "seeds/his_and_hers.txt")
    assert {question.type for question in pack.questions} == set(QuestionType)
    assert len({question.prompt for question in pack.questions}) >= 30
    assert len({(q.tags, q.explain) for q in pack.questions}) >= 12
    article = normalize_quote(sheet.article)
    for question in pack.questions:
        assert question.explain and question.evidence, question.id
        for quote in question.evidence.split(" … "):
            assert normalize_quote(quote) in article, question.id


def test_the_pack_leaves_seconds_per_question_to_the_player_unless_the_sheet_asks(
    tmp_path: Path,
) -> None:
    assert load_pack(COMMITTED_PACK).time is None
    assert "time:" not in COMMITTED_PACK.read_text(encoding="utf-8").split("questions:")[0]
    timed = tmp_path / "lighthouse.facts.yaml"
    text = LIGHTHOUSE.read_text(encoding="utf-8").replace(
        "  version: 3\n", "  version: 3\n  time: 45\n"
    )
    timed.write_text(text, encoding="utf-8")
    shutil.copy(LIGHTHOUSE.with_name("lighthouse.txt"), tmp_path / "lighthouse.txt")
    assert generate_pack(load_fact_sheet(timed), 0).time == 45


def test_a_phrase_is_asked_to_be_typed_only_with_the_ways_to_say_it(tmp_path: Path) -> None:
    def lens_questions(sheet_text: str) -> list[str]:
        copy = tmp_path / "lighthouse.facts.yaml"
        copy.write_text(sheet_text, encoding="utf-8")
        shutil.copy(LIGHTHOUSE.with_name("lighthouse.txt"), tmp_path / "lighthouse.txt")
        items = generate(load_fact_sheet(copy), 0)
        return [item.question.id for item in items if item.fact.relation == "lens-found-in"]

    text = LIGHTHOUSE.read_text(encoding="utf-8")
    assert lens_questions(text) == ["lens-found-in.corran-point.text"]
    assert lens_questions(text.replace("    accept: [a barn, barn]\n", "")) == []


def test_a_statement_is_named_after_whom_it_is_about(sheet: FactSheet) -> None:
    statements = named_by_claim = 0
    for seed in range(20):
        for item in generate(sheet, seed):
            question = item.question
            if question.type is QuestionType.TRUEFALSE and isinstance(item.claim, EntityRef):
                statements += 1
                claimed = sheet.entities[item.claim.key]
                assert claimed.name in question.prompt
                if sheet.relations[item.fact.relation].many:
                    named_by_claim += 1
                    assert question.id.split(".")[-2] == claimed.key, question
    # Each seed: 9 statements that claim an entity, 5 of them on a many-valued relation:
    # 2 about the leads, 1 about the director (the novelist is its role's one other
    # person), 2 about outlets; the main cast, producer and writer have no one to claim.
    assert (statements, named_by_claim) == (20 * 9, 20 * 5)


def test_facts_about_the_article_itself_are_kept_but_never_asked(sheet: FactSheet) -> None:
    assert any(fact.relation == "published-on" for fact in sheet.facts)
    questions = [item.question for seed in range(10) for item in generate(sheet, seed)]
    assert all("published-on" not in question.tags for question in questions)
    assert not any("article" in question.id.split(".") for question in questions)


def test_one_seed_gives_one_pack_and_seeds_differ(sheet: FactSheet) -> None:
    first = dump_pack_yaml(generate_pack(sheet, 7))
    assert dump_pack_yaml(generate_pack(load_fact_sheet(SHEET), 7)) == first
    assert dump_pack_yaml(generate_pack(sheet, 8)) != first


def test_the_questions_a_player_would_expect_are_asked(sheet: FactSheet) -> None:
    by_id = {item.question.id: item.question for item in generate(sheet, 0)}
    assert by_id["premiere-date.his-and-hers.choice"].answer == "January 8"
    assert by_id["episode-count.his-and-hers.number"].answer == "6"
    assert by_id["killer.his-and-hers.text"].answer == "Alice"
    assert by_id["author.novel.text"].accept == ("Feeney",)
    assert by_id["confesses-by.alice.text"].answer == "a letter"
    # Only two characters: a two-way choice would be a coin toss, so it is typed instead.
    assert "killer.his-and-hers.choice" not in by_id
    assert by_id["played-by.anna.tessa-thompson.reverse-text"].answer == "Anna"


def names_of_values(sheet: FactSheet, *relations: str) -> set[str]:
    return {value_text(fact.value, sheet) for fact in sheet.facts if fact.relation in relations}


def test_people_are_offered_only_in_their_own_role(sheet: FactSheet) -> None:
    """Actors for actors, creators for creators: never the novelist as Alice's actress."""
    cast = names_of_values(sheet, "main-cast", "lead-cast", "played-by")
    creators = names_of_values(sheet, "director", "writer", "executive-producer", "author")
    assert len(cast) == 6 and creators == {"William Oldroyd", "Alice Feeney"}
    claims_checked = 0
    for seed in range(30):
        items = {item.question.id: item for item in generate(sheet, seed)}
        for question_id in ("played-by.alice.choice", "played-by.anna.choice"):
            assert set(items[question_id].question.wrong) <= cast - {
                items[question_id].question.answer
            }
        assert set(items["lead-cast.his-and-hers.choice"].question.wrong) <= cast - {
            "Tessa Thompson",
            "Jon Bernthal",
        }
        for item in items.values():
            relation = item.fact.relation
            if item.claim is not None and not isinstance(item.claim, bool):
                pool = cast if relation in ("lead-cast", "played-by") else None
                if relation in ("director", "author"):
                    pool = creators
                if pool is not None:
                    claims_checked += 1
                    assert value_text(item.claim, sheet) in pool, item.question.prompt
        # Everyone in the cast is in the main cast: no wrong cast member is left to offer,
        # so no choice is made up from other roles.
        assert "main-cast.his-and-hers.choice" not in items
        assert "main-cast.his-and-hers.text" in items
        # Only one other creator: a two-way choice would be a coin toss.
        assert "director.his-and-hers.choice" not in items
    assert claims_checked == 30 * 6  # each seed: 6 statements claiming an actor or a creator


def test_a_false_statement_claims_only_a_value_of_the_relations_role(sheet: FactSheet) -> None:
    """The article lists the main cast "including" six people and names one producer: it
    proves no one else is not among them, so a false statement about a many-valued relation
    claims only a value of its role (`distractors-from`), and the main cast, whose role is
    all cast, gets none. The leads' statements still claim other cast members, half true."""
    lead_pool = names_of_values(sheet, "main-cast") - names_of_values(sheet, "lead-cast")
    checked = {"main-cast": 0, "executive-producer": 0, "lead-cast": 0}
    truths = []
    for seed in range(100):
        for item in generate(sheet, seed):
            relation = item.fact.relation
            if relation in checked and item.question.type is QuestionType.TRUEFALSE:
                checked[relation] += 1
                assert isinstance(item.claim, EntityRef)
                claimed = value_text(item.claim, sheet)
                assert item.question.truth or claimed in lead_pool
                truths.append(item.question.truth)
    assert checked == {"main-cast": 0, "executive-producer": 0, "lead-cast": 100 * 2}
    assert 0.35 < sum(truths) / len(truths) < 0.65


@pytest.mark.parametrize(
    "typed",
    ["January 8", "January 8th", "Jan 8", "Jan. 8", "8 January", "8th January", "january 8."],
)
def test_a_typed_date_is_right_in_any_common_spelling(sheet: FactSheet, typed: str) -> None:
    by_id = {item.question.id: item.question for item in generate(sheet, 0)}
    question = by_id["premiere-date.his-and-hers.text"]
    assert judge(question, (), -1, typed)[1], question.accept
    assert not judge(question, (), -1, "January 9")[1]


@pytest.mark.parametrize(
    "typed",
    [
        "August 30, 2024",
        "August 30",
        "Aug. 30, 2024",
        "30 August 2024",
        "30th August",
        "2024-08-30",
    ],
)
def test_a_typed_date_with_a_year_is_right_with_or_without_it(typed: str) -> None:
    by_id = {item.question.id: item.question for item in generate(load_fact_sheet(LIGHTHOUSE), 0)}
    question = by_id["relit-on.corran-point.text"]
    assert judge(question, (), -1, typed)[1], question.accept
    assert not judge(question, (), -1, "August 30, 2023")[1]


def test_prompts_name_the_series_and_give_no_other_answer_away(sheet: FactSheet) -> None:
    """Mixed with other packs, each prompt says what it is about; and none gives away the
    answer of a question on another relation (names that are asked about, offered as wrong
    answers or claimed by statements aside: naming them tells nothing)."""
    items = [item for seed in range(10) for item in generate(sheet, seed)]
    questions = [item.question for item in items]
    in_play = {sheet.entities[fact.subject].name for fact in sheet.facts}
    in_play.update(wrong for question in questions for wrong in question.wrong)
    in_play.update(value_text(item.claim, sheet) for item in items if item.claim is not None)
    answers = {
        (question.tags[0], question.answer)
        for question in questions
        if question.type is not QuestionType.TRUEFALSE and question.answer not in in_play
    }
    assert sorted(answers) == [("confesses-by", "a letter"), ("platform", "Netflix")]
    for question in questions:
        assert "His & Hers" in question.prompt or question.answer == "His & Hers", question.id
        held_against = 0
        for relation, answer in answers:
            if relation == question.tags[0]:
                continue
            held_against += 1
            if answer.isdigit():  # small numbers coincide (six episodes, the sixth one)
                big = int(answer) >= 100
                assert not big or int(answer) not in numbers_in(question.prompt), question.id
            else:
                assert not mentions(question.prompt, answer), (question.id, answer)
        assert held_against >= 1, question.id  # the answers are of two relations


def test_explanations_connect_the_quotes_and_name_every_right_answer(sheet: FactSheet) -> None:
    by_id = {item.question.id: item.question for item in generate(sheet, 0)}
    mother = by_id["mother.anna.text"]
    assert "letter to Anna" in mother.explain and "her mother" in mother.explain
    assert mother.evidence.count(" … ") == 2
    leads = by_id["lead-cast.his-and-hers.text"]
    assert {"Tessa Thompson", "Jon Bernthal"} <= set(leads.accept) | {leads.answer}
    assert "Tessa Thompson" in leads.explain and "Jon Bernthal" in leads.explain
    assert leads.prompt.startswith("Name one of")
    cast = by_id["main-cast.his-and-hers.text"]
    for name in ("Tessa Thompson", "Crystal Fox", "Sunita Mani", "Pablo Schreiber"):
        assert name in cast.explain
    assert all(q.explain != "His & Hers is based on the novel His & Hers." for q in by_id.values())


def steps_evenly(values: list[int]) -> bool:
    ordered = sorted(values)
    return len({b - a for a, b in itertools.pairwise(ordered)}) == 1


def dates_step_evenly(texts: tuple[str, ...]) -> bool:
    """A whole number of weeks, of months (on one day of the month) or of years apart."""
    dates = [parse_date(text) for text in texts]
    assert None not in dates, texts
    found = [date for date in dates if date is not None]
    days = sorted(first_day(date).toordinal() for date in found)
    if steps_evenly(days) and (days[1] - days[0]) % 7 == 0:
        return True
    if len({date.day for date in found}) == 1 and steps_evenly(
        [(date.year or 0) * 12 + (date.month or 0) for date in found]
    ):
        return True
    return len({(date.month, date.day) for date in found}) == 1 and steps_evenly(
        [date.year or 0 for date in found]
    )


def test_dates_and_numbers_step_evenly_around_the_answer_and_are_listed_in_order(
    sheet: FactSheet,
) -> None:
    numbers_checked = dates_checked = from_article = 0
    article_dates = {date for date, _, _ in dates_in(sheet.article)}
    article_dates |= {replace(date, year=None) for date in article_dates}
    for seed in range(40):
        for item in generate(sheet, seed):
            question = item.question
            if question.type is not QuestionType.CHOICE or isinstance(
                item.fact.value, EntityRef | bool
            ):
                continue
            if isinstance(item.fact.value, CalendarDate):
                wrong = [parse_date(text) for text in question.wrong]
                keys = [first_day(date).toordinal() for date in wrong if date is not None]
                assert keys == sorted(keys), question
                if not dates_step_evenly((question.answer, *question.wrong)):
                    assert set(wrong) <= article_dates, question  # the article's other dates
                    from_article += 1
                dates_checked += 1
                continue
            numbers = [Decimal(text) for text in question.wrong]
            assert numbers == sorted(numbers), question
            steps = {
                b - a for a, b in itertools.pairwise(sorted([*numbers, Decimal(question.answer)]))
            }
            assert len(steps) == 1, question
            numbers_checked += 1
    # Each seed: a choice for each of the 2 number facts (episodes, the confession's
    # episode), and for each of the 2 dates (the premiere, the novel's year).
    assert (numbers_checked, dates_checked) == (40 * 2, 40 * 2)
    # The article gives one other day date (March 1, 2026): too few to offer its dates.
    assert from_article == 0


def test_the_invented_article_is_generated_by_the_same_code(tmp_path: Path) -> None:
    out = tmp_path / "corran.yaml"
    assert main(["generate", str(LIGHTHOUSE), "--seed", "5", "--out", str(out)]) == 0
    pack = load_pack(out)
    assert pack.id == "corran-point" and pack.version == 3
    assert {question.type for question in pack.questions} == set(QuestionType)
    by_id = {question.id: question for question in pack.questions}
    assert by_id["relit-on.corran-point.text"].answer == "August 30, 2024"
    assert "2024-08-30" in by_id["relit-on.corran-point.text"].accept
    height = by_id["height-metres.corran-point.number"]
    assert (height.answer, height.tolerance) == ("27", 1)
    assert by_id["built-in.dunmore-head.number"].answer == "1902"


def article_specific_words(sheet: FactSheet) -> set[str]:
    words = set()
    for entity in sheet.entities.values():
        words.update(name for name in (entity.name, *entity.aliases) if len(name) >= 4)
    for fact in sheet.facts:
        if isinstance(fact.value, CalendarDate):
            words.add(format_date(fact.value))
        elif isinstance(fact.value, int) and fact.value >= 100:  # small numbers are everywhere
            words.add(str(fact.value))
    return words  # text values ("a letter") are everyday words, so they are not looked for


EVERY_SHEET = {"his-and-hers": SHEET, "lighthouse": LIGHTHOUSE, **ARTICLE_SHEETS}


@pytest.mark.parametrize("facts", EVERY_SHEET.values(), ids=EVERY_SHEET.keys())
def test_the_package_knows_nothing_of_any_article(facts: Path) -> None:
    """Code, style and the relation library are generic: none names one article's facts."""
    words = article_specific_words(load_fact_sheet(facts))
    assert len(words) >= 5  # the list is really built from the sheet
    checked = []
    for path in PACKAGE.rglob("*"):
        if path.suffix not in (".py", ".tcss", ".yaml") or not path.is_file():
            continue
        checked.append(path.relative_to(PACKAGE).as_posix())
        text = path.read_text(encoding="utf-8")
        for word in words:
            pattern = rf"(?<![\w-]){re.escape(word)}(?![\w-])"
            assert not re.search(pattern, text, re.IGNORECASE), f"{path} mentions {word!r}"
    assert {"generate/generator.py", "tui/quiz.tcss", "facts/relations/tv.yaml"} <= set(checked)
    assert len(checked) >= 60  # every module of the game (79 when this was written)


def test_a_sheet_with_problems_writes_no_pack(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.txt").write_text("Nothing here.", encoding="utf-8")
    bad = tmp_path / "bad.facts.yaml"
    bad.write_text(LIGHTHOUSE.read_text(encoding="utf-8").replace("lighthouse.txt", "a.txt"))
    out = tmp_path / "out.yaml"
    assert main(["generate", str(bad), "--out", str(out)]) == 1
    captured = capsys.readouterr()
    assert not out.exists()
    assert "Traceback" not in captured.err
    assert f"{bad}:2:10: quote is not in the article" not in captured.err  # line 2 is article:
    assert re.search(
        rf"^{re.escape(str(bad))}:\d+:\d+: quote is not in the article", captured.err, re.M
    )
    assert captured.out == ""


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["generate", "{tmp}/none.facts.yaml"], "{tmp}/none.facts.yaml:1:1: cannot read file"),
        (["generate", "--out", "{tmp}"], "{tmp}:1: is a folder; give the path of a file to write"),
    ],
)
def test_bad_paths_are_one_line_each(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    assert main([arg.format(tmp=tmp_path) for arg in args]) == 1
    captured = capsys.readouterr()
    assert captured.err.startswith(message.format(tmp=tmp_path))
    assert "Traceback" not in captured.err
    assert captured.out == ""


def test_every_generated_question_survives_the_pack_loader(sheet: FactSheet) -> None:
    choices = 0
    for seed in range(5):
        pack = generate_pack(sheet, seed)
        assert load_pack_bytes(dump_pack_yaml(pack).encode()) == pack
        for item in generate(sheet, seed):
            if item.question.type is QuestionType.CHOICE and not item.reverse:
                choices += 1
                value = item.fact.value
                expected = ("Yes" if value else "No") if isinstance(value, bool) else None
                assert item.question.answer == (expected or value_text(value, sheet))
    # Each seed: 7 choices that ask for a fact's value, and 2 yes/no questions.
    assert choices == 5 * 9


def test_names_with_braces_are_not_filled_in_again() -> None:
    assert (
        fill("{subject} plays {value}.", "{value}", "A {subject}") == "{value} plays A {subject}."
    )


def test_a_sheet_that_makes_no_fair_question_makes_no_pack(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The only question would ask "Who is Ada named after?" and answer "Ada"."""
    (tmp_path / "a.txt").write_text("Ada the ship is named after Ada the captain.\n")
    sheet = tmp_path / "a.facts.yaml"
    sheet.write_text(
        "article: a.txt\n"
        "pack: {id: ada, title: Ada, version: 1}\n"
        "entities:\n"
        "  ship: {type: ship, name: Ada}\n"
        "  captain: {type: person, name: Ada}\n"
        "relations:\n"
        "  named-after:\n"
        "    subject: ship\n"
        "    value: person\n"
        '    ask: "Who is {subject} named after?"\n'
        '    statement: "{subject} is named after {value}."\n'
        "facts:\n"
        "  - {subject: ship, relation: named-after, value: captain,\n"
        "     evidence: Ada the ship is named after Ada the captain.}\n",
        encoding="utf-8",
    )
    assert main(["facts", "check", str(sheet)]) == 0
    capsys.readouterr()
    assert main(["generate", str(sheet)]) == 1
    captured = capsys.readouterr()
    assert captured.err == f"{sheet}:1:1: no question can be made from these facts\n"
    assert captured.out == ""


def test_generate_redirected_to_a_file_leaves_it_empty_when_the_sheet_is_bad(
    tmp_path: Path,
) -> None:
    """`quiz generate bad.facts.yaml > out.yaml`: the problems are for the person, on
    stderr; the file the shell made gets nothing, not a pack of error lines."""
    (tmp_path / "a.txt").write_text("Nothing here.", encoding="utf-8")
    bad = tmp_path / "bad.facts.yaml"
    bad.write_text(LIGHTHOUSE.read_text(encoding="utf-8").replace("lighthouse.txt", "a.txt"))
    out = tmp_path / "out.yaml"
    with out.open("w", encoding="utf-8") as stdout:
        result = subprocess.run(
            [sys.executable, "-m", "quiz", "generate", str(bad)],
            stdout=stdout,
            stderr=subprocess.PIPE,
            text=True,
        )
    assert result.returncode == 1
    assert out.read_text(encoding="utf-8") == ""
    assert re.search(
        rf"^{re.escape(str(bad))}:\d+:\d+: quote is not in the article", result.stderr, re.M
    )
