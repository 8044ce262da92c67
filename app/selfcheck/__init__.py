"""Workstation self-check (R-WS-1…5): does this PC meet the minimums and have no Internet?"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from app.selfcheck.model import CheckResult, Mode, Report, Status, overall
from app.selfcheck.thresholds import PROFILES, SelfcheckConfig, Thresholds

if TYPE_CHECKING:
    from app.selfcheck.runner import Readers, run_checks

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

# The checks themselves (hardware, network, channel readers) load when first asked for: the
# window's first paint needs only the model and the thresholds (issue 10).
_RUNNER_NAMES = frozenset({"Readers", "run_checks"})


def __getattr__(name: str) -> Any:
    if name in _RUNNER_NAMES:
        from app.selfcheck import runner

        return getattr(runner, name)
    raise AttributeError(f"module 'app.selfcheck' has no attribute {name!r}")
