"""The self-check's report model: statuses, one result per check, the overall verdict."""

from __future__ import annotations

import platform
import socket
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from transport.clock import ASTANA, iso, now_utc

Value = float | int | str | None


class Status(StrEnum):
    PASS = "PASS"  # noqa: S105 — a verdict, not a password
    FAIL = "FAIL"
    UNDETERMINED = "UNDETERMINED"


class Mode(StrEnum):
    """What the start-up does with a failed check (admin policy)."""

    BLOCK = "block"
    WARN = "warn"


EXIT_CODES = {Status.PASS: 0, Status.FAIL: 1, Status.UNDETERMINED: 2}


@dataclass(frozen=True)
class CheckResult:
    """One check: its verdict, what was measured, against what, and the facts behind it."""

    id: str
    requirement: str  # R-ID, e.g. "R-WS-2"; "" for advisories beyond the rules
    status: Status
    value: Value = None
    threshold: Value = None
    unit: str = ""
    reason: str = ""  # stable code, texts.reason_text() turns it into words
    args: dict[str, Any] = field(default_factory=dict)  # values for the reason's template
    evidence: tuple[str, ...] = ()
    advisory: bool = False
    mode: Mode = Mode.BLOCK
    duration_s: float = 0.0

    def to_json(self, lang: str = "en") -> dict[str, Any]:
        from app.selfcheck.texts import reason_text, title

        return {
            "id": self.id,
            "requirement": self.requirement,
            "title": title(self.id, lang),
            "status": self.status.value,
            "value": self.value,
            "threshold": self.threshold,
            "unit": self.unit,
            "reason": self.reason,
            "message": reason_text(self, lang),
            "evidence": list(self.evidence),
            "advisory": self.advisory,
            "mode": self.mode.value,
            "duration_ms": round(self.duration_s * 1000, 1),
        }


def overall(checks: Iterable[CheckResult]) -> Status:
    """FAIL if any rule check fails, else UNDETERMINED if any is unknown, else PASS.

    Advisories (beyond the rules) never change the verdict.
    """
    statuses = {c.status for c in checks if not c.advisory}
    if Status.FAIL in statuses:
        return Status.FAIL
    if Status.UNDETERMINED in statuses:
        return Status.UNDETERMINED
    return Status.PASS


@dataclass(frozen=True)
class Report:
    """What one run found, with when and where — the proof the workstation was checked."""

    checks: tuple[CheckResult, ...]
    profile: str
    started_utc: datetime = field(default_factory=now_utc)
    duration_s: float = 0.0
    host: str = field(default_factory=socket.gethostname)
    system: str = field(default_factory=lambda: f"{platform.system()} {platform.release()}")
    partial: bool = False  # fast_only: the slow checks were not run

    @property
    def overall(self) -> Status:
        return overall(self.checks)

    @property
    def exit_code(self) -> int:
        return EXIT_CODES[self.overall]

    def get(self, check_id: str) -> CheckResult | None:
        return next((c for c in self.checks if c.id == check_id), None)

    def blocking(self) -> list[CheckResult]:
        """Failed rule checks the policy says must stop the start-up."""
        return [
            c
            for c in self.checks
            if c.status is Status.FAIL and c.mode is Mode.BLOCK and not c.advisory
        ]

    def warnings(self) -> list[CheckResult]:
        """Everything not PASS that does not block: shown, not enforced."""
        blocking = {c.id for c in self.blocking()}
        return [c for c in self.checks if c.status is not Status.PASS and c.id not in blocking]

    def to_json(self, lang: str = "en") -> dict[str, Any]:
        when = self.started_utc
        return {
            "overall": self.overall.value,
            "checks": [c.to_json(lang) for c in self.checks],
            "profile": self.profile,
            "partial": self.partial,
            "host": self.host,
            "system": self.system,
            "checked_at": iso(when.astimezone(ASTANA)),  # Astana time, R-Q-5
            "checked_at_utc": iso(when),
            "duration_ms": round(self.duration_s * 1000, 1),
        }


def ordered(checks: Sequence[CheckResult], order: Sequence[str]) -> tuple[CheckResult, ...]:
    """Checks in the canonical order (they finish in any order when run concurrently)."""
    rank = {cid: i for i, cid in enumerate(order)}
    return tuple(sorted(checks, key=lambda c: rank.get(c.id, len(rank))))
