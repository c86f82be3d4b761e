"""The real game in a pseudo-terminal: Ctrl+C and a closed terminal end it without a traceback."""

from __future__ import annotations

import fcntl
import os
import signal
import struct
import subprocess
import sys
import termios
import threading
import time
from pathlib import Path

import pytest

from quiz.storage.settings import load_settings
from tests.helpers.packs import PACK

WAIT_SECONDS = 30.0


class Terminal:
    """A 80x24 terminal running `quiz ARGS`, recording everything the game draws."""

    def __init__(self, data_dir: Path, *args: str, term: str = "xterm-256color") -> None:
        self.master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        self.process = subprocess.Popen(
            [sys.executable, "-m", "quiz", *args],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env={**os.environ, "TERM": term, "QUIZ_DATA_DIR": str(data_dir)},
            start_new_session=True,
        )
        os.close(slave)
        self.output = bytearray()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        while True:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:  # the game closed its side
                return
            if not chunk:
                return
            self.output.extend(chunk)

    def wait_for(self, text: str) -> None:
        deadline = time.monotonic() + WAIT_SECONDS
        while text.encode() not in self.output:
            assert self.process.poll() is None, bytes(self.output[-2000:])
            assert time.monotonic() < deadline, f"{text!r} never appeared"
            time.sleep(0.05)

    def type(self, keys: bytes) -> None:
        os.write(self.master, keys)

    def exit_code(self) -> int:
        code = self.process.wait(WAIT_SECONDS)
        self.reader.join(WAIT_SECONDS)
        os.close(self.master)
        return code


def test_ctrl_c_mid_round_quits_cleanly(pack_file: Path, data_dir: Path) -> None:
    terminal = Terminal(data_dir, "play", "--pack", str(pack_file), "--seed", "1")
    terminal.wait_for("Question 1 of 4")
    terminal.type(b"\x03")
    assert terminal.exit_code() == 0
    assert b"Traceback" not in terminal.output
    assert load_settings(data_dir, pytest.fail).packs == (str(pack_file),)


def test_a_closed_terminal_ends_the_game_without_a_traceback(
    pack_file: Path, data_dir: Path
) -> None:
    terminal = Terminal(data_dir, "play", "--pack", str(pack_file), "--seed", "1")
    terminal.wait_for("Question 1 of 4")
    os.killpg(terminal.process.pid, signal.SIGHUP)
    terminal.exit_code()
    assert b"Traceback" not in terminal.output
    assert load_settings(data_dir, pytest.fail).packs == (str(pack_file),)


def test_quiz_alone_opens_home_in_a_terminal(pack_file: Path, data_dir: Path) -> None:
    (data_dir / "packs").mkdir(parents=True)
    (data_dir / "packs" / "sample.yaml").write_bytes(PACK)
    terminal = Terminal(data_dir)
    terminal.wait_for("Test pack")
    terminal.type(b"\x03")
    assert terminal.exit_code() == 0
    assert b"Traceback" not in terminal.output


def test_sigterm_puts_the_terminal_back_as_it_was(pack_file: Path, data_dir: Path) -> None:
    """Out of the alternate screen and with mouse tracking off, as after Ctrl+Q: a `kill`
    must not leave the shell in a screen that swallows its output and its clicks."""
    terminal = Terminal(data_dir, "play", "--pack", str(pack_file), "--seed", "1")
    terminal.wait_for("Question 1 of 4")
    terminal.process.send_signal(signal.SIGTERM)
    assert terminal.exit_code() == 143
    output = bytes(terminal.output)
    assert b"Traceback" not in output
    assert output.rfind(b"\x1b[?1049l") > output.rfind(b"\x1b[?1049h") >= 0
    assert output.rfind(b"\x1b[?1000l") > output.rfind(b"\x1b[?1000h") >= 0


def test_a_dumb_terminal_plays_in_line_mode_and_says_so(pack_file: Path, data_dir: Path) -> None:
    """TERM=dumb (Emacs' shell) cannot show the app: the round is played as lines."""
    terminal = Terminal(data_dir, "play", "--pack", str(pack_file), "--seed", "1", term="dumb")
    terminal.wait_for("TERM=dumb cannot show the app, so playing in line mode (--plain)")
    terminal.wait_for("Question 1 of 4")
    terminal.type(b"q\n")
    assert terminal.exit_code() == 0
    assert b"Round stopped (quit)" in terminal.output
    assert b"\x1b[?1049h" not in terminal.output  # never the alternate screen
