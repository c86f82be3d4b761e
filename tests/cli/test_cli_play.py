"""`quiz play` options: what it refuses, and how it says so, before any round starts."""

from __future__ import annotations

import io
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from quiz import session
from quiz.cli import main
from quiz.core import limits
from quiz.core.model import MAX_SECONDS
from tests.helpers.packs import PACK


def test_the_cli_offers_the_engines_modes_without_importing_the_engine() -> None:
    """`quiz --help` reads the modes and limits from quiz.core.limits, the one copy the
    engine uses too, so the two cannot disagree and start-up loads no engine."""
    code = (
        "import sys\n"
        "from quiz.cli import build_parser\n"
        "parser = build_parser()\n"
        "play = parser._subparsers._group_actions[0].choices['play']\n"
        "[mode] = [a for a in play._actions if a.dest == 'mode']\n"
        "print(','.join(mode.choices))\n"
        "print(','.join(sorted(m for m in sys.modules if m.startswith(('quiz.session', 'yaml')))))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    choices, engine = result.stdout.splitlines()
    assert choices.split(",") == [mode.value for mode in session.Mode]
    assert engine == ""
    assert session.LONGEST_SECONDS == limits.LONGEST_SECONDS == float(MAX_SECONDS)
    assert session.DEFAULT_QUESTIONS == limits.DEFAULT_QUESTIONS


FROM_1_TO_1000 = "must be a whole number from 1 to 1000"  # as Home takes it


@pytest.mark.parametrize(
    ("arguments", "complaint"),
    [
        (["--questions", "0"], f"argument --questions: {FROM_1_TO_1000}, not '0'"),
        (["--questions", "9" * 19], f"argument --questions: {FROM_1_TO_1000}, not '{'9' * 19}'"),
        (["--time", "nan"], "argument --time: must be a number of seconds from 1 to 3600"),
        (["--time", "-3"], "argument --time: must be a number of seconds from 1 to 3600"),
        (["--time", "1e-300"], "argument --time: must be a number of seconds from 1 to 3600"),
        (["--seed", "x"], "argument --seed: must be a whole number from 0"),
        (["--player", "   "], "argument --player: must be 1 to 24 characters"),
        (["--mode", "blitz"], "argument --mode: invalid choice: 'blitz'"),
    ],
)
def test_bad_options_are_usage_errors(
    arguments: list[str], complaint: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["play", "--plain", *arguments])
    assert exit_.value.code == 2
    assert complaint in capsys.readouterr().err


def test_sudden_death_takes_no_question_count(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["play", "--plain", "--mode", "sudden-death", "--questions", "3"]) == 2
    assert "--questions does not apply to sudden-death" in capsys.readouterr().err


def test_a_broken_pack_is_named_with_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text(
        "pack: {id: x, title: X, version: 1}\nquestions:\n  - id: a\n    type: nope\n"
    )
    assert main(["play", "--plain", "--pack", str(broken)]) == 1
    err = capsys.readouterr().err
    assert f"{broken}:4:" in err
    assert "Traceback" not in err


def test_an_unknown_pack_id_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["play", "--plain", "--pack", "no-such-pack"]) == 1
    assert "no-such-pack" in capsys.readouterr().err


def test_the_round_played_is_remembered_for_home(
    pack_file: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from quiz.storage.settings import load_settings

    pack = pack_file
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    arguments = ["play", "--plain", "--pack", str(pack), "--questions", "3", "--time", "15"]
    assert main([*arguments, "--player", "Ada"]) == 0
    remembered = load_settings(data_dir, pytest.fail)
    assert remembered.packs == (str(pack),)
    assert (remembered.questions, remembered.seconds, remembered.player) == (3, 15.0, "Ada")


def test_a_round_that_does_not_set_the_time_or_mode_keeps_home_s(
    pack_file: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from quiz.session import Mode
    from quiz.storage.settings import load_settings

    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    arguments = ["play", "--plain", "--pack", str(pack_file)]
    assert main([*arguments, "--time", "30", "--mode", "practice"]) == 0
    assert main(arguments) == 0
    remembered = load_settings(data_dir, pytest.fail)
    assert (remembered.seconds, remembered.mode) == (30.0, Mode.PRACTICE)


def test_the_replay_command_names_a_pack_file_by_its_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    mine = tmp_path / "my packs" / "mine.yaml"  # not installed: only its path finds it
    mine.parent.mkdir()
    mine.write_bytes(PACK)
    monkeypatch.chdir(mine.parent)

    def play_round(*arguments: str) -> tuple[list[str], str]:
        monkeypatch.setattr("sys.stdin", io.StringIO("s\n" * 3))
        assert main([*arguments, "--plain", "--data-dir", str(tmp_path / "data")]) == 0
        out = capsys.readouterr().out
        prompts = [line for line in out.splitlines() if line.endswith(("?", "exactly"))]
        return prompts, out.split("play this round again with: ", 1)[1].splitlines()[0]

    asked, replay = play_round(
        "play", "--pack", "mine.yaml", "--pack", "tv-classics", "--questions", "3", "--seed", "5"
    )
    assert asked and f"--pack {shlex.quote(str(mine))} --pack tv-classics" in replay
    monkeypatch.chdir(tmp_path)  # the command works from any folder
    assert play_round(*shlex.split(replay)[1:]) == (asked, replay)


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_pack_file_named_relatively_reaches_the_app_as_an_absolute_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "mine.yaml").write_bytes(PACK)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("sys.stdin", Terminal())
    monkeypatch.setattr("sys.stdout", Terminal())
    started: dict[str, object] = {}

    def run_app(folder: Path, start: object, player: str, extra_packs: tuple[Path, ...]) -> int:
        started["extra_packs"] = extra_packs
        return 0

    monkeypatch.setattr("quiz.tui.app.run_app", run_app)
    assert main(["play", "--pack", "mine.yaml", "--data-dir", str(tmp_path / "data")]) == 0
    assert started["extra_packs"] == (tmp_path / "mine.yaml",)  # as Home remembers it


def test_no_spoilers_is_remembered_until_spoilers_asks_them_again(
    pack_file: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from quiz.storage.settings import load_settings

    arguments = ["play", "--plain", "--pack", str(pack_file)]
    remembered = []
    for flags in (["--no-spoilers"], [], ["--spoilers"], []):
        monkeypatch.setattr("sys.stdin", io.StringIO(""))
        assert main([*arguments, *flags]) == 0
        remembered.append(load_settings(data_dir, pytest.fail).spoilers)
    assert remembered == [False, False, True, True]
