"""The plain numbers and names that `quiz --help` and the argument checks need at start-up.

It imports nothing, so the command line reads them without loading the engine; the
engine, the settings file and the app take them from here too, so there is one copy.
"""

MODE_NAMES = ("classic", "practice", "sudden-death")  # the first is the default
DEFAULT_QUESTIONS = 10
MAX_QUESTIONS = 1000  # a round's length, on the command line and on Home alike
DEFAULT_SECONDS = 20.0
# The time limits a pack, a question or a round may set, in seconds: shorter than a
# second no one can answer.
SHORTEST_SECONDS = 1.0
LONGEST_SECONDS = 3600.0
LONGEST_NAME = 24  # a player's name on a leaderboard
# Seeds end up in the score store's 64-bit integer column.
LARGEST_SEED = 2**63 - 1

# How a command ends: its product made, a problem with what the user gave, a wrong usage.
EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report Ctrl+C
EXIT_TERMINATED = 143  # 128 + SIGTERM


def playable_seconds(value: float) -> bool:
    """Whether a time limit is one a round can have (NaN is not)."""
    return SHORTEST_SECONDS <= value <= LONGEST_SECONDS


SECONDS_RANGE = f"from {SHORTEST_SECONDS:g} to {LONGEST_SECONDS:g}"  # as messages say it
