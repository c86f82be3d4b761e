"""`quiz validate` and `quiz packs`, as a pack author uses them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from quiz.cli import main
from quiz.packs import library
from quiz.packs.library import INDEX_VERSION, scan_library
from quiz.storage.paths import shipped_packs_dir
from tests.helpers.cli import run_cli
from tests.helpers.files import write

GOOD = """pack: {id: mine, title: My pack, version: 2, time: 15}
questions:
  - {id: q1, type: number, prompt: How many?, answer: 010, tolerance: 1.5}
  - {id: q2, type: truefalse, prompt: Sure?, answer: True}
"""
BAD = """pack: {id: mine, title: My pack, version: 1}
questions:
  - {id: q1, type: choice, prompt: P, answer: A, wrong: [a]}
  - {id: q2, type: text, prompt: P, answer: A, tolerence: 1}
"""


def test_no_arguments_prints_help(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys)
    assert code == 0 and "validate" in out and "packs" in out


def test_validate_a_good_pack(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, "good.yaml", GOOD)
    assert run_cli(capsys, "validate", str(path)) == (
        0,
        f"{path}: ok, pack 'mine' with 2 questions\n",
        "",
    )


def test_validate_prints_every_problem_and_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = write(tmp_path, "bad.yaml", BAD)
    good = write(tmp_path, "good.yaml", GOOD)
    code, out, _ = run_cli(capsys, "validate", str(bad), str(good))
    assert code == 1
    assert out.splitlines() == [
        f"{bad}:3:58: 'a' in 'wrong' repeats the answer",
        f"{bad}:4:48: unknown key 'tolerence'; did you mean 'tolerance'?",
        f"{good}: ok, pack 'mine' with 2 questions",
    ]


def test_validate_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = write(tmp_path, "bad.yaml", BAD)
    code, out, _ = run_cli(capsys, "validate", "--json", str(bad))
    assert code == 1
    assert json.loads(out)[0] == {
        "path": str(bad),
        "line": 3,
        "column": 58,
        "message": "'a' in 'wrong' repeats the answer",
    }


def test_validate_a_folder_checks_every_pack_in_it(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "validate", str(shipped_packs_dir()))
    assert code == 0 and "tv-classics" in out


def test_validate_a_folder_without_packs_says_so_and_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "mine.yaml"  # a folder, whatever its name
    folder.mkdir()
    (folder / "notes.txt").write_text("not a pack", encoding="utf-8")
    code, out, _ = run_cli(capsys, "validate", str(folder))
    assert (code, out) == (1, f"{folder}:1:1: a folder with no pack files (.yaml or .yml) in it\n")
    write(folder, "LOUD.YAML", GOOD)
    code, out, _ = run_cli(capsys, "validate", str(folder))
    assert code == 0 and out.startswith(f"{folder / 'LOUD.YAML'}: ok")


@pytest.mark.parametrize("argv", [["validate"], ["nosuch"], ["packs", "show"], ["--bogus"]])
def test_usage_errors_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(argv)
    assert caught.value.code == 2
    assert "usage: quiz" in capsys.readouterr().err


def test_packs_lists_shipped_and_user_packs(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(data_dir / "packs", "mine.yaml", GOOD)
    code, out, err = run_cli(capsys, "packs")
    assert code == 0 and err == ""
    rows = {line.split()[0]: line for line in out.splitlines() if line}
    assert rows["ID"].split() == ["ID", "TITLE", "QUESTIONS", "PATH"]
    assert rows["tv-classics"].split()[-2:] == ["12", str(shipped_packs_dir() / "tv-classics.yaml")]
    assert "TV Classics" in rows["tv-classics"]
    assert str(data_dir / "packs" / "mine.yaml") in rows["mine"]
    assert f"Your own packs go in {data_dir / 'packs'}" in out


def test_two_packs_with_one_id_name_both_files(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = write(data_dir / "packs", "mine.yaml", GOOD)
    second = write(tmp_path, "copy.yaml", GOOD)
    code, _, err = run_cli(capsys, "packs", "--pack", str(second))
    assert code == 1
    assert f"{second}:1:1: pack id 'mine' is also used by {first}" in err


def test_a_broken_user_pack_is_reported_not_fatal(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = write(data_dir / "packs", "broken.yaml", "pack: [\n")
    code, out, err = run_cli(capsys, "packs")
    assert code == 1 and "tv-classics" in out
    assert f"{broken}:2:1: YAML syntax error" in err


def test_packs_show_json_is_the_pack_as_played(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, "good.yaml", GOOD)
    code, out, _ = run_cli(capsys, "packs", "show", str(path), "--json")
    assert code == 0
    shown = json.loads(out)
    assert shown["pack"] == {"id": "mine", "title": "My pack", "version": 2, "time": 15}
    assert shown["questions"][0]["answer"] == "010"
    assert shown["questions"][0]["tolerance"] == 1.5
    assert shown["questions"][1]["answer"] == "True"


def test_packs_show_by_id_and_unknown_id(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "packs", "show", "tv-classics", "--json")
    assert code == 0 and json.loads(out)["pack"]["id"] == "tv-classics"
    code, out, err = run_cli(capsys, "packs", "show", "no-such-pack")
    # An error, so on stderr: stdout carries only the pack shown.
    assert code == 1 and out == "" and err.startswith("no-such-pack:1:1: no installed pack has")


def test_the_library_index_skips_unchanged_packs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "packs"
    path = write(folder, "mine.yaml", GOOD)
    index = tmp_path / "index.json"
    first = scan_library([folder], [], index)
    assert [(p.id, p.question_count) for p in first.packs] == [("mine", 2)]

    def must_not_load(path: Path, cache_dir: Path | None) -> None:
        raise AssertionError("an unchanged pack was loaded again")

    monkeypatch.setattr(library, "load_cached", must_not_load)
    assert scan_library([folder], [], index).packs == first.packs

    monkeypatch.undo()
    path.write_text(GOOD.replace("My pack", "Renamed pack"), encoding="utf-8")
    assert scan_library([folder], [], index).packs[0].title == "Renamed pack"


def test_the_library_index_sees_a_pack_copied_in_with_its_old_size_and_time(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "packs"
    path = write(folder, "mine.yaml", GOOD)
    index = tmp_path / "index.json"
    assert scan_library([folder], [], index).packs[0].title == "My pack"
    old = path.stat()
    copy = write(tmp_path, "copy.yaml", GOOD.replace("My pack", "My book"))
    os.utime(copy, ns=(old.st_atime_ns, old.st_mtime_ns))
    os.replace(copy, path)  # as `cp -p`, `rsync -t` or unpacking an archive leave it
    assert scan_library([folder], [], index).packs[0].title == "My book"


def test_the_library_index_of_another_loader_is_not_trusted(tmp_path: Path) -> None:
    folder = tmp_path / "packs"
    path = write(folder, "mine.yaml", BAD)
    index = tmp_path / "index.json"
    assert scan_library([folder], [], index).problems
    # As an older game left it: the same file, summarised as sound by a laxer loader.
    write(tmp_path, "good.yaml", GOOD)
    trusting = json.loads(index.read_text(encoding="utf-8"))
    scan_library([tmp_path / "x"], [tmp_path / "good.yaml"], index)
    summary = json.loads(index.read_text(encoding="utf-8"))["packs"]
    entry = next(iter(summary.values()))
    stat = path.stat()
    entry["stamp"] = {
        "inode": stat.st_ino,
        "size": stat.st_size,
        "mtime_ns": stat.st_mtime_ns,
        "ctime_ns": stat.st_ctime_ns,
    }
    entry["summary"]["path"] = str(path)
    trusting["packs"] = {str(path.resolve()): entry}
    trusting["loader"] = [0]
    index.write_text(json.dumps(trusting), encoding="utf-8")
    library = scan_library([folder], [], index)
    assert library.packs == [] and library.problems


def test_a_pack_file_that_is_a_symlink_loop_is_reported_not_a_crash(tmp_path: Path) -> None:
    folder = tmp_path / "packs"
    folder.mkdir()
    (folder / "loop.yaml").symlink_to("loop.yaml")
    write(folder, "mine.yaml", GOOD)
    library = scan_library([folder], [], tmp_path / "index.json")
    assert [pack.id for pack in library.packs] == ["mine"]
    assert [str(problem) for problem in library.problems] == [
        f"{folder / 'loop.yaml'}:1:1: cannot read file: Too many levels of symbolic links"
    ]


def test_a_damaged_index_is_rebuilt(tmp_path: Path) -> None:
    folder = tmp_path / "packs"
    write(folder, "mine.yaml", GOOD)
    index = tmp_path / "index.json"
    index.write_text("{not json", encoding="utf-8")
    assert [p.id for p in scan_library([folder], [], index).packs] == ["mine"]
    assert json.loads(index.read_text(encoding="utf-8"))["version"] == INDEX_VERSION


def test_the_command_runs_as_a_program(tmp_path: Path) -> None:
    bad = write(tmp_path, "bad.yaml", BAD)
    result = subprocess.run(
        [sys.executable, "-m", "quiz", "validate", str(bad)], capture_output=True, text=True
    )
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stdout.startswith(f"{bad}:3:58: ")
