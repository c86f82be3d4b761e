"""The replay command, broken into lines for the screen, runs in a shell as it was."""

from __future__ import annotations

import shlex
import subprocess

from hypothesis import example, given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from quiz.tui.shellwrap import wrap_command

# Pack paths as players name them: spaces, quotes, dollars, wide characters, long folders.
path_text = st.text(
    alphabet=st.sampled_from(list("abc xyz/'\"$`\\-.日本")), min_size=1, max_size=120
)


def as_the_shell_reads_it(text: str) -> list[str]:
    script = "words() { printf '%s\\0' \"$@\"; }; words " + text.removeprefix("quiz ")
    ran = subprocess.run(["sh", "-c", script], capture_output=True, check=True)
    return ran.stdout.decode().split("\0")[:-1]


@settings(max_examples=60, deadline=None)
@given(paths=st.lists(path_text, min_size=1, max_size=3), width=st.integers(20, 140))
@example(paths=["/tmp/n2 a very long folder name with many spaces/tv pack.yaml"], width=60)
@example(paths=["/tmp/日本語のフォルダ名前/パック番組.yaml"], width=40)
def test_every_line_fits_and_the_shell_reads_the_command_back(paths: list[str], width: int) -> None:
    words = ["quiz", "play"]
    for path in paths:
        words += ["--pack", path]
    words += ["--questions", "10", "--seed", "123456"]
    wrapped = wrap_command(shlex.join(words), width)
    assert all(cell_len(line) <= width for line in wrapped.splitlines())
    assert as_the_shell_reads_it(wrapped) == words[1:]


def test_a_command_that_fits_is_one_line_and_breaks_keep_options_with_values() -> None:
    command = "quiz play --pack tv-classics --questions 3 --time 20 --mode classic --seed 7"
    assert wrap_command(command, 100) == command
    assert wrap_command(command, 50) == (
        "quiz play --pack tv-classics --questions 3 \\\n  --time 20 --mode classic --seed 7"
    )
