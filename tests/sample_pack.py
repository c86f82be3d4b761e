"""Transitional: the sample pack now lives in tests/helpers/packs.py.

The TUI tests (tests/tui_helpers.py, test_tui_home.py, test_tui_snapshots.py) still import
PACK from here; delete this file once they import it from tests.helpers.packs.
"""

from tests.helpers.packs import PACK

__all__ = ["PACK"]
