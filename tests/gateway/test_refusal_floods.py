"""Anonymous floods make a bounded number of journal rows that still count every refusal; named
refusals, 404/405/422 and reads of reports and operator lists are journaled (issue 9, holes 8
and 10) — on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
import time
from types import SimpleNamespace

import httpx
import pytest
from sqlalchemy import Engine, text, update

from gateway import context, journal
from gateway.context import RefusalJournal, RequestContext
from gateway.models import users
from gateway.problems import CODES, PROBLEM_MEDIA_TYPE, Refusal
from gateway.registry import SANDBOX_OPERATOR
from signing.sandbox_pki import SANDBOX_USERS
from transport.clock import now_astana
from transport.protocol import API_PREFIX

from .helpers import Gw, bearer, login

ANALYST = SANDBOX_USERS[0]
QUERIES, LOGIN = f"{API_PREFIX}/queries", f"{API_PREFIX}/auth/login"
APPLICATIONS = f"{API_PREFIX}/operator/applications"


def _refusals(gw: Gw, since: int = 0) -> list[journal.JournalEntry]:
    return [e for e in journal.entries(gw.engine, since) if e.kind == "refusal"]


def _count(entries: list[journal.JournalEntry], code: str | None = None) -> int:
    return sum(e.detail_obj().get("count", 1) for e in entries
               if code is None or e.detail_obj()["code"] == code)


def _head(gw: Gw) -> int:
    entries = journal.entries(gw.engine)
    return entries[-1].seq if entries else 0


def _break_the_journal(gw: Gw) -> None:
    with gw.engine.begin() as conn:
        if gw.engine.dialect.name == "sqlite":
            conn.execute(text("CREATE TRIGGER t_fail BEFORE INSERT ON journal "
                              "BEGIN SELECT RAISE(ABORT, 'disk on fire'); END"))
        else:
            conn.execute(text("CREATE FUNCTION t_fail() RETURNS trigger LANGUAGE plpgsql AS $$ "
                              "BEGIN RAISE EXCEPTION 'disk on fire'; END $$"))
            conn.execute(text("CREATE TRIGGER t_fail BEFORE INSERT ON journal "
                              "FOR EACH ROW EXECUTE FUNCTION t_fail()"))


async def _flood(gw: Gw, count: int, *, peer: str = "192.0.2.7") -> list[httpx.Response]:
    """`count` bad bodies from one peer, all at once, through the real ASGI app."""
    transport = httpx.ASGITransport(app=gw.client.app, client=(peer, 40000))
    async with httpx.AsyncClient(transport=transport, base_url="http://gw") as client:
        return await asyncio.wait_for(asyncio.gather(*(
            client.post(QUERIES, content=b"{not json", headers={"content-type": "application/json"})
            for _ in range(count))), timeout=120)


@pytest.mark.req("R-LOG-1")
def test_a_thousand_anonymous_bad_requests_make_a_few_rows_counting_all(gw: Gw) -> None:
    gw.config.refusal_window_s, gw.config.refusals_itemized = 1.0, 10
    gw.config.rate_limit_per_s, gw.config.rate_limit_burst = 10, 300
    before = _head(gw)
    started = time.monotonic()
    answers = asyncio.run(_flood(gw, 1000))
    took = time.monotonic() - started
    codes = [a.json()["code"] for a in answers]
    assert set(codes) == {"malformed_json", "rate_limited"}, set(codes)
    assert all(a.status_code == CODES[c][0] for a, c in zip(answers, codes, strict=True))
    limited = [a for a in answers if a.json()["code"] == "rate_limited"]
    assert len(limited) >= 600 and all(int(a.headers["retry-after"]) >= 1 for a in limited)
    rows = _refusals(gw, before)
    # Every refusal is counted in the journal, each before it was answered ...
    assert _count(rows) == 1000
    assert _count(rows, "malformed_json") == codes.count("malformed_json")
    assert _count(rows, "rate_limited") == codes.count("rate_limited")
    # ... in a bounded number of rows: per (peer, code, window) ten one by one, then one more.
    windows = int(took / gw.config.refusal_window_s) + 2
    assert len(rows) <= 2 * windows * (gw.config.refusals_itemized + 1), (len(rows), took)
    aggregates = [r for r in rows if r.detail_obj().get("aggregate")]
    assert aggregates and all(r.actor_iin is None for r in rows)
    big = max(aggregates, key=lambda r: r.detail_obj()["count"])
    detail = big.detail_obj()
    assert detail["peer"] == "192.0.2.7" and detail["count"] > 100
    assert detail["first_at"] <= detail["last_at"]
    assert detail["endpoint"] in ("query", f"POST {QUERIES}")
    assert journal.verify_chain(journal.entries(gw.engine)) is None
    print(f"\n1000 anonymous bad requests in {took:.2f} s -> {len(rows)} journal rows "
          f"({len(aggregates)} aggregate, largest count {detail['count']})")


@pytest.mark.req("R-LOG-1")
def test_refusals_that_name_someone_are_journaled_one_by_one(gw: Gw) -> None:
    gw.config.refusal_window_s, gw.config.refusals_itemized = 30.0, 3
    token = login(gw.client, gw.pki.software_signers(ANALYST)[0])
    before = _head(gw)
    for _ in range(25):
        response = gw.client.post(QUERIES, json={"payload": "x"}, headers=bearer(token))
        assert response.json()["code"] == "request_invalid"
    rows = _refusals(gw, before)
    assert len(rows) == 25
    assert all(r.actor_iin == ANALYST.iin and "count" not in r.detail_obj() for r in rows)
    assert len({r.request_sha256 for r in rows}) == 1 and rows[0].request_sha256


@pytest.mark.req("R-LOG-1")
def test_a_few_anonymous_refusals_keep_their_own_rows(gw: Gw) -> None:
    before = _head(gw)
    for _ in range(3):
        response = gw.client.post(QUERIES, content=b"[", headers={"content-type": "x"})
        assert response.json()["code"] == "malformed_json"
    rows = _refusals(gw, before)
    assert len(rows) == 3 and all(r.request_sha256 and r.detail_obj()["peer"] for r in rows)


@pytest.mark.req("R-LOG-1")
def test_counted_refusals_fail_closed_when_the_journal_fails(gw: Gw) -> None:
    gw.config.refusal_window_s, gw.config.refusals_itemized = 0.2, 0
    _break_the_journal(gw)
    response = gw.client.post(QUERIES, content=b"[", headers={"content-type": "x"})
    assert response.status_code == 503 and response.json()["code"] == "journal_unavailable"


@pytest.mark.req("R-LOG-1")
def test_404_405_and_query_parameter_422_are_journaled(gw: Gw) -> None:
    before = _head(gw)
    gone = gw.client.delete(LOGIN)
    assert gone.status_code == 405 and "POST" in gone.headers["allow"]
    assert gone.headers["content-type"].startswith(PROBLEM_MEDIA_TYPE)
    assert gw.client.get(f"{API_PREFIX}/nope").json()["code"] == "not_found"
    anonymous = gw.client.get(f"{APPLICATIONS}?overdue=maybe")
    assert anonymous.status_code == 422 and anonymous.json()["code"] == "request_invalid"
    token = login(gw.client, gw.pki.software_signers(SANDBOX_OPERATOR)[0])
    named = gw.client.get(f"{APPLICATIONS}?overdue=maybe", headers=bearer(token))
    assert named.status_code == 422
    rows = _refusals(gw, before)
    seen = [(r.detail_obj()["code"], r.detail_obj()["endpoint"], r.actor_iin) for r in rows]
    assert seen == [
        ("method_not_allowed", f"DELETE {LOGIN}", None),
        ("not_found", f"GET {API_PREFIX}/nope", None),
        ("request_invalid", f"GET {APPLICATIONS}", None),
        ("request_invalid", f"GET {APPLICATIONS}", SANDBOX_OPERATOR.iin),
    ]


def _reports_url() -> str:
    today = now_astana().date().isoformat()
    return f"{API_PREFIX}/reports?from={today}&to={today}"


@pytest.mark.req("R-LOG-1", "R-CTL-1")
def test_reads_of_reports_and_operator_lists_are_journaled(gw: Gw) -> None:
    operator = login(gw.client, gw.pki.software_signers(SANDBOX_OPERATOR)[0])
    before = _head(gw)
    listing = gw.client.get(f"{APPLICATIONS}?state=all&overdue=true", headers=bearer(operator))
    assert listing.status_code == 200, listing.text
    report = gw.client.get(_reports_url(), headers=bearer(operator))
    assert report.status_code == 200, report.text
    analyst = login(gw.client, gw.pki.software_signers(ANALYST)[0])
    denied = gw.client.get(_reports_url(), headers=bearer(analyst))
    assert denied.json()["code"] == "controller_only"
    reads = [e for e in journal.entries(gw.engine, before) if e.kind == "read"]
    today = now_astana().date().isoformat()
    assert [(r.actor_iin, r.detail_obj()["endpoint"], r.detail_obj()["params"]) for r in reads] \
        == [(SANDBOX_OPERATOR.iin, "applications", {"state": "all", "overdue": "true"}),
            (SANDBOX_OPERATOR.iin, "reports", {"from": today, "to": today})]
    assert all(r.cert_serial and r.detail_obj()["peer"] for r in reads)


@pytest.mark.req("R-LOG-1", "R-CTL-1")
def test_a_read_the_journal_cannot_take_is_not_answered(gw: Gw) -> None:
    with gw.engine.begin() as conn:
        conn.execute(update(users).where(users.c.iin == ANALYST.iin).values(role="controller"))
    controller = login(gw.client, gw.pki.software_signers(ANALYST)[0])
    _break_the_journal(gw)
    response = gw.client.get(_reports_url(), headers=bearer(controller))
    assert response.status_code == 503 and response.json()["code"] == "journal_unavailable"
    assert "rows" not in response.text


def test_windows_stay_bounded_when_addresses_rotate(engine: Engine,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(context, "_MAX_WINDOWS", 5)
    refusals = RefusalJournal(engine, SimpleNamespace(refusal_window_s=60.0, refusals_itemized=1),
                              clock=lambda: 100.0)
    answers = [refusals.refuse(Refusal("malformed_json"),
                               RequestContext("query", peer=f"2001:db8:{i}::1"))
               for i in range(50)]
    assert len(refusals._windows) <= 6
    counted = [a for a in answers if a.status_code == 400 and hasattr(a, "batch")]
    assert counted and {a.batch.peer for a in counted} == {"many"}
    itemized = [e for e in journal.entries(engine) if e.kind == "refusal"]
    assert len(itemized) + sum(a.batch.count for a in counted[:1]) == 50
