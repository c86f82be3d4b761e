"""The score database's schema, one forward step per version (kept in PRAGMA user_version).

A new release appends a step; it never edits one, because players' files were made by it.
A fresh file runs every step in order, so the path an old file takes is always exercised.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Callable, Iterable


class ForeignDatabaseError(Exception):
    """A SQLite file with tables but no schema version: something else wrote it."""


class NewerSchemaError(Exception):
    """The file was written by a later release whose schema this one does not know."""

    def __init__(self, found: int) -> None:
        super().__init__(found)
        self.found = found


def _create_rounds(db: sqlite3.Connection) -> None:
    db.execute(
        """
        CREATE TABLE rounds (
            id INTEGER PRIMARY KEY,
            player TEXT NOT NULL,
            packs TEXT NOT NULL,          -- JSON [[pack id, version], ...], sorted by id
            mode TEXT NOT NULL,
            questions INTEGER NOT NULL,
            seconds REAL NOT NULL,
            seed INTEGER NOT NULL,
            score INTEGER NOT NULL,
            correct INTEGER NOT NULL,
            best_streak INTEGER NOT NULL,
            duration REAL NOT NULL,
            played_at TEXT NOT NULL,      -- UTC, YYYY-MM-DDTHH:MM:SS.ffffffZ (sorts as time)
            game_version TEXT NOT NULL
        )
        """
    )


def _index_boards(db: sqlite3.Connection) -> None:
    """Version 1 scanned every round for a leaderboard: index boards, players and time."""
    db.execute("ALTER TABLE rounds ADD COLUMN board_packs TEXT NOT NULL DEFAULT ''")
    rows = db.execute("SELECT id, packs FROM rounds").fetchall()
    db.executemany(
        "UPDATE rounds SET board_packs = ? WHERE id = ?",
        [(board_packs(pack_id for pack_id, _ in json.loads(packs)), id_) for id_, packs in rows],
    )
    db.execute(
        "CREATE INDEX rounds_by_board ON rounds "
        "(board_packs, mode, questions, seconds, score DESC, played_at, id)"
    )
    db.execute(
        "CREATE INDEX rounds_by_player ON rounds "
        "(player, board_packs, mode, questions, seconds, score DESC, played_at, id)"
    )
    db.execute("CREATE INDEX rounds_by_time ON rounds (played_at, id)")


def board_packs(pack_ids: Iterable[str]) -> str:
    """A board's packs as one column: the sorted ids, space-separated (ids have no spaces)."""
    return " ".join(sorted(pack_ids))


# MIGRATIONS[n] takes a file from version n to version n + 1.
MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (_create_rounds, _index_boards)
SCHEMA_VERSION = len(MIGRATIONS)


def schema_version(db: sqlite3.Connection) -> int:
    version: int = db.execute("PRAGMA user_version").fetchone()[0]
    return version


_FIRST_COLUMNS = (
    "id", "player", "packs", "mode", "questions", "seconds", "seed", "score", "correct",
    "best_streak", "duration", "played_at", "game_version",
)  # fmt: skip
# The columns of the rounds table as each version leaves it (index 0: before any step).
COLUMNS: tuple[tuple[str, ...], ...] = ((), _FIRST_COLUMNS, (*_FIRST_COLUMNS, "board_packs"))


def known_version(db: sqlite3.Connection) -> int:
    """The file's schema version; raises for a newer schema, or for a file whose tables are
    not what that version made (another program's file, or one edited by hand).

    Call it inside a transaction: read in two statements outside one, another game's
    first migration could fall between them and make its fresh file look foreign.
    """
    found = schema_version(db)
    if found > SCHEMA_VERSION:
        raise NewerSchemaError(found)
    columns = tuple(row[1] for row in db.execute("PRAGMA table_info(rounds)"))
    tables = db.execute("SELECT count(*) FROM sqlite_schema WHERE type = 'table'").fetchone()[0]
    if columns != COLUMNS[found] or tables != (1 if found else 0):
        raise ForeignDatabaseError
    return found


def migrate(db: sqlite3.Connection) -> None:
    """Bring the file up to SCHEMA_VERSION in one transaction, or raise NewerSchemaError.

    The connection must be in autocommit mode (isolation_level None). BEGIN IMMEDIATE
    takes the write lock first, so two games starting at once migrate only once.
    """
    if schema_version(db) == SCHEMA_VERSION:
        return
    db.execute("BEGIN IMMEDIATE")
    try:
        for step in MIGRATIONS[known_version(db) :]:
            step(db)
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        db.execute("COMMIT")
    except BaseException:
        # On a full disk SQLite has rolled back already: a second ROLLBACK would raise
        # "no transaction is active" and hide why.
        if db.in_transaction:
            with contextlib.suppress(sqlite3.Error):
                db.execute("ROLLBACK")
        raise
