"""What a pack author reads when a pack is refused, and what the game keeps of a pack.

Each test pins a behaviour that mutation testing (docs/mutation.md) found unchecked: the
whole problem line an author reads (path, line, column and message, not a substring of
it), the fields the loader keeps, the YAML that `quiz import` writes, the unfair-question
warnings and the pack list. A change to any of them is one an author or a player sees.
"""

from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path

import pytest

from quiz.core.model import Difficulty, Pack, Question, QuestionType
from quiz.core.problems import LoadError
from quiz.packs.dump import dump_pack_yaml
from quiz.packs.fairness import Unfair, unfair_questions
from quiz.packs.library import PackSummary, installed_library, resolve_pack, scan_library
from quiz.packs.loader import load_pack, load_pack_bytes

HEADER = "pack:\n  id: demo\n  title: Demo\n  version: 1\nquestions:\n"


def problems_of(data: bytes | str) -> list[str]:
    """Every problem line of a refused pack, as `quiz validate` prints them."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    with pytest.raises(LoadError) as caught:
        load_pack_bytes(raw, "p.yaml")
    return [str(problem) for problem in caught.value.problems]


def questions(*lines: str) -> str:
    """A pack whose questions are the given lines, indented under 'questions:' (line 6 on)."""
    return HEADER + "".join(f"  {line}\n" for line in lines)


# The file as a whole: YAML syntax, encoding, characters, shape.


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        # A syntax error without a context is reported as libyaml words it.
        (
            b"a: b: c\n",
            "p.yaml:1:5: YAML syntax error: mapping values are not allowed in this context",
        ),
        # With a context on the same line, no "that started at" is added.
        (
            b'a: "x',
            "p.yaml:1:6: YAML syntax error: found unexpected end of stream "
            "(while scanning a quoted scalar)",
        ),
        (b"hello\n", "p.yaml:1:1: the pack file must be a mapping of 'key: value' lines"),
        (b"- a\n", "p.yaml:1:1: the pack file must be a mapping of 'key: value' lines"),
        # The columns past line 1 and 2: counted from the last line break, not the first.
        (b"a: 1\nb: 2\nc: \xff\n", "p.yaml:3:4: invalid UTF-8 (byte 0xff)"),
        (b"\n\na: 1\nb: x\x1by\n", "p.yaml:4:5: control character U+001B is not allowed"),
        (b"\nb: x\x1by\n", "p.yaml:2:5: control character U+001B is not allowed"),
        (b"a: 1\nbb: xy\x7f\n", "p.yaml:2:7: control character U+007F is not allowed"),
        # A noncharacter libyaml refuses, at its place rather than at 1:1 in libyaml's words.
        ("a: 1\nb: x\uffff\n".encode(), "p.yaml:2:5: noncharacter U+FFFF is not allowed"),
        ("a: \ufffe\n".encode(), "p.yaml:1:4: noncharacter U+FFFE is not allowed"),
    ],
)
def test_a_refused_file_names_the_place_and_the_reason(data: bytes, expected: str) -> None:
    assert problems_of(data) == [expected]


def test_a_missing_file_is_one_problem_at_line_1_column_1(tmp_path: Path) -> None:
    missing = tmp_path / "nope.yaml"
    with pytest.raises(LoadError) as caught:
        load_pack(missing)
    assert str(caught.value) == f"{missing}:1:1: cannot read file: No such file or directory"


def test_a_key_that_is_a_list_is_named_where_it_stands() -> None:
    assert problems_of(b"? [a]\n: 1\n") == [
        "p.yaml:1:1: missing required key 'pack'",
        "p.yaml:1:1: missing required key 'questions'",
        "p.yaml:1:3: keys must be plain text",
        "p.yaml:1:3: unknown key '' (known keys: pack, questions)",
    ]


def test_a_duplicate_key_names_the_line_of_the_first_key_not_of_its_value() -> None:
    text = "pack:\n  id:\n    a\n  title: T\n  version: 1\n  id: b\nquestions: []\n"
    assert problems_of(text) == [
        "p.yaml:6:3: duplicate key 'id' (first at line 2)",
        "p.yaml:7:12: 'questions' must be a non-empty list",
    ]


# The pack's header and its questions: every required key, every message.


def test_a_missing_section_is_reported_at_the_top_of_the_file() -> None:
    assert problems_of(b"pack: {id: a, title: T, version: 1}\n") == [
        "p.yaml:1:1: missing required key 'questions'"
    ]
    assert problems_of(b"pack: x\n") == [
        "p.yaml:1:1: missing required key 'questions'",
        "p.yaml:1:7: 'pack' must be a mapping of 'key: value' lines",
    ]


def test_a_pack_id_and_each_question_id_and_type_are_required() -> None:
    text = (
        "pack: {title: T, version: 1}\nquestions:\n"
        "  - {type: text, prompt: P, answer: A}\n"
        "  - {id: q2, prompt: P, answer: A}\n"
    )
    assert problems_of(text) == [
        "p.yaml:1:7: missing required key 'id'",
        "p.yaml:3:5: missing required key 'id'",
        "p.yaml:4:5: missing required key 'type'",
    ]


def test_questions_that_are_not_mappings_are_each_reported_once() -> None:
    assert problems_of(questions("- just text", "- more text")) == [
        "p.yaml:6:5: a question must be a mapping of 'key: value' lines",
        "p.yaml:7:5: a question must be a mapping of 'key: value' lines",
    ]


def test_list_keys_that_are_not_lists_or_hold_empty_entries() -> None:
    assert problems_of(
        questions(
            "- {id: q1, type: text, prompt: P, answer: A, tags: x}",
            "- {id: q2, type: text, prompt: P, answer: A, tags: ['', b, '']}",
        )
    ) == [
        'p.yaml:6:54: \'tags\' must be a list, e.g. ["a", "b"]',
        "p.yaml:7:55: each entry of 'tags' must be non-empty text",
        "p.yaml:7:62: each entry of 'tags' must be non-empty text",
    ]


def test_wrong_answers_are_checked_past_an_empty_or_nested_entry() -> None:
    assert problems_of(
        questions(
            "- {id: q1, type: choice, prompt: P, answer: Paris, wrong: ['', paris]}",
            "- {id: q2, type: choice, prompt: P, answer: Paris, wrong: [{x: 1}, Paris]}",
        )
    ) == [
        "p.yaml:6:62: each entry of 'wrong' must be non-empty text",
        "p.yaml:6:66: 'paris' in 'wrong' repeats the answer",
        "p.yaml:7:62: each entry of 'wrong' must be non-empty text",
        "p.yaml:7:70: 'Paris' in 'wrong' repeats the answer",
    ]


def test_accept_on_a_choice_question_and_a_bad_truefalse_answer_are_placed() -> None:
    assert problems_of(
        questions(
            "- {id: q1, type: choice, prompt: P, answer: A, wrong: [B], accept: [a]}",
            "- {id: q2, type: truefalse, prompt: P, answer: maybe}",
        )
    ) == [
        "p.yaml:6:62: 'accept' applies only to text questions",
        "p.yaml:7:50: a truefalse answer is true or false",
    ]


def test_a_long_text_that_is_not_a_number_is_called_not_a_number() -> None:
    forty = "x" * 40
    assert problems_of(questions(f"- {{id: q, type: number, prompt: P, answer: {forty}}}")) == [
        f"p.yaml:6:46: 'answer' must be a number written in digits, not '{forty}'"
    ]


def test_an_hour_is_the_longest_time_a_question_may_have() -> None:
    pack = load_pack_bytes(
        questions("- {id: q, type: text, prompt: P, answer: A, time: 3600}").encode()
    )
    assert pack.questions[0].time == Decimal(3600)


def test_every_field_the_author_wrote_is_kept() -> None:
    text = (
        "pack:\n  id: demo\n  title: Demo\n  version: 3\n  description: About things\n"
        "  author: Ann\n  source: https://example.org\nquestions:\n"
        "  - {id: q1, type: text, prompt: Who?, answer: Bram Stoker, accept: [Stoker],"
        " explain: He wrote it., evidence: The book says so.}\n"
        "  - {id: q2, type: number, prompt: How many?, answer: '6'}\n"
    )
    pack = load_pack_bytes(text.encode(), "p.yaml")
    assert (pack.id, pack.title, pack.version) == ("demo", "Demo", 3)
    assert (pack.description, pack.author, pack.source) == (
        "About things",
        "Ann",
        "https://example.org",
    )
    text_question, number_question = pack.questions
    assert text_question == Question(
        id="q1",
        type=QuestionType.TEXT,
        prompt="Who?",
        answer="Bram Stoker",
        accept=("Stoker",),
        explain="He wrote it.",
        evidence="The book says so.",
        line=9,
    )
    # No tolerance written: only the exact number is right.
    assert number_question.tolerance == Decimal(0)
    assert number_question.id == "q2"


# What `quiz import` writes: the YAML an author then opens and edits.

DUMPED = Pack(
    id="demo",
    title="Café quiz",
    version=2,
    description="All about cafés",
    author="Zoë",
    source="https://example.org",
    time=Decimal("20"),
    questions=(
        Question(
            id="q1",
            type=QuestionType.NUMBER,
            prompt="How many cups of coffee does a very thirsty person drink in one single long"
            " working day at the office?",
            answer="6",
            tolerance=Decimal("1"),
            difficulty=Difficulty.HARD,
            time=Decimal("12.5"),
        ),
        Question(
            id="q2",
            type=QuestionType.CHOICE,
            prompt="Pick",
            answer="Crème",
            wrong=("Lait",),
            tags=("food", "drink"),
            group="g.one",
            explain="Because.",
            evidence="It said so.",
        ),
        Question(
            id="q3",
            type=QuestionType.TEXT,
            prompt="Who?",
            answer="Ann",
            accept=("Anne",),
            difficulty=Difficulty.EASY,
        ),
    ),
)

DUMPED_YAML = "".join(
    (
        "# Imported from x.gift\n",
        "#\n",
        "# by quiz import\n",
        "pack:\n",
        "  id: demo\n",
        "  title: Café quiz\n",
        "  version: 2\n",
        "  description: All about cafés\n",
        "  author: Zoë\n",
        "  source: https://example.org\n",
        "  time: 20\n",
        "questions:\n",
        "- id: q1\n",
        "  type: number\n",
        "  prompt: How many cups of coffee does a very thirsty person drink in one",
        " single long working day at the\n",
        "    office?\n",
        "  answer: '6'\n",
        "  tolerance: 1\n",
        "  difficulty: hard\n",
        "  time: 12.5\n",
        "- id: q2\n",
        "  type: choice\n",
        "  prompt: Pick\n",
        "  answer: Crème\n",
        "  wrong:\n",
        "  - Lait\n",
        "  tags:\n",
        "  - food\n",
        "  - drink\n",
        "  group: g.one\n",
        "  explain: Because.\n",
        "  evidence: It said so.\n",
        "- id: q3\n",
        "  type: text\n",
        "  prompt: Who?\n",
        "  answer: Ann\n",
        "  accept:\n",
        "  - Anne\n",
        "  difficulty: easy\n",
    )
)


def test_a_written_pack_reads_as_an_author_would_write_it() -> None:
    """Keys in the documented order, accents as typed, whole numbers without '.0', lines
    folded at 100 characters, a medium difficulty left out, the comment lines on top."""
    assert dump_pack_yaml(DUMPED, "Imported from x.gift\n\nby quiz import") == DUMPED_YAML


def test_a_written_pack_without_a_comment_starts_with_its_header() -> None:
    assert dump_pack_yaml(DUMPED).startswith("pack:\n  id: demo\n")


# Unfair-question warnings, as `quiz validate` and `quiz check` show them.


def choice(prompt: str, answer: str, *wrong: str) -> Question:
    return Question(id="c", type=QuestionType.CHOICE, prompt=prompt, answer=answer, wrong=wrong)


def number(prompt: str, answer: str) -> Question:
    return Question(id="n", type=QuestionType.NUMBER, prompt=prompt, answer=answer, line=7)


def warnings(*asked: Question) -> list[Unfair]:
    return unfair_questions(Pack(id="p", title="P", version=1, questions=asked))


def test_a_warning_names_its_question_and_line() -> None:
    assert warnings(choice("Capital of Peru?", "Lima", "1", "2")) == [
        Unfair("c", 0, "'1', '2' are numbers but the answer 'Lima' is not: easy to rule out")
    ]


@pytest.mark.parametrize(
    "prompt",
    [
        "6 episodes were made: how many?",  # at the very start
        "Of 6 episodes made in 1966, how many?",  # first whole, then inside a number
        "Is it x6, 6 or y6?",  # inside a word, then whole, then inside a word again
    ],
)
def test_an_answer_standing_as_a_whole_word_is_found_anywhere(prompt: str) -> None:
    assert warnings(number(prompt, "6")) == [Unfair("n", 7, "the prompt contains the answer '6'")]


@pytest.mark.parametrize(
    "prompt",
    ["Of 65 episodes, how many?", "Is the model an x6?", "Is it file_6?"],
)
def test_an_answer_inside_a_longer_word_gives_nothing_away(prompt: str) -> None:
    assert warnings(number(prompt, "6")) == []


# The pack list: what the home screen shows of each pack, and how a pack is named.

SUMMARISED = """\
pack:
  id: mine
  title: My pack
  version: 3
  description: About my things
  source: My notes
  time: 12.5
questions:
  - {id: q1, type: text, prompt: Who?, answer: Ann}
"""


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_pack_summary_carries_what_the_pack_list_shows(tmp_path: Path) -> None:
    path = write(tmp_path / "packs", "mine.yaml", SUMMARISED)
    index = tmp_path / "index.json"
    expected = PackSummary(
        id="mine",
        title="My pack",
        version=3,
        question_count=1,
        path=str(path),
        source="My notes",
        description="About my things",
        seconds=12.5,
    )
    assert scan_library([tmp_path / "packs"], [], index).packs == [expected]
    assert scan_library([tmp_path / "packs"], [], index).packs == [expected]  # from the index


def test_a_pack_named_twice_or_an_id_used_twice_drops_no_other_pack(tmp_path: Path) -> None:
    folder = tmp_path / "packs"
    first = write(folder, "a.yaml", SUMMARISED)
    write(folder, "b.yaml", SUMMARISED)  # the same id again
    write(folder, "c.yaml", SUMMARISED.replace("id: mine", "id: other"))
    extra = write(tmp_path, "d.yaml", SUMMARISED.replace("id: mine", "id: extra"))
    library = scan_library([folder], [first, extra], tmp_path / "index.json")
    assert [pack.id for pack in library.packs] == ["mine", "other", "extra"]
    assert [str(problem) for problem in library.problems] == [
        f"{folder / 'b.yaml'}:1:1: pack id 'mine' is also used by {first}"
    ]


def test_the_data_folder_given_is_where_the_players_packs_are_found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("QUIZ_DATA_DIR", str(tmp_path / "elsewhere"))
    chosen = tmp_path / "chosen"
    write(chosen / "packs", "mine.yaml", SUMMARISED)
    library = installed_library(chosen)
    assert "mine" in [pack.id for pack in library.packs]
    assert (chosen / "pack-index.json").is_file()
    assert not (tmp_path / "elsewhere").exists()


def test_an_unknown_pack_id_lists_the_installed_ones(tmp_path: Path) -> None:
    folder = tmp_path / "packs"
    write(folder, "b.yaml", SUMMARISED.replace("id: mine", "id: zeta"))
    write(folder, "a.yaml", SUMMARISED)
    for library, known in [
        (scan_library([folder], [], None), "mine, zeta"),
        (scan_library([], [], None), "none"),
    ]:
        with pytest.raises(LoadError) as caught:
            resolve_pack("nope", library)
        assert str(caught.value) == f"nope:1:1: no installed pack has this id (installed: {known})"


@pytest.mark.parametrize("spec", ["missing.yaml", f"folder{os.sep}missing"])
def test_a_pack_named_as_a_file_that_is_missing_is_a_missing_file(
    spec: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(LoadError) as caught:
        resolve_pack(spec, scan_library([], [], None))
    assert str(caught.value) == f"{spec}:1:1: cannot read file: No such file or directory"
