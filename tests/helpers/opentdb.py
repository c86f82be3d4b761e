"""Open Trivia DB responses, as the API sends them, for the importer's tests."""

from __future__ import annotations

import json


def entry(**fields: object) -> dict[str, object]:
    """One question of a response, its fields as given over a plain multiple-choice one."""
    base: dict[str, object] = {
        "type": "multiple",
        "difficulty": "easy",
        "category": "General Knowledge",
        "question": "Which one?",
        "correct_answer": "This",
        "incorrect_answers": ["That", "Other"],
    }
    return base | fields


def response(*results: dict[str, object], code: int = 0) -> str:
    """As saved from the API with indentation: each entry of 'results' starts on line 4,
    then every 11 lines (for the two incorrect answers of ``entry``)."""
    return json.dumps({"response_code": code, "results": list(results)}, indent=2)
