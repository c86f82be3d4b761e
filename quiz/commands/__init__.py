"""One module per ``quiz`` command; see quiz.cli."""
