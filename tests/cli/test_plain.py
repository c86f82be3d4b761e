"""Line mode: `quiz play --plain`, driven through a real process with piped input."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from quiz.core.model import QuestionType
from quiz.packs.loader import load_pack
from quiz.plain import HOW_TO_ANSWER, run_plain
from quiz.scores import ScoreStore
from quiz.session import Mode, QuestionView, RoundSettings
from quiz.session.draw import draw_questions

SEED = 7


def right_answer(view: QuestionView) -> str:
    if view.choices:
        return str(view.answer_index + 1)
    return view.question.answer


def wrong_answer(view: QuestionView) -> str:
    if view.choices:
        return str((view.answer_index + 1) % len(view.choices) + 1)
    return "99" if view.question.answer != "99" else "98"


def views(pack_file: Path, mode: Mode = Mode.CLASSIC) -> tuple[QuestionView, ...]:
    pack = load_pack(pack_file)
    return draw_questions(RoundSettings((pack,), questions=4, seconds=20, mode=mode, seed=SEED))


def play(
    pack_file: Path, data_dir: Path, answers: list[str], *extra: str
) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "quiz", "play", "--plain", "--pack", str(pack_file)]
    command += ["--seed", str(SEED), "--questions", "4", "--player", "Ada", *extra]
    return subprocess.run(
        command,
        input="".join(f"{answer}\n" for answer in answers),
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "QUIZ_DATA_DIR": str(data_dir)},
    )


def recorded_players(data_dir: Path) -> list[str]:
    store = ScoreStore.open(data_dir, warn=pytest.fail)
    try:
        return [record.player for record in store.history()]
    finally:
        store.close()


def test_a_round_answered_right_scores_and_is_recorded(pack_file: Path, data_dir: Path) -> None:
    answers = [right_answer(view) for view in views(pack_file)]
    played = play(pack_file, data_dir, answers)
    assert played.returncode == 0, played.stderr
    out = played.stdout
    assert "Question 1 of 4" in out and "Question 4 of 4" in out
    assert out.count("Right!") == 4
    assert "Round over." in out
    assert "4 of 4 right (100%)" in out
    assert "Best streak 4" in out
    assert "Recorded for Ada" in out
    assert "Traceback" not in played.stderr
    assert recorded_players(data_dir) == ["Ada"]


def test_pack_text_is_printed_as_written_and_evidence_follows(
    pack_file: Path, data_dir: Path
) -> None:
    answers = [right_answer(view) for view in views(pack_file)]
    out = play(pack_file, data_dir, answers).stdout
    assert "[bold]Type[/] [@click=app.quit]x[/] exactly" in out
    assert "Evidence: Paris is the capital of France." in out
    assert "Source: the test article" in out


def test_escape_sequences_typed_by_the_player_are_shown_not_obeyed(
    pack_file: Path, data_dir: Path
) -> None:
    drawn = views(pack_file)
    typed = next(view for view in drawn if view.type is QuestionType.TEXT)
    answers = ["\x1b[31mred" if view is typed else right_answer(view) for view in drawn]
    played = play(pack_file, data_dir, answers, "--player", "=X\x1b[2Jname")
    assert "\x1b" not in played.stdout
    assert "you answered \\u001b[31mred." in played.stdout
    assert "Recorded for =X\\u001b[2Jname." in played.stdout


def test_wrong_and_skipped_answers_say_the_right_one(pack_file: Path, data_dir: Path) -> None:
    drawn = views(pack_file)
    answers = [wrong_answer(drawn[0]), "s", *(right_answer(view) for view in drawn[2:])]
    out = play(pack_file, data_dir, answers).stdout
    assert "Wrong: you answered" in out
    assert "Skipped. The answer is" in out
    assert "2 of 4 right (50%)" in out


def test_end_of_input_ends_the_round_and_it_is_not_recorded(
    pack_file: Path, data_dir: Path
) -> None:
    first = views(pack_file)[0]
    played = play(pack_file, data_dir, [right_answer(first)])
    assert played.returncode == 0
    assert "Round stopped (end of input) after 1 of 4 questions." in played.stdout
    assert "Only finished rounds are recorded" in played.stdout
    assert "Traceback" not in played.stderr
    assert recorded_players(data_dir) == []


def test_quit_and_not_an_answer(pack_file: Path, data_dir: Path) -> None:
    drawn = views(pack_file)
    nonsense = "9" if drawn[0].choices else ""
    out = play(pack_file, data_dir, [nonsense or "s", "q"]).stdout
    if nonsense:
        assert "Not an answer" in out
    assert "Round stopped (quit)" in out


def test_practice_is_never_recorded(pack_file: Path, data_dir: Path) -> None:
    answers = [right_answer(view) for view in views(pack_file, Mode.PRACTICE)]
    out = play(pack_file, data_dir, answers, "--mode", "practice").stdout
    assert "Round over." in out
    assert "Practice rounds keep no high score." in out
    assert recorded_players(data_dir) == []


def test_without_a_terminal_play_falls_back_to_line_mode(pack_file: Path, data_dir: Path) -> None:
    command = [sys.executable, "-m", "quiz", "play", "--pack", str(pack_file), "--seed", "1"]
    played = subprocess.run(
        command,
        input="",
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "QUIZ_DATA_DIR": str(data_dir)},
    )
    assert played.returncode == 0
    assert "not a terminal, so playing in line mode" in played.stderr
    assert "Question 1 of" in played.stdout


class ClockedInput(io.StringIO):
    """Answers that take the player `seconds` each to type, on a clock the test owns."""

    def __init__(self, answers: list[str], seconds: float) -> None:
        super().__init__("".join(f"{answer}\n" for answer in answers))
        self.now = 0.0
        self.seconds = seconds

    def clock(self) -> float:
        return self.now

    def readline(self, size: int | None = -1) -> str:
        self.now += self.seconds
        return super().readline(size)


def test_an_answer_after_the_deadline_counts_as_timed_out(pack_file: Path, data_dir: Path) -> None:
    drawn = views(pack_file)
    answers = ClockedInput([right_answer(view) for view in drawn], seconds=25)
    out = io.StringIO()
    settings = RoundSettings(
        (load_pack(pack_file),), questions=4, seconds=20, mode=Mode.CLASSIC, seed=SEED
    )
    code = run_plain(
        settings,
        player="Ada",
        folder=data_dir,
        warn=print,
        stdin=answers,
        stdout=out,
        clock=answers.clock,
    )
    assert code == 0
    text = out.getvalue()
    assert text.count("Time's up: 25.0 of 20 seconds had passed.") == 4
    assert "Score 0." in text


def test_feedback_lists_the_other_accepted_answers(data_dir: Path) -> None:
    from quiz.core.model import Pack, Question, QuestionType
    from quiz.plain import Lines, show_result
    from quiz.session import Round

    lead = Question(
        id="lead",
        type=QuestionType.TEXT,
        prompt="Name one of the two leads.",
        answer="Ann Lee",
        accept=("Bo Diaz",),
    )
    game = Round(RoundSettings((Pack(id="p", title="P", version=1, questions=(lead,)),)))
    out = io.StringIO()
    show_result(game, game.answer("Bo Diaz"), Lines(io.StringIO(), out))
    assert "Also accepted: Bo Diaz." in out.getvalue()


@pytest.mark.parametrize(
    ("times", "mode", "said"),
    [
        ((None, None), Mode.CLASSIC, "20 seconds per question"),
        ((30, None), Mode.CLASSIC, "20 to 30 seconds per question"),
        ((30, 30), Mode.CLASSIC, "30 seconds per question"),
        ((30, None), Mode.PRACTICE, "no time limit"),
    ],
)
def test_the_round_says_the_time_its_questions_have(
    times: tuple[int | None, int | None], mode: Mode, said: str
) -> None:
    from quiz.core.model import Pack, Question
    from quiz.plain import Lines, introduce
    from quiz.session import Round

    questions = tuple(
        Question(
            id=f"q{n}",
            type=QuestionType.TEXT,
            prompt="?",
            answer="x",
            time=None if time is None else Decimal(time),
        )
        for n, time in enumerate(times)
    )
    pack = Pack(id="p", title="P", version=1, questions=questions)
    out = io.StringIO()
    introduce(Round(RoundSettings((pack,), seconds=20, mode=mode)), Lines(io.StringIO(), out))
    assert f"2 questions, {said}." in out.getvalue()


def test_an_answer_that_is_the_skip_letter_is_typed_with_a_dot(data_dir: Path) -> None:
    from quiz.core.model import Pack, Question
    from quiz.plain import Lines, play
    from quiz.session import Outcome, Round

    letter = Question(id="s", type=QuestionType.TEXT, prompt="Which letter?", answer="S")
    game = Round(RoundSettings((Pack(id="p", title="P", version=1, questions=(letter,)),)))
    out = io.StringIO()
    assert play(game, Lines(io.StringIO("s.\n"), out)) is None
    assert game.results[0].outcome is Outcome.CORRECT
    assert "s. or q. answers s or q" in HOW_TO_ANSWER


def test_line_mode_says_a_pack_has_spoilers_and_no_spoilers_leaves_them_out(
    tmp_path: Path, data_dir: Path
) -> None:
    pack_file = tmp_path / "twists.yaml"
    pack_file.write_text(
        """pack: {id: twists, title: Twists, version: 1}
questions:
  - {id: killer, type: text, prompt: Who did it?, answer: the butler, spoiler: true}
  - {id: place, type: text, prompt: Where was it?, answer: the garden}
""",
        encoding="utf-8",
    )
    played = play(pack_file, data_dir, ["the butler", "the garden"], "--mode", "practice")
    assert played.returncode == 0, played.stderr
    assert "Spoilers ahead: Twists has questions that name twists of the story" in played.stdout
    assert "Practice round: 2 questions" in played.stdout
    played = play(pack_file, data_dir, ["the garden"], "--mode", "practice", "--no-spoilers")
    assert played.returncode == 0, played.stderr
    assert "No spoilers: the questions marked as spoilers in Twists are left out." in played.stdout
    assert "Practice round: 1 question," in played.stdout and "Who did it?" not in played.stdout
    assert "--no-spoilers" in played.stdout  # in the replay command


def test_answers_that_end_a_sentence_get_no_second_full_stop(
    tmp_path: Path, data_dir: Path
) -> None:
    pack = tmp_path / "dots.yaml"
    pack.write_text(
        "pack: {id: dots, title: Dots, version: 1}\nquestions:\n"
        "  - {id: film, type: text, prompt: 'Which film came first?', answer: 'Dr. No.'}\n",
        encoding="utf-8",
    )
    command = [sys.executable, "-m", "quiz", "play", "--plain", "--pack", str(pack)]
    ran = subprocess.run(
        [*command, "--mode", "practice", "--player", "Ada"],
        input="Goldfinger.\n",
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "QUIZ_DATA_DIR": str(data_dir)},
    )
    assert "Which film came first?\n  (type your answer)\n" in ran.stdout  # no choices
    assert "Wrong: you answered Goldfinger. The answer is Dr. No.\n" in ran.stdout
    assert "   You: Goldfinger. Answer: Dr. No.\n" in ran.stdout
    assert ".." not in ran.stdout.replace("...", "")
    assert "1. wrong, 0 points: Which film came first?" in ran.stdout


def test_a_forgiven_typo_is_right_and_says_close_enough(data_dir: Path) -> None:
    from quiz.core.model import Pack, Question
    from quiz.plain import Lines, play
    from quiz.session import Round

    writer = Question(id="w", type=QuestionType.TEXT, prompt="Who wrote it?", answer="Alice Feeney")
    game = Round(RoundSettings((Pack(id="p", title="P", version=1, questions=(writer,)),)))
    out = io.StringIO()
    assert play(game, Lines(io.StringIO("Alice Feeny\n"), out)) is None
    assert "Right! Close enough: Alice Feeney. +" in out.getvalue()
    assert game.score > 0 and game.streak == 1
