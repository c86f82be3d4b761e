"""The pack format's keys and patterns, as question_bank/README.md documents them: what the
pack loader checks, and what importers and the fact-sheet loader hold names to."""

from __future__ import annotations

import re

PACK_KEYS = ("id", "title", "version", "description", "author", "source", "time")
QUESTION_KEYS = (
    "id",
    "type",
    "prompt",
    "answer",
    "wrong",
    "accept",
    "tolerance",
    "difficulty",
    "tags",
    "group",
    "explain",
    "evidence",
    "time",
    "spoiler",
)
MAX_WRONG = 5

PACK_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
QUESTION_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")
