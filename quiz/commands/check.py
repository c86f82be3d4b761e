"""quiz check [FACTS|PACK...]: run the generator's properties on fact sheets, over a sweep of
seeds and over the sheets near each one (explored with Hypothesis), and the consistency
checks on packs; print what was tried and the smallest failure of each."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from quiz.commands.common import positive_count, seed_number
from quiz.commands.output import report, say
from quiz.core.limits import DEFAULT_QUESTIONS, EXIT_OK, EXIT_PROBLEMS

if TYPE_CHECKING:  # imported when the command runs: the CLI starts without the generator
    from quiz.core.model import Pack
    from quiz.facts.model import FactSheet
    from quiz.generate.properties import PropertyVerdict

HELP = "check that fact sheets generate sound questions, and that packs are consistent"
DEFAULT_SEEDS = 100
DEFAULT_EXAMPLES = 200
INDENT = "        "


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
        help=f"generate each fact sheet with seeds 0 to N-1, and draw N rounds of each pack "
        f"(default {DEFAULT_SEEDS})",
    )
    parser.add_argument(
        "--examples",
        type=positive_count,
        default=DEFAULT_EXAMPLES,
        metavar="N",
        help="for each property, try N sheets near each fact sheet: facts left out, values "
        f"changed, other seeds (default {DEFAULT_EXAMPLES})",
    )
    parser.add_argument(
        "--explore-seed",
        type=seed_number,
        default=0,
        metavar="N",
        help="which nearby sheets are tried (default 0: the same ones every run)",
    )


def run(args: argparse.Namespace) -> int:
    from quiz.core.problems import LoadError
    from quiz.facts.checks import warning_text
    from quiz.facts.loader import FACTS_SUFFIX, load_fact_sheet, shipped_fact_sheets
    from quiz.generate.explore import explore_sheet
    from quiz.generate.properties import check_pack_properties, check_sheet_properties
    from quiz.packs.loader import load_pack

    files = [Path(name) for name in args.files] or shipped_fact_sheets()
    verdicts: list[PropertyVerdict] = []
    unreadable = 0
    for file in files:
        try:
            if file.name.endswith(FACTS_SUFFIX):
                sheet = load_fact_sheet(file, display=str(file))
            else:
                pack = load_pack(file, display=str(file))
        except LoadError as error:
            report(error.problems)
            unreadable += 1
            continue
        if file.name.endswith(FACTS_SUFFIX):
            # What facts check warns of (an accepted form unlike the answer, a quote that
            # does not name its subject) may be meant: said here, never a failure.
            for warning in sheet.warnings:
                say(warning_text(warning))
            say(f"{file}: fact sheet, generated with seeds 0 to {args.seeds - 1}")
            found = check_sheet_properties(sheet, args.seeds)
            found += _giveaways(_shipped_pack(sheet), args.seeds)
            _show(found)
            plural = "" if args.examples == 1 else "s"
            say(
                f"{file}: {args.examples:,} nearby sheet{plural} per property, explored with "
                "Hypothesis (facts left out, values changed, other seeds)"
            )
            for explored in explore_sheet(sheet, args.examples, args.explore_seed):
                _show([explored.verdict], explored.snippet)
                found.append(explored.verdict)
        else:
            say(f"{file}: pack '{pack.id}', {len(pack.questions)} questions")
            found = check_pack_properties(pack) + _giveaways(pack, args.seeds)
            _show(found)
        verdicts += found
    failures = sum(verdict.failure is not None for verdict in verdicts)
    examples = sum(verdict.examples for verdict in verdicts)
    summary = f"{len(verdicts)} properties checked, {examples:,} examples tried, {failures} failed"
    if unreadable:
        summary += f", {unreadable} file(s) could not be read"
    say(summary)
    return EXIT_PROBLEMS if failures or unreadable else EXIT_OK


def _show(verdicts: Sequence[PropertyVerdict], snippet: Sequence[str] = ()) -> None:
    for verdict in verdicts:
        mark = "ok  " if verdict.failure is None else "FAIL"
        plural = "" if verdict.examples == 1 else "s"
        say(f"  {mark}  {verdict.name} ({verdict.examples:,} example{plural})")
        if verdict.failure is not None:
            say(f"{INDENT}smallest counterexample: {verdict.failure}")
            for line in snippet:
                say(f"{INDENT}{line}")


def _shipped_pack(sheet: FactSheet) -> Pack | None:
    """The pack `quiz generate` writes from the sheet by default; None when it makes none."""
    from quiz.commands.generate import DEFAULT_SEED
    from quiz.core.problems import LoadError
    from quiz.generate.generator import generate_pack

    try:
        return generate_pack(sheet, DEFAULT_SEED)
    except LoadError:
        return None  # the sweep reports it


def _giveaways(pack: Pack | None, seeds: int) -> list[PropertyVerdict]:
    """Rounds of the pack drawn with seeds 0 to seeds - 1, as a player would see them."""
    from quiz.generate.properties import PropertyVerdict
    from quiz.session.giveaway_rate import giveaway_rate

    if pack is None:
        return []
    drawn = giveaway_rate([pack], range(seeds), DEFAULT_QUESTIONS)
    name = f"rounds give no answer away: {drawn}"
    return [PropertyVerdict(name, drawn.rounds, None if drawn.given_away == 0 else str(drawn))]
