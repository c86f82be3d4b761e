"""quiz scores: leaderboard tables, JSON, history, CSV export and filters, through quiz.cli.main."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from quiz.cli import main
from quiz.scores import ScoreStore, scores_path
from tests.helpers.cli import run_cli
from tests.helpers.scores import START, make_record
from tests.helpers.timezone import local_time_zone


@pytest.fixture(autouse=True)
def utc_clock() -> Iterator[None]:
    """Local time is UTC here, so the times in tables are the same on every machine."""
    with local_time_zone("UTC"):
        yield


@pytest.fixture
def played(data_dir: Path) -> Path:
    """Three rounds on the tv classic board, one sudden-death round on tv + world."""
    store = ScoreStore.open(data_dir, pytest.fail)
    store.record_many(
        [
            make_record(player="Ann", score=900, played_at=START),
            make_record(player="李小龍", score=1200, played_at=START + timedelta(hours=1)),
            make_record(player="Bob", score=900, played_at=START + timedelta(hours=2)),
            make_record(
                player="Cy",
                score=400,
                mode="sudden-death",
                questions=31,
                seconds=15.0,
                packs=(("tv", 1), ("world", 2)),
                played_at=START + timedelta(days=1),
            ),
        ]
    )
    store.close()
    return data_dir


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """``quiz scores ARGV...``."""
    return run_cli(capsys, "scores", *argv)


def test_with_no_rounds_it_says_so_and_creates_nothing(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    for argv in ([], ["--history"]):
        assert run(capsys, *argv) == (
            0,
            "No rounds recorded yet: finish a classic or sudden-death round.\n",
            "",
        )
    assert not data_dir.exists()
    code, out, _ = run(capsys, "--json")
    assert (code, json.loads(out)) == (0, [])


def test_a_table_per_board_best_first_ties_to_the_earlier_round(
    capsys: pytest.CaptureFixture[str], played: Path
) -> None:
    code, out, err = run(capsys)
    assert (code, err) == (0, "")
    assert out == (
        "tv · classic · 10 × 20 s\n"
        "RANK  PLAYER  SCORE  RIGHT  STREAK  WHEN\n"
        "1     李小龍  1200   6/10   3       2025-03-01 13:00\n"
        "2     Ann     900    6/10   3       2025-03-01 12:00\n"
        "3     Bob     900    6/10   3       2025-03-01 14:00\n"
        "\n"
        "tv + world · sudden-death · up to 31 × 15 s\n"
        "RANK  PLAYER  SCORE  RIGHT  STREAK  WHEN\n"
        "1     Cy      400    6      3       2025-03-02 12:00\n"  # sudden death: no pool size
    )


def test_limit_shortens_each_leaderboard(capsys: pytest.CaptureFixture[str], played: Path) -> None:
    _, out, _ = run(capsys, "--limit", "1")
    assert "李小龍" in out and "Ann" not in out and "Cy" in out


@pytest.mark.parametrize(
    ("filters", "boards"),
    [
        (["--pack", "world"], ["tv + world"]),
        (["--pack", "tv"], ["tv", "tv + world"]),
        (["--pack", "tv", "--pack", "world"], ["tv + world"]),
        (["--mode", "classic"], ["tv"]),
        (["--questions", "31"], ["tv + world"]),
        (["--time", "20"], ["tv"]),
        (["--mode", "classic", "--time", "15"], []),
    ],
)
def test_filters_pick_boards(
    capsys: pytest.CaptureFixture[str], played: Path, filters: list[str], boards: list[str]
) -> None:
    code, out, _ = run(capsys, "--json", *filters)
    assert code == 0
    assert [" + ".join(board["packs"]) for board in json.loads(out)] == boards
    _, out, _ = run(capsys, *filters)
    if not boards:
        assert out == "No recorded round matches these filters.\n"


@pytest.mark.parametrize("history", [[], ["--history"]])
def test_a_pack_id_never_played_is_named_with_the_ids_that_were(
    capsys: pytest.CaptureFixture[str], played: Path, history: list[str]
) -> None:
    code, out, _ = run(capsys, *history, "--pack", "tv", "--pack", "tv-classics")
    assert code == 0
    assert out == (
        "No recorded round is of a pack with the id 'tv-classics'; "
        "rounds were played with tv, world.\n"
    )


def test_json_gives_every_board_with_its_ranked_entries(
    capsys: pytest.CaptureFixture[str], played: Path
) -> None:
    code, out, _ = run(capsys, "--json")
    assert code == 0
    tv, mixed = json.loads(out)
    assert {key: tv[key] for key in ("packs", "mode", "questions", "seconds")} == {
        "packs": ["tv"],
        "mode": "classic",
        "questions": 10,
        "seconds": 20.0,
    }
    assert [(e["rank"], e["player"], e["score"]) for e in tv["entries"]] == [
        (1, "李小龍", 1200),
        (2, "Ann", 900),
        (3, "Bob", 900),
    ]
    assert tv["entries"][1] == {
        "rank": 2,
        "player": "Ann",
        "score": 900,
        "correct": 6,
        "questions": 10,
        "best_streak": 3,
        "duration": 95.5,
        "seed": 7,
        "played_at": "2025-03-01T12:00:00Z",
    }
    assert mixed["packs"] == ["tv", "world"] and mixed["mode"] == "sudden-death"


def test_history_lists_rounds_newest_first(
    capsys: pytest.CaptureFixture[str], played: Path
) -> None:
    code, out, _ = run(capsys, "--history")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == [
        "WHEN",
        "PLAYER",
        "PACKS",
        "MODE",
        "ROUND",
        "SCORE",
        "RIGHT",
        "STREAK",
        "SEED",
    ]
    assert [line.split()[2] for line in lines[1:]] == ["Cy", "Bob", "李小龍", "Ann"]
    assert "tv + world  sudden-death  up to 31 × 15 s  400" in lines[1]
    _, out, _ = run(capsys, "--history", "--limit", "2", "--mode", "classic")
    assert [line.split()[2] for line in out.splitlines()[1:]] == ["Bob", "李小龍"]


def test_history_as_json_has_every_field(capsys: pytest.CaptureFixture[str], played: Path) -> None:
    _, out, _ = run(capsys, "--history", "--json")
    rounds = json.loads(out)
    assert [item["player"] for item in rounds] == ["Cy", "Bob", "李小龍", "Ann"]
    assert rounds[0] == {
        "played_at": "2025-03-02T12:00:00Z",
        "player": "Cy",
        "packs": [{"id": "tv", "version": 1}, {"id": "world", "version": 2}],
        "mode": "sudden-death",
        "questions": 31,
        "seconds": 15.0,
        "seed": 7,
        "score": 400,
        "correct": 6,
        "best_streak": 3,
        "duration": 95.5,
        "game_version": "0.1.0",
    }


def test_export_writes_every_round_as_csv_that_reads_back(
    capsys: pytest.CaptureFixture[str], played: Path, tmp_path: Path
) -> None:
    target = tmp_path / "rounds.csv"
    code, out, err = run(capsys, "--export", str(target))
    assert (code, out, err) == (0, f"Exported 4 rounds to {target}\n", "")
    with target.open(encoding="utf-8", newline="") as exported:
        rows = list(csv.DictReader(exported))
    assert [row["player"] for row in rows] == ["Cy", "Bob", "李小龍", "Ann"]
    assert rows[0] == {
        "played_at": "2025-03-02T12:00:00Z",
        "player": "Cy",
        "packs": "tv@1 world@2",
        "mode": "sudden-death",
        "questions": "31",
        "seconds": "15.0",
        "seed": "7",
        "score": "400",
        "correct": "6",
        "best_streak": "3",
        "duration": "95.5",
        "game_version": "0.1.0",
    }
    assert run(capsys, "--export", str(target), "--mode", "classic")[0] == 1  # it exists
    run(capsys, "--export", str(target), "--mode", "classic", "--force")
    with target.open(encoding="utf-8", newline="") as exported:
        assert len(list(csv.DictReader(exported))) == 3


def test_export_keeps_awkward_names_and_defuses_spreadsheet_formulas(
    capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path
) -> None:
    names = ['say "hi", ok', "two\nlines", "=HYPERLINK(1)", "-5", "@sum", "plain"]
    store = ScoreStore.open(data_dir, pytest.fail)
    store.record_many(make_record(player=name) for name in names)
    store.close()
    target = tmp_path / "rounds.csv"
    assert run(capsys, "--export", str(target))[0] == 0
    with target.open(encoding="utf-8", newline="") as exported:
        players = {row["player"] for row in csv.DictReader(exported)}
    assert players == {'say "hi", ok', "two\nlines", "'=HYPERLINK(1)", "'-5", "'@sum", "plain"}


def test_export_into_a_folder_that_does_not_exist_makes_it(
    capsys: pytest.CaptureFixture[str], played: Path, tmp_path: Path
) -> None:
    """As `quiz export --out` and `quiz import --out` do."""
    target = tmp_path / "missing" / "rounds.csv"
    code, out, err = run(capsys, "--export", str(target))
    assert (code, out, err) == (0, f"Exported 4 rounds to {target}\n", "")
    assert target.is_file()


def test_export_under_a_file_fails_in_one_line(
    capsys: pytest.CaptureFixture[str], played: Path, tmp_path: Path
) -> None:
    (tmp_path / "file").write_text("not a folder", encoding="utf-8")
    target = tmp_path / "file" / "rounds.csv"
    code, out, err = run(capsys, "--export", str(target))
    assert (code, out) == (1, "")
    assert err == f"{tmp_path / 'file'}:1: is a file, not a folder: cannot write in it\n"


def test_export_never_replaces_a_file_without_force(
    capsys: pytest.CaptureFixture[str], played: Path, tmp_path: Path
) -> None:
    target = tmp_path / "rounds.csv"
    target.write_text("mine", encoding="utf-8")
    code, out, err = run(capsys, "--export", str(target))
    assert (code, out, err) == (1, "", f"{target}:1: already exists; add --force to replace it\n")
    assert target.read_text(encoding="utf-8") == "mine"
    assert run(capsys, "--export", str(target), "--force")[0] == 0
    assert target.read_text(encoding="utf-8").startswith("played_at,player,")


def test_export_and_json_do_not_go_together(
    capsys: pytest.CaptureFixture[str], played: Path, tmp_path: Path
) -> None:
    code, out, err = run(capsys, "--export", str(tmp_path / "x.csv"), "--json")
    assert (code, out) == (2, "")
    assert "--json does not apply" in err
    with pytest.raises(SystemExit) as exit_:
        main(["scores", "--history", "--export", str(tmp_path / "x.csv")])
    assert exit_.value.code == 2


def test_names_with_control_characters_and_markup_show_as_plain_text(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    name = "[red]x[/]\x1b[2J\u202e\x9b!"
    store = ScoreStore.open(data_dir, pytest.fail)
    store.record(make_record(player=name))
    store.close()
    for argv in ([], ["--history"], ["--json"], ["--history", "--json"]):
        _, out, _ = run(capsys, *argv)
        assert not any(char in out for char in "\x1b\u202e\x9b"), argv
    _, out, _ = run(capsys)
    assert "[red]x[/]\\u001b[2J\\u202e\\u009b!" in out
    _, out, _ = run(capsys, "--json")
    assert json.loads(out)[0]["entries"][0]["player"] == name


def test_a_damaged_score_file_is_reported_and_set_aside(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    data_dir.mkdir()
    scores_path(data_dir).write_text("not a database")
    code, out, err = run(capsys)
    assert code == 0
    assert out == "No rounds recorded yet: finish a classic or sudden-death round.\n"
    assert "moved it to scores.sqlite3.corrupt-" in err and err.count("\n") == 1
    [aside] = data_dir.glob("scores.sqlite3.corrupt-*")
    assert aside.read_text() == "not a database"


def test_data_dir_option_chooses_the_store(
    capsys: pytest.CaptureFixture[str], played: Path, tmp_path: Path
) -> None:
    assert "李小龍" in run(capsys, "--data-dir", str(played))[1]
    other = tmp_path / "elsewhere"
    assert "No rounds recorded yet" in run(capsys, "--data-dir", str(other))[1]
