"""Phrasings filled in: a relation's templates with the names of a fact's subject and value,
and the pack's title (a library phrasing cannot name one article's work)."""

from __future__ import annotations

import re

from quiz.facts.checks import value_text
from quiz.facts.model import Fact, FactSheet, FactValue, Relation

TRUE_OR_FALSE = "True or false: "
PLACEHOLDER = re.compile(r"\{(subject|value|title)\}")


def fill(template: str, subject: str = "", value: str = "", title: str = "") -> str:
    # One pass, not str.format or two replaces: braces in a name stay as they are.
    names = {"subject": subject, "value": value, "title": title}
    return PLACEHOLDER.sub(lambda match: names[match.group(1)], template)


def subject_name(sheet: FactSheet, fact: Fact) -> str:
    return sheet.entities[fact.subject].name


def statement(sheet: FactSheet, relation: Relation, fact: Fact, value: FactValue) -> str:
    """The relation's sentence about the fact's subject, claiming ``value``."""
    subject, title = subject_name(sheet, fact), sheet.pack.title
    if isinstance(value, bool):
        return fill(relation.statement if value else relation.negation, subject, title=title)
    return fill(relation.statement, subject, value_text(value, sheet), title)


def true_statement(sheet: FactSheet, relation: Relation, fact: Fact) -> str:
    return statement(sheet, relation, fact, fact.value)
