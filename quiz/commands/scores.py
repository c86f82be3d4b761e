"""quiz scores: the leaderboards, the history of rounds, or every round exported as CSV."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from quiz.commands.common import positive_count, seconds_per_question
from quiz.commands.output import CELL_LAYOUT, print_json, print_table, say, warn
from quiz.core.limits import EXIT_OK, MODE_NAMES
from quiz.core.problems import UsageError
from quiz.core.text import defuse_formula, terminal_safe

if TYPE_CHECKING:
    from quiz.scores import Board, Entry, RoundRecord, ScoreStore

HELP = "show the leaderboards, the rounds played (--history), or export them (--export)"
EMPTY = "No rounds recorded yet: finish a classic or sudden-death round."
NOTHING_MATCHES = "No recorded round matches these filters."
CSV_COLUMNS = (
    "played_at",
    "player",
    "packs",
    "mode",
    "questions",
    "seconds",
    "seed",
    "score",
    "correct",
    "best_streak",
    "duration",
    "game_version",
)


def configure(parser: argparse.ArgumentParser) -> None:
    parser.epilog = (
        "A board is the rounds played with the same packs, mode, number of questions and "
        "seconds per question; scores are compared only within a board."
    )
    parser.add_argument(
        "--pack",
        action="append",
        default=[],
        metavar="ID",
        help="only boards that include this pack (repeatable: all of them)",
    )
    parser.add_argument("--mode", choices=MODE_NAMES, help="only boards of this mode")
    parser.add_argument(
        "--questions", type=positive_count, metavar="N", help="only N-question boards"
    )
    parser.add_argument(
        "--time", type=seconds_per_question, metavar="S", help="only S-second boards"
    )
    parser.add_argument(
        "--limit",
        type=positive_count,
        metavar="N",
        help="places per leaderboard (default 10), or rounds of --history (default all)",
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of tables")
    shown = parser.add_mutually_exclusive_group()
    shown.add_argument("--history", action="store_true", help="every round, newest first")
    shown.add_argument(
        "--export", metavar="PATH.csv", help="write every round (newest first) to a CSV file"
    )
    parser.add_argument("--force", action="store_true", help="with --export: replace the file")


def run(args: argparse.Namespace) -> int:
    from quiz.scores import ScoreStore, scores_path
    from quiz.storage.paths import data_dir

    if args.export and args.json:
        raise UsageError("quiz scores: error: --export writes CSV; --json does not apply")
    folder = data_dir(args.data_dir)
    # Reading scores should not create a file: no file is an empty store.
    if scores_path(folder).exists():
        store = ScoreStore.open(folder, warn)
    else:
        store = ScoreStore.in_memory(warn)
    try:
        if args.export:
            return _export(store, args)
        if args.history:
            return _history(store, args)
        return _leaderboards(store, args)
    finally:
        store.close()


def _wanted(board: Board, args: argparse.Namespace) -> bool:
    return (
        all(pack in board.packs for pack in args.pack)
        and args.mode in (None, board.mode)
        and args.questions in (None, board.questions)
        and args.time in (None, board.seconds)
    )


def _nothing_matches(every_board: list[Board], args: argparse.Namespace) -> str:
    """Why no round matched: most often a pack named by another id than the one played."""
    played = sorted({pack for board in every_board for pack in board.packs})
    unknown = [pack for pack in args.pack if pack not in played]
    if unknown:
        return (
            f"No recorded round is of a pack with the id {unknown[0]!r}; "
            f"rounds were played with {', '.join(played)}."
        )
    return NOTHING_MATCHES


def _leaderboards(store: ScoreStore, args: argparse.Namespace) -> int:
    from quiz.scores import local_time
    from quiz.scores.store import LEADERBOARD_SIZE

    every_board = store.boards()
    boards = [board for board in every_board if _wanted(board, args)]
    limit = args.limit or LEADERBOARD_SIZE
    if args.json:
        print_json(
            [
                _board_json(board)
                | {
                    "entries": [
                        _entry_json(rank, entry)
                        for rank, entry in enumerate(store.leaderboard(board, limit), start=1)
                    ]
                }
                for board in boards
            ]
        )
        return EXIT_OK
    if not boards:
        say(_nothing_matches(every_board, args) if every_board else EMPTY)
        return EXIT_OK
    for number, board in enumerate(boards):
        if number:
            say()
        say(terminal_safe(f"{board.packs_label} · {board.mode} · {board.shape}", CELL_LAYOUT))
        rows = [("RANK", "PLAYER", "SCORE", "RIGHT", "STREAK", "WHEN")]
        rows += [
            (
                str(rank),
                entry.player,
                str(entry.score),
                board.right(entry.correct),
                str(entry.best_streak),
                local_time(entry.played_at),
            )
            for rank, entry in enumerate(store.leaderboard(board, limit), start=1)
        ]
        print_table(rows)
    return EXIT_OK


def _history(store: ScoreStore, args: argparse.Namespace) -> int:
    from quiz.scores import local_time

    records = [record for record in store.history() if _wanted(record.board, args)]
    records = records[: args.limit] if args.limit else records
    if args.json:
        print_json([_record_json(record) for record in records])
        return EXIT_OK
    if not records:
        every_board = store.boards()
        say(_nothing_matches(every_board, args) if every_board else EMPTY)
        return EXIT_OK
    rows = [("WHEN", "PLAYER", "PACKS", "MODE", "ROUND", "SCORE", "RIGHT", "STREAK", "SEED")]
    rows += [
        (
            local_time(record.played_at),
            record.player,
            record.board.packs_label,
            record.mode,
            record.board.shape,
            str(record.score),
            record.board.right(record.correct),
            str(record.best_streak),
            str(record.seed),
        )
        for record in records
    ]
    print_table(rows)
    return EXIT_OK


def _export(store: ScoreStore, args: argparse.Namespace) -> int:
    import csv
    import io
    from pathlib import Path

    from quiz.storage.writing import write_user_file

    target = Path(args.export)
    records = [record for record in store.history() if _wanted(record.board, args)]
    text = io.StringIO(newline="")
    writer = csv.writer(text)
    writer.writerow(CSV_COLUMNS)
    writer.writerows(_csv_row(record) for record in records)
    write_user_file(target, text.getvalue(), args.force)  # never half a file
    say(f"Exported {len(records)} rounds to {target}")
    return EXIT_OK


def _csv_row(record: RoundRecord) -> tuple[object, ...]:
    """The record's fields in CSV_COLUMNS order; these four written for a spreadsheet."""
    written = {
        "played_at": _iso(record),
        "player": defuse_formula(record.player),
        "packs": " ".join(f"{pack_id}@{version}" for pack_id, version in record.packs),
        "duration": round(record.duration, 3),
    }
    return tuple(written.get(column, getattr(record, column, None)) for column in CSV_COLUMNS)


def _board_json(board: Board) -> dict[str, object]:
    return {
        "packs": list(board.packs),
        "mode": board.mode,
        "questions": board.questions,
        "seconds": board.seconds,
    }


def _entry_json(rank: int, entry: Entry) -> dict[str, object]:
    return {
        "rank": rank,
        "player": entry.player,
        "score": entry.score,
        "correct": entry.correct,
        "questions": entry.questions,
        "best_streak": entry.best_streak,
        "duration": round(entry.duration, 3),
        "seed": entry.seed,
        "played_at": _iso(entry),
    }


def _record_json(record: RoundRecord) -> dict[str, object]:
    return {
        "played_at": _iso(record),
        "player": record.player,
        "packs": [{"id": pack_id, "version": version} for pack_id, version in record.packs],
        "mode": record.mode,
        "questions": record.questions,
        "seconds": record.seconds,
        "seed": record.seed,
        "score": record.score,
        "correct": record.correct,
        "best_streak": record.best_streak,
        "duration": round(record.duration, 3),
        "game_version": record.game_version,
    }


def _iso(item: Entry | RoundRecord) -> str:
    from datetime import UTC

    return item.played_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
