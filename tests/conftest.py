"""Test-wide set-up: Qt offscreen before any Qt import; shared signing fixtures."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("SIO_DESK_NO_KEYRING", "1")

pytest_plugins = ["tests.fixtures_signing"]
