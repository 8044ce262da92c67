"""The report's rows and one-row anomalies as its scan renders them (issue 13: by each column's
known type, the own-IIN check first looking for the IIN in the params' text) hold whatever the
journal holds, byte for byte as json.dumps(indent=2) gives them (R-CTL-1, R-CTL-5)."""

from __future__ import annotations

import datetime as dt
import io
import json
from typing import Any

import pytest
from sqlalchemy import Engine, insert

from gateway import journal, reports
from gateway.db import write_tx
from gateway.models import dispositions, request_facts, users
from transport.clock import ASTANA

pytestmark = pytest.mark.req("R-CTL-1", "R-CTL-5")

DIGITS, OTHER, ODD = "900101300015", "900101300023", "x-ИИН \"1\""
# A row's keys in order (R-RES-1): a refused request has the first thirteen.
KEYS = ["seq", "at", "user_iin", "user_name", "role", "resource", "case_number", "legal_ground",
        "purpose", "params", "outcome", "code", "endpoint", "disposition", "attached_at",
        "attached_to", "printout_sha256", "destroyed_at", "disposition_seq", "reported_at"]
MONDAY = dt.datetime(2025, 3, 3, tzinfo=ASTANA)
BASIS = {"case_number": "2025-01-ФМ", "legal_ground": "ҚР Заңы, 16-бап",
         "purpose": "проверка \"в кавычках\"\n"}


def _at(day: int, hour: int, minute: int = 0) -> dt.datetime:
    return (MONDAY + dt.timedelta(days=day, hours=hour, minutes=minute)).astimezone(dt.UTC)


def _query(engine: Engine, iin: str, minute: int, params: Any,
           basis: dict[str, Any] | None = None) -> int:
    with write_tx(engine) as conn:
        return journal.append(conn, "query", actor_iin=iin, resource=1, basis=basis or BASIS,
                              detail={"endpoint": "query",
                                      "request": json.dumps({"params": params})},
                              at=_at(0, 10, minute)).seq


def _facts(engine: Engine, minute: int, params: str | None, **columns: Any) -> int:
    """A request_facts row as no gateway writes it: `params` is the stored JSON text as is."""
    with write_tx(engine) as conn:
        entry = journal.append(conn, "notice", actor_iin=DIGITS, at=_at(0, 11, minute))
        row = dict(seq=entry.seq, kind="query", at_utc=entry.at_utc, at_astana=entry.at_astana,
                   actor_iin=DIGITS, resource=None, code=None, endpoint=None, count=None,
                   params=params, case_number=None, legal_ground=None, purpose=None)
        conn.execute(insert(request_facts).values({**row, **columns}))
        return entry.seq


def _dispose(engine: Engine, seq: int, action: str, case_number: str) -> None:
    with write_tx(engine) as conn:
        entry = journal.append(conn, "disposition", actor_iin=DIGITS,
                               detail={"query_seq": seq, "action": action}, at=_at(0, 12))
        conn.execute(insert(dispositions).values(
            query_seq=seq, journal_seq=entry.seq, iin=DIGITS, action=action,
            case_number=case_number, printout_sha256=None,
            destroyed_at="2025-03-03T12:00:00+05:00", at_utc=_at(0, 12).isoformat()))


def test_rows_of_odd_values_and_the_own_iin_check(engine: Engine) -> None:
    with write_tx(engine) as conn:
        for iin, name in ((DIGITS, "Ақын \"А\"\t\u202e"), (OTHER, "B"), (ODD, "C")):
            conn.execute(insert(users).values(iin=iin, name=name,
                                              registered_at="2025-01-01T00:00:00+05:00"))
    own = {
        _query(engine, DIGITS, 0, {"iin": DIGITS}),
        _query(engine, DIGITS, 1, {"a": "1", "iin": f" {DIGITS}\t"}),  # stripped
        _query(engine, DIGITS, 2, {"n": int(DIGITS)}),  # a number's text is the IIN
        _query(engine, ODD, 3, {"iin": ODD}),  # an IIN not of digits: no text pre-check
        _facts(engine, 0, '{"iin":"\\u0039\\u00300101300015"}'),  # escaped digits
        _facts(engine, 1, '{ "iin" : "900101300015" }'),  # spaced as json.dumps never is
        _facts(engine, 2, '{"k":"\\n900101300015"}'),
    }
    not_own = {
        _query(engine, DIGITS, 4, {"n": float(DIGITS)}),
        _query(engine, DIGITS, 5, {"iin": DIGITS + "0"}),
        _query(engine, DIGITS, 6, {"a": [DIGITS], "b": {"c": DIGITS, "d": []}, "e": {}}),
        _query(engine, DIGITS, 7, [DIGITS]),  # no object: not stored as params
        _query(engine, OTHER, 8, {"iin": DIGITS}),  # someone else's
        _query(engine, DIGITS, 9, {}),
        _facts(engine, 3, "[1,2]", code="c", resource=7),
        _facts(engine, 4, '"x"'),
        _facts(engine, 5, None, endpoint="e"),
        _facts(engine, 6, '{"a":NaN,"b":-0,"c":1e400,"d":true,"e":null}'),
    }
    elsewhere = _query(engine, DIGITS, 10, {"iin": OTHER})
    same = _query(engine, DIGITS, 11, {"iin": OTHER}, basis={**BASIS, "case_number": " X "})
    _dispose(engine, elsewhere, "printed", "OTHER-1")
    _dispose(engine, same, "exported", "X")
    _dispose(engine, min(own), "destroyed_unattached", "OTHER-2")  # not attached: not flagged
    with write_tx(engine) as conn:
        refused = journal.append(conn, "refusal", actor_iin=DIGITS, resource=2, basis=BASIS,
                                 detail={"endpoint": "query", "code": "maintenance"},
                                 at=_at(0, 12, 30)).seq

    soon = _report(engine, _at(0, 13))  # the undisposed within retention: pending
    assert {r["disposition"] for r in soon["rows"] if len(r) > 13} == {
        "pending", "printed", "exported", "destroyed_unattached"}
    doc = _report(engine, _at(30, 0))
    flags: dict[str, set[int]] = {}
    for anomaly in doc["anomalies"]:
        flags.setdefault(anomaly["kind"], set()).add(anomaly.get("seq"))
    assert flags["own_iin"] == own
    assert not flags["own_iin"] & not_own
    assert flags["attached_elsewhere"] == {elsewhere}
    rows = {r["seq"]: r for r in doc["rows"]}
    assert len(rows) == len(own | not_own) + 3
    assert rows[min(own)]["user_name"] == "Ақын \"А\"\t\u202e"
    assert rows[min(not_own)]["params"] == {"n": float(DIGITS)}
    odd = next(r for r in rows.values() if r["code"] == "c")
    assert (odd["params"], odd["resource"], odd["case_number"]) == ([1, 2], 7, None)
    assert rows[elsewhere]["attached_to"] == "OTHER-1"
    assert (rows[refused]["outcome"], rows[refused]["code"]) == ("refused", "maintenance")
    for row in (*doc["rows"], *soon["rows"]):
        assert list(row) == (KEYS[:13] if row["outcome"] == "refused" else KEYS), row


def _report(engine: Engine, now: dt.datetime) -> dict[str, Any]:
    out = io.BytesIO()
    reports.write(engine, reports.Settings(), MONDAY.date(), MONDAY.date(), out, now=now)
    doc: dict[str, Any] = json.loads(out.getvalue())
    assert out.getvalue() == reports.to_bytes(doc)  # the bytes json.dumps(indent=2) gives
    return doc
