"""OpenTriviaQA category files (uberspot/OpenTriviaQA, CC BY-SA 4.0), one file or a folder.

    #Q Three of these animals hibernate. Which one does not?
    ^ Sloth
    A Mouse
    B Sloth
    C Frog

``#Q`` starts a question, whose text goes on over the following lines until the ``^``
line, the correct answer's text; then the choices ``A`` to ``Z``, one per line; a blank
line between questions. A question whose two choices are True and False becomes a
true/false question. The source was gathered from the web: a question whose answer is
not among its choices or is there twice, that has no choices, whose answer is "all of
these" (or "none of the above", "both", "neither"), or whose prompt gives its answer
away is skipped, with its reason and line.

The files are mostly UTF-8, with a few Windows-1252 bytes (``\\xe9`` for "é", ``\\x93``
for a curly quote) and a few UTF-8 characters whose last byte was turned into ``?``.
Each Windows-1252 byte is read as that character and the line gets a warning; the lost
characters of a closing quote (``e2 80 3f``) are read as "”", the only character the
source ever lost there; any other lost character is unrecoverable and its question is
skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from quiz.core.model import Question, QuestionType
from quiz.core.problems import file_error
from quiz.core.text import typed_answer_key
from quiz.interchange.result import Collector, Imported, Note, slugify
from quiz.packs.fairness import answer_in_prompt
from quiz.packs.format import MAX_WRONG
from quiz.packs.yamltree import MAX_FILE_BYTES
from quiz.storage.reading import UnreadableFile, read_user_file

NAME = "OpenTriviaQA"
URL = "https://github.com/uberspot/OpenTriviaQA"
LICENCE = "CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/)"
# The pack's `source`, `author` and `description`: the credit the licence asks for.
SOURCE = f"{NAME}, {URL}"
AUTHOR = "uberspot and the OpenTriviaQA contributors"
DESCRIPTION = (
    f"Questions from {NAME} ({URL}), licensed {LICENCE}. Changed by `quiz import "
    "opentriviaqa`: broken questions left out, True/False pairs made true/false questions, "
    "text re-encoded. This pack is shared under the same licence."
)

_CHOICE = re.compile(r"([A-Z])(?:[ \t]+(.*))?")
# A closing quote (U+201D, e2 80 9d) whose last byte the source turned into '?'.
_LOST_QUOTE = b"\xe2\x80?"
LOST = "\ufffd"  # where the source lost a character that cannot be told
# Answers that stand for other choices: "All of these", "None of the above", "Both of
# them", "All statements are true"; or are only "Both", "Neither", or "None" where the
# question asks for no number ("How many moons has Venus? None" is an answer).
_ALL_OF_THESE = re.compile(
    r"(?:all|none|both|neither|each)(?:\s+of)?(?:\s+the)?\s+"
    r"(?:these|those|them|this|above|following|statements|sentences|answers|words)\b",
    re.IGNORECASE,
)
_ONE_WORD = frozenset({"both", "neither", "neither one", "none"})
_HOW_MANY = re.compile(r"\bhow\s+(?:many|much)\b", re.IGNORECASE)
_EDGES = " .,;:!?\"'“”‘’"
TRUE_FALSE = frozenset({"true", "false"})


@dataclass(frozen=True, slots=True)
class FileNote(Note):
    """A note of a folder import: at its line of ``path``, one of the folder's files."""

    path: str = ""


def pack_source(name: str) -> str:
    """The pack's ``source``: the data set, and the file or folder imported."""
    return f"{SOURCE} ({name})"


def read(text: str, path: str) -> Imported:
    """The questions of one category file's text (its name is the questions' tag)."""
    found = Collector(path)
    _read(text, _category(path), found)
    return _finish(found, Path(path).name)


def read_path(path: Path) -> Imported:
    """The questions of a category file, or of every file of a folder in sorted order."""
    if not path.is_dir():
        found = Collector(str(path))
        _read(_decode(path, found), _category(str(path)), found)
        return _finish(found, path.name)
    files = sorted(
        entry for entry in path.iterdir() if not entry.name.startswith(".") and entry.is_file()
    )
    if not files:
        raise file_error(str(path), 1, "the folder holds no category file")
    questions: list[Question] = []
    skipped: list[Note] = []
    warnings: list[Note] = []
    categories: set[str] = set()
    for file in files:
        category = _category(str(file))
        prefix, counter = slugify(category) or "q", 2
        while prefix in categories:  # "Animals" and "animals.txt": ids stay unique
            prefix, counter = f"{slugify(category) or 'q'}-{counter}", counter + 1
        categories.add(prefix)
        found = Collector(str(file))
        _read(_decode(file, found), category, found, prefix)
        imported = found.finish()
        questions.extend(imported.questions)
        skipped.extend(FileNote(note.line, note.message, str(file)) for note in imported.skipped)
        warnings.extend(FileNote(note.line, note.message, str(file)) for note in imported.warnings)
    return Imported(
        questions=tuple(questions),
        skipped=tuple(skipped),
        warnings=tuple(warnings),
        title=NAME,
        description=DESCRIPTION,
        author=AUTHOR,
    )


def _finish(found: Collector, name: str) -> Imported:
    title = f"{NAME}: {_category(name)}"
    return found.finish(title=title, description=DESCRIPTION, author=AUTHOR)


def _category(path: str) -> str:
    return Path(path).name


def _decode(path: Path, found: Collector) -> str:
    """The file's text, read as the other importers read theirs, its odd bytes repaired
    with a warning at their line (see the module's docstring)."""
    shown = str(path)
    try:
        data = read_user_file(path, MAX_FILE_BYTES)
    except UnreadableFile as reason:
        raise file_error(shown, 1, str(reason)) from None
    parts: list[str] = []
    repaired: dict[int, list[str]] = {}
    position = 0
    while True:
        try:
            parts.append(data[position:].decode("utf-8"))
            break
        except UnicodeDecodeError as error:
            start, end = position + error.start, position + error.end
            parts.append(data[position:start].decode("utf-8"))
        line = data.count(b"\n", 0, start) + 1
        if data.startswith(_LOST_QUOTE, start):
            char, position, how = "\u201d", start + 3, "a closing quote that lost its last byte"
        elif data[start] >= 0xC2 and data[end : end + 1] == b"?":
            char, position, how = LOST, end + 1, "a character that lost its last byte"
        else:
            char = data[start : start + 1].decode("cp1252", errors="replace")
            char = LOST if char == "\ufffd" else char
            position, how = start + 1, "Windows-1252"
        parts.append(char)
        shown_bytes = " ".join(f"{byte:02x}" for byte in data[start:position])
        repaired.setdefault(line, []).append(f"{shown_bytes} ({how}) read as '{char}'")
    for line, repairs in repaired.items():
        found.warn(line, f"not UTF-8: {'; '.join(repairs)}")
    text = "".join(parts).removeprefix("\ufeff")
    if not text.strip():
        raise file_error(shown, 1, "file is empty")
    return text


@dataclass(frozen=True, slots=True)
class _Choice:
    letter: str
    text: str
    line: int


@dataclass(slots=True)
class _Block:
    """One question as written: from its #Q line to the next #Q line or the file's end."""

    line: int
    prompt: list[str]
    answer: str | None = None
    answer_line: int = 0
    choices: list[_Choice] | None = None
    trouble: str = ""  # why it cannot be read, however good the rest


def _read(text: str, category: str, found: Collector, prefix: str = "") -> None:
    prefix = prefix or slugify(category) or "q"
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    block: _Block | None = None
    count = 0
    for number, line in enumerate(lines, start=1):
        if line.startswith("#Q"):
            if block is not None:
                _take(block, category, f"{prefix}-{count}", found)
            count += 1
            block = _Block(number, [line[2:]])
        elif block is None:
            if line.strip():
                found.error(number, "text before the first question: a question starts '#Q'")
                return
        elif block.answer is None:
            if line.startswith("^"):
                block.answer, block.answer_line, block.choices = _clean(line[1:]), number, []
            else:
                block.prompt.append(line)
        elif line.startswith("^"):
            block.trouble = block.trouble or (
                f"two correct answers ('^' lines {block.answer_line} and {number})"
            )
        elif line.strip():
            choice = _CHOICE.fullmatch(line.strip())
            if choice is None:
                block.trouble = block.trouble or (
                    f"line {number} is not a choice (a letter A to Z, a space, its text)"
                )
            elif block.choices is not None:
                text = _clean(choice.group(2) or "")
                block.choices.append(_Choice(choice.group(1), text, number))
    if block is None:
        found.error(1, "no question: an OpenTriviaQA question starts '#Q'")
        return
    _take(block, category, f"{prefix}-{count}", found)


def _clean(text: str) -> str:
    return " ".join(text.split())


def _prompt(lines: list[str]) -> str:
    """The question's lines, each with its spaces tidied; a blank line kept as one."""
    text = "\n".join(_clean(line) for line in lines).strip("\n")
    return re.sub(r"\n{3,}", "\n\n", text)


def _take(block: _Block, category: str, name: str, found: Collector) -> None:
    reason = _broken(block)
    if reason:
        found.skip(block.line, reason)
        return
    assert block.answer is not None and block.choices is not None  # _broken checked them
    prompt, answer, choices = _prompt(block.prompt), block.answer, block.choices
    if LOST in prompt or LOST in answer or any(LOST in choice.text for choice in choices):
        found.skip(block.line, "a character of its text was lost in the source")
        return
    key = typed_answer_key(answer)
    right = [choice for choice in choices if typed_answer_key(choice.text) == key]
    if not right:
        found.skip(block.line, f"the answer '{answer}' is not among its choices")
        return
    if len(right) > 1:
        letters = _and([choice.letter for choice in right])
        found.skip(block.line, f"the answer '{answer}' is among its choices twice ({letters})")
        return
    if _refers_to_choices(answer, prompt):
        found.skip(block.line, f"the answer '{answer}' stands for other choices")
        return
    tags = (category,)
    if len(choices) == 2 and {typed_answer_key(choice.text) for choice in choices} == TRUE_FALSE:
        question = Question(
            id="", type=QuestionType.TRUEFALSE, prompt=prompt, answer=key, tags=tags
        )
        found.add(block.line, question, name=name)
        return
    wrong = _wrong([choice for choice in choices if choice is not right[0]], found)
    if not wrong:
        found.skip(block.line, "its only choice is the answer")
        return
    question = Question(
        id="",
        type=QuestionType.CHOICE,
        prompt=prompt,
        answer=right[0].text,  # as the choice spells it
        wrong=wrong,
        tags=tags,
    )
    given_away = answer_in_prompt(question)  # the give-away `quiz validate` warns about
    if given_away:
        found.skip(block.line, f"it gives its answer away: {given_away}")
        return
    found.add(block.line, question, name=name)


def _refers_to_choices(answer: str, prompt: str) -> bool:
    if _ALL_OF_THESE.match(answer):
        return True
    word = answer.strip(_EDGES).lower()
    return word in _ONE_WORD and not (word == "none" and _HOW_MANY.search(prompt))


def _broken(block: _Block) -> str:
    """Why the block is not a question at all, or ''."""
    if block.answer is None:
        return "no correct answer: a '^' line must follow the question"
    if not _prompt(block.prompt):
        return "the question's text is empty"
    if not block.answer:
        return f"the correct answer on line {block.answer_line} is empty"
    if block.trouble:
        return block.trouble
    if not block.choices:
        return "no choices: lines 'A ...', 'B ...' must follow the '^' line"
    empty = [choice.letter for choice in block.choices if not choice.text]
    if empty:
        return f"choice {_and(empty)} is empty"
    return ""


def _wrong(others: list[_Choice], found: Collector) -> tuple[str, ...]:
    """The wrong choices, each once, at most MAX_WRONG of them (with a warning)."""
    kept: dict[str, _Choice] = {}
    for choice in others:
        first = kept.setdefault(typed_answer_key(choice.text), choice)
        if first is not choice:
            found.warn(
                choice.line, f"choice {choice.letter} repeats choice {first.letter}; left out"
            )
    wrong = list(kept.values())
    if len(wrong) > MAX_WRONG:
        dropped = [choice.letter for choice in wrong[MAX_WRONG:]]
        found.warn(
            wrong[MAX_WRONG].line,
            f"{len(wrong)} wrong choices, and a pack keeps at most {MAX_WRONG}: "
            f"choice {_and(dropped)} left out",
        )
        wrong = wrong[:MAX_WRONG]
    return tuple(choice.text for choice in wrong)


def _and(letters: list[str]) -> str:
    return letters[0] if len(letters) == 1 else f"{', '.join(letters[:-1])} and {letters[-1]}"
