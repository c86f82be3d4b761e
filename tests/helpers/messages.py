"""Collecting the warnings the game would print, to look at them afterwards."""

from __future__ import annotations


class Warnings(list[str]):
    """A ``warn`` callback that keeps every message."""

    def __call__(self, message: str) -> None:
        self.append(message)
