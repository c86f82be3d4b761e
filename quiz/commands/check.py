"""quiz check [FACTS|PACK...]: run the generator's properties on fact sheets, and the
consistency checks on packs; print what was tried and the smallest failure of each."""

from __future__ import annotations

import argparse
from pathlib import Path

from quiz.commands.common import EXIT_OK, EXIT_PROBLEMS, positive_count, print_problems

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
    from quiz.facts.loader import FACTS_SUFFIX, load_fact_sheet, shipped_fact_sheets
    from quiz.generate.properties import Outcome, check_pack_properties, check_sheet_properties
    from quiz.packs import load_pack
    from quiz.problems import LoadError

    files = [Path(name) for name in args.files] or shipped_fact_sheets()
    outcomes: list[Outcome] = []
    unreadable = 0
    for file in files:
        try:
            if file.name.endswith(FACTS_SUFFIX):
                sheet = load_fact_sheet(file, display=str(file))
                print(f"{file}: fact sheet, generated with seeds 0 to {args.seeds - 1}")
                found = check_sheet_properties(sheet, args.seeds)
            else:
                pack = load_pack(file, display=str(file))
                print(f"{file}: pack '{pack.id}', {len(pack.questions)} questions")
                found = check_pack_properties(pack)
        except LoadError as error:
            print_problems(error.problems)
            unreadable += 1
            continue
        for outcome in found:
            verdict = "ok  " if outcome.failure is None else "FAIL"
            plural = "" if outcome.examples == 1 else "s"
            print(f"  {verdict}  {outcome.name} ({outcome.examples:,} example{plural})")
            if outcome.failure is not None:
                print(f"        smallest counterexample: {outcome.failure}")
        outcomes += found
    failures = sum(outcome.failure is not None for outcome in outcomes)
    examples = sum(outcome.examples for outcome in outcomes)
    summary = f"{len(outcomes)} properties checked, {examples:,} examples tried, {failures} failed"
    if unreadable:
        summary += f", {unreadable} file(s) could not be read"
    print(summary)
    return EXIT_PROBLEMS if failures or unreadable else EXIT_OK
