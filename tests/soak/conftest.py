"""The soak tests' marker: they run in ./run test (CI) too; `-m "not soak"` leaves them out."""

from __future__ import annotations

import pytest


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "soak: a bounded load run against a real gateway (≈70 s; runs in CI)")
