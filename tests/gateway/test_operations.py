"""Maintenance notices, the emergency journal and downtime refusals (R-Q-3, R-OPS-1, R-LOG-3)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import update

from gateway import journal
from gateway.models import users
from gateway.operations import SECTIONS
from gateway.problems import CODES, PROBLEM_MEDIA_TYPE
from signing.sandbox_pki import SANDBOX_USERS, SandboxUser
from transport.canonical import canonical_json
from transport.clock import iso, now_astana
from transport.protocol import API_PREFIX, QueryRequest

from .helpers import Gw, bearer, login, query_request, sign_payload, signed_query

ANALYST, OPERATOR = SANDBOX_USERS[0], SANDBOX_USERS[3]


def set_role(gw: Gw, user: SandboxUser, role: str) -> None:
    with gw.engine.begin() as conn:
        conn.execute(update(users).where(users.c.iin == user.iin).values(role=role))


def token_of(gw: Gw, user: SandboxUser) -> str:
    return login(gw.client, gw.pki.software_signers(user)[0])


def op_write(gw: Gw, user: SandboxUser, path: str, payload: dict[str, Any],
             token: str | None = None) -> Any:
    """POST an operations payload signed by `user`'s signing key, like a query."""
    body = {"nonce": QueryRequest.new_nonce(), "issued_at": iso(now_astana()), **payload}
    signed = sign_payload(canonical_json(body), gw.pki.software_signers(user)[1])
    return gw.client.post(f"{API_PREFIX}{path}", json=signed,
                          headers=bearer(token or token_of(gw, user)))


def ask(gw: Gw, token: str, resource: int) -> Any:
    req = query_request(ANALYST.iin, resource=resource)
    signer = gw.pki.software_signers(ANALYST)[1]
    return gw.client.post(f"{API_PREFIX}/queries", json=signed_query(req, signer),
                          headers=bearer(token))


def assert_problem(response: Any, code: str) -> None:
    assert response.headers["content-type"].startswith(PROBLEM_MEDIA_TYPE), response.text
    assert response.json()["code"] == code and response.status_code == CODES[code][0]


def last(gw: Gw) -> journal.JournalEntry:
    return journal.entries(gw.engine)[-1]


@pytest.mark.req("R-Q-3")
def test_notice_refuses_queries_to_its_resources_during_the_window(gw: Gw) -> None:
    set_role(gw, OPERATOR, "operator")
    now = now_astana()
    token = token_of(gw, ANALYST)
    elsewhere = op_write(gw, OPERATOR, "/notices", {
        "title_kk": "№2 жұмыстары", "title_ru": "Работы на №2",
        "starts_at": iso(now - dt.timedelta(minutes=5)),
        "ends_at": iso(now + dt.timedelta(hours=1)),
        "resources": [2]})
    assert elsewhere.status_code == 200, elsewhere.text
    assert ask(gw, token, 1).status_code == 200  # works elsewhere do not stop №1
    published = op_write(gw, OPERATOR, "/notices", {
        "title_kk": "Жоспарлы техникалық жұмыстар", "title_ru": "Плановые технические работы",
        "starts_at": iso(now - dt.timedelta(minutes=5)),
        "ends_at": iso(now + dt.timedelta(hours=1)),
        "resources": [1]})
    assert published.status_code == 200, published.text
    notice = last(gw)
    assert notice.kind == "notice" and notice.actor_iin == OPERATOR.iin
    assert notice.detail_obj()["resources"] == [1] and notice.detail_obj()["signature"]
    upcoming = op_write(gw, OPERATOR, "/notices", {
        "title_kk": "Келесі жұмыстар", "title_ru": "Следующие работы",
        "starts_at": iso(now + dt.timedelta(days=2)),
        "ends_at": iso(now + dt.timedelta(days=2, hours=2))})
    assert upcoming.status_code == 200, upcoming.text

    listed = gw.client.get(f"{API_PREFIX}/notices", headers=bearer(token)).json()
    assert [n["seq"] for n in listed["current"]] == [elsewhere.json()["seq"], notice.seq]
    assert [n["resources"] for n in listed["upcoming"]] == [None]  # null: all resources

    refused = ask(gw, token, 1)
    assert_problem(refused, "maintenance")
    entry = last(gw)  # R-LOG-1: the refusal is a request too
    assert entry.kind == "refusal" and entry.detail_obj()["code"] == "maintenance"
    assert entry.resource == 1 and entry.actor_iin == ANALYST.iin


@pytest.mark.req("R-OPS-1", "R-LOG-3", "R-Q-3", "R-Q-4")
def test_emergency_journal_rows_close_and_long_ones_are_outages(gw: Gw) -> None:
    set_role(gw, OPERATOR, "operator")
    op_token, token = token_of(gw, OPERATOR), token_of(gw, ANALYST)
    now = now_astana()
    opened = op_write(gw, OPERATOR, "/emergency", {
        "section": "power_failure", "actions": "Переход на ИБП, вызов энергослужбы",
        "max_time_min": 120, "responsible": "Дежурный инженер Серіков А.",
        "started_at": iso(now - dt.timedelta(hours=2))}, op_token)
    assert opened.status_code == 200, opened.text
    row_seq = opened.json()["seq"]
    assert_problem(ask(gw, token, 1), "emergency_downtime")  # resources null: all are down

    view = gw.client.get(f"{API_PREFIX}/emergency", headers=bearer(token)).json()
    assert [s["section"] for s in view["sections"]] == list(SECTIONS)  # the six of App.6
    power = next(s for s in view["sections"] if s["section"] == "power_failure")
    assert power["title_ru"] == "Отключение электропитания"
    (row,) = power["rows"]
    assert row["no"] == 1 and row["state"] == "open" and row["ended_at"] is None
    assert row["max_time_min"] == 120 and row["over_one_hour"] and view["open"] == 1

    closed = op_write(gw, OPERATOR, "/emergency/close",
                      {"entry_seq": row_seq, "ended_at": iso(now)}, op_token)
    assert closed.status_code == 200, closed.text
    closing, outage = journal.entries(gw.engine)[-2:]
    assert closing.kind == "emergency_closed" and closing.detail_obj()["over_one_hour"] is True
    assert closing.detail_obj()["duration_s"] == 7200
    # R-LOG-3: more than one hour of delay is journaled explicitly as an outage.
    assert outage.kind == "outage" and outage.detail_obj()["entry_seq"] == row_seq
    assert outage.detail_obj()["closing_seq"] == closing.seq
    assert ask(gw, token, 1).status_code == 200  # closed: service is back

    again = op_write(gw, OPERATOR, "/emergency/close",
                     {"entry_seq": row_seq, "ended_at": iso(now)}, op_token)
    assert_problem(again, "emergency_not_open")

    short = op_write(gw, OPERATOR, "/emergency", {
        "section": "air_conditioning", "actions": "Резервный кондиционер", "max_time_min": 30,
        "responsible": "Инженер", "started_at": iso(now - dt.timedelta(minutes=30)),
        "resources": []}, op_token)  # recorded without downtime
    assert ask(gw, token, 1).status_code == 200
    op_write(gw, OPERATOR, "/emergency/close",
             {"entry_seq": short.json()["seq"], "ended_at": iso(now)}, op_token)
    assert last(gw).kind == "emergency_closed"
    assert last(gw).detail_obj()["over_one_hour"] is False  # no outage entry for it
    view = gw.client.get(f"{API_PREFIX}/emergency", headers=bearer(token)).json()
    assert view["open"] == 0
    assert journal.verify_chain(journal.entries(gw.engine)) is None


@pytest.mark.req("R-Q-3", "R-LOG-1")
def test_only_the_operator_writes_and_only_users_read(gw: Gw) -> None:
    refused = op_write(gw, ANALYST, "/notices", {
        "title_kk": "x", "title_ru": "x", "starts_at": iso(now_astana()),
        "ends_at": iso(now_astana() + dt.timedelta(hours=1))})
    assert_problem(refused, "operator_only")
    assert last(gw).kind == "refusal" and last(gw).detail_obj()["code"] == "operator_only"
    assert_problem(gw.client.get(f"{API_PREFIX}/notices"), "session_invalid")
    assert_problem(gw.client.get(f"{API_PREFIX}/emergency"), "session_invalid")

    set_role(gw, OPERATOR, "operator")
    bad = op_write(gw, OPERATOR, "/emergency", {
        "section": "earthquake", "actions": "a", "max_time_min": 1, "responsible": "r",
        "started_at": iso(now_astana())})
    assert_problem(bad, "request_invalid")  # only the six App.6 sections exist
    token = token_of(gw, OPERATOR)
    body = {"nonce": QueryRequest.new_nonce(), "issued_at": iso(now_astana()),
            "section": "flooding", "actions": "a", "max_time_min": 5, "responsible": "r",
            "started_at": iso(now_astana()), "resources": []}
    signed = sign_payload(canonical_json(body), gw.pki.software_signers(OPERATOR)[1])
    first = gw.client.post(f"{API_PREFIX}/emergency", json=signed, headers=bearer(token))
    assert first.status_code == 200, first.text
    replay = gw.client.post(f"{API_PREFIX}/emergency", json=signed, headers=bearer(token))
    assert_problem(replay, "nonce_replayed")


@pytest.mark.req("R-Q-3")
def test_openapi_lists_every_endpoint(gw: Gw) -> None:
    spec = gw.client.get("/openapi.json").json()
    listed = {(path, method) for path, ops in spec["paths"].items() for method in ops}
    routes = {(r.path, m.lower()) for r in gw.client.app.routes  # type: ignore[attr-defined]
              for m in getattr(r, "methods", ()) or ()
              if getattr(r, "include_in_schema", False) and m != "HEAD"}
    assert routes <= listed
    for path, method in [("/notices", "get"), ("/notices", "post"), ("/emergency", "get"),
                         ("/emergency", "post"), ("/emergency/close", "post"),
                         ("/reports", "get"), ("/queries", "post"), ("/auth/login", "post")]:
        assert (API_PREFIX + path, method) in listed
