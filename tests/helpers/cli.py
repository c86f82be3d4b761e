"""Running `quiz` in-process, as a test would type it."""

from __future__ import annotations

import pytest

from quiz.cli import main


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """``quiz ARGV...`` through quiz.cli.main: its exit code, stdout and stderr."""
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err
