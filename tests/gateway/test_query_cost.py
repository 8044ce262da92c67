"""Issue 10: a query costs the same whatever the length of the journal (R-Q-3, R-LOG-1).

The downtime check reads what is current from gateway.downtime's tables, never a replay of the
journal: one signed query runs the same SQL statements at a small journal and at one many
thousand entries longer (with hundreds of expired notices and closed emergencies in it), no
statement scans the journal, and on SQLite the database engine does about the same work
(VM instructions, counted by a progress handler — work, not time).
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import pytest
from sqlalchemy import Engine, event, select

from bench.journal_builder import Caps, Spec, build
from gateway.models import journal_head
from signing.sandbox_pki import SANDBOX_USERS
from transport.clock import iso, now_utc, to_astana
from transport.protocol import API_PREFIX

from .helpers import Gw, bearer, login, query_request, signed_query

ANALYST = SANDBOX_USERS[0]
_PROGRESS_EVERY = 1  # VM instructions per progress-handler call (SQLite counts per statement)


@dataclass
class Cost:
    statements: list[tuple[str, Any]] = field(default_factory=list)
    vm_steps: int = 0


@contextmanager
def counted(engine: Engine) -> Iterator[Cost]:
    """The SQL statements run on `engine` inside the block (and SQLite's VM steps)."""
    cost = Cost()
    hooked: list[sqlite3.Connection] = []

    def tick() -> int:
        cost.vm_steps += _PROGRESS_EVERY
        return 0

    def before(conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any,
               _many: bool) -> None:
        cost.statements.append((statement, parameters))
        raw = conn.connection.driver_connection
        if isinstance(raw, sqlite3.Connection) and raw not in hooked:
            raw.set_progress_handler(tick, _PROGRESS_EVERY)
            hooked.append(raw)

    event.listen(engine, "before_cursor_execute", before)
    try:
        yield cost
    finally:
        event.remove(engine, "before_cursor_execute", before)
        for raw in hooked:
            raw.set_progress_handler(None, 0)


def _ask(gw: Gw, token: str) -> None:
    signer = gw.pki.software_signers(ANALYST)[1]
    reply = gw.client.post(f"{API_PREFIX}/queries", headers=bearer(token),
                           json=signed_query(query_request(ANALYST.iin), signer))
    assert reply.status_code == 200, reply.text


def _history(entries: int) -> Iterator[Spec]:
    """Refusals, an expired notice every 50 entries and a closed emergency every 2 000 (both
    of resource 1, the one asked), all in the past day. Emergencies are rare events (2022
    App.6) and their table is read whole; notices are read by their end, the journal never."""
    start = now_utc() - dt.timedelta(days=1)
    for i in range(entries):
        at = start + dt.timedelta(seconds=i)
        when, until = iso(to_astana(at)), iso(to_astana(at + dt.timedelta(minutes=5)))
        if i % 50 == 0:
            yield Spec("notice", at, detail={"title_kk": "Ж", "title_ru": "Р", "starts_at": when,
                                             "ends_at": until, "resources": [1]})
        elif i % 2000 == 1:
            yield Spec("emergency", at, detail={
                "section": "flooding", "actions": "A", "max_time_min": 5, "responsible": "R",
                "started_at": when, "resources": None})
        elif i % 2000 == 2:
            yield Spec("emergency_closed", at, detail={"entry_seq": -1, "ended_at": until})
        else:
            yield Spec("refusal", at, detail={"code": "malformed_request", "n": i})


def _closings_fixed(specs: Iterator[Spec], first_seq: int) -> Iterator[Spec]:
    """Point each closing at the emergency just before it (its seq is known only here)."""
    for offset, spec in enumerate(specs):
        if spec.kind == "emergency_closed":
            detail = {**(spec.detail or {}), "entry_seq": first_seq + offset - 1}
            spec = Spec(spec.kind, spec.at, detail=detail)
        yield spec


def _scans_of_journal(gw: Gw, statements: list[tuple[str, Any]]) -> list[str]:
    found = []
    with gw.engine.connect() as conn:
        for statement, params in statements:
            if not statement.lstrip().upper().startswith("SELECT"):
                continue
            plan = conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", params).all()
            found += [f"{row[-1]} ← {statement}" for row in plan
                      if re.match(r"SCAN journal\b(?!_)", str(row[-1]))]
    return found


@pytest.mark.req("R-Q-3", "R-LOG-1")
def test_a_query_costs_the_same_at_any_journal_length(gw: Gw) -> None:
    token = login(gw.client, gw.pki.software_signers(ANALYST)[0])
    _ask(gw, token)  # warm: the first query of a process builds caches
    with counted(gw.engine) as small:
        _ask(gw, token)

    grow = 20_000 if gw.engine.dialect.name == "sqlite" else 3_000
    head = _head(gw.engine)
    caps = Caps(gw.config.segment_max_entries, gw.config.segment_max_age_s)
    assert build(gw.engine, _closings_fixed(_history(grow), head + 1),
                 gw.config.operator_signer, caps) == grow
    with counted(gw.engine) as large:
        _ask(gw, token)

    assert [s for s, _ in large.statements] == [s for s, _ in small.statements]
    if gw.engine.dialect.name == "sqlite":
        assert _scans_of_journal(gw, large.statements) == []
        # B-tree depth grows by a level or two; a replay would grow by the thousands of rows.
        assert large.vm_steps <= small.vm_steps * 1.2 + 2_000, (small.vm_steps,
                                                               large.vm_steps)


def _head(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(conn.execute(select(journal_head.c.seq)).scalar_one())


def test_a_query_reads_on_one_connection_before_its_write(gw: Gw) -> None:
    """Issue 10: the session, the registry row and the downtime check on one connection, then
    the write transaction — two pool checkouts."""
    token = login(gw.client, gw.pki.software_signers(ANALYST)[0])
    _ask(gw, token)
    checkouts: list[int] = []

    def checkout(_dbapi: Any, _record: Any, _proxy: Any) -> None:
        checkouts.append(1)

    event.listen(gw.engine, "checkout", checkout)
    try:
        _ask(gw, token)
    finally:
        event.remove(gw.engine, "checkout", checkout)
    assert len(checkouts) == 2


def test_a_query_reads_the_trust_store_once(gw: Gw, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 10: the session's revocation check and the signature's check use one trust store
    per request — config.trust() (a read of the trust directory when served) runs once a query.
    Counted by what the sandbox's trust_store looks at on each call (its CRLs' renewal)."""
    import signing.sandbox_pki as sandbox_pki

    token = login(gw.client, gw.pki.software_signers(ANALYST)[0])
    _ask(gw, token)
    looks: list[int] = []
    real = sandbox_pki._due

    def counting(crl: Any) -> bool:
        looks.append(1)
        return real(crl)

    monkeypatch.setattr(sandbox_pki, "_due", counting)
    gw.config.trust()
    per_call = len(looks)
    assert per_call > 0
    looks.clear()
    _ask(gw, token)
    assert len(looks) == per_call
