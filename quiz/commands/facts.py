"""quiz facts check [FILE...]: verify fact sheets against their articles."""

from __future__ import annotations

import argparse
from pathlib import Path

from quiz.commands.output import say
from quiz.core.limits import EXIT_OK, EXIT_PROBLEMS

HELP = "check fact sheets: every quote in the article, every value in its quote"


def configure(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    check = actions.add_parser(
        "check",
        help="verify fact sheets; prints path:line:col: message for each problem "
        "(path:line:col: warning: message for what only looks wrong)",
    )
    check.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        help="fact sheets (default: the shipped ones, seeds/*.facts.yaml)",
    )


def run(args: argparse.Namespace) -> int:
    from quiz.core.problems import LoadError, Problem
    from quiz.core.wording import count
    from quiz.facts.checks import warning_text
    from quiz.facts.loader import load_fact_sheet, shipped_fact_sheets

    files = [Path(name) for name in args.files] or shipped_fact_sheets()
    failed = False
    summaries: list[str] = []
    for file in files:
        warnings: list[Problem] = []
        problems: list[Problem] = []
        try:
            sheet = load_fact_sheet(file, display=str(file), warnings=warnings)
        except LoadError as error:
            problems = error.problems
            failed = True
        else:
            warned = f" ({count(len(warnings), 'warning')})" if warnings else ""
            summaries.append(
                f"{file}: ok, {count(len(sheet.facts), 'fact')} about "
                f"{count(len(sheet.entities), 'entity')}, "
                f"every quote found in {sheet.article_path.name}{warned}"
            )
        # In file order, so that a warning is read next to the problems around it.
        found = [(problem, str(problem)) for problem in problems]
        found += [(warning, warning_text(warning)) for warning in warnings]
        for _, line in sorted(found, key=lambda item: (item[0].path, item[0].line, item[0].column)):
            say(line)
    for line in summaries:
        say(line)
    return EXIT_PROBLEMS if failed else EXIT_OK
