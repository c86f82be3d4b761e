"""The high-score store: one SQLite file in the data folder that no fault can take away.

WAL mode, a busy timeout and one IMMEDIATE transaction per write let several games
record at the same moment. A damaged file is moved aside, never deleted. When the file
cannot be written (read-only or full folder, newer schema) the store says so once and
carries on in memory, so the game always plays on.
"""

from __future__ import annotations

import contextlib
import functools
import json
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from quiz.scores.migrations import (
    SCHEMA_VERSION,
    ForeignDatabaseError,
    NewerSchemaError,
    board_packs,
    known_version,
    migrate,
    schema_version,
)
from quiz.scores.records import DEFAULT_PLAYER, Board, Entry, RoundRecord
from quiz.storage.aside import move_aside

SCORES_FILE = "scores.sqlite3"
BUSY_TIMEOUT_SECONDS = 10.0  # another game's write takes milliseconds; this is a wide margin
LEADERBOARD_SIZE = 10
TIME_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"
# SQLite's companion files, moved with a damaged database so it can still be opened aside.
COMPANIONS = ("-wal", "-shm")

Warn = Callable[[str], None]
Now = Callable[[], datetime]
_Row = TypeVar("_Row")

_COLUMNS = (
    "player, packs, mode, questions, seconds, seed, score, correct, best_streak, "
    "duration, played_at, game_version, board_packs"
)
_INSERT = f"INSERT INTO rounds ({_COLUMNS}) VALUES ({', '.join('?' * 13)})"
_RENAME = "UPDATE rounds SET player = ? WHERE player = ? AND played_at = ?"
_ENTRY = (
    "player, score, correct, questions, best_streak, duration, seed, played_at"  # _ENTRY_FIELDS
)
_ON_BOARD = "board_packs = ? AND mode = ? AND questions = ? AND seconds = ?"
_BEST_FIRST = "ORDER BY score DESC, played_at, id"
_NEWEST_FIRST = "ORDER BY played_at DESC, id DESC"


class DamagedFileError(Exception):
    """The file is not a score database, or SQLite found it corrupt."""


def scores_path(folder: Path) -> Path:
    return folder / SCORES_FILE


def _utc_now() -> datetime:
    return datetime.now(UTC)


class ScoreStore:
    """Records rounds and reads leaderboards; never raises for a problem with the file."""

    def __init__(self, db: sqlite3.Connection, path: Path | None, warn: Warn) -> None:
        self._db = db
        self._path = path
        self._warn = warn
        self._warned_of_bad_rows = False

    @classmethod
    def open(cls, folder: Path, warn: Warn, now: Now = _utc_now) -> ScoreStore:
        """The store in ``folder/scores.sqlite3``, or one in memory after a warning.

        ``now`` dates the name a damaged file is moved aside to.
        """
        path = scores_path(folder)
        try:
            folder.mkdir(parents=True, exist_ok=True)
            return cls(_open_file(path, warn, now), path, warn)
        except NewerSchemaError as error:
            warn(
                f"{path}: written by a newer version of quiz (schema {error.found}, this one "
                f"knows {SCHEMA_VERSION}); left as it is, and scores will not be saved"
            )
            return cls.in_memory(warn)
        except (OSError, sqlite3.Error, DamagedFileError, ForeignDatabaseError) as error:
            # The last two only when another game changes the file while this one opens it.
            warn(f"{path}: cannot save scores here ({_reason(error)}); scores will not be saved")
            return cls(_copy_in_memory(path), None, warn)

    @classmethod
    def in_memory(cls, warn: Warn) -> ScoreStore:
        """An empty store that keeps scores only while the program runs."""
        return cls(_into_memory(None), None, warn)

    @property
    def saving(self) -> bool:
        """Whether recorded rounds reach the file (False once the store fell back to memory)."""
        return self._path is not None

    def record(self, record: RoundRecord) -> None:
        self.record_many([record])

    def record_many(self, records: Iterable[RoundRecord]) -> None:
        """Record rounds in one transaction: all of them are kept, or none."""
        self._write(_INSERT, [_row(record) for record in records])

    def rename(self, record: RoundRecord, player: str) -> RoundRecord:
        """The recorded round under another name: a round is recorded as soon as it ends,
        and the name asked for afterwards only renames it."""
        played_at = record.played_at.astimezone(UTC).strftime(TIME_FORMAT)
        self._write(_RENAME, [(player, record.player, played_at)])
        return replace(record, player=player)

    def would_rank(self, board: Board, score: int) -> bool:
        """Whether a round finished now with this score would make the board's top 10."""
        # A tie ranks below the earlier round, so it must beat the current tenth.
        rows = self._query(
            f"SELECT score FROM rounds WHERE {_ON_BOARD} {_BEST_FIRST} LIMIT 1 OFFSET ?",
            (*_board_key(board), LEADERBOARD_SIZE - 1),
        )
        return not rows or score > rows[0][0]

    def leaderboard(self, board: Board, limit: int = LEADERBOARD_SIZE) -> list[Entry]:
        """The best rounds of a board, highest score first, ties to the earlier round."""
        rows = self._query(
            f"SELECT {_ENTRY} FROM rounds WHERE {_ON_BOARD} {_BEST_FIRST} LIMIT ?",
            (*_board_key(board), limit),
        )
        return self._readable(rows, _entry)

    def personal_best(self, board: Board, player: str) -> Entry | None:
        rows = self._query(
            f"SELECT {_ENTRY} FROM rounds WHERE {_ON_BOARD} AND player = ? {_BEST_FIRST} LIMIT 1",
            (*_board_key(board), player),
        )
        entries = self._readable(rows, _entry)
        return entries[0] if entries else None

    def boards(self) -> list[Board]:
        """Every board with a recorded round, sorted by packs, mode, questions and seconds."""
        rows = self._query(
            "SELECT DISTINCT board_packs, mode, questions, seconds FROM rounds ORDER BY 1, 2, 3, 4"
        )
        return [
            Board(packs=tuple(packs.split()), mode=mode, questions=questions, seconds=seconds)
            for packs, mode, questions, seconds in rows
        ]

    def history(self, limit: int | None = None) -> list[RoundRecord]:
        """Recorded rounds, newest first."""
        rows = self._query(
            f"SELECT {_COLUMNS} FROM rounds {_NEWEST_FIRST} LIMIT ?",
            (-1 if limit is None else limit,),
        )
        return self._readable(rows, _record)

    def last_player(self) -> str | None:
        rows = self._query(f"SELECT player FROM rounds {_NEWEST_FIRST} LIMIT 1")
        return str(rows[0][0]) if rows else None

    def player_name(self, given: str | None) -> str:
        """The name to record a round under: the one given, else the last one used."""
        return given or self.last_player() or DEFAULT_PLAYER

    def close(self) -> None:
        self._db.close()

    def _readable(self, rows: list[Any], read: Callable[[Sequence[Any]], _Row]) -> list[_Row]:
        """The rows that read as rounds; one that does not (edited by hand, or damaged) is
        skipped, with a warning the first time, rather than costing every other round."""
        readable = []
        for row in rows:
            try:
                readable.append(read(row))
            except (ValueError, TypeError):
                if not self._warned_of_bad_rows:
                    self._warn(f"{self._path or 'scores'}: skipped a round that cannot be read")
                    self._warned_of_bad_rows = True
        return readable

    def _write(self, sql: str, rows: Sequence[tuple[object, ...]]) -> None:
        """Run ``sql`` for each row in one transaction; a file that cannot take it leaves the
        store in memory (after a warning), where the rows are written instead."""
        try:
            self._transaction(sql, rows)
        except sqlite3.Error as error:
            if not self.saving:
                raise
            self._stop_saving(error)
            self._transaction(sql, rows)

    def _transaction(self, sql: str, rows: Sequence[tuple[object, ...]]) -> None:
        self._db.execute("BEGIN IMMEDIATE")
        try:
            self._db.executemany(sql, rows)
            self._db.execute("COMMIT")
        except BaseException:
            if self._db.in_transaction:
                _rollback(self._db)
            raise

    def _query(self, sql: str, parameters: Sequence[object] = ()) -> list[Any]:
        try:
            return self._db.execute(sql, parameters).fetchall()
        except sqlite3.Error as error:
            if not self.saving:
                raise
            self._stop_saving(error)
            return self._db.execute(sql, parameters).fetchall()

    def _stop_saving(self, error: sqlite3.Error) -> None:
        """Carry on in memory with a copy of what the file holds, after saying so once."""
        self._warn(f"{self._path}: cannot save scores ({_reason(error)}); scores will not be saved")
        memory = _into_memory(self._db)
        self._db.close()
        self._db = memory
        self._path = None


def _open_file(path: Path, warn: Warn, now: Now) -> sqlite3.Connection:
    try:
        return _connect(path)
    except DamagedFileError as error:
        reason = str(error)
    aside = move_aside(path, "corrupt", now(), COMPANIONS)
    warn(f"{path}: {reason}; moved it to {aside.name} and started a fresh score file")
    return _connect(path)


def _connect(path: Path) -> sqlite3.Connection:
    """An open, checked, up-to-date database; raises DamagedFileError for a file to set aside."""
    if path.exists():
        _check(path)
    db = sqlite3.connect(
        path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None, check_same_thread=False
    )
    try:
        db.execute("PRAGMA journal_mode = WAL")
        # FULL: a round reported as recorded survives even a power cut.
        db.execute("PRAGMA synchronous = FULL")
        migrate(db)
    except sqlite3.DatabaseError as error:
        db.close()
        if _is_damage(error):
            raise DamagedFileError(f"not a readable score database ({error})") from error
        raise
    except BaseException:
        db.close()
        raise
    return db


def _check(path: Path) -> None:
    """Raise for a file that must not be written: a newer schema, damage, foreign tables.

    Read-only, because closing a writable connection can delete a WAL file that a
    damaged database still needs, and can rewrite the header of a file we must not touch.
    """
    db = _read_only(path)
    try:
        db.execute("BEGIN")  # one snapshot: another game may be migrating the file meanwhile
        known_version(db)
        problems = [row[0] for row in db.execute("PRAGMA quick_check(1)")]
        if problems != ["ok"]:
            raise DamagedFileError(f"the database is corrupt ({problems[0]})")
    except sqlite3.DatabaseError as error:
        if _is_damage(error):
            raise DamagedFileError(f"not a readable score database ({error})") from error
        raise
    except ForeignDatabaseError as error:
        raise DamagedFileError("not a quiz score database (its tables are not ours)") from error
    finally:
        db.close()


def _read_only(path: Path, options: str = "mode=ro") -> sqlite3.Connection:
    uri = f"{path.absolute().as_uri()}?{options}"
    return sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_SECONDS, check_same_thread=False)


def _is_damage(error: sqlite3.DatabaseError) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    return code is not None and code & 0xFF in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB)


def _copy_in_memory(path: Path) -> sqlite3.Connection:
    """What the file holds, read without writing anything, in a database in memory."""
    # A WAL file in a folder we cannot write opens only as "immutable" (no locks, no WAL).
    for options in ("mode=ro", "immutable=1"):
        try:
            source = _read_only(path, options)
        except sqlite3.Error:
            continue  # no such file
        try:
            if 0 < schema_version(source) <= SCHEMA_VERSION:
                return _into_memory(source)
        except sqlite3.Error:
            continue
        finally:
            source.close()
    return _into_memory(None)


def _into_memory(source: sqlite3.Connection | None) -> sqlite3.Connection:
    """A database in memory at the current schema, holding a copy of ``source`` if it reads."""
    memory = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    if source is not None:
        try:
            source.backup(memory)
        except sqlite3.Error:
            memory.close()
            memory = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    migrate(memory)
    return memory


def _rollback(db: sqlite3.Connection) -> None:
    with contextlib.suppress(sqlite3.Error):  # SQLite may have rolled back already (full disk)
        db.execute("ROLLBACK")


def _reason(error: BaseException) -> str:
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    if getattr(error, "sqlite_errorcode", 0) & 0xFF == sqlite3.SQLITE_FULL:
        return "the disk is full"
    return str(error)


def _board_key(board: Board) -> tuple[str, str, int, float]:
    return board_packs(board.packs), board.mode, board.questions, board.seconds


def _row(record: RoundRecord) -> tuple[object, ...]:
    return (
        record.player,
        json.dumps([list(pack) for pack in record.packs]),
        record.mode,
        record.questions,
        record.seconds,
        record.seed,
        record.score,
        record.correct,
        record.best_streak,
        record.duration,
        record.played_at.astimezone(UTC).strftime(TIME_FORMAT),
        record.game_version,
        board_packs(pack_id for pack_id, _ in record.packs),
    )


@functools.lru_cache(maxsize=256)  # a player's rounds use few pack sets; history reads them all
def _packs(text: str) -> tuple[tuple[str, int], ...]:
    packs = tuple((_string(pack_id), _whole(version)) for pack_id, version in json.loads(text))
    return packs


def _time(text: str) -> datetime:
    moment = datetime.fromisoformat(text)  # reads TIME_FORMAT (with its Z) as aware UTC
    if moment.utcoffset() is None:
        raise ValueError(f"a time without its zone: {text}")
    return moment


def _whole(value: object) -> int:
    if type(value) is not int:
        raise TypeError(f"not a whole number: {value!r}")
    return value


def _real(value: object) -> float:
    if type(value) not in (int, float):
        raise TypeError(f"not a number: {value!r}")
    return float(value)  # type: ignore[arg-type]


def _string(value: object) -> str:
    if type(value) is not str:
        raise TypeError(f"not text: {value!r}")
    return value


def _entry(row: Sequence[Any]) -> Entry:
    return Entry(**_fields(_ENTRY_FIELDS, row))


def _record(row: Sequence[Any]) -> RoundRecord:
    return RoundRecord(**_fields(_RECORD_FIELDS, row))


def _fields(wanted: _Fields, row: Sequence[Any]) -> dict[str, Any]:
    """A row's columns as fields, each read by its reader, which raises for a value of the
    wrong kind: a file edited by hand holds anything SQLite lets a column hold."""
    return {name: read(value) for (name, read), value in zip(wanted, row, strict=False)}


_Fields = tuple[tuple[str, Callable[[Any], object]], ...]
# The columns a leaderboard line and a whole record are read from, in SELECT order.
_ENTRY_FIELDS: _Fields = (
    ("player", _string),
    ("score", _whole),
    ("correct", _whole),
    ("questions", _whole),
    ("best_streak", _whole),
    ("duration", _real),
    ("seed", _whole),
    ("played_at", _time),
)
_RECORD_FIELDS: _Fields = (
    ("player", _string),
    ("packs", _packs),
    ("mode", _string),
    ("questions", _whole),
    ("seconds", _real),
    ("seed", _whole),
    ("score", _whole),
    ("correct", _whole),
    ("best_streak", _whole),
    ("duration", _real),
    ("played_at", _time),
    ("game_version", _string),
)
_ENTRY = ", ".join(name for name, _ in _ENTRY_FIELDS)
