"""The round engine: question draw, timer, answer matching, points, streaks and summary."""

from __future__ import annotations

import dataclasses
import random
import subprocess
import sys
from decimal import Decimal

import pytest

from quiz.core.model import Pack, Question, QuestionType
from quiz.session import (
    InvalidAnswer,
    Mode,
    Outcome,
    Phase,
    Round,
    RoundSettings,
    RoundStateError,
    read_number,
)
from quiz.session.answers import choice_keys
from quiz.session.draw import draw_questions
from tests.helpers.clock import FakeClock
from tests.helpers.packs import choice, make_pack


def start(
    packs: tuple[Pack, ...] | None = None, clock: FakeClock | None = None, **options: object
) -> tuple[Round, FakeClock]:
    clock = clock or FakeClock()
    settings = RoundSettings(packs=packs or (make_pack(),), **options)  # type: ignore[arg-type]
    return Round(settings, clock=clock), clock


def right_index(game: Round) -> int:
    return game.current.answer_index


def wrong_index(game: Round) -> int:
    return (game.current.answer_index + 1) % len(game.current.choices)


# Points -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("elapsed", "points"),
    [
        (0.0, 1000),  # at once
        (5.0, 875),  # a quarter of the time
        (10.0, 750),  # the middle
        (15.0, 625),
        (20.0, 500),  # exactly at the deadline still counts
        (0.04, 999),  # 999.0 exactly
        (0.02, 1000),  # 999.5: halves round up
    ],
)
def test_a_right_answer_earns_1000_down_to_500_by_speed(elapsed: float, points: int) -> None:
    game, clock = start(seconds=20.0)
    clock.advance(elapsed)
    result = game.answer(right_index(game))
    assert result.outcome is Outcome.CORRECT
    assert (result.speed_points, result.streak_bonus, result.points) == (points, 0, points)
    assert game.score == points


def test_points_are_exact_where_floating_point_would_slip() -> None:
    game, clock = start(seconds=8.0)
    clock.advance(1.0)  # 937.5, rounded up
    assert game.answer(right_index(game)).speed_points == 938
    game.advance()
    clock.advance(8.0 / 3)  # 833.33...
    assert game.answer(right_index(game)).speed_points == 833


def test_an_answer_after_the_deadline_is_timed_out_and_keeps_what_was_typed() -> None:
    game, clock = start(seconds=20.0)
    clock.advance(20.001)
    result = game.answer(right_index(game))
    assert result.outcome is Outcome.TIMED_OUT
    assert result.points == 0
    assert result.given == game.current.choices[right_index(game)]
    assert result.seconds_taken == pytest.approx(20.001)


def test_even_unusable_input_after_the_deadline_is_timed_out() -> None:
    game, clock = start(seconds=5.0)
    clock.advance(6)
    result = game.answer("zzz")
    assert (result.outcome, result.given) == (Outcome.TIMED_OUT, "zzz")


def test_the_streak_bonus_grows_by_100_up_to_500_and_resets_on_a_miss() -> None:
    game, _ = start(questions=10)
    points = []
    for _ in range(7):
        points.append(game.answer(right_index(game)).points)
        game.advance()
    assert points == [1000, 1100, 1200, 1300, 1400, 1500, 1500]
    assert game.answer(wrong_index(game)).points == 0
    assert game.streak == 0
    game.advance()
    assert game.answer(right_index(game)).streak_bonus == 0
    assert game.best_streak == 7
    assert game.score == sum(points) + 1000


@pytest.mark.parametrize("miss", ["wrong", "skip", "timeout"])
def test_every_kind_of_miss_scores_zero_and_resets_the_streak(miss: str) -> None:
    game, clock = start(seconds=10.0)
    game.answer(right_index(game))
    game.advance()
    if miss == "wrong":
        result = game.answer(wrong_index(game))
    elif miss == "skip":
        result = game.skip()
    else:
        clock.advance(10.5)
        timed_out = game.check_timeout()
        assert timed_out is not None
        result = timed_out
    assert result.points == 0
    assert not result.correct
    assert game.streak == 0
    assert game.score == 1000


# Timer ----------------------------------------------------------------------------------


def test_the_timer_counts_down_and_times_out_only_after_the_deadline() -> None:
    game, clock = start(seconds=20.0)
    assert game.time_left() == 20.0
    clock.advance(12.5)
    assert game.time_left() == 7.5
    clock.advance(7.5)
    assert game.time_left() == 0.0
    assert game.check_timeout() is None  # at the deadline an answer still counts
    clock.advance(0.01)
    result = game.check_timeout()
    assert result is not None and result.outcome is Outcome.TIMED_OUT
    assert result.given == ""
    assert game.phase is Phase.REVIEWING
    assert game.time_left() is None
    assert game.check_timeout() is None  # ticks during the feedback change nothing


def test_the_next_question_gets_its_full_time_whatever_the_pause_before_it() -> None:
    game, clock = start(seconds=20.0)
    game.answer(right_index(game))
    clock.advance(300)  # the player reads the feedback for five minutes
    game.advance()
    assert game.time_left() == 20.0


def test_a_pause_costs_no_time_and_takes_no_answer() -> None:
    game, clock = start(seconds=20.0)
    clock.advance(5)
    game.pause()
    play_time = game.clock()
    clock.advance(100)  # the help is open for 100 s
    assert game.time_left() == 15.0
    assert game.check_timeout() is None
    assert game.clock() == play_time  # the feedback's wait stands still too
    with pytest.raises(RoundStateError, match="paused"):
        game.answer(right_index(game))
    with pytest.raises(RoundStateError, match="paused"):
        game.skip()
    game.resume()
    clock.advance(5)
    assert game.time_left() == 10.0
    result = game.answer(right_index(game))
    assert (result.seconds_taken, result.points) == (10.0, 750)
    assert game.summary().duration == 10.0


def test_a_question_asked_while_paused_gets_its_full_time_after() -> None:
    game, clock = start(seconds=20.0)
    game.skip()
    game.pause()
    game.pause()  # pausing twice is one pause
    clock.advance(30)
    game.advance()
    clock.advance(30)
    game.resume()
    assert game.time_left() == 20.0
    game.quit()
    assert not game.paused
    game.pause()  # a finished round has no time to stop
    assert not game.paused


def test_a_question_or_pack_time_overrides_the_round_seconds() -> None:
    timed = dataclasses.replace(choice("timed"), time=Decimal("7.5"))
    pack_a = make_pack([timed, choice("plain")], pack_id="a", time=Decimal(30))
    pack_b = make_pack([choice("other")], pack_id="b")
    game, _ = start(packs=(pack_a, pack_b), seconds=12.0)
    limits = {}
    while True:
        limits[game.current.question.id] = game.current.seconds
        game.skip()
        if game.over:
            break
        game.advance()
    assert limits == {"timed": 7.5, "plain": 30.0, "other": 12.0}


def test_seconds_per_question_is_the_limit_played() -> None:
    own_time = make_pack([choice("a"), choice("b")], pack_id="a", time=Decimal(30))
    assert start(packs=(own_time,), seconds=8.0)[0].seconds_per_question == 30.0
    mixed = make_pack([dataclasses.replace(choice("a"), time=Decimal(5)), choice("b")])
    assert start(packs=(mixed,), seconds=8.0, questions=2)[0].seconds_per_question == 8.0
    assert start(packs=(make_pack(),), seconds=8.0)[0].seconds_per_question == 8.0


def test_the_replay_command_names_everything_the_round_depends_on() -> None:
    packs = (make_pack(pack_id="b"), make_pack(pack_id="a"), make_pack(pack_id="b"))
    settings = RoundSettings(packs, questions=5, seconds=7.5, mode=Mode.CLASSIC, seed=42)
    assert settings.replay_command() == (
        "quiz play --pack a --pack b --questions 5 --time 7.5 --mode classic --seed 42"
    )
    sudden = dataclasses.replace(settings, mode=Mode.SUDDEN_DEATH)
    assert "--questions" not in sudden.replay_command()
    # Packs named by files and ids keep their order: of two with one id, the first plays.
    named = dataclasses.replace(settings, pack_names=("b", "/p/b copy.yaml", "a", "b"))
    assert named.replay_command().startswith(
        "quiz play --pack b --pack '/p/b copy.yaml' --pack a --questions"
    )


def test_practice_is_untimed_scores_no_points_but_counts_streaks() -> None:
    game, clock = start(mode=Mode.PRACTICE, questions=3)
    assert game.time_left() is None
    clock.advance(3600)
    assert game.check_timeout() is None
    result = game.answer(right_index(game))
    assert (result.outcome, result.points) == (Outcome.CORRECT, 0)
    game.advance()
    game.answer(right_index(game))
    assert (game.score, game.streak) == (0, 2)


# Modes and order ------------------------------------------------------------------------


def test_classic_plays_the_number_asked_or_every_question_when_there_are_fewer() -> None:
    assert start(questions=4)[0].total == 4
    assert start(packs=(make_pack([choice("a"), choice("b")]),), questions=10)[0].total == 2


def test_a_classic_round_finishes_after_its_last_question() -> None:
    game, _ = start(questions=3)
    for number in (1, 2, 3):
        assert game.current.number == number
        game.answer(wrong_index(game))
        game.advance()
    assert game.phase is Phase.FINISHED
    assert game.summary().completed


def test_sudden_death_plays_every_question_until_the_first_miss() -> None:
    game, _ = start(mode=Mode.SUDDEN_DEATH, questions=3)
    assert game.total == 20  # the questions setting does not cap it
    for _ in range(5):
        game.answer(right_index(game))
        assert not game.over
        game.advance()
    game.skip()
    assert game.over
    game.advance()
    assert game.phase is Phase.FINISHED
    summary = game.summary()
    assert (summary.played, summary.correct, summary.completed) == (6, 5, True)


def test_a_seed_replays_the_same_questions_and_choice_order() -> None:
    def draw(seed: int, packs: tuple[Pack, ...]) -> list[tuple[str, tuple[str, ...]]]:
        game, _ = start(packs=packs, seed=seed, questions=8)
        order = []
        while not game.over:
            order.append((game.current.question.id, game.current.choices))
            game.skip()
            game.advance()
        return order

    one, two = make_pack(pack_id="one"), make_pack(pack_id="two")
    assert draw(42, (one, two)) == draw(42, (two, one))
    assert len({tuple(draw(seed, (one, two))) for seed in range(5)}) == 5


def test_every_choice_is_offered_once_and_true_false_stays_in_order() -> None:
    truefalse = Question(id="tf", type=QuestionType.TRUEFALSE, prompt="Is it?", answer="false")
    game, _ = start(packs=(make_pack([choice("c", "A", ("B", "C", "D", "E", "F")), truefalse]),))
    views = {}
    while not game.over:
        views[game.current.question.id] = game.current
        game.skip()
        game.advance()
    assert sorted(views["c"].choices) == ["A", "B", "C", "D", "E", "F"]
    assert views["c"].choices[views["c"].answer_index] == "A"
    assert (views["tf"].choices, views["tf"].answer_index) == (("True", "False"), 1)


def test_a_pack_named_twice_is_played_once() -> None:
    pack = make_pack([choice("a"), choice("b")])
    assert start(packs=(pack, pack), questions=10)[0].total == 2


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"packs": ()}, "at least one pack"),
        ({"questions": 0}, "at least one question"),
        ({"seconds": 0.0}, "seconds per question"),
        ({"seconds": 3601.0}, "seconds per question"),
        ({"seed": -1}, "seed"),
    ],
)
def test_impossible_settings_are_refused(options: dict[str, object], message: str) -> None:
    settings: dict[str, object] = {"packs": (make_pack(),)} | options
    with pytest.raises(ValueError, match=message):
        RoundSettings(**settings)  # type: ignore[arg-type]


# Answers --------------------------------------------------------------------------------


def one_question_round(question: Question) -> Round:
    return start(packs=(make_pack([question]),))[0]


@pytest.mark.parametrize("response", ["KEY", "LETTER", "Right", "  right  "])
def test_a_choice_can_be_picked_by_number_letter_or_its_text(response: str) -> None:
    game = one_question_round(choice("c"))
    index = right_index(game)
    typed = {"KEY": str(index + 1), "LETTER": "abcdef"[index].upper()}.get(response, response)
    result = game.answer(typed)
    assert result.correct
    assert result.given == "Right"


@pytest.mark.parametrize("response", ["7", "g", "t", "", "nonsense", 4])
def test_a_key_that_picks_no_choice_leaves_the_question_open(response: str | int) -> None:
    game = one_question_round(choice("c"))
    with pytest.raises(InvalidAnswer, match="choose 1-4 or a-d"):
        game.answer(response)
    assert game.phase is Phase.ASKING
    assert game.answer(right_index(game)).correct


def test_choices_that_are_numbers_are_picked_by_letter_or_by_their_own_text() -> None:
    game = one_question_round(choice("c", answer="6", wrong=("5", "3", "4")))
    choices = game.current.choices
    assert choice_keys(choices) == "abcd"
    assert game.answer("6").correct  # the answer itself, never the key of the sixth place
    game = one_question_round(choice("c", answer="6", wrong=("5", "3", "4")))
    with pytest.raises(InvalidAnswer, match=r"^choose a-d$"):
        game.answer("2")  # no choice reads 2, and 2 is no key here
    assert game.answer("abcd"[choices.index("6")]).correct
    assert choice_keys(("Paris", "Lyon")) == "12"
    assert choice_keys(("1,000 metres", "Lyon")) == "12"  # a number with a unit is text
    assert choice_keys(("1,000", "Lyon")) == "ab"


@pytest.mark.parametrize(
    ("truth", "response", "correct"),
    [
        ("true", "t", True),
        ("true", "TRUE", True),
        ("true", "1", True),
        ("true", "a", True),
        ("true", "f", False),
        ("false", "false", True),
        ("false", "2", True),
        ("false", "b", True),
        ("false", "True", False),
    ],
)
def test_true_false_takes_t_f_words_and_keys(truth: str, response: str, correct: bool) -> None:
    question = Question(id="tf", type=QuestionType.TRUEFALSE, prompt="?", answer=truth)
    result = one_question_round(question).answer(response)
    assert result.correct is correct
    assert result.right_answer == truth.capitalize()


NUMBER = Question(
    id="n", type=QuestionType.NUMBER, prompt="How many?", answer="1000", tolerance=Decimal(5)
)


@pytest.mark.parametrize(
    ("response", "correct"),
    [
        ("1000", True),
        (" 1,000 ", True),
        ("1 000", True),
        ("1,004.9", True),
        ("995", True),
        ("+1000.0", True),
        ("1006", False),
        ("994.99", False),
        ("\u22121000", False),  # a typographic minus is still minus
    ],
)
def test_numbers_match_within_the_tolerance_as_people_type_them(
    response: str, correct: bool
) -> None:
    result = one_question_round(NUMBER).answer(response)
    assert result.correct is correct
    assert result.given == response.strip()
    assert result.right_answer == "1000 (give or take 5)"


@pytest.mark.parametrize("response", ["", "about 1000", "1.000,5", "1,00", "ten", "1e3"])
def test_input_that_is_no_number_is_refused_and_can_be_retyped(response: str) -> None:
    game = one_question_round(NUMBER)
    with pytest.raises(InvalidAnswer, match="type a number"):
        game.answer(response)
    assert game.answer("1000").correct


def test_read_number_never_raises_on_long_input() -> None:
    assert read_number("9" * 10_000) is None
    assert read_number("12,345,678") == Decimal(12345678)


TEXT = Question(
    id="t", type=QuestionType.TEXT, prompt="Who?", answer="Alice Feeney", accept=("Feeney",)
)


@pytest.mark.parametrize(
    ("response", "correct"),
    [
        ("Alice Feeney", True),
        ("  alice   FEENEY ", True),
        ("Álice Féeney", True),
        ("feeney", True),
        ("Alice", False),
        ("Alice Feeny", True),  # a forgiven typo (issue 16): close enough
    ],
)
def test_text_matches_ignoring_case_accents_and_spaces(response: str, correct: bool) -> None:
    assert one_question_round(TEXT).answer(response).correct is correct


@pytest.mark.parametrize(
    ("answer", "response"),
    [
        ("Łódź", "Lodz"),
        ("Øresund", "oresund"),
        ("Ærø", "Aero"),
        ("Guðmundsdóttir", "gudmundsdottir"),
        ("Ǿ", "o"),  # an ø with an acute
    ],
)
def test_letters_without_an_accent_to_drop_match_their_plain_spelling(
    answer: str, response: str
) -> None:
    assert one_question_round(dataclasses.replace(TEXT, answer=answer)).answer(response).correct


TITLE = dataclasses.replace(TEXT, answer="His & Hers", accept=())


@pytest.mark.parametrize(
    ("response", "correct"),
    [
        ("His and Hers", True),
        ("his & hers.", True),
        ('"His & Hers"', True),
        ("His Hers", False),
        ("His & Hers & Theirs", False),
    ],
)
def test_text_ignores_end_punctuation_and_reads_ampersand_as_and(
    response: str, correct: bool
) -> None:
    assert one_question_round(TITLE).answer(response).correct is correct


def test_an_empty_text_answer_is_refused() -> None:
    game = one_question_round(TEXT)
    with pytest.raises(InvalidAnswer, match="type an answer"):
        game.answer("   ")
    with pytest.raises(InvalidAnswer, match="no choices"):
        game.answer(0)


# Results, summary and the end of a round ------------------------------------------------


def test_a_result_carries_everything_the_feedback_shows_and_cannot_change() -> None:
    question = dataclasses.replace(choice("c"), explain="Because.", evidence="It said Right.")
    game, clock = start(packs=(make_pack([question]),), seconds=10.0)
    clock.advance(2.5)
    result = game.answer(right_index(game))
    assert result.correct
    assert (result.given, result.right_answer) == ("Right", "Right")
    assert (result.explain, result.evidence, result.source) == (
        "Because.",
        "It said Right.",
        "seeds/article.txt",
    )
    assert result.seconds_taken == 2.5
    assert result.view.prompt == "c?"
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.speed_points = 5  # type: ignore[misc]


def test_the_summary_reports_score_accuracy_times_and_the_review() -> None:
    game, clock = start(questions=5, seconds=10.0)
    clock.advance(2)
    game.answer(right_index(game))  # 900
    game.advance()
    clock.advance(4)
    game.answer(right_index(game))  # 800 + 100
    game.advance()
    clock.advance(6)
    game.answer(wrong_index(game))
    game.advance()
    clock.advance(1)
    game.skip()
    game.advance()
    clock.advance(11)
    game.check_timeout()
    game.advance()
    summary = game.summary()
    assert summary.completed
    assert (summary.score, summary.correct, summary.played, summary.total) == (1800, 2, 5, 5)
    assert summary.accuracy == pytest.approx(0.4)
    assert summary.average_seconds == pytest.approx(4.0)  # answers only: (2 + 4 + 6) / 3
    assert summary.best_streak == 2
    assert [r.outcome for r in summary.results] == [
        Outcome.CORRECT,
        Outcome.CORRECT,
        Outcome.WRONG,
        Outcome.SKIPPED,
        Outcome.TIMED_OUT,
    ]
    assert [r.points for r in summary.results] == [900, 900, 0, 0, 0]
    assert summary.duration == pytest.approx(24)


def test_quitting_mid_round_leaves_it_incomplete_with_what_was_played() -> None:
    game, _ = start(questions=5)
    game.answer(right_index(game))
    game.advance()
    game.quit()
    summary = game.summary()
    assert game.phase is Phase.FINISHED
    assert (summary.completed, summary.played, summary.score) == (False, 1, 1000)
    assert summary.average_seconds == 0.0
    with pytest.raises(RoundStateError):
        game.answer(0)
    with pytest.raises(RoundStateError):
        game.skip()
    with pytest.raises(RoundStateError):
        game.advance()


def test_quitting_on_the_last_feedback_still_completes_the_round() -> None:
    game, _ = start(questions=1)
    game.answer(right_index(game))
    game.quit()
    assert game.summary().completed


def test_a_question_cannot_be_answered_twice() -> None:
    game, _ = start()
    game.answer(right_index(game))
    with pytest.raises(RoundStateError):
        game.answer(right_index(game))
    assert game.score == 1000


def test_an_empty_summary_has_no_average_and_zero_accuracy() -> None:
    game, _ = start()
    game.quit()
    summary = game.summary()
    assert (summary.accuracy, summary.average_seconds, summary.played) == (0.0, None, 0)


def test_the_engine_never_imports_a_user_interface_library() -> None:
    code = (
        "import sys, quiz.session, quiz.plain, quiz.storage.settings\n"
        "loaded = [m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')]\n"
        "assert not loaded, loaded\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_a_result_names_the_other_accepted_answers() -> None:
    result = one_question_round(TEXT).answer("Feeney")
    assert result.correct
    assert (result.right_answer, result.also_accepted) == ("Alice Feeney", ("Feeney",))


def grouped(qid: str, group: str) -> Question:
    return dataclasses.replace(choice(qid), group=group)


@pytest.mark.parametrize("seed", range(30))
def test_a_round_asks_one_question_of_a_group_while_it_has_others(seed: int) -> None:
    questions = [grouped(f"{fact}.{way}", fact) for fact in "abcde" for way in range(3)]
    game, _ = start(packs=(make_pack(questions),), questions=5, seed=seed)
    drawn = [game.current.question]
    while len(drawn) < game.total:
        game.skip()
        game.advance()
        drawn.append(game.current.question)
    assert sorted(question.group for question in drawn) == list("abcde")


def test_sudden_death_asks_a_group_again_only_after_every_other_question() -> None:
    questions = [grouped("a1", "a"), grouped("a2", "a"), choice("b"), choice("c")]
    views = draw_questions(
        RoundSettings(packs=(make_pack(questions),), mode=Mode.SUDDEN_DEATH, seed=3)
    )
    assert views[-1].question.group == "a"
    assert [view.question.group for view in views[:3]].count("a") == 1


def test_packs_without_groups_draw_as_they_always_did() -> None:
    pack = make_pack()
    settings = RoundSettings(packs=(pack,), questions=5, seed=42)
    expected = random.Random(42).sample([(pack, q) for q in pack.questions], 5)
    assert [view.question for view in draw_questions(settings)] == [q for _, q in expected]
