"""What the controller's report reads of each request and refusal, in a narrow row of its own
(R-CTL-1, issue 13).

A query's journal entry holds its signed request and result (~5 KB of detail); the report needs
a few small fields of it, and reading them out of the detail cost most of a large report (the
database parsed every detail whole). journal.append writes one row here per "query" and
"refusal" entry, in the entry's transaction; revision 0008 back-fills them. The journal entry
stays the record (hashed, archived); this row is derived from it and append-only.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from sqlalchemy import Connection, insert

from gateway.models import request_facts

KINDS = frozenset({"query", "refusal"})
_BASIS_KEYS = ("case_number", "legal_ground", "purpose")
_COPIED = ("seq", "kind", "at_utc", "at_astana", "actor_iin", "resource")
_INT64 = (-(2**63), 2**63 - 1)
_INSERT = insert(request_facts)


def index(conn: Connection, entry: Mapping[str, Any]) -> None:
    """Write the report's row of journal entry `entry` (its stored columns), if it is a request
    or a refusal."""
    if entry["kind"] in KINDS:
        conn.execute(_INSERT, facts_of(entry))


def facts_of(entry: Mapping[str, Any]) -> dict[str, Any]:
    """The report's row of a request or refusal entry given as its stored columns."""
    detail, basis = _object(entry["detail"]), _object(entry["basis"])
    return {
        **{k: entry[k] for k in _COPIED},
        "code": _text(detail.get("code")), "endpoint": _text(detail.get("endpoint")),
        "count": _count(detail.get("count")), "params": _params(detail.get("request")),
        **{k: _text(basis.get(k)) for k in _BASIS_KEYS},
    }


def _object(text: str | None) -> dict[str, Any]:
    """A stored JSON object's keys; nothing of a text that is no JSON object (a hand-written
    entry: the report shows its fields empty rather than failing)."""
    if text is None:
        return {}
    try:
        value = json.loads(text)
    except (ValueError, RecursionError):
        return {}
    return value if isinstance(value, dict) else {}


def _text(value: Any) -> str | None:
    """A field as text: a string as it is, another JSON value as its JSON (as PostgreSQL's ->>
    gives it; the gateway writes strings here)."""
    if value is None or isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _count(value: Any) -> int | None:
    """How many refusals an aggregate entry stands for: a whole number, else none."""
    return value if type(value) is int and _INT64[0] <= value <= _INT64[1] else None


def _params(request: Any) -> str | None:
    """The signed request's parameters object as JSON text in its signed order, or None when
    the request is no JSON text or its params are no object."""
    if not isinstance(request, str):
        return None
    try:
        params = json.loads(request)["params"]
    except (KeyError, ValueError, TypeError, RecursionError):
        return None
    if not isinstance(params, dict):
        return None
    return json.dumps(params, ensure_ascii=False, separators=(",", ":"))
