"""A terminal trivia game whose questions can prove their answers."""

__version__ = "0.1.0"
