"""What several test modules share: paths, the CLI runner, packs, clocks, records, strategies.

Test modules import from here (or use the fixtures in tests/conftest.py), never from one
another.
"""
