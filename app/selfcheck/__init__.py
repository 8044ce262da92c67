"""Workstation self-check (R-WS-1…5): does this PC meet the minimums and have no Internet?"""

from __future__ import annotations

from app.selfcheck.model import CheckResult, Mode, Report, Status, overall
from app.selfcheck.runner import Readers, run_checks
from app.selfcheck.thresholds import PROFILES, SelfcheckConfig, Thresholds

__all__ = [
    "PROFILES",
    "CheckResult",
    "Mode",
    "Readers",
    "Report",
    "SelfcheckConfig",
    "Status",
    "Thresholds",
    "overall",
    "run_checks",
]
