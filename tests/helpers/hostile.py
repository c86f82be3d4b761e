"""Hostile input for the hardening tests (tests/hostile): characters a terminal would obey or
hide, a check that none reaches the output raw, and `quiz` run in-process or in a process of
its own with everything it printed captured.

The check is written here on its own, from Unicode's categories, rather than taken from
quiz.core.text: a test that borrowed the game's character class would pass with it however
wrong it was.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys
import tempfile
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from hypothesis import strategies as st

from tests.helpers.paths import REPO

# Emoji sequences are made of these, so they may be shown: the zero-width joiner, and the
# tag characters of regional flags.
_SHOWN_FORMAT = frozenset("\u200d") | frozenset(map(chr, range(0xE0020, 0xE0080)))
_LINE_SEPARATORS = frozenset("\u2028\u2029")


def is_raw_control(char: str) -> bool:
    """Whether this character must never reach a terminal as it is: a C0 or C1 control but
    tab and line feed (DEL too), an unpaired surrogate, a Unicode line or paragraph
    separator, or an invisible format character (category Cf: bidi controls, the soft
    hyphen, zero-width spaces, marks, joiners, the byte order mark) but those of emoji."""
    if char in "\n\t":
        return False
    category = unicodedata.category(char)
    if category in ("Cc", "Cs"):
        return True
    if category == "Cf":
        return char not in _SHOWN_FORMAT
    return char in _LINE_SEPARATORS


def is_obeyed_control(char: str) -> bool:
    """Whether a terminal would act on this character rather than hide it: a raw control
    that is not an invisible format character, or a bidi control (which reorders text)."""
    if not is_raw_control(char):
        return False
    return unicodedata.category(char) != "Cf" or char in _BIDI_CONTROLS


_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def raw_controls(text: str) -> list[str]:
    """Each raw control character in the text, as U+XXXX with the text around it."""
    return _described(text, is_raw_control)


def obeyed_controls(document: str) -> list[str]:
    """Each character a terminal would obey in a document printed whole (a pack or an
    export on stdout, which is written byte for byte as its file would be): as
    raw_controls, but the carriage return of a CRLF line end (a CSV's) and invisible
    format characters, a pack's own text there, are kept as they are."""
    return _described(document.replace("\r\n", "\n"), is_obeyed_control)


def _described(text: str, wanted: Callable[[str], bool]) -> list[str]:
    return [
        f"U+{ord(char):04X} in {text[max(0, at - 30) : at + 30]!r}"
        for at, char in enumerate(text)
        if wanted(char)
    ]


# Something of every class the hardening issue names.
C0_C1 = ("\x1b", "\x07", "\x00", "\x08", "\r", "\x0b", "\x7f", "\x85", "\x9b")
BIDI = ("\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069")
INVISIBLE = ("\u00ad", "\u200b", "\u200c", "\u200e", "\u200f", "\u2060", "\u2063", "\u2064")
INVISIBLE_MORE = ("\ufeff", "\u061c", "\u180e", "\U000e0001", "\u2028")
SURROGATES = ("\ud800", "\udfff", "\udcff")
# Whole escape sequences: set the clipboard (OSC 52), clear the screen, colour, a C1 CSI.
SEQUENCES = ("\x1b]52;c;aGVsbG8=\x07", "\x1b[2J\x1b[H", "\x1b[31m", "\x9b6n", "\x1bP+q\x1b\\")
HOSTILE = (*C0_C1, *BIDI, *INVISIBLE, *INVISIBLE_MORE)
# A sample of both kinds: characters a terminal would obey (OSC 52, which writes the
# clipboard; a bidi override) and characters it would hide (a zero-width space, a soft hyphen).
SAMPLE = "Ev\x1b]52;c;aGk=\x07il\u202e txt\u200b\u00ad"

_ordinary = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Cf", "Zl", "Zp")),
    min_size=1,
    max_size=4,
)


@st.composite
def hostile_text(draw: st.DrawFn, surrogates: bool = False) -> str:
    """Ordinary text with at least one raw control character or sequence among it."""
    pool = [*HOSTILE, *SEQUENCES, *(SURROGATES if surrogates else ())]
    bad = st.sampled_from(pool)
    pieces = draw(st.lists(bad | _ordinary, max_size=5))
    pieces.insert(draw(st.integers(0, len(pieces))), draw(bad))
    return "".join(pieces)


def yaml_string(text: str) -> str:
    """The text as a double-quoted YAML scalar, each character a file may not hold raw
    written as an escape, which YAML decodes back to the character itself."""
    out = []
    for char in text:
        if char in '"\\':
            out.append("\\" + char)
        elif is_raw_control(char) or not char.isprintable():
            code = ord(char)
            out.append(f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def json_string(text: str) -> str:
    """The text as a JSON string, lone surrogates as \\ud800 escapes (json.dumps writes them)."""
    return json.dumps(text)


def safe_file_name(text: str, limit: int = 60) -> str:
    """A file name made of the text: no slash or NUL (the only two a name cannot hold)."""
    name = text.replace("/", "_").replace("\x00", "_")[:limit]
    return name or "_"


# Hostile files: packs, file names, each importer's input -----------------------------

hostile = hostile_text()


def either(valid: str) -> st.SearchStrategy[str]:
    """A field's valid value, or hostile text in its place."""
    return st.just(valid) | hostile


@st.composite
def hostile_pack(draw: st.DrawFn) -> str:
    """Pack text with hostile characters (as YAML escapes) in any field: unknown keys, the
    type, the ids, the title, prompts and answers."""

    def q(strategy: st.SearchStrategy[str]) -> str:
        return yaml_string(draw(strategy))

    return (
        "pack:\n"
        f"  id: {q(either('evil'))}\n"
        f"  title: {q(either('Evil'))}\n"
        "  version: 1\n"
        f"  description: {q(either('d'))}\n"
        f"  {q(either('author'))}: {q(either('a'))}\n"
        "questions:\n"
        f"  - id: {q(either('q1'))}\n"
        f"    type: {q(either('choice'))}\n"
        f"    prompt: {q(either('Which?'))}\n"
        f"    answer: {q(either('Paris'))}\n"
        f"    wrong: [{q(either('Lyon'))}, {q(either('Nice'))}]\n"
        f"    explain: {q(either('because'))}\n"
        f"    {q(hostile)}: 1\n"
        f"  - id: {q(either('q2'))}\n"
        f"    type: {q(either('text'))}\n"
        f"    prompt: {q(either('Name it'))}\n"
        f"    answer: {q(either('Paris'))}\n"
        f"    accept: [{q(either('Paris.'))}]\n"
        f"  - id: {q(either('q3'))}\n"
        "    type: number\n"
        f"    prompt: {q(either('How many?'))}\n"
        f"    answer: {q(either('8'))}\n"
        f"    tolerance: {q(either('1'))}\n"
        f"    time: {q(either('20'))}\n"
    )


# A file name may hold any character but / and NUL; a byte that is not UTF-8 reaches Python
# as a lone surrogate (\udc9b is the byte 0x9b, a C1 control in a Latin-1 terminal).
file_names = (hostile_text(surrogates=False) | st.just("\udc9b\udcff")).map(safe_file_name)


@st.composite
def importer_input(draw: st.DrawFn, fmt: str) -> str:
    """A file for `quiz import FMT` with hostile text where the importer quotes it: Anki's
    headers, GIFT's numbers, Open Trivia DB's difficulty, type and response_code, CSV cells
    (a time limit, a correct answer's number), Red's CONFIG delay and keys, OpenTriviaQA's
    question, answer and choices."""
    h = draw(hostile)
    k = draw(hostile)
    if fmt == "anki":
        return draw(
            st.sampled_from(
                [
                    f"#separator:{h}\nfront\tback\n",
                    f"#html:{h}\nfront\tback\n",
                    f"#tags column:{h}\nfront\tback\n",
                    f"#{k.lower()}:x\n#separator:tab\nfront {h}\tback {k}\n",
                ]
            )
        )
    if fmt == "gift":
        return draw(
            st.sampled_from(
                [
                    f"::n:: How many? {{#{h}..{k}}}\n",
                    f"::n:: How many? {{#1:{h}}}\n",
                    f"::t{h}:: Capital{k}? {{=Paris ~Lyon}}\n",
                ]
            )
        )
    if fmt == "opentriviaqa":
        return draw(
            st.sampled_from(
                [
                    f"#Q Capital{h}?\n^ Paris{k}\nA Paris{k}\nB Lyon\n",
                    f"#Q Capital?\n^ {h}\nA {k}\nB {h}\n",
                    f"#Q {h}\n{k}\n^ True\nA True\nB False\n",
                ]
            )
        )
    if fmt == "opentdb":
        result = {
            "type": "multiple",
            "difficulty": h,
            "category": "c",
            "question": "Capital?",
            "correct_answer": "Paris",
            "incorrect_answers": ["Lyon", "Nice", "Lille"],
        }
        body = json.dumps({"response_code": 0, "results": [result]}, ensure_ascii=False)
        return draw(
            st.sampled_from(
                [
                    body,
                    body.replace('"response_code": 0', f'"response_code": {json_string(k)}'),
                    body.replace('"multiple"', json_string(k)),
                    body.replace('"Capital?"', json_string(f"Capital{k}?")),
                ]
            )
        )
    if fmt == "csv":
        return draw(
            st.sampled_from(
                [
                    f"question,answer\nWhat{h}?,Paris{k}\nOK?,yes\n",
                    "Question,Answer 1,Answer 2,Time limit,Correct answer\n"
                    f"Q{h}?,a,b,{k},1\nQ2?,a,b,5,{h}\n",
                    f"question,answer,wrong\n{h},{k},{h}{k}\n",
                ]
            )
        )
    assert fmt == "red"
    return draw(
        st.sampled_from(
            [
                f"CONFIG:\n  delay: {yaml_string(h)}\n{yaml_string('Q' + k)}:\n- a\n",
                f"AUTHOR: {yaml_string(h)}\n{yaml_string(k)}:\n- {yaml_string(h)}\n",
            ]
        )
    )


# Running the game ----------------------------------------------------------------------


@dataclass(frozen=True)
class Ran:
    """What `quiz ARGV...` did: its exit code, and all it wrote on stdout and stderr."""

    argv: tuple[str, ...]
    code: int | None
    out: str
    err: str

    def assert_shown_safely(self, document: bool = False) -> None:
        """No raw control character reached either stream, and no traceback. With
        ``document``, stdout is a document printed whole: see obeyed_controls."""
        out = obeyed_controls(self.out) if document else raw_controls(self.out)
        raw = out + raw_controls(self.err)
        assert not raw, f"quiz {self.argv!r} printed raw controls: {raw[:5]}"
        assert "Traceback" not in self.err, self.err


def quiz(*argv: str, stdin: str = "", encoding: str | None = None) -> Ran:
    """``quiz ARGV...`` in this process, its streams captured (stdin as given).

    Any exception but argparse's SystemExit escapes: a test that calls this fails on a
    traceback the player would have seen. With ``encoding`` (such as "ascii", what a
    terminal under LC_ALL=C gives Python), stdout and stderr are streams of bytes in it.
    """
    from quiz.cli import main

    out: io.TextIOBase
    err: io.TextIOBase
    if encoding is None:
        out, err = io.StringIO(), io.StringIO()
    else:
        out = io.TextIOWrapper(io.BytesIO(), encoding=encoding, write_through=True)
        err = io.TextIOWrapper(io.BytesIO(), encoding=encoding, write_through=True)
    saved_stdin = sys.stdin
    sys.stdin = io.StringIO(stdin)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):  # type: ignore[type-var]
            try:
                code: int | None = main(list(argv))
            except SystemExit as leaving:  # argparse's usage errors and --help
                code = leaving.code if isinstance(leaving.code, int) else 2
            except Exception as error:  # a traceback the player would see: say whose
                error.add_note(f"raised by: quiz {' '.join(map(repr, argv))}")
                raise
    finally:
        sys.stdin = saved_stdin
    return Ran(tuple(argv), code, _text_of(out), _text_of(err))


def _text_of(stream: io.TextIOBase) -> str:
    if isinstance(stream, io.StringIO):
        return stream.getvalue()
    assert isinstance(stream, io.TextIOWrapper)
    buffer = stream.buffer
    assert isinstance(buffer, io.BytesIO)
    # As a UTF-8 terminal reads it: a byte that is not UTF-8 is a lone surrogate, raw.
    return buffer.getvalue().decode("utf-8", "surrogateescape")


@contextlib.contextmanager
def data_folder() -> Iterator[Path]:
    """A fresh data folder as QUIZ_DATA_DIR, for one Hypothesis example: the autouse
    ``data_dir`` fixture is made once for all of a test's examples."""
    saved = os.environ.get("QUIZ_DATA_DIR")
    with tempfile.TemporaryDirectory(prefix="quiz-hostile-") as temporary:
        folder = Path(temporary) / "data"
        os.environ["QUIZ_DATA_DIR"] = str(folder)
        try:
            yield folder
        finally:
            if saved is None:
                del os.environ["QUIZ_DATA_DIR"]
            else:
                os.environ["QUIZ_DATA_DIR"] = saved


def quiz_process(
    *argv: str | bytes,
    data_dir: Path,
    timeout: float = 10,
    env: dict[str, str] | None = None,
    **options: object,
) -> subprocess.CompletedProcess[bytes]:
    """``python -m quiz ARGV...`` in a process of its own, from the repository being tested
    (so that its quiz is imported), given up on after ``timeout`` seconds: a hang fails
    the test instead of blocking the suite. Output is kept as bytes."""
    environment = {**os.environ, "QUIZ_DATA_DIR": str(data_dir), "PYTHONPATH": str(REPO)}
    environment.pop("COLUMNS", None)
    environment.update(env or {})
    options.setdefault("stdin", subprocess.DEVNULL)
    options.setdefault("capture_output", "stdout" not in options)
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [sys.executable, "-m", "quiz", *argv],
        cwd=REPO,
        env=environment,
        timeout=timeout,
        **options,
    )


def make_fifo(path: Path) -> Path:
    """A named pipe at ``path``: opening it to read waits for a writer that never comes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(path)
    return path
