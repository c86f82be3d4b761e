"""Run a Textual program in a pseudo-terminal and time its first frame, as a player sees it.

Start-up is the wall-clock time from just before the process is spawned to the moment
the terminal receives the first frame holding a marker text (the round's status line,
the Home title). It is read from the terminal side, so it counts everything the player
waits for: interpreter start, imports, loading packs, composing, layout and rendering.
Byte-code: an installed game has its modules compiled (pip writes the .pyc files), but
the environment may forbid writing them (PYTHONDONTWRITEBYTECODE), which would make every
start compile the game from source while Textual's are compiled already. So each child
may write and read byte-code in a cache folder of the benchmark's own, which the
benchmarks fill with an untimed warm-up run.

Peak memory is the child's peak resident set size (VmHWM in /proc/<pid>/status), read
just before the benchmark quits it. (ru_maxrss of a child is no use here: Linux carries
the forking parent's peak across exec, so every child would report the benchmark's own.)
"""

from __future__ import annotations

import fcntl
import os
import struct
import subprocess
import sys
import termios
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from tests.benchmarks.synthetic import scratch_dir

COLUMNS, LINES = 100, 30
CTRL_C = b"\x03"
FIRST_FRAME_TIMEOUT = 30.0
EXIT_TIMEOUT = 10.0


@dataclass(frozen=True, slots=True)
class TerminalRun:
    first_frame_ms: float
    peak_rss_mb: float


class _Screen:
    """Reads everything the program writes to the terminal, noting when the marker arrives.

    ``settled`` is set when the marker arrives, or when the program closes the terminal
    without ever showing it.
    """

    def __init__(self, master: int, marker: bytes) -> None:
        self.master = master
        self.marker = marker
        self.seen_at: float | None = None
        self.settled = threading.Event()
        self.output = bytearray()
        self.thread = threading.Thread(target=self._read, daemon=True)
        self.thread.start()

    def _read(self) -> None:
        try:
            self._read_until_closed()
        finally:
            self.settled.set()

    def _read_until_closed(self) -> None:
        while True:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:  # EIO once the program has closed its end
                return
            if not chunk:
                return
            now = time.time()
            tail_start = max(0, len(self.output) - len(self.marker))
            self.output.extend(chunk)
            if self.seen_at is None and self.marker in self.output[tail_start:]:
                self.seen_at = now
                self.settled.set()


def python_command(*arguments: str) -> list[str]:
    """The same interpreter as the benchmark, so both sides of a ratio start alike."""
    return [sys.executable, *arguments]


def run_in_terminal(
    command: list[str],
    marker: str,
    data_dir: Path,
    keys: tuple[bytes, ...] = (),
    key_gap: float = 0.05,
) -> TerminalRun:
    """Start ``command`` in a fresh terminal, wait for ``marker`` on screen, type ``keys``
    (one item at a time, ``key_gap`` seconds apart), then press Ctrl+C and wait for the exit.
    """
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", LINES, COLUMNS, 0, 0))
    environment = dict(
        os.environ,
        TERM="xterm-256color",
        QUIZ_DATA_DIR=str(data_dir),
        PYTHONPYCACHEPREFIX=str(scratch_dir() / "pycache"),
    )
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    screen = _Screen(master, marker.encode())
    started = time.time()
    process = subprocess.Popen(
        command,
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=environment,
        start_new_session=True,
    )
    os.close(slave)
    try:
        screen.settled.wait(FIRST_FRAME_TIMEOUT)
        seen_at = screen.seen_at
        if seen_at is None:
            raise RuntimeError(
                f"{' '.join(command)}: {marker!r} never reached the screen; it wrote "
                f"{bytes(screen.output[-400:])!r}"
            )
        for key in keys:
            time.sleep(key_gap)
            os.write(master, key)
        time.sleep(key_gap)
        peak_kb = _peak_rss_kb(process.pid)
        os.write(master, CTRL_C)
        try:
            process.wait(EXIT_TIMEOUT)
        except subprocess.TimeoutExpired:
            raise RuntimeError(f"{' '.join(command)} ignored Ctrl+C") from None
    finally:
        if process.returncode is None:
            process.kill()
            process.wait()
        screen.thread.join(EXIT_TIMEOUT)
        os.close(master)
    return TerminalRun((seen_at - started) * 1000, peak_kb / 1024)


def _peak_rss_kb(pid: int) -> int:
    status = Path(f"/proc/{pid}/status").read_text(encoding="ascii")
    line = next(line for line in status.splitlines() if line.startswith("VmHWM:"))
    return int(line.split()[1])  # "VmHWM:    123456 kB"
