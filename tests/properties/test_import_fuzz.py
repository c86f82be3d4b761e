"""Any text at all: every importer either imports or refuses with LoadError, never crashes."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from quiz.core.problems import LoadError
from quiz.interchange import IMPORTERS, format_module

# Pieces of every format, so that drawn text gets deep into each parser.
TOKENS = [
    *("{", "}", "[", "]", ",", ":", '"', "'", "\n", "\t", ";", " ", "\\", "#", "=", "~", "%"),
    *("::", "->", "..", "####", "//", "$CATEGORY: ", "[html]", "{T}", "{#", "{=a ~b}", "- "),
    *('"results"', '"response_code"', "0", "1", '"type"', '"multiple"', '"boolean"', "null"),
    *("&amp;", "&#0;", "&bogus;", "%2", "%20", "+", "bXVsdGlwbGU=", "<b>", "<br>", "{{c1::"),
    *("#separator:", "tab", "#html:", "false", "#tags column:", "2", "AUTHOR", "CONFIG"),
    *("delay", "question", "answer 1", "answer 2", "correct", "True", "Off", "\x1b", "é"),
]


@pytest.mark.parametrize("fmt", list(IMPORTERS))
@settings(max_examples=150)
@given(st.lists(st.sampled_from(TOKENS), max_size=40).map("".join) | st.text(max_size=60))
@example('{"response_code": 0, "results": [{}]}')
@example("Q? {#1..}")
@example("#tags column:9\na\tb\n")
def test_importers_import_or_refuse(fmt: str, text: str) -> None:
    try:
        imported = format_module(fmt).read(text, "fuzz")
    except LoadError as error:
        assert error.problems and all(p.path == "fuzz" and p.line >= 1 for p in error.problems)
        return
    for question in imported.questions:
        assert question.line >= 1
