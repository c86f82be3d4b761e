"""The faults the score store must survive: racing games, kills, damage, no room, old and new files.

Faults that need a process of their own (racing writers, SIGKILL, a file size limit) run
small Python scripts in subprocesses that share tests/helpers/scores.py's record maker.
"""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from quiz.scores import ScoreStore, scores_path
from quiz.scores import store as store_module
from quiz.scores.migrations import SCHEMA_VERSION
from tests.helpers.messages import Warnings
from tests.helpers.paths import REPO
from tests.helpers.scores import BOARD, make_record

CORRUPT_TIME = datetime(2025, 5, 4, 3, 2, 1, tzinfo=UTC)
ASIDE = "scores.sqlite3.corrupt-20250504T030201Z"


def fixed_now() -> datetime:
    return CORRUPT_TIME


def child(script: str) -> list[str]:
    """The command that runs ``script`` in a fresh interpreter, able to import the tests."""
    preamble = "import sys\nfrom pathlib import Path\nfrom quiz.scores import ScoreStore\n"
    preamble += "from tests.helpers.scores import make_record\n"
    return [sys.executable, "-c", preamble + textwrap.dedent(script)]


def spawn(script: str, *arguments: object) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [*child(script), *map(str, arguments)],
        cwd=REPO,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def stored_players(folder: Path) -> list[str]:
    store = ScoreStore.open(folder, pytest.fail)
    try:
        return [record.player for record in store.history()]
    finally:
        store.close()


def integrity(path: Path) -> str:
    db = sqlite3.connect(path)
    try:
        return str(db.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        db.close()


# Several games finishing rounds at the same moment ---------------------------------------

WRITER = """
store = ScoreStore.open(Path(sys.argv[1]), lambda message: print(message, file=sys.stderr))
print("ready", flush=True)
sys.stdin.readline()  # everyone starts writing together
for n in range(int(sys.argv[3])):
    store.record(make_record(player=f"{sys.argv[2]}-{n}", score=n))
store.close()
"""


def test_four_games_recording_250_rounds_each_at_once_lose_nothing(data_dir: Path) -> None:
    writers = [spawn(WRITER, data_dir, f"game{number}", 250) for number in range(4)]
    for writer in writers:
        assert writer.stdout is not None and writer.stdout.readline() == "ready\n"
    for writer in writers:
        assert writer.stdin is not None
        writer.stdin.write("go\n")
        writer.stdin.flush()
    for writer in writers:
        _, errors = writer.communicate(timeout=60)
        assert (writer.returncode, errors) == (0, "")
    players = stored_players(data_dir)
    expected = {f"game{number}-{n}" for number in range(4) for n in range(250)}
    assert len(players) == 1000
    assert set(players) == expected


class PausingConnection:
    """A connection that, in the thread that opens the store first, stops after its
    ``pause_after``-th statement until the other game has done its work."""

    def __init__(self, db: sqlite3.Connection, pause_after: int, pause: Callable[[], None]):
        self.db, self.pause_after, self.pause, self.statements = db, pause_after, pause, 0

    def execute(self, sql: str, *parameters: object) -> sqlite3.Cursor:
        cursor = self.db.execute(sql, *parameters)
        self.statements += 1
        if self.statements == self.pause_after:
            self.pause()
        return cursor


@pytest.mark.parametrize("pause_after", [1, 2, 3], ids=["version", "columns", "tables"])
def test_a_game_that_checks_the_file_while_another_creates_it_moves_nothing_aside(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, pause_after: int
) -> None:
    """The race of two games started together, replayed step by step: the first reads the
    new file's schema state while the second creates its tables in between. Read outside
    one transaction, the file looked foreign and went aside with the second game's round."""
    data_dir.mkdir(parents=True)
    fresh = sqlite3.connect(scores_path(data_dir))  # as a starting game leaves it: empty, WAL
    fresh.execute("PRAGMA journal_mode = WAL")
    fresh.close()
    first = threading.current_thread()
    other_done = threading.Event()

    def let_the_other_game_in() -> None:
        other = threading.Thread(target=record_as, args=("other",))
        other.start()
        other.join(timeout=30)
        other_done.set()

    def record_as(player: str) -> None:
        store = ScoreStore.open(data_dir, pytest.fail)
        store.record(make_record(player=player))
        store.close()

    real_known_version = store_module.known_version

    def known_version(db: sqlite3.Connection) -> int:
        if threading.current_thread() is first and not other_done.is_set():
            db = PausingConnection(db, pause_after, let_the_other_game_in)  # type: ignore[assignment]
        return real_known_version(db)

    monkeypatch.setattr(store_module, "known_version", known_version)
    record_as("first")
    assert other_done.is_set()  # the other game did play in the middle
    assert sorted(stored_players(data_dir)) == ["first", "other"]
    assert sorted(path.name for path in data_dir.iterdir() if ".corrupt-" in path.name) == []


# A game killed while writing -------------------------------------------------------------

KILLED_IN_A_TRANSACTION = """
folder = Path(sys.argv[1])
store = ScoreStore.open(folder, print)
store.record_many(make_record(player=f"kept-{n}") for n in range(20))
store.close()
import sqlite3
db = sqlite3.connect(folder / "scores.sqlite3", isolation_level=None)
db.execute("PRAGMA cache_size = 2")  # spill uncommitted pages into the WAL file
columns = ", ".join(row[1] for row in db.execute("PRAGMA table_info(rounds)") if row[1] != "id")
db.execute("BEGIN IMMEDIATE")
for _ in range(9):  # 20 * 2**9 rounds: many pages written, none committed
    db.execute(f"INSERT INTO rounds ({columns}) SELECT {columns} FROM rounds")
print("in transaction", flush=True)
sys.stdin.readline()
"""


def test_a_game_killed_inside_a_transaction_leaves_every_committed_round(
    data_dir: Path,
) -> None:
    writer = spawn(KILLED_IN_A_TRANSACTION, data_dir)
    assert writer.stdout is not None
    assert writer.stdout.readline() == "in transaction\n", writer.stderr
    wal = Path(f"{scores_path(data_dir)}-wal")
    assert wal.stat().st_size > 100_000  # the kill lands mid-write, not before it
    writer.send_signal(signal.SIGKILL)
    writer.wait(timeout=10)
    assert writer.returncode == -signal.SIGKILL
    assert sorted(stored_players(data_dir)) == sorted(f"kept-{n}" for n in range(20))
    assert integrity(scores_path(data_dir)) == "ok"


RECORDING_FOREVER = """
store = ScoreStore.open(Path(sys.argv[1]), print)
n = 0
while True:
    store.record(make_record(player=f"round-{n}"))
    n += 1
    print(n, flush=True)
"""


def test_a_game_killed_while_recording_round_after_round_keeps_each_finished_one(
    data_dir: Path,
) -> None:
    writer = spawn(RECORDING_FOREVER, data_dir)
    assert writer.stdout is not None
    reported = 0
    while reported < 40:
        reported = int(writer.stdout.readline())
    writer.send_signal(signal.SIGKILL)
    writer.wait(timeout=10)
    players = stored_players(data_dir)
    # The kill may land after a commit and before its line was printed: one more at most.
    assert len(players) in (reported, reported + 1)
    assert set(players) == {f"round-{n}" for n in range(len(players))}
    assert integrity(scores_path(data_dir)) == "ok"


# A damaged file --------------------------------------------------------------------------


def test_a_file_that_is_not_a_database_is_moved_aside_and_a_fresh_one_started(
    data_dir: Path, warnings: Warnings
) -> None:
    data_dir.mkdir()
    junk = b"these are not the scores you are looking for\n" * 100
    scores_path(data_dir).write_bytes(junk)
    Path(f"{scores_path(data_dir)}-wal").write_bytes(b"stale log")
    store = ScoreStore.open(data_dir, warnings, now=fixed_now)
    assert len(warnings) == 1
    assert str(scores_path(data_dir)) in warnings[0] and ASIDE in warnings[0]
    assert "\n" not in warnings[0]
    assert (data_dir / ASIDE).read_bytes() == junk
    assert (data_dir / f"{ASIDE}-wal").read_bytes() == b"stale log"
    store.record(make_record())
    store.close()
    assert stored_players(data_dir) == ["Ann"]


def test_a_file_corrupt_inside_is_moved_aside_with_its_rounds_kept_in_it(
    data_dir: Path, warnings: Warnings
) -> None:
    store = ScoreStore.open(data_dir, warnings)
    store.record_many(make_record(player=f"p{n}" * 8) for n in range(300))
    store.close()
    path = scores_path(data_dir)
    damaged = bytearray(path.read_bytes())
    page = 4096
    damaged[2 * page : 3 * page] = b"\xa5" * page
    path.write_bytes(bytes(damaged))
    store = ScoreStore.open(data_dir, warnings, now=fixed_now)
    assert len(warnings) == 1 and "corrupt" in warnings[0]
    assert (data_dir / ASIDE).read_bytes() == bytes(damaged)
    assert store.history() == []
    store.close()


def test_a_second_damaged_file_in_the_same_second_never_overwrites_the_first(
    data_dir: Path, warnings: Warnings
) -> None:
    data_dir.mkdir()
    for content in (b"first damaged file", b"second damaged file"):
        scores_path(data_dir).write_bytes(content)
        ScoreStore.open(data_dir, warnings, now=fixed_now).close()
    assert (data_dir / ASIDE).read_bytes() == b"first damaged file"
    assert (data_dir / f"{ASIDE}-2").read_bytes() == b"second damaged file"
    assert len(warnings) == 2


def test_someone_elses_sqlite_file_is_moved_aside_not_changed(
    data_dir: Path, warnings: Warnings
) -> None:
    data_dir.mkdir()
    db = sqlite3.connect(scores_path(data_dir))
    db.execute("CREATE TABLE recipes (name TEXT)")
    db.commit()
    db.close()
    original = scores_path(data_dir).read_bytes()
    ScoreStore.open(data_dir, warnings, now=fixed_now).close()
    assert len(warnings) == 1 and "not a quiz score database" in warnings[0]
    assert (data_dir / ASIDE).read_bytes() == original


# No room to write ----------------------------------------------------------------------


def test_a_data_folder_that_cannot_exist_still_lets_the_game_play(
    tmp_path: Path, warnings: Warnings
) -> None:
    # A regular file where a folder should be: unwritable for root too.
    blocker = tmp_path / "blocker"
    blocker.write_text("a file, not a folder")
    store = ScoreStore.open(blocker / "data", warnings)
    store.record(make_record(score=10))
    store.record(make_record(score=20))
    assert [entry.score for entry in store.leaderboard(BOARD)] == [20, 10]
    assert not store.saving
    assert len(warnings) == 1
    assert "scores will not be saved" in warnings[0]
    store.close()


IN_A_READ_ONLY_FOLDER = """
from tests.helpers.scores import BOARD
warnings = []
store = ScoreStore.open(Path(sys.argv[1]), warnings.append)
store.record(make_record(player="during", score=9))
print(" ".join(entry.player for entry in store.leaderboard(BOARD)), store.saving)
print(*warnings, sep="\\n")
store.close()
"""


def without_root_powers() -> list[str]:
    """A command prefix under which permissions bind: none needed, or setpriv dropping root's."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: permissions would not bind")
    drop = [setpriv, "--bounding-set=-all", "--inh-caps=-all"]
    if subprocess.run([*drop, sys.executable, "-c", "pass"], capture_output=True).returncode:
        pytest.skip("running as root and cannot drop its powers: permissions would not bind")
    return drop


def test_a_read_only_data_folder_shows_the_old_scores_and_saves_nothing(data_dir: Path) -> None:
    store = ScoreStore.open(data_dir, pytest.fail)
    store.record(make_record(player="before", score=5))
    store.close()
    before = scores_path(data_dir).read_bytes()
    prefix = without_root_powers()
    data_dir.chmod(0o555)
    scores_path(data_dir).chmod(0o444)
    try:
        result = subprocess.run(
            [*prefix, *child(IN_A_READ_ONLY_FOLDER), str(data_dir)],
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=60,
        )
    finally:
        data_dir.chmod(0o755)
        scores_path(data_dir).chmod(0o644)
    assert (result.returncode, result.stderr) == (0, "")
    board, warning = result.stdout.splitlines()
    assert board == "during before False"
    assert warning.startswith(str(scores_path(data_dir)))
    assert warning.endswith("scores will not be saved")
    assert scores_path(data_dir).read_bytes() == before
    assert sorted(path.name for path in data_dir.iterdir()) == ["scores.sqlite3"]


FILLING_THE_DISK = """
import resource, signal
folder = Path(sys.argv[1])
warnings = []
store = ScoreStore.open(folder, warnings.append)
store.record_many(make_record(player=f"old-{n}") for n in range(5))
# No file may grow past 64 KiB from now on: the WAL fills up as a full disk would.
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (65536, 65536))
saved = 0
for n in range(200):
    store.record(make_record(player=f"new-{n}" + "x" * 200, score=n))
    saved += store.saving
print(saved, len(store.history()), len(warnings))
print(warnings[0] if warnings else "")
store.close()
"""


def test_a_full_disk_is_reported_once_and_the_game_plays_on(data_dir: Path) -> None:
    writer = spawn(FILLING_THE_DISK, data_dir)
    output, errors = writer.communicate(timeout=60)
    assert (writer.returncode, errors) == (0, "")
    counts, warning = output.splitlines()
    saved, remembered, warned = map(int, counts.split())
    assert 0 < saved < 200  # some rounds reached the file before it was full
    assert remembered == 205  # this session still sees every round
    assert warned == 1 and "scores will not be saved" in warning
    players = stored_players(data_dir)
    assert len(players) == 5 + saved
    assert integrity(scores_path(data_dir)) == "ok"


# Files written by other versions --------------------------------------------------------

VERSION_1 = """
CREATE TABLE rounds (
    id INTEGER PRIMARY KEY, player TEXT NOT NULL, packs TEXT NOT NULL, mode TEXT NOT NULL,
    questions INTEGER NOT NULL, seconds REAL NOT NULL, seed INTEGER NOT NULL,
    score INTEGER NOT NULL, correct INTEGER NOT NULL, best_streak INTEGER NOT NULL,
    duration REAL NOT NULL, played_at TEXT NOT NULL, game_version TEXT NOT NULL
);
INSERT INTO rounds VALUES
    (1, 'Ann', '[["tv", 1]]', 'classic', 10, 20.0, 7, 900, 9, 9, 80.5,
     '2024-12-31T23:59:59.000000Z', '0.0.9'),
    (2, 'Bob', '[["tv", 1]]', 'classic', 10, 20.0, 8, 1200, 10, 10, 70.0,
     '2025-01-01T10:00:00.000000Z', '0.0.9'),
    (3, 'Cy', '[["tv", 1], ["world", 2]]', 'sudden-death', 31, 15.0, 9, 400, 3, 3, 50.0,
     '2025-01-02T10:00:00.000000Z', '0.0.9');
PRAGMA user_version = 1;
"""


def test_a_file_from_schema_version_1_is_migrated_with_every_round(
    data_dir: Path, warnings: Warnings
) -> None:
    data_dir.mkdir()
    db = sqlite3.connect(scores_path(data_dir))
    db.executescript(VERSION_1)
    db.close()
    store = ScoreStore.open(data_dir, warnings)
    assert warnings == []
    assert [(e.player, e.score) for e in store.leaderboard(BOARD)] == [("Bob", 1200), ("Ann", 900)]
    assert [record.player for record in store.history()] == ["Cy", "Bob", "Ann"]
    [mixed] = [board for board in store.boards() if board.mode == "sudden-death"]
    assert mixed.packs == ("tv", "world")
    assert store.history()[2].played_at == datetime(2024, 12, 31, 23, 59, 59, tzinfo=UTC)
    store.record(make_record(player="Dee", score=1000))
    assert [e.player for e in store.leaderboard(BOARD)] == ["Bob", "Dee", "Ann"]
    store.close()
    db = sqlite3.connect(scores_path(data_dir))
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    plan = db.execute(
        "EXPLAIN QUERY PLAN SELECT score FROM rounds WHERE board_packs = 'tv' AND mode = 'x' "
        "AND questions = 1 AND seconds = 1 ORDER BY score DESC, played_at, id LIMIT 10"
    ).fetchall()
    db.close()
    assert "rounds_by_board" in str(plan) and "TEMP B-TREE" not in str(plan)


def test_a_file_from_a_newer_version_is_refused_and_left_untouched(
    data_dir: Path, warnings: Warnings
) -> None:
    data_dir.mkdir()
    db = sqlite3.connect(scores_path(data_dir))
    db.executescript(
        "CREATE TABLE rounds_v9 (everything TEXT);"
        "INSERT INTO rounds_v9 VALUES ('precious');"
        f"PRAGMA user_version = {SCHEMA_VERSION + 1};"
    )
    db.close()
    original = scores_path(data_dir).read_bytes()
    store = ScoreStore.open(data_dir, warnings)
    assert len(warnings) == 1
    assert "newer version" in warnings[0] and "scores will not be saved" in warnings[0]
    store.record(make_record())  # the game plays on
    assert [entry.player for entry in store.leaderboard(BOARD)] == ["Ann"]
    store.close()
    assert scores_path(data_dir).read_bytes() == original
    assert sorted(path.name for path in data_dir.iterdir()) == ["scores.sqlite3"]
    assert len(warnings) == 1
