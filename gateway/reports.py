"""The "Reports" function of departmental control (R-CTL-1): every request of the agency's users
by period, user, resource and basis, with what became of each result (R-RES-1) and anomalies.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, fields
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Annotated, Any

from fastapi import FastAPI, Query, Request
from sqlalchemy import Engine, select
from starlette.concurrency import run_in_threadpool
from starlette.responses import JSONResponse, Response

from gateway import auth, registry
from gateway.config import GatewayConfig
from gateway.context import RequestContext
from gateway.models import dispositions, journal_head, users
from gateway.models import journal as journal_table
from gateway.problems import Refusal
from signing.cms import sign_detached
from signing.signer import Signer
from transport.canonical import canonical_json
from transport.clock import iso, now_utc, parse_iso, to_astana
from transport.protocol import API_PREFIX, ATTACHED_ACTIONS

REPORT_ROLES = frozenset({"controller", "operator"})
_KINDS = ("query", "refusal")
# R-RES-1: what became of an answered request's result. Attached (printed and/or exported into
# the case material) or destroyed unattached, as the user signed it; otherwise pending until the
# retention time has passed, then overdue.
DISPOSITION_STATES = ("printed", "exported", "printed_and_exported", "destroyed_unattached",
                      "pending", "overdue")


@dataclass(frozen=True)
class Settings:
    """The report's thresholds (defaults as in GatewayConfig)."""

    retention_hours: int = 8
    office_start_hour: int = 9
    office_end_hour: int = 19
    office_weekdays: tuple[int, ...] = (0, 1, 2, 3, 4)
    bulk_per_hour: int = 30
    many_users: int = 3

    @classmethod
    def of(cls, config: GatewayConfig) -> Settings:
        return cls(**{f.name: getattr(config, f.name) for f in fields(cls)})


_DISPOSITION_COLUMNS = (
    dispositions.c.journal_seq.label("d_seq"), dispositions.c.action.label("d_action"),
    dispositions.c.case_number.label("d_case_number"),
    dispositions.c.printout_sha256.label("d_printout_sha256"),
    dispositions.c.destroyed_at.label("d_destroyed_at"), dispositions.c.at_utc.label("d_at_utc"),
)


_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def period(start: str, end: str) -> tuple[date, date]:
    """The report's first and last day from their YYYY-MM-DD texts; ValueError (with what to
    say) unless both are such dates, in order, and the last is not the last day there is (the
    period is the half-open [first, last + 1 day) — issue 9: 9999-12-31 was a 500)."""
    if not (_DAY.fullmatch(start) and _DAY.fullmatch(end)):
        raise ValueError("from and to are dates YYYY-MM-DD")
    try:
        first, last = date.fromisoformat(start), date.fromisoformat(end)
    except ValueError as exc:
        raise ValueError("from and to are dates YYYY-MM-DD") from exc
    if first > last:
        raise ValueError("from is after to")
    if last == date.max:
        raise ValueError(f"to is before {date.max.isoformat()}")
    return first, last


def _rows_of(engine: Engine, start: date, end: date) -> tuple[
        list[dict[str, Any]], dict[str, dict[str, str]], tuple[int, str]]:
    """Requests and refusals of the period, each with its disposition (joined by the query's
    seq, never searched for in the journal), the users, and the journal head."""
    # at_astana is ISO text in Astana time (R-Q-5): its first ten characters are the date.
    first, after = start.isoformat(), (end + timedelta(days=1)).isoformat()
    with engine.connect() as conn:
        rows = [dict(r) for r in conn.execute(
            select(journal_table, *_DISPOSITION_COLUMNS)
            .select_from(journal_table.outerjoin(
                dispositions, dispositions.c.query_seq == journal_table.c.seq))
            .where(journal_table.c.kind.in_(_KINDS), journal_table.c.at_astana >= first,
                   journal_table.c.at_astana < after)
            .order_by(journal_table.c.seq)).mappings()]
        people = {r.iin: {"name": r.name, "role": r.role, "organization": r.organization}
                  for r in conn.execute(select(users.c.iin, users.c.name, users.c.role,
                                               users.c.organization))}
        head = conn.execute(select(journal_head.c.seq, journal_head.c.hash)).one()
    return rows, people, (int(head.seq), head.hash)


def _request_params(detail: dict[str, Any]) -> dict[str, Any] | None:
    try:
        params = json.loads(detail["request"])["params"]
    except (KeyError, ValueError, TypeError):
        return None
    return params if isinstance(params, dict) else None


def build(engine: Engine, config: Settings, start: date, end: date,
          now: datetime | None = None) -> dict[str, Any]:
    """The report over Astana dates start..end inclusive (R-Q-5), as one JSON document."""
    moment = now or now_utc()
    rows, people, (head_seq, head_hash) = _rows_of(engine, start, end)
    retention = timedelta(hours=config.retention_hours)
    out: list[dict[str, Any]] = []
    unattributed = 0
    for row in rows:
        detail = json.loads(row["detail"])
        if row["actor_iin"] is None or row["actor_iin"] not in people:
            # Refused before anyone could be named: counted, not listed; a flood is journaled
            # as aggregate rows that carry how many refusals each stands for.
            count = detail.get("count", 1) if isinstance(detail, dict) else 1
            unattributed += count if isinstance(count, int) and count > 0 else 1
            continue
        basis = json.loads(row["basis"]) if row["basis"] else {}
        person = people[row["actor_iin"]]
        item: dict[str, Any] = {
            "seq": int(row["seq"]), "at": row["at_astana"], "user_iin": row["actor_iin"],
            "user_name": person["name"], "role": person["role"], "resource": row["resource"],
            "case_number": basis.get("case_number"), "legal_ground": basis.get("legal_ground"),
            "purpose": basis.get("purpose"), "params": _request_params(detail),
            "outcome": "answered" if row["kind"] == "query" else "refused",
            "code": detail.get("code"), "endpoint": detail.get("endpoint"),
        }
        if row["kind"] == "query":
            item.update(_disposition_of(row, moment, retention))
        out.append(item)
    anomalies = _anomalies(out, config)
    return {
        "report": "SIO requests (R-CTL-1)",
        "period": {"from": start.isoformat(), "to": end.isoformat(), "zone": "Asia/Almaty"},
        "generated_at": iso(to_astana(moment)),
        "journal": {"last_seq": head_seq, "head_hash": head_hash},
        "settings": {"retention_hours": config.retention_hours,
                     "office_hours": [config.office_start_hour, config.office_end_hour],
                     "office_weekdays": list(config.office_weekdays),
                     "bulk_per_hour": config.bulk_per_hour, "many_users": config.many_users},
        "totals": _totals(out, anomalies, unattributed),
        "rows": out,
        "anomalies": anomalies,
    }


def _disposition_of(row: dict[str, Any], now: datetime, retention: timedelta) -> dict[str, Any]:
    """The disposition fields of an answered request's report row (R-RES-1)."""
    action = row["d_action"]
    if action is not None:
        attached = action in ATTACHED_ACTIONS
        return {
            "disposition": action,
            # The statement says when the local copy was destroyed; the client attaches and
            # then destroys at once (R-RES-1), so that is also when it went into the material.
            "attached_at": row["d_destroyed_at"] if attached else None,
            "attached_to": row["d_case_number"] if attached else None,  # as the user signed it
            "printout_sha256": row["d_printout_sha256"],
            "destroyed_at": row["d_destroyed_at"],
            "disposition_seq": int(row["d_seq"]),
            "reported_at": iso(to_astana(parse_iso(row["d_at_utc"]))),
        }
    overdue = parse_iso(row["at_utc"]) + retention < now
    return {"disposition": "overdue" if overdue else "pending", "attached_at": None,
            "attached_to": None, "printout_sha256": None, "destroyed_at": None,
            "disposition_seq": None, "reported_at": None}


def _off_hours(at: datetime, config: Settings) -> bool:
    return (at.weekday() not in config.office_weekdays
            or not config.office_start_hour <= at.hour < config.office_end_hour)


def _anomalies(rows: list[dict[str, Any]], config: Settings) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for r in rows:
        if r.get("disposition") == "overdue":
            found.append({"kind": "no_disposition", "seq": r["seq"], "user_iin": r["user_iin"],
                          "resource": r["resource"], "at": r["at"]})
        attached_to = r.get("attached_to")
        if attached_to is not None and attached_to.strip() != (r["case_number"] or "").strip():
            # R-Q-2, R-CTL-5: the result went into other material than the request named.
            found.append({"kind": "attached_elsewhere", "seq": r["seq"],
                          "user_iin": r["user_iin"], "case_number": r["case_number"],
                          "attached_to": attached_to})
        if _off_hours(parse_iso(r["at"]), config):
            found.append({"kind": "off_hours", "seq": r["seq"], "user_iin": r["user_iin"],
                          "resource": r["resource"], "at": r["at"]})
    found += _bulk(rows, config.bulk_per_hour)
    found += _one_subject(rows, config.many_users)
    return found


def _bulk(rows: list[dict[str, Any]], limit: int) -> list[dict[str, Any]]:
    """Episodes where one user sent more than `limit` requests within an hour."""
    by_user: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        by_user[r["user_iin"]].append(r)
    found = []
    for iin, mine in by_user.items():
        times = [parse_iso(r["at"]) for r in mine]
        i = 0
        while i < len(mine):
            j = i
            while j < len(mine) and times[j] - times[i] < timedelta(hours=1):
                j += 1
            if j - i > limit:
                found.append({"kind": "bulk", "user_iin": iin, "from": mine[i]["at"],
                              "to": mine[j - 1]["at"], "count": j - i,
                              "seqs": [r["seq"] for r in mine[i:j]]})
                i = j  # one episode per window, not one per request in it
            else:
                i += 1
    return found


def _one_subject(rows: list[dict[str, Any]], many: int) -> list[dict[str, Any]]:
    """The same parameters (e.g. one IIN) queried by at least `many` distinct users."""
    by_subject: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        if r["params"]:
            by_subject[canonical_json(r["params"]).decode("utf-8")].append(r)
    found = []
    for subject, mine in by_subject.items():
        who = sorted({r["user_iin"] for r in mine})
        if len(who) >= many:
            found.append({"kind": "one_subject", "params": json.loads(subject),
                          "users": who, "seqs": [r["seq"] for r in mine]})
    return found


def _totals(rows: list[dict[str, Any]], anomalies: list[dict[str, Any]],
            unattributed: int) -> dict[str, Any]:
    def count(key: str) -> dict[str, int]:
        return dict(sorted(Counter(str(r[key]) for r in rows).items()))

    return {
        "requests": len(rows),
        "answered": sum(1 for r in rows if r["outcome"] == "answered"),
        "refused": sum(1 for r in rows if r["outcome"] == "refused"),
        "unattributed_refusals": unattributed,
        "by_user": count("user_iin"), "by_resource": count("resource"),
        "by_basis": count("case_number"),
        "dispositions": {k: sum(1 for r in rows if r.get("disposition") == k)
                         for k in DISPOSITION_STATES},
        "by_user_disposition": _by_user_disposition(rows),
        "anomalies": dict(sorted(Counter(a["kind"] for a in anomalies).items())),
    }


def _by_user_disposition(rows: list[dict[str, Any]]) -> dict[str, dict[str, int]]:
    """iin → {state: count} over the answered requests, every state listed."""
    found: dict[str, dict[str, int]] = {}
    for r in rows:
        if r["outcome"] == "answered":
            mine = found.setdefault(r["user_iin"], dict.fromkeys(DISPOSITION_STATES, 0))
            mine[r["disposition"]] += 1
    return dict(sorted(found.items()))


def to_bytes(doc: dict[str, Any]) -> bytes:
    return (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def export(doc: dict[str, Any], out: Path, signer: Signer) -> Path:
    """Write the report and `out`.p7s, a detached CMS by the operator key; the .p7s path."""
    data = to_bytes(doc)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(data)
    sig = out.with_name(out.name + ".p7s")
    sig.write_bytes(sign_detached(data, signer))
    return sig


# CSI (ESC [ … final), OSC (ESC ] … BEL or ST), other two-byte escapes, and the 8-bit CSI.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-Z\\-_]"
    r"|\x9b[0-?]*[ -/]*[@-~]")


def clean(value: object) -> str:
    """`value` as text that cannot drive a terminal: escape sequences removed, control and
    format characters (bidi overrides included) dropped, line breaks and tabs made spaces. A
    case number or a parameter is whatever the user signed, and may hold any of them."""
    text = _ESCAPES.sub("", "" if value is None else str(value))
    return "".join(" " if ch in "\t\n\r\v\f" else ch for ch in text
                   if ch in "\t\n\r\v\f"
                   or unicodedata.category(ch) not in ("Cc", "Cf", "Zl", "Zp", "Cs", "Co"))


def _disposition_cell(r: dict[str, Any]) -> str:
    if r["outcome"] != "answered":
        return ""
    state = str(r.get("disposition") or "")
    return f"{state} -> {r['attached_to']}" if r.get("attached_to") else state


def table(doc: dict[str, Any]) -> str:
    """A human-readable rendering for the terminal; every string in it is clean()ed."""
    t = doc["totals"]
    lines = [f"Requests {clean(doc['period']['from'])} .. {clean(doc['period']['to'])} "
             f"(Astana time): {t['requests']} ({t['answered']} answered, {t['refused']} refused; "
             f"{t['unattributed_refusals']} unattributed refusals)",
             "dispositions: " + ", ".join(f"{clean(k)} {v}" for k, v in t["dispositions"].items()),
             "", f"{'seq':>6}  {'at':29}  {'user':12}  {'res':>3}  {'case':20}  {'outcome':30}"
             "  disposition"]
    for r in doc["rows"]:
        outcome = r["outcome"] if r["outcome"] == "answered" else f"refused {r['code'] or ''}"
        lines.append(f"{r['seq']:>6}  {clean(r['at']):29}  {clean(r['user_iin']):12}  "
                     f"{clean(r['resource'] or ''):>3}  {clean(r['case_number'])[:20]:20}  "
                     f"{clean(outcome):30}  {clean(_disposition_cell(r))[:60]}".rstrip())
    lines += ["", f"anomalies: {len(doc['anomalies'])}"]
    lines += [f"  {clean(a['kind'])}: " + ", ".join(
        f"{clean(k)}={clean(v)}" for k, v in a.items() if k != "kind") for a in doc["anomalies"]]
    return "\n".join(lines)


def add_routes(app: FastAPI, engine: Engine, config: GatewayConfig,
               refuse: Callable[[Refusal, RequestContext], Response]) -> None:
    """GET /v1/reports?from=YYYY-MM-DD&to=YYYY-MM-DD for controllers and the operator."""

    def work(authorization: str | None, start: str, end: str,
             ctx: RequestContext) -> dict[str, Any]:
        session = auth.session_of(engine, authorization)
        ctx.actor_iin = session.iin  # a refusal from here on names who asked
        with engine.connect() as conn:
            user = registry.require_active(conn, session.iin)
        if user.role not in REPORT_ROLES:
            raise Refusal("controller_only", f"role {user.role!r} may not see reports")
        try:
            first, last = period(start, end)
        except ValueError as exc:
            raise Refusal("param_invalid", str(exc)) from exc
        return build(engine, Settings.of(config), first, last)

    async def reports_endpoint(request: Request,
                               start: Annotated[str, Query(alias="from")] = "",
                               end: Annotated[str, Query(alias="to")] = "") -> Response:
        ctx = RequestContext(endpoint="reports",
                             peer=request.client.host if request.client else None)
        try:
            doc = await run_in_threadpool(work, request.headers.get("authorization"), start, end,
                                          ctx)
        except Refusal as refusal:
            return await run_in_threadpool(refuse, refusal, ctx)
        return JSONResponse(doc)

    app.add_api_route(API_PREFIX + "/reports", reports_endpoint, methods=["GET"],
                      summary="The departmental-control report (R-CTL-1)")
