"""Everything outside quiz.tui stays free of textual and rich (DESIGN.md: domain first)."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import pytest

import quiz

UI_PACKAGE = "quiz.tui"
FORBIDDEN = ("textual", "rich")


def non_ui_modules() -> list[str]:
    names = [module.name for module in pkgutil.walk_packages(quiz.__path__, prefix="quiz.")]
    return [name for name in names if not name.startswith(UI_PACKAGE) and name != "quiz.__main__"]


def test_the_domain_modules_are_all_checked() -> None:
    assert {"quiz.packs.loader", "quiz.packs.yamltree", "quiz.packs.library", "quiz.cli"} <= set(
        non_ui_modules()
    )


@pytest.mark.parametrize("module", non_ui_modules())
def test_module_imports_without_textual_or_rich(module: str) -> None:
    code = (
        f"import sys, {module}\n"
        f"loaded = sorted(m for m in sys.modules if m.split('.')[0] in {FORBIDDEN!r})\n"
        "print(','.join(loaded))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "", f"{module} imports {result.stdout.strip()}"
