"""The pack loader: what it accepts as typed, and every refusal with its line and message."""

from __future__ import annotations

import textwrap
import time
from decimal import Decimal
from pathlib import Path

import pytest

from quiz.core.model import Difficulty, QuestionType
from quiz.core.problems import LoadError
from quiz.packs.dump import dump_pack_yaml
from quiz.packs.loader import load_pack, load_pack_bytes

HEADER = "pack:\n  id: demo\n  title: Demo\n  version: 1\nquestions:\n"


def pack_text(questions: str) -> str:
    return HEADER + textwrap.indent(textwrap.dedent(questions).strip("\n"), "  ") + "\n"


def problems_of(text: str | bytes) -> list[str]:
    data = text.encode("utf-8") if isinstance(text, str) else text
    with pytest.raises(LoadError) as caught:
        load_pack_bytes(data, "p.yaml")
    return [str(problem) for problem in caught.value.problems]


def only_problem(text: str | bytes) -> str:
    problems = problems_of(text)
    assert len(problems) == 1, problems
    return problems[0]


CHOICE = """
- id: q1
  type: choice
  prompt: Pick
  answer: A
  wrong: [B, C]
"""


def test_a_valid_pack_loads_with_every_field() -> None:
    pack = load_pack_bytes(
        pack_text(
            """
            - id: q1
              type: choice
              prompt: Which?
              answer: A
              wrong: [B, C]
              difficulty: hard
              tags: [one, two]
              explain: Because.
              evidence: "It said A."
              time: 12.5
            - id: q2
              type: number
              prompt: How many?
              answer: 3.10
              tolerance: 0.5
            """
        ).encode()
    )
    first, second = pack.questions
    assert (pack.id, pack.title, pack.version) == ("demo", "Demo", 1)
    assert first.type is QuestionType.CHOICE and first.wrong == ("B", "C")
    assert first.difficulty is Difficulty.HARD and first.tags == ("one", "two")
    assert first.time == Decimal("12.5") and first.line == 6
    assert second.answer == "3.10" and second.number_answer == Decimal("3.1")
    assert second.tolerance == Decimal("0.5") and second.difficulty is Difficulty.MEDIUM


@pytest.mark.parametrize(
    "typed", ["No", "Off", "010", "2020", "2020-01-01", "1:30", "3.10", "~", "null"]
)
def test_every_scalar_stays_the_text_typed(typed: str) -> None:
    pack = load_pack_bytes(
        pack_text(
            f"- {{id: q, type: choice, prompt: P, answer: {typed}, wrong: [x{typed}]}}"
        ).encode()
    )
    assert pack.questions[0].answer == typed
    assert pack.questions[0].wrong == (f"x{typed}",)


def test_markup_looking_text_is_valid_plain_text() -> None:
    prompt = "[bold]x[/] [@click=app.quit]go[/] $var"
    pack = load_pack_bytes(
        pack_text(f"- {{id: q, type: text, prompt: '{prompt}', answer: '[/]'}}").encode()
    )
    assert pack.questions[0].prompt == prompt
    assert pack.questions[0].answer == "[/]"


def test_bom_and_crlf_are_fine() -> None:
    text = "\ufeff" + pack_text(CHOICE).replace("\n", "\r\n")
    assert load_pack_bytes(text.encode()).questions[0].answer == "A"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"", "p.yaml:1:1: file is empty"),
        (b"# nothing but a comment\n", "p.yaml:1:1: file is empty"),
        (b"pack:\n  id: d\xff\n", "p.yaml:2:8: invalid UTF-8 (byte 0xff)"),
        (
            b"a: 1\n---\nb: 2\n",
            "p.yaml:2:1: a pack holds one YAML document; remove the second '---'",
        ),
        (b"pack: [1\n", "p.yaml:2:1: YAML syntax error: did not find expected ',' or ']'"),
        (
            b'pack:\n  title: "unclosed\n  id: x\n',
            "p.yaml:4:1: YAML syntax error: found unexpected end of stream (while scanning a "
            "quoted scalar that started at line 2, column 10)",
        ),
        (b"pack:\n\tid: x\n", "p.yaml:2:1: YAML syntax error: a tab cannot indent YAML"),
        (b"a:\n  b: 1\n\tc: 2\n", "p.yaml:3:1: YAML syntax error: a tab cannot indent YAML"),
        (b"a: 1\rb:\r\n\tc: 2\r", "p.yaml:3:1: YAML syntax error: a tab cannot indent YAML"),
        (b"pack: &a {}\nquestions: *a\n", "p.yaml:1:7: anchors (&a) are not allowed"),
        (b"questions: *a\n", "p.yaml:1:12: aliases (*a) are not allowed"),
        (b"pack: !!str x\n", "p.yaml:1:7: tags (tag:yaml.org,2002:str) are not allowed"),
        (b"a: b\x1bc\n", "p.yaml:1:5: control character U+001B is not allowed"),
        ("a: b\u202ec\n".encode(), "p.yaml:1:5: bidi control character U+202E is not allowed"),
        ("a: b\x85c\n".encode(), "p.yaml:1:5: control character U+0085 is not allowed"),
        (b"a: " + b"[" * 20 + b"]" * 20 + b"\n", "p.yaml:1:19: nesting deeper than 16 levels"),
    ],
)
def test_unusable_files_are_refused_with_a_position(data: bytes, expected: str) -> None:
    assert only_problem(data).startswith(expected)


@pytest.mark.parametrize("escape", [r"\e[2J", r"\x9b", r"\x07", r"\r", r"\u202E", r"\u2066"])
def test_control_characters_written_as_escapes_are_refused(escape: str) -> None:
    problem = only_problem(pack_text(f'- {{id: q, type: text, prompt: "a{escape}", answer: x}}'))
    assert problem.startswith("p.yaml:6:33: ") and "is not allowed" in problem


def test_deep_nesting_is_refused_before_composing_quickly() -> None:
    for data in (b"[" * 60_000, b"a:\n" + b"".join(b" " * i + b"- \n" for i in range(1, 3000))):
        started = time.perf_counter()
        problem = only_problem(data)
        assert time.perf_counter() - started < 1.0
        assert "nesting" in problem


def test_an_alias_bomb_is_refused_in_milliseconds() -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for previous, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [{','.join(['*' + previous] * 9)}]")
    data = ("\n".join(lines) + "\n").encode()
    assert len(data) < 1024
    started = time.perf_counter()
    assert only_problem(data) == "p.yaml:1:4: anchors (&a) are not allowed"
    assert time.perf_counter() - started < 0.1


def test_a_file_over_the_size_cap_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    with path.open("wb") as out:
        out.truncate(32 * 1024 * 1024 + 1)
    with pytest.raises(LoadError) as caught:
        load_pack(path)
    assert str(caught.value) == f"{path}:1:1: file is larger than the 32 MiB limit"


def test_a_missing_file_is_a_problem_not_a_traceback(tmp_path: Path) -> None:
    with pytest.raises(LoadError) as caught:
        load_pack(tmp_path / "nope.yaml")
    assert "cannot read file: No such file or directory" in str(caught.value)


def test_duplicate_keys_name_both_lines() -> None:
    problems = problems_of("pack:\n  id: a\n  title: T\n  version: 1\n  id: b\nquestions: []\n")
    assert problems[0] == "p.yaml:5:3: duplicate key 'id' (first at line 2)"


def test_unknown_keys_suggest_the_right_one() -> None:
    problems = problems_of(pack_text(CHOICE + "  explian: typo\n  colour: red\n"))
    assert problems == [
        "p.yaml:11:5: unknown key 'explian'; did you mean 'explain'?",
        "p.yaml:12:5: unknown key 'colour' (known keys: id, type, prompt, answer, wrong, accept,"
        " tolerance, difficulty, tags, group, explain, evidence, time, spoiler)",
    ]


def test_missing_and_empty_required_fields() -> None:
    problems = problems_of(pack_text("- id: q1\n  type: text\n  prompt: ''\n"))
    assert problems == [
        "p.yaml:6:5: missing required key 'answer'",
        "p.yaml:8:13: 'prompt' is empty",
    ]
    assert problems_of("pack:\n  id: x\nquestions: []\n") == [
        "p.yaml:2:3: missing required key 'title'",
        "p.yaml:2:3: missing required key 'version'",
        "p.yaml:3:12: 'questions' must be a non-empty list",
    ]


def test_all_problems_of_a_file_are_reported_at_once() -> None:
    problems = problems_of(
        pack_text(
            """
            - {id: q1, type: choise, prompt: P, answer: A}
            - {id: q1, type: text, prompt: P, answer: A, difficulty: extreme}
            - {id: q3, type: truefalse, prompt: P, answer: yes}
            """
        )
    )
    assert problems == [
        "p.yaml:6:20: unknown type 'choise' (use choice | truefalse | number | text)",
        "p.yaml:7:5: duplicate question id 'q1' (first at line 6)",  # both have problems
        "p.yaml:7:60: unknown difficulty 'extreme' (use easy | medium | hard)",
        "p.yaml:8:50: use true or false, not 'yes'",
    ]


def test_duplicate_question_ids() -> None:
    problem = only_problem(pack_text(CHOICE + CHOICE))
    assert problem == "p.yaml:12:5: duplicate question id 'q1' (first at line 6)"


def test_a_wrong_answer_may_not_repeat_the_answer_but_an_accepted_form_may() -> None:
    problems = problems_of(
        pack_text(
            """
            - {id: q1, type: choice, prompt: P, answer: Paris, wrong: [Lyon, paris, Lyon]}
            - {id: q2, type: text, prompt: P, answer: Café, accept: [cafe]}
            - {id: q3, type: choice, prompt: P, answer: Paris, wrong: [Paris., Lyon]}
            - {id: q4, type: text, prompt: P, answer: S & G, accept: [s and g]}
            """
        )
    )
    assert problems == [
        "p.yaml:6:68: 'paris' in 'wrong' repeats the answer",
        "p.yaml:6:75: 'Lyon' in 'wrong' repeats 'Lyon' (line 6)",
        "p.yaml:8:62: 'Paris.' in 'wrong' repeats the answer",  # as a typed answer would
    ]


def test_keys_that_do_not_fit_the_type() -> None:
    problems = problems_of(
        pack_text(
            """
            - {id: q1, type: text, prompt: P, answer: A, wrong: [B], tolerance: 1}
            - {id: q2, type: choice, prompt: P, answer: A}
            - {id: q3, type: choice, prompt: P, answer: A, wrong: [B, C, D, E, F, G]}
            """
        )
    )
    assert problems == [
        "p.yaml:6:48: 'wrong' applies only to choice questions",
        "p.yaml:6:60: 'tolerance' applies only to number questions",
        "p.yaml:7:5: a choice question needs 'wrong' (1 to 5 wrong answers)",
        "p.yaml:8:57: 'wrong' needs 1 to 5 answers, not 6",
    ]


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        ("time: 0", "'time' must be a positive number of seconds, not 0"),
        ("time: -5", "'time' must be a positive number of seconds, not -5"),
        ("time: soon", "'time' must be a number written in digits, not 'soon'"),
        ("time: 1:30", "'time' must be a number written in digits, not '1:30'"),
        ("time: 99999", "'time' must be at most 3600 seconds, not 99999"),
        ("time: 0.0000000001", "'time' must be at least 1 second, not 0.0000000001"),
    ],
)
def test_bad_times(field: str, expected: str) -> None:
    problem = only_problem(pack_text(CHOICE + f"  {field}\n"))
    assert problem.endswith(expected)
    assert problem.startswith("p.yaml:11:11: ")


def test_numbers_that_do_not_parse() -> None:
    huge = "9" * 6000
    problems = problems_of(
        pack_text(
            f"""
            - {{id: q1, type: number, prompt: P, answer: {huge}}}
            - {{id: q2, type: number, prompt: P, answer: twelve}}
            - {{id: q3, type: number, prompt: P, answer: 1, tolerance: -1}}
            """
        )
    )
    assert problems == [
        "p.yaml:6:47: 'answer' is longer than 40 characters; write a shorter number",
        "p.yaml:7:47: 'answer' must be a number written in digits, not 'twelve'",
        "p.yaml:8:61: 'tolerance' must not be negative, not -1",
    ]


def test_truefalse_answers() -> None:
    pack = load_pack_bytes(
        pack_text("- {id: q, type: truefalse, prompt: P, answer: TRUE}").encode()
    )
    assert pack.questions[0].truth is True
    assert only_problem(pack_text("- {id: q, type: truefalse, prompt: P, answer: No}")).endswith(
        "use true or false, not 'No'"
    )
    assert only_problem(pack_text("- {id: q, type: truefalse, prompt: P, answer: maybe}")).endswith(
        "a truefalse answer is true or false"
    )


def test_bad_ids_and_shapes() -> None:
    problems = problems_of(
        "pack:\n  id: Not A Slug\n  title: [a]\n  version: 1.5\nquestions:\n  - just text\n"
    )
    assert problems == [
        "p.yaml:2:7: 'id' must match [a-z0-9]+(?:-[a-z0-9]+)*, not 'Not A Slug'",
        "p.yaml:3:10: 'title' must be a single value, not a list or mapping",
        "p.yaml:4:12: 'version' must be a whole number from 1, not 1.5",
        "p.yaml:6:5: a question must be a mapping of 'key: value' lines",
    ]


def test_the_problem_list_is_capped() -> None:
    many = "".join(f"- {{id: q{i}, type: nope, prompt: P, answer: A}}\n" for i in range(200))
    assert len(problems_of(pack_text(many))) == 50


def test_a_group_names_questions_that_ask_one_thing() -> None:
    pack = load_pack_bytes(
        pack_text(
            """
            - {id: q1, type: text, prompt: P, answer: A, group: fact.one}
            - {id: q2, type: truefalse, prompt: P, answer: true, group: fact.one}
            """
        ).encode()
    )
    assert [question.group for question in pack.questions] == ["fact.one", "fact.one"]
    problem = only_problem(pack_text("- {id: q1, type: text, prompt: P, answer: A, group: -x}"))
    assert problem.startswith("p.yaml:6:") and "'group' must match" in problem


def test_a_spoiler_flag_loads_and_dumps_back() -> None:
    pack = load_pack_bytes(pack_text(CHOICE + "  spoiler: true\n"), display="p.yaml")
    assert pack.questions[0].spoiler is True
    assert "spoiler: true" in dump_pack_yaml(pack)
    assert load_pack_bytes(dump_pack_yaml(pack), display="p.yaml") == pack
    assert problems_of(pack_text(CHOICE + "  spoiler: maybe\n")) == [
        "p.yaml:11:14: 'spoiler' is true or false, not 'maybe'"
    ]
