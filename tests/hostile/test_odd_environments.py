"""Hardening, 6: odd environments and arguments.

Closed or full standard streams, a terminal that cannot show UTF-8, bytes that are not
UTF-8 in arguments and file names, lone surrogates and invisible characters in text, and
numbers the command line once took that Home refuses: each gets a plain message and an
exit code, never a traceback.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from quiz.core.model import Question, QuestionType
from quiz.packs.loader import load_pack
from quiz.session import Outcome, Round, RoundSettings
from tests.helpers.cli import run_cli
from tests.helpers.clock import FakeClock
from tests.helpers.hostile import quiz, quiz_process
from tests.helpers.packs import PACK, make_pack


def installed(data_dir: Path, name: str, text: bytes) -> Path:
    (data_dir / "packs").mkdir(parents=True, exist_ok=True)
    path = data_dir / "packs" / name
    path.write_bytes(text)
    return path


# Standard streams ----------------------------------------------------------------------


def test_packs_with_stdout_closed_says_so_on_stderr(data_dir: Path) -> None:
    done = quiz_process(
        "packs",
        data_dir=data_dir,
        stdout=subprocess.DEVNULL,  # replaced, then closed: the game starts with 1>&-
        stderr=subprocess.PIPE,
        preexec_fn=lambda: os.close(1),
    )
    assert done.returncode == 1
    assert done.stderr == b"quiz: standard output is closed; nothing can be shown\n"


def test_packs_to_a_full_device_says_the_disk_is_full(data_dir: Path) -> None:
    with open("/dev/full", "wb") as full:
        done = quiz_process("packs", data_dir=data_dir, stdout=full, stderr=subprocess.PIPE)
    assert done.returncode == 1
    assert done.stderr == b"quiz: cannot write the output: No space left on device\n"


@pytest.mark.parametrize("pack", [True, False], ids=["pack-file", "installed"])
def test_play_plain_with_stdin_closed_ends_the_round_without_a_traceback(
    data_dir: Path, pack_file: Path, pack: bool
) -> None:
    installed(data_dir, "sample.yaml", PACK)
    argv = ["play", "--plain", "--seed", "1", *(["--pack", str(pack_file)] if pack else [])]
    done = quiz_process(*argv, data_dir=data_dir, preexec_fn=lambda: os.close(0))
    assert (done.returncode, done.stderr) == (0, b"")
    assert b"Round stopped (end of input) after 0 of " in done.stdout


CJK = PACK.replace(b"title: Test pack", "title: 日本の首都 ‽ café".encode())
C_LOCALE = {"LC_ALL": "C", "PYTHONUTF8": "0", "LANG": "C"}


@pytest.mark.parametrize(
    "argv",
    [
        ("packs",),
        ("packs", "show", "test-pack"),
        ("export", "{pack}", "--format", "gift"),
    ],
    ids=["packs", "packs-show", "export"],
)
def test_a_c_locale_shows_cjk_text_without_a_traceback(
    data_dir: Path, argv: tuple[str, ...]
) -> None:
    pack = installed(data_dir, "cjk.yaml", CJK)
    done = quiz_process(*(part.format(pack=pack) for part in argv), data_dir=data_dir, env=C_LOCALE)
    assert b"Traceback" not in done.stderr, done.stderr.decode()
    assert done.returncode == 0, done.stderr.decode()
    if argv[0] == "packs":  # lines for the terminal: what ASCII cannot show, as escapes
        assert done.stdout.isascii()
        assert b"\\u65e5\\u672c" in done.stdout
    else:  # a document, as its file would be (the next tests)
        assert "日本の首都".encode() in done.stdout


# Bytes that are not UTF-8 --------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "argument"),
    [
        ([b"import", b"csv", b"{source}", b"--title", b"\xff"], "--title"),
        ([b"new", b"my-pack", b"--out", b"{out}", b"--title", b"Caf\xe9"], "--title"),
        ([b"play", b"--plain", b"--player", b"\xff\xfe"], "--player"),
    ],
    ids=["import-title", "new-title", "play-player"],
)
def test_an_argument_that_is_not_utf8_is_a_usage_error_naming_it(
    tmp_path: Path, data_dir: Path, argv: list[bytes], argument: str
) -> None:
    source = tmp_path / "questions.csv"
    source.write_text("question,answer\nWhat is 2+2?,4\n", encoding="utf-8")
    out = tmp_path / "out.yaml"
    installed(data_dir, "sample.yaml", PACK)
    filled = [
        part.replace(b"{source}", bytes(source)).replace(b"{out}", bytes(out)) for part in argv
    ]
    done = quiz_process(*filled, data_dir=data_dir)
    assert done.returncode == 2
    last = done.stderr.decode().splitlines()[-1]
    assert last.endswith(
        f"error: argument {argument}: must be UTF-8 text; the shell passed other bytes"
    )
    assert b"Traceback" not in done.stderr
    assert not out.exists() and not (data_dir / "packs" / "questions.yaml").exists()


def test_a_file_name_that_is_not_utf8_imports_shown_with_the_replacement_character(
    tmp_path: Path, data_dir: Path
) -> None:
    source = Path(os.fsdecode(bytes(tmp_path) + b"/caf\xe9 quiz.csv"))
    source.write_text("question,answer\nWhat is 2+2?,4\n", encoding="utf-8")
    out = tmp_path / "out.yaml"
    done = quiz_process(b"import", b"csv", bytes(source), b"--out", bytes(out), data_dir=data_dir)
    assert (done.returncode, done.stderr) == (0, b"")
    assert done.stdout == f"Imported 1 question: {out}\n".encode()
    pack = load_pack(out)
    assert (pack.title, pack.source) == ("caf\ufffd quiz", "caf\ufffd quiz.csv")
    assert out.read_text(encoding="utf-8").startswith(
        "# Imported from caf\ufffd quiz.csv by `quiz import csv`.\n"
    )


# Open Trivia DB: a lone surrogate, a response_code that is not a code -----------------

RESULT = {
    "type": "multiple",
    "difficulty": "easy",
    "category": "c",
    "question": "Good?",
    "correct_answer": "A",
    "incorrect_answers": ["B", "C", "D"],
}


def test_an_opentdb_question_with_a_lone_surrogate_is_skipped_the_rest_imported(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = {**RESULT, "question": "Bad \ud800?"}
    source = tmp_path / "trivia.json"
    text = json.dumps({"response_code": 0, "results": [bad, RESULT]}, indent=1)
    assert "\\ud800" in text  # a JSON escape: the file itself is UTF-8
    source.write_text(text, encoding="utf-8")
    out = tmp_path / "out.yaml"
    code, stdout, stderr = run_cli(capsys, "import", "opentdb", str(source), "--out", str(out))
    assert code == 0, stderr
    [skipped] = stderr.splitlines()
    assert skipped.startswith(f"{source}:") and ": skipped: " in skipped
    assert "U+D800" in skipped
    assert stdout == f"Imported 1 question, skipped 1: {out}\n"
    assert [question.prompt for question in load_pack(out).questions] == ["Good?"]


@pytest.mark.parametrize("code", ["[1]", '{"a": 1}', '"0"', "0.5", "true"])
def test_an_opentdb_response_code_that_is_not_a_number_says_so(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, code: str
) -> None:
    source = tmp_path / "trivia.json"
    source.write_text(f'{{"response_code": {code}, "results": [{json.dumps(RESULT)}]}}')
    out = tmp_path / "out.yaml"
    status, _, stderr = run_cli(capsys, "import", "opentdb", str(source), "--out", str(out))
    assert (status, stderr) == (1, f"{source}:1: 'response_code' must be a whole number\n")
    assert not out.exists()


# Invisible format characters -----------------------------------------------------------


@pytest.mark.parametrize("invisible", ["\u00ad", "\u200b", "\u2060", "\ufeff", "\u200e"])
def test_a_wrong_answer_that_only_looks_different_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, invisible: str
) -> None:
    pack = tmp_path / "look-alike.yaml"
    wrong = f"[Lyon, Par{invisible}is]"
    line = f"  - {{id: q, type: choice, prompt: Capital?, answer: Paris, wrong: {wrong}}}"
    pack.write_text(
        f"pack: {{id: t, title: T, version: 1}}\nquestions:\n{line}\n", encoding="utf-8"
    )
    code, stdout, _ = run_cli(capsys, "validate", str(pack))
    column = line.index("Par" + invisible) + 1
    escaped = f"\\u{ord(invisible):04x}"
    expected = f"{pack}:3:{column}: 'Par{escaped}is' in 'wrong' repeats the answer\n"
    assert (code, stdout) == (1, expected)


@pytest.mark.parametrize("typed", ["Pa\u200bris", "Par\u00adis", "\ufeffParis", "Pa\u2060ris"])
def test_a_typed_answer_with_an_invisible_character_counts_as_right(typed: str) -> None:
    question = Question(id="q", type=QuestionType.TEXT, prompt="Capital of France?", answer="Paris")
    settings = RoundSettings(packs=(make_pack([question]),), questions=1, seconds=20, seed=1)
    round_ = Round(settings, FakeClock())
    assert round_.answer(typed).outcome is Outcome.CORRECT


# Limits: the command line's are Home's ------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ("play", "--questions", "9999999999999999999"),
            "quiz play: error: argument --questions: must be a whole number from 1 to 1000, "
            "not '9999999999999999999'",
        ),
        (
            ("play", "--questions", "1001"),
            "quiz play: error: argument --questions: must be a whole number from 1 to 1000, "
            "not '1001'",
        ),
        (
            ("play", "--time", "1e-300"),
            "quiz play: error: argument --time: must be a number of seconds from 1 to 3600, "
            "not '1e-300'",
        ),
        (
            ("play", "--time", "0.5"),
            "quiz play: error: argument --time: must be a number of seconds from 1 to 3600, "
            "not '0.5'",
        ),
    ],
    ids=["questions-huge", "questions-1001", "time-1e-300", "time-half-a-second"],
)
def test_a_round_the_command_line_once_took_and_home_refuses_is_refused(
    pack_file: Path, argv: tuple[str, ...], message: str
) -> None:
    ran = quiz(*argv, "--plain", "--pack", str(pack_file), stdin="q\n")
    assert (ran.code, ran.out) == (2, "")
    assert ran.err.splitlines()[-1] == message


@pytest.mark.parametrize("seconds", ["0.0000000001", "0.5", "0.999"])
def test_a_pack_time_under_a_second_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, seconds: str
) -> None:
    pack = tmp_path / "fast.yaml"
    pack.write_bytes(PACK.replace(b"source: the test article}", f"time: {seconds}}}".encode()))
    code, stdout, _ = run_cli(capsys, "validate", str(pack))
    assert code == 1
    assert stdout.endswith(f": 'time' must be at least 1 second, not {seconds}\n")
    assert stdout.startswith(f"{pack}:2:")


# Open when these tests were written (65b353a), fixed since: a document written to stdout is
# not byte for byte the file: under LC_ALL=C PYTHONUTF8=0 the output stream's
# backslashreplace (commands/output.prepare_streams) turns `quiz generate`'s '…' into the
# text \u2026 and `quiz export --format gift`'s 'ç' into \xe7, so `quiz generate >
# pack.yaml` silently writes a different pack
@pytest.mark.parametrize(
    "argv",
    [
        ("generate",),
        ("export", "{pack}", "--format", "gift"),
        ("export", "{pack}", "--format", "csv"),
    ],
    ids=["generate", "export-gift", "export-csv"],
)
def test_a_document_on_stdout_under_a_c_locale_is_the_file_it_would_write(
    tmp_path: Path, data_dir: Path, argv: tuple[str, ...]
) -> None:
    pack = installed(data_dir, "cjk.yaml", CJK.replace(b"France", "Françe …".encode()))
    command = [part.format(pack=pack) for part in argv]
    out = tmp_path / "file.txt"
    written = quiz_process(*command, "--out", str(out), data_dir=data_dir)
    assert written.returncode == 0, written.stderr
    printed = quiz_process(*command, data_dir=data_dir, env=C_LOCALE)
    assert printed.returncode == 0, printed.stderr
    assert printed.stdout == out.read_bytes()


# Open when these tests were written (65b353a), fixed since: JSON on stdout under LC_ALL=C
# PYTHONUTF8=0 is not JSON: the stream's backslashreplace writes 'ç' as \xe7, which JSON has
# no escape for (`quiz packs show` of a pack with a 'ç' in it)
@pytest.mark.parametrize(
    "argv",
    [("packs", "show", "test-pack"), ("validate", "--json", "{pack}")],
    ids=["show", "validate"],
)
def test_json_on_stdout_under_a_c_locale_is_still_json(
    tmp_path: Path, data_dir: Path, argv: tuple[str, ...]
) -> None:
    text = CJK.replace(b"France", "Françe".encode())
    if argv[0] == "validate":  # a problem that quotes the file: "unknown key 'clé'"
        text = text.replace(b"version: 1", "version: 1, clé: 1".encode())
    pack = installed(data_dir, "façade.yaml", text)  # its problems name it
    done = quiz_process(*(part.format(pack=pack) for part in argv), data_dir=data_dir, env=C_LOCALE)
    assert b"Traceback" not in done.stderr
    shown = json.loads(done.stdout)
    if argv[0] == "validate":
        # The name's bytes, as an ASCII locale decodes them (surrogateescape).
        paths = {problem["path"].encode("utf-8", "surrogateescape") for problem in shown}
        assert paths == {bytes(pack)}
        assert any("'clé'" in problem["message"] for problem in shown)
    else:
        assert shown["questions"][0]["prompt"] == "What is the capital of Françe?"


# Open when these tests were written (65b353a), fixed since: `quiz play --plain --pack
# $'\xff.yaml'` ends in a traceback: the settings remember the pack's path, and
# storage.settings.save_settings writes it as UTF-8, which a lone surrogate (the byte 0xff)
# cannot be: UnicodeEncodeError, not OSError
def test_play_a_pack_whose_file_name_is_not_utf8(tmp_path: Path, data_dir: Path) -> None:
    pack = Path(os.fsdecode(bytes(tmp_path) + b"/caf\xe9.yaml"))
    pack.write_bytes(PACK)
    done = quiz_process(
        b"play", b"--plain", b"--pack", bytes(pack), b"--seed", b"1", data_dir=data_dir
    )
    assert b"Traceback" not in done.stderr, done.stderr.decode(errors="replace")
    assert done.returncode == 0
    assert b"Round stopped (end of input) after 0 of 4 questions." in done.stdout
