"""The report's own rows of requests and refusals (issue 13, R-CTL-1): journal.append writes
them in the entry's transaction, revision 0008 back-fills the same rows from the journal, and
like the journal they cannot be changed."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from sqlalchemy import Engine, delete, select, update
from sqlalchemy.exc import DBAPIError

from gateway import journal
from gateway.db import write_tx
from gateway.models import request_facts
from gateway.request_facts import facts_of

AT = dt.datetime(2025, 3, 4, 7, 0, tzinfo=dt.UTC)
IIN = "900101300015"
BASIS = {"case_number": "K-1", "legal_ground": "ҚР Заңы, 16-бап", "purpose": "проверка"}


def _journal(engine: Engine) -> None:
    """A query, an aggregate refusal, a login (no row) and entries with odd fields."""
    entries: list[tuple[str, dict[str, Any]]] = [
        ("query", {"actor_iin": IIN, "resource": 3, "basis": BASIS, "detail": {
            "endpoint": "query", "request": json.dumps({"params": {"b": "2", "a": IIN}})}}),
        ("refusal", {"detail": {"code": "rate_limited", "aggregate": True, "count": 7}}),
        ("login", {"actor_iin": IIN, "detail": {"endpoint": "login"}}),
        ("refusal", {"actor_iin": IIN, "basis": {"case_number": 12, "purpose": None},
                     "detail": {"code": "param_invalid", "count": "many",
                                "request": "not json"}}),
        ("query", {"actor_iin": IIN, "detail": {"request": json.dumps({"params": [1, 2]})}}),
    ]
    with write_tx(engine) as conn:
        for i, (kind, fields) in enumerate(entries):
            journal.append(conn, kind, at=AT + dt.timedelta(minutes=i), **fields)


def _rows(engine: Engine) -> list[Any]:
    with engine.connect() as conn:
        return list(conn.execute(select(request_facts).order_by(request_facts.c.seq)).all())


@pytest.mark.req("R-CTL-1")
def test_append_writes_the_reports_row_of_each_request_and_refusal(engine: Engine) -> None:
    _journal(engine)
    rows = {r.seq: r._asdict() for r in _rows(engine)}
    assert sorted(rows) == [1, 2, 4, 5]  # not the login
    assert rows[1] == {
        "seq": 1, "kind": "query", "at_utc": "2025-03-04T07:00:00.000+00:00",
        "at_astana": "2025-03-04T12:00:00.000+05:00", "actor_iin": IIN, "resource": 3,
        "code": None, "endpoint": "query", "count": None,
        "params": json.dumps({"b": "2", "a": IIN}, separators=(",", ":")),  # signed order
        **BASIS}
    assert (rows[2]["code"], rows[2]["count"], rows[2]["actor_iin"]) == ("rate_limited", 7, None)
    # What the gateway never writes is still kept as text, or left out.
    assert (rows[4]["case_number"], rows[4]["purpose"], rows[4]["legal_ground"]) == (
        "12", None, None)
    assert (rows[4]["count"], rows[4]["params"]) == (None, None)
    assert rows[5]["params"] is None  # params that are no object are no params


@pytest.mark.req("R-CTL-1")
def test_the_migration_back_fills_what_append_writes(engine: Engine) -> None:
    from alembic import command

    from gateway.db import _alembic_config, migrate

    _journal(engine)
    written = _rows(engine)
    with write_tx(engine) as conn:  # a journal kept before revision 0008
        cfg = _alembic_config()
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0007")
    migrate(engine)
    assert _rows(engine) == written


@pytest.mark.req("R-CTL-1", "R-LOG-2")
def test_the_reports_rows_cannot_be_changed(engine: Engine) -> None:
    _journal(engine)
    for statement in (update(request_facts).values(case_number="other"),
                      delete(request_facts)):
        with pytest.raises(DBAPIError), write_tx(engine) as conn:
            conn.execute(statement)
    assert len(_rows(engine)) == 4


def test_a_detail_that_is_no_json_object_leaves_the_fields_empty() -> None:
    entry = {"seq": 9, "kind": "refusal", "at_utc": "t", "at_astana": "a", "actor_iin": None,
             "resource": None, "basis": "[1]", "detail": "{not json"}
    facts = facts_of(entry)
    assert {k: facts[k] for k in ("code", "endpoint", "count", "params", "case_number")} == \
        dict.fromkeys(("code", "endpoint", "count", "params", "case_number"))
