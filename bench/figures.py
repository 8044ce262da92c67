"""One figure of `./run bench --json`: a value, the baseline measured in the same run, their ratio,
the goal it is held to and whether it is met."""

from __future__ import annotations

import operator
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

_OPS: dict[str, Callable[[float, float], bool]] = {
    "<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge,
}


@dataclass(frozen=True)
class Goal:
    """`subject op threshold`, where subject is "value", "ratio" or an extra field (p95_ms)."""

    subject: str
    op: str
    threshold: float
    unit: str = ""

    def text(self) -> str:
        unit = f" {self.unit}" if self.unit else ""
        return f"{self.subject} {self.op} {self.threshold:g}{unit}"

    def holds(self, fields: dict[str, Any]) -> bool | None:
        value = fields.get(self.subject)
        if not isinstance(value, int | float):
            return None
        return _OPS[self.op](float(value), self.threshold)


@dataclass
class Figure:
    """What one measurement found; `extra` holds the details (percentiles, parts, sizes)."""

    name: str
    value: float | None
    unit: str
    baseline: float | None
    baseline_unit: str
    goals: tuple[Goal, ...] = ()
    what: str = ""  # one line: what the value and the baseline ran
    extra: dict[str, Any] = field(default_factory=dict)
    skipped: str | None = None
    error: str | None = None

    @property
    def ratio(self) -> float | None:
        if self.value is None or not self.baseline:
            return None
        return self.value / self.baseline

    def fields(self) -> dict[str, Any]:
        return {"value": self.value, "baseline": self.baseline, "ratio": self.ratio,
                **self.extra}

    @property
    def met(self) -> bool | None:
        """None: no goal (or skipped); False also when the figure could not be measured."""
        if self.skipped is not None or not self.goals:
            return None
        if self.error is not None:
            return False
        verdicts = [g.holds(self.fields()) for g in self.goals]
        if any(v is None for v in verdicts):
            return False
        return all(verdicts)

    def as_json(self) -> dict[str, Any]:
        doc: dict[str, Any] = {
            "name": self.name, "value": _round(self.value), "unit": self.unit,
            "baseline": _round(self.baseline), "baseline_unit": self.baseline_unit,
            "ratio": _round(self.ratio),
            "goal": "; ".join(g.text() for g in self.goals) or None, "met": self.met,
        }
        doc.update({k: _round(v) if isinstance(v, float) else v for k, v in self.extra.items()})
        if self.what:
            doc["what"] = self.what
        if self.skipped is not None:
            doc["skipped"] = self.skipped
        if self.error is not None:
            doc["error"] = self.error
        return doc

    def line(self) -> str:
        """The figure for a human, one line."""
        if self.skipped is not None:
            return f"{self.name}: skipped ({self.skipped})"
        if self.error is not None:
            return f"{self.name}: ERROR {self.error}"
        ratio = self.ratio
        goal = "; ".join(g.text() for g in self.goals)
        verdict = {True: "met", False: "MISSED", None: "no goal"}[self.met]
        return (f"{self.name}: {_show(self.value)} {self.unit} vs {_show(self.baseline)} "
                f"{self.baseline_unit}" + (f", ratio {ratio:.3g}" if ratio is not None else "")
                + (f" [goal {goal}: {verdict}]" if goal else f" [{verdict}]"))


def _round(value: float | None) -> float | None:
    if value is None:
        return None
    return float(f"{value:.6g}")


def _show(value: float | None) -> str:
    return "-" if value is None else f"{value:.4g}"


def document(figures: list[Figure], **meta: Any) -> dict[str, Any]:
    return {"figures": [f.as_json() for f in figures], **meta}
