"""quiz facts check [FILE...]: verify fact sheets against their articles."""

from __future__ import annotations

import argparse
from pathlib import Path

from quiz.commands.output import report, say
from quiz.core.limits import EXIT_OK, EXIT_PROBLEMS

HELP = "check fact sheets: every quote in the article, every value in its quote"


def configure(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    check = actions.add_parser(
        "check", help="verify fact sheets; prints path:line:col: message for each problem"
    )
    check.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        help="fact sheets (default: the shipped ones, seeds/*.facts.yaml)",
    )


def run(args: argparse.Namespace) -> int:
    from quiz.core.problems import LoadError, Problem
    from quiz.facts.loader import load_fact_sheet, shipped_fact_sheets

    files = [Path(name) for name in args.files] or shipped_fact_sheets()
    problems: list[Problem] = []
    summaries: list[str] = []
    for file in files:
        try:
            sheet = load_fact_sheet(file, display=str(file))
        except LoadError as error:
            problems.extend(error.problems)
            continue
        summaries.append(
            f"{file}: ok, {len(sheet.facts)} facts about {len(sheet.entities)} entities, "
            f"every quote found in {sheet.article_path.name}"
        )
    report(problems)
    for line in summaries:
        say(line)
    return EXIT_PROBLEMS if problems else EXIT_OK
