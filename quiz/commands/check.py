"""quiz check [FACTS|PACK...]: run the generator's properties on fact sheets, and the
consistency checks on packs; print what was tried and the smallest failure of each."""

from __future__ import annotations

import argparse
from pathlib import Path

from quiz.commands.common import positive_count
from quiz.commands.output import report, say
from quiz.core.limits import EXIT_OK, EXIT_PROBLEMS

HELP = "check that fact sheets generate sound questions, and that packs are consistent"
DEFAULT_SEEDS = 100


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "files",
        nargs="*",
        metavar="FACTS|PACK",
        help="fact sheets (*.facts.yaml) and packs (default: the shipped fact sheets)",
    )
    parser.add_argument(
        "--seeds",
        type=positive_count,
        default=DEFAULT_SEEDS,
        metavar="N",
        help=f"generate each fact sheet with seeds 0 to N-1 (default {DEFAULT_SEEDS})",
    )


def run(args: argparse.Namespace) -> int:
    from quiz.core.problems import LoadError
    from quiz.facts.loader import FACTS_SUFFIX, load_fact_sheet, shipped_fact_sheets
    from quiz.generate.properties import (
        PropertyVerdict,
        check_pack_properties,
        check_sheet_properties,
    )
    from quiz.packs.loader import load_pack

    files = [Path(name) for name in args.files] or shipped_fact_sheets()
    verdicts: list[PropertyVerdict] = []
    unreadable = 0
    for file in files:
        try:
            if file.name.endswith(FACTS_SUFFIX):
                sheet = load_fact_sheet(file, display=str(file))
                say(f"{file}: fact sheet, generated with seeds 0 to {args.seeds - 1}")
                found = check_sheet_properties(sheet, args.seeds)
            else:
                pack = load_pack(file, display=str(file))
                say(f"{file}: pack '{pack.id}', {len(pack.questions)} questions")
                found = check_pack_properties(pack)
        except LoadError as error:
            report(error.problems)
            unreadable += 1
            continue
        for verdict in found:
            mark = "ok  " if verdict.failure is None else "FAIL"
            plural = "" if verdict.examples == 1 else "s"
            say(f"  {mark}  {verdict.name} ({verdict.examples:,} example{plural})")
            if verdict.failure is not None:
                say(f"        smallest counterexample: {verdict.failure}")
        verdicts += found
    failures = sum(verdict.failure is not None for verdict in verdicts)
    examples = sum(verdict.examples for verdict in verdicts)
    summary = f"{len(verdicts)} properties checked, {examples:,} examples tried, {failures} failed"
    if unreadable:
        summary += f", {unreadable} file(s) could not be read"
    say(summary)
    return EXIT_PROBLEMS if failures or unreadable else EXIT_OK
