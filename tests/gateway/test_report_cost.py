"""The controller's report reads only its period (issues 10, 13): its one scan reads the narrow
request_facts rows, never the journal's details, finds the period by its time index on both
backends, and the work SQLite does for a day does not grow with the entries of other days
(R-CTL-1). Structure, not timing: ./run bench times it."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, event, insert, select, text

from gateway import journal, reports
from gateway.db import make_engine, migrate, write_tx
from gateway.models import users

DAY = dt.date(2025, 3, 4)
INDEX = "ix_request_facts_at"


def _plan(engine: Engine, start: dt.date, end: dt.date) -> str:
    query = reports.report_query(start, end, 10**12)
    sql = str(query.compile(engine, compile_kwargs={"literal_binds": True}))
    with engine.connect() as conn:
        if engine.dialect.name == "postgresql":
            # A few rows are cheaper to read whole; with that made dear, the plan shows whether
            # the period's conditions can use the index at all.
            conn.execute(text("SET LOCAL enable_seqscan = off"))
            return "\n".join(r[0] for r in conn.exec_driver_sql("EXPLAIN " + sql))
        return "\n".join(str(r[-1]) for r in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql))


@pytest.mark.req("R-CTL-1")
def test_the_reports_scan_uses_the_time_index(engine: Engine) -> None:
    plan = _plan(engine, DAY, DAY + dt.timedelta(days=30))
    assert INDEX in plan, plan
    assert not re.search(r"\bjournal\b", plan), plan  # never the table of the 5 KB details
    if engine.dialect.name == "sqlite":
        assert "SCAN" not in plan and "TEMP B-TREE" not in plan, plan  # no full scan, no sort
    # The widest period there is still goes through it (its bounds are text, not dates).
    assert INDEX in _plan(engine, dt.date(1, 1, 1), dt.date(9999, 12, 30))


def _fill(engine: Engine, day: dt.date, n: int) -> None:
    noon = dt.datetime.combine(day, dt.time(7), tzinfo=dt.UTC)
    with write_tx(engine) as conn:
        if conn.execute(select(users.c.iin)).first() is None:
            conn.execute(insert(users).values(iin="900101300015", name="Analyst",
                                              registered_at="2025-01-01T00:00:00+05:00"))
        for i in range(n):
            journal.append(conn, "query", actor_iin="900101300015", resource=1,
                           basis={"case_number": f"K-{i}"}, request_sha256="a" * 64,
                           detail={"endpoint": "query", "request": json.dumps(
                               {"params": {"iin": f"{i:012d}"}})},
                           at=noon + dt.timedelta(seconds=i))


@contextmanager
def _steps(engine: Engine) -> Iterator[list[int]]:
    """SQLite's virtual-machine steps (in thousands) spent while the block runs."""
    counted = [0]

    def tick() -> int:
        counted[0] += 1
        return 0

    def on_checkout(dbapi_conn: Any, _record: Any, _proxy: Any) -> None:
        dbapi_conn.set_progress_handler(tick, 1000)

    event.listen(engine, "checkout", on_checkout)
    engine.dispose()  # connections made before the listener are not counted otherwise
    try:
        yield counted
    finally:
        event.remove(engine, "checkout", on_checkout)


def _report_steps(engine: Engine, day: dt.date) -> tuple[int, dict[str, Any]]:
    out = io.BytesIO()
    with _steps(engine) as counted:
        reports.write(engine, reports.Settings(), day, day, out)
    doc = json.loads(out.getvalue())
    assert out.getvalue() == reports.to_bytes(doc)  # the bytes json.dumps(indent=2) gives
    return counted[0], doc


@pytest.mark.req("R-CTL-1")
def test_a_days_report_costs_the_same_however_full_other_days_are(tmp_path: Path) -> None:
    alone, among = _engine(tmp_path / "alone"), _engine(tmp_path / "among")
    try:
        _fill(alone, DAY, 3)
        _fill(among, DAY - dt.timedelta(days=1), 2000)  # a busy day before...
        _fill(among, DAY, 3)
        _fill(among, DAY + dt.timedelta(days=2), 2000)  # ...and one after
        for day, requests in ((DAY, 3), (DAY + dt.timedelta(days=1), 0)):
            few, doc = _report_steps(alone, day)
            many, busy = _report_steps(among, day)
            assert doc["totals"]["requests"] == busy["totals"]["requests"] == requests
            assert [r["params"] for r in busy["rows"]] == [r["params"] for r in doc["rows"]]
            # Reading the 4,000 other entries would cost thousands of steps; the index a few.
            assert many <= few + 20, (day, few, many)
    finally:
        alone.dispose()
        among.dispose()


def _engine(directory: Path) -> Engine:
    directory.mkdir()
    engine = make_engine(f"sqlite:///{directory / 'gateway.sqlite'}")
    migrate(engine)
    return engine


@pytest.mark.req("R-CTL-1")
def test_a_report_process_imports_no_migrations_validation_or_signing(tmp_path: Path) -> None:
    # A fresh `sio-gateway report --db` spent ~1 s importing Alembic (to find the schema
    # current), pydantic (one constant of the protocol) and the signing code (issue 10).
    engine = _engine(tmp_path / "db")
    _fill(engine, DAY, 3)
    engine.dispose()
    url = f"sqlite:///{tmp_path / 'db' / 'gateway.sqlite'}"
    probe = ("import sys; from gateway.cli import main; code = main(sys.argv[1:]); "
             "sys.stdout.flush(); print(sorted({m.split('.')[0] for m in sys.modules} & "
             "{'alembic', 'pydantic', 'cryptography', 'fastapi', 'signing'}), file=sys.stderr); "
             "sys.exit(code)")
    done = subprocess.run([sys.executable, "-c", probe, "report", "--from", DAY.isoformat(),
                           "--to", DAY.isoformat(), "--db", url, "--json"],
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["totals"]["requests"] == 3
    assert done.stderr.strip().splitlines()[-1] == "[]", done.stderr


def test_attached_dispositions_are_the_protocols() -> None:
    from transport.protocol import ATTACHED_ACTIONS

    assert reports.ATTACHED == ATTACHED_ACTIONS  # R-RES-1: the report's copy of the set
