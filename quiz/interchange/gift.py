"""Moodle GIFT: the question kinds the game has, read and written.

    // a comment
    $CATEGORY: Geography
    ::capital:: What is the capital of France? {=Paris ~Lyon ~Nice}
    ::moon:: The Moon is a planet. {F}
    ::author:: Who wrote Dracula? {=Bram Stoker =Stoker}
    ::year:: In what year did Champollion read the Rosetta Stone? {#1822:1}

Questions are separated by blank lines. ``\\~ \\= \\# \\{ \\} \\: \\\\`` escape the
special characters and ``\\n`` is a line break.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from decimal import Decimal

from quiz.core.model import Pack, Question, QuestionType
from quiz.core.text import parse_number
from quiz.interchange.htmltext import EntityError, strip_html
from quiz.interchange.result import Collector, Exported, Imported

SPECIAL = "~=#{}:\\"
_FORMAT_MARK = re.compile(r"\s*\[(html|moodle|plain|markdown)\]")
_WEIGHT = re.compile(r"%(-?[0-9]+(?:\.[0-9]+)?)%")
# "\%" too: the writer puts it before an answer that would read as a %weight%.
_UNESCAPES = {"n": "\n", "%": "%", **{char: char for char in SPECIAL}}


def read(text: str, path: str) -> Imported:
    found = Collector(path)
    category = ""
    block: list[tuple[int, str]] = []
    for number, line in enumerate([*text.splitlines(), ""], start=1):
        stripped = line.strip()
        if stripped.startswith("//"):
            continue
        if stripped.startswith("$CATEGORY:") and not block:
            category = stripped.removeprefix("$CATEGORY:").strip().rsplit("/", 1)[-1].strip()
            continue
        if stripped:
            block.append((number, line))
        elif block:
            _Block(found, block[0][0], "\n".join(text for _, text in block)).read(category)
            block = []
    return found.finish()


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: _UNESCAPES.get(m.group(1), m.group()), text).strip()


def _positions(text: str, chars: str) -> list[int]:
    """Where any of ``chars`` stands in ``text`` without a backslash before it."""
    found, index = [], 0
    while index < len(text):
        if text[index] == "\\":
            index += 2
            continue
        if text[index] in chars:
            found.append(index)
        index += 1
    return found


def _find(text: str, target: str, start: int = 0) -> int:
    """The index of ``target`` in ``text`` that no backslash escapes, or -1."""
    index = start
    while index < len(text):
        if text[index] == "\\":
            index += 2
            continue
        if text.startswith(target, index):
            return index
        index += 1
    return -1


@dataclass(frozen=True, slots=True)
class _Answer:
    right: bool
    weight: Decimal | None  # as written between % signs, when it is
    text: str
    offset: int


class _Block:
    """One question as written: its text from the first line to the next blank line."""

    def __init__(self, found: Collector, line: int, text: str) -> None:
        self.found = found
        self.first_line = line
        self.text = text
        self.html = False

    def line_at(self, offset: int) -> int:
        return self.first_line + self.text.count("\n", 0, offset)

    def error(self, offset: int, message: str) -> None:
        self.found.error(self.line_at(offset), message)

    def read(self, category: str) -> None:
        title, body_start = self._title()
        if body_start < 0:
            return
        mark = _FORMAT_MARK.match(self.text, body_start)
        if mark:
            self.html = mark.group(1) == "html"
            body_start = mark.end()
        opening = _find(self.text, "{", body_start)
        if opening < 0:
            stray = _find(self.text, "}", body_start)
            if stray >= 0:
                self.error(stray, "'}' closes no answer block")
            else:
                self.found.skip(self.first_line, "a description, not a question: no {answers}")
            return
        closing = _find(self.text, "}", opening)
        if closing < 0:
            self.error(opening, "'{' opens an answer block that is never closed with '}'")
            return
        after = self.text[closing + 1 :]
        if _find(after, "{") >= 0:
            self.error(closing + 1 + _find(after, "{"), "a question has one {answer block}")
            return
        prompt = self._plain(self.text[body_start:opening], opening)
        rest = self._plain(after, closing + 1)
        if prompt is None or rest is None:
            return
        if rest:  # "missing word" style: the blank is where the answers were
            prompt = f"{prompt} _____ {rest}"
        question = self._question(opening + 1, self.text[opening + 1 : closing], prompt)
        if question is not None:
            tags = (category,) if category else ()
            question = dataclasses.replace(question, tags=tags)
            self.found.add(self.first_line, question, name=title)

    def _title(self) -> tuple[str, int]:
        start = len(self.text) - len(self.text.lstrip())
        if not self.text.startswith("::", start):
            return "", start
        end = _find(self.text, "::", start + 2)
        if end < 0:
            self.error(start, "'::' starts a title that is never closed with '::'")
            return "", -1
        return _unescape(self.text[start + 2 : end]), end + 2

    def _plain(self, raw: str, offset: int) -> str | None:
        text = _unescape(raw)
        if not self.html:
            return text
        try:
            return strip_html(text)
        except EntityError as error:
            self.error(offset, str(error))
            return None

    def _question(self, offset: int, raw: str, prompt: str) -> Question | None:
        feedback_at = _find(raw, "####")
        explain = _unescape(raw[feedback_at + 4 :]) if feedback_at >= 0 else ""
        body = raw[:feedback_at] if feedback_at >= 0 else raw
        base = Question(id="", type=QuestionType.TEXT, prompt=prompt, answer="", explain=explain)
        stripped = body.strip()
        if not stripped:
            self.found.skip(self.first_line, "an essay question (empty {}) cannot be played")
            return None
        if stripped.startswith("#"):
            return self._number(offset + body.index("#") + 1, body[body.index("#") + 1 :], base)
        word = stripped.split("#", 1)[0].strip().upper()
        if word in ("T", "TRUE", "F", "FALSE"):
            answer = "true" if word.startswith("T") else "false"
            return dataclasses.replace(base, type=QuestionType.TRUEFALSE, answer=answer)
        answers = self._answers(offset, body)
        if answers is None:
            return None
        return self._choice_or_text(answers, base)

    def _answers(self, offset: int, body: str) -> list[_Answer] | None:
        first = len(body) - len(body.lstrip())
        if body[first] not in "=~":
            self.error(offset + first, "each answer starts with = (right) or ~ (wrong)")
            return None
        starts = _positions(body, "=~")
        answers = []
        for start, end in zip(starts, [*starts[1:], len(body)], strict=True):
            raw = body[start + 1 : end]
            feedback = _find(raw, "#")
            raw = raw[:feedback] if feedback >= 0 else raw
            weight = None
            match = _WEIGHT.match(raw)
            if match:
                weight, raw = Decimal(match.group(1)), raw[match.end() :]
            text = self._plain(raw, offset + start)
            if text is None:
                return None
            if not text:
                self.error(offset + start, f"an empty answer after '{body[start]}'")
                return None
            answers.append(_Answer(body[start] == "=", weight, text, offset + start))
        return answers

    def _choice_or_text(self, answers: list[_Answer], base: Question) -> Question | None:
        if all(a.right and _find(a.text, "->") >= 0 for a in answers):
            self.found.skip(self.first_line, "a matching question (a -> b) cannot be played")
            return None
        full = [a for a in answers if (a.weight is None and a.right) or a.weight == 100]
        partial = [a for a in answers if a.weight is not None and 0 < a.weight < 100]
        if any(not a.right for a in answers):
            if len(full) != 1:
                count = f"{len(full)} fully right answers" if full else "no fully right answer"
                self.found.skip(self.first_line, f"{count}: a choice question has exactly one")
                return None
            for answer in partial:
                self.found.warn(
                    self.line_at(answer.offset),
                    f"'{answer.text}' earns part marks in GIFT; here it counts as wrong",
                )
            wrong = tuple(a.text for a in answers if a is not full[0])
            return dataclasses.replace(
                base, type=QuestionType.CHOICE, answer=full[0].text, wrong=wrong
            )
        for answer in partial:
            self.found.warn(
                self.line_at(answer.offset),
                f"'{answer.text}' earns part marks in GIFT; it is left out",
            )
        if not full:
            self.found.skip(self.first_line, "no fully right answer")
            return None
        texts = [a.text for a in full]
        return dataclasses.replace(base, answer=texts[0], accept=tuple(texts[1:]))

    def _number(self, offset: int, raw: str, base: Question) -> Question | None:
        feedback = _find(raw, "#")
        raw = raw[:feedback] if feedback >= 0 else raw
        if _find(raw, "=") >= 0:  # several answers: {#=1822:0 =%50%1821:2}
            choices = [part.strip() for part in raw.split("=") if part.strip()]
            plain = [
                part for part in choices if not part.startswith("%") or part.startswith("%100%")
            ]
            if not plain:
                self.found.skip(self.first_line, "no fully right numeric answer")
                return None
            if len(choices) > 1:
                self.found.warn(self.first_line, "only the first fully right number is kept")
            raw = plain[0].removeprefix("%100%")
        raw = raw.strip()
        if ".." in raw:
            low, high = (self._decimal(offset, part) for part in raw.split("..", 1))
            if low is None or high is None:
                return None
            answer, tolerance = str((low + high) / 2), abs(high - low) / 2
        else:
            value, _, margin = raw.partition(":")
            number = self._decimal(offset, value)
            spread = self._decimal(offset, margin) if margin.strip() else Decimal(0)
            if number is None or spread is None:
                return None
            answer, tolerance = value.strip(), spread
        return dataclasses.replace(
            base, type=QuestionType.NUMBER, answer=answer, tolerance=tolerance
        )

    def _decimal(self, offset: int, text: str) -> Decimal | None:
        number = parse_number(text)
        if number is None:
            self.error(offset, f"'{text.strip()}' is not a number")
        return number


def write(pack: Pack) -> Exported:
    """Every question of the pack, its id as the title; difficulty, tags, group and time
    are lost."""
    lines = [f"// {pack.title} ({pack.id} version {pack.version}), written by quiz export", ""]
    for question in pack.questions:
        prompt = _escape(question.prompt)
        if _FORMAT_MARK.match(prompt):
            prompt = f"[plain]{prompt}"  # else a prompt starting "[html]" would be read as a mark
        lines += [f"::{_escape(question.id)}:: {prompt} {{{_block(question)}}}", ""]
    return Exported("\n".join(lines), len(pack.questions))


def _block(question: Question) -> str:
    kind = question.type
    if kind is QuestionType.CHOICE:
        answers = [f"={_answer(question.answer)}", *(f"~{_answer(w)}" for w in question.wrong)]
        body = " ".join(answers)
    elif kind is QuestionType.TEXT:
        body = " ".join(f"={_answer(text)}" for text in (question.answer, *question.accept))
    elif kind is QuestionType.TRUEFALSE:
        body = "TRUE" if question.truth else "FALSE"
    else:
        body = f"#{question.answer.strip()}"
        if question.tolerance:
            body += f":{question.tolerance}"
    if question.explain:
        body += f" ####{_escape(question.explain)}"
    return body


def _answer(text: str) -> str:
    escaped = _escape(text)
    return f"\\{escaped}" if _WEIGHT.match(escaped) else escaped  # not a %weight%


def _escape(text: str) -> str:
    escaped = "".join(f"\\{char}" if char in SPECIAL else char for char in text)
    return escaped.replace("\n", "\\n")
