"""Fact sheets: the typed facts of an article, each proved by a verbatim quote of it."""
