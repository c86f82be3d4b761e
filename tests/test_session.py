"""Transitional, and holds no tests: the session tests are in tests/unit/test_session.py.

tests/tui_helpers.py (and through it tests/benchmarks/bench_keypress.py) still imports
FakeClock from here; delete this file once it imports it from tests.helpers.clock.
"""

from tests.helpers.clock import FakeClock

__all__ = ["FakeClock"]
