"""Where things are: the repository, the test data, the shipped question bank."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PACKAGE = REPO / "quiz"
BANK = REPO / "question_bank"
DATA = REPO / "tests" / "data"
IMPORT_DATA = DATA / "import"
LIGHTHOUSE = DATA / "lighthouse" / "lighthouse.facts.yaml"
NIGHT_HARBOUR = DATA / "night_harbour" / "night_harbour.facts.yaml"
# Invented articles of three genres, each with a fact sheet written by hand.
ARTICLE_SHEETS = {
    "tv": DATA / "articles" / "tv" / "hollow_bay.facts.yaml",
    "science": DATA / "articles" / "science" / "lake_varsen.facts.yaml",
    "sports": DATA / "articles" / "sports" / "cup_final.facts.yaml",
}
SHEET = REPO / "seeds" / "his_and_hers.facts.yaml"  # the shipped fact sheet
