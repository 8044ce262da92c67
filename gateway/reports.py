"""The "Reports" function of departmental control (R-CTL-1): every request of the agency's users
by period, user, resource and basis, with dispositions (R-RES-1) and anomalies, from the journal.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
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
from gateway.models import journal as journal_table
from gateway.models import journal_head, users
from gateway.problems import Refusal
from signing.cms import sign_detached
from signing.signer import Signer
from transport.canonical import canonical_json
from transport.clock import iso, now_utc, parse_iso, to_astana
from transport.protocol import API_PREFIX

REPORT_ROLES = frozenset({"controller", "operator"})
_KINDS = ("query", "refusal", "disposition")


@dataclass(frozen=True)
class Settings:
    """The report's thresholds (defaults as in GatewayConfig)."""

    retention_days: int = 30
    office_start_hour: int = 9
    office_end_hour: int = 19
    office_weekdays: tuple[int, ...] = (0, 1, 2, 3, 4)
    bulk_per_hour: int = 30
    many_users: int = 3

    @classmethod
    def of(cls, config: GatewayConfig) -> Settings:
        return cls(**{f.name: getattr(config, f.name) for f in fields(cls)})


def _rows_of(engine: Engine) -> tuple[list[dict[str, Any]], dict[str, dict[str, str]],
                                      tuple[int, str]]:
    """Journal rows of the kinds a report needs, the users, and the journal head."""
    with engine.connect() as conn:
        rows = [dict(r) for r in conn.execute(
            select(journal_table).where(journal_table.c.kind.in_(_KINDS))
            .order_by(journal_table.c.seq)).mappings()]
        people = {r.iin: {"name": r.name, "role": r.role, "organization": r.organization}
                  for r in conn.execute(select(users.c.iin, users.c.name, users.c.role,
                                               users.c.organization))}
        head = conn.execute(select(journal_head.c.seq, journal_head.c.hash)).one()
    return rows, people, (int(head.seq), head.hash)


def _dispositions(rows: Iterable[dict[str, Any]]) -> dict[object, dict[str, Any]]:
    """Disposition details keyed by the query's seq and by its request hash (either may link)."""
    found: dict[object, dict[str, Any]] = {}
    for row in rows:
        if row["kind"] != "disposition":
            continue
        detail = json.loads(row["detail"])
        merged_into = [found.get(("seq", detail.get("query_seq"))),
                       found.get(("sha", row["request_sha256"]))]
        merged = next((m for m in merged_into if m is not None), {})
        merged.update({k: v for k, v in detail.items() if v is not None})
        if detail.get("query_seq") is not None:
            found[("seq", int(detail["query_seq"]))] = merged
        if row["request_sha256"]:
            found[("sha", row["request_sha256"])] = merged
    return found


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
    rows, people, (head_seq, head_hash) = _rows_of(engine)
    disposed = _dispositions(rows)
    retention = timedelta(days=config.retention_days)
    out: list[dict[str, Any]] = []
    unattributed = 0
    for row in rows:
        if row["kind"] == "disposition" or not start.isoformat() <= row["at_astana"][:10] \
                <= end.isoformat():
            continue
        if row["actor_iin"] is None or row["actor_iin"] not in people:
            unattributed += 1  # refused before anyone could be named: counted, not listed
            continue
        detail = json.loads(row["detail"])
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
            item.update(_disposition_of(row, disposed, moment, retention))
        out.append(item)
    anomalies = _anomalies(out, config)
    return {
        "report": "SIO requests (R-CTL-1)",
        "period": {"from": start.isoformat(), "to": end.isoformat(), "zone": "Asia/Almaty"},
        "generated_at": iso(to_astana(moment)),
        "journal": {"last_seq": head_seq, "head_hash": head_hash},
        "settings": {"retention_days": config.retention_days,
                     "office_hours": [config.office_start_hour, config.office_end_hour],
                     "office_weekdays": list(config.office_weekdays),
                     "bulk_per_hour": config.bulk_per_hour, "many_users": config.many_users},
        "totals": _totals(out, anomalies, unattributed),
        "rows": out,
        "anomalies": anomalies,
    }


def _disposition_of(row: dict[str, Any], disposed: dict[object, dict[str, Any]],
                    now: datetime, retention: timedelta) -> dict[str, Any]:
    found = disposed.get(("seq", int(row["seq"]))) or disposed.get(("sha", row["request_sha256"]))
    if found:
        state = "destroyed" if found.get("destroyed_at") else "attached"
        return {"disposition": state, "attached_to": found.get("attached_to"),
                "destroyed_at": found.get("destroyed_at")}
    # R-RES-1: the client may not report dispositions yet; missing ones are counted honestly.
    overdue = parse_iso(row["at_utc"]) + retention < now
    return {"disposition": "overdue" if overdue else "pending", "attached_to": None,
            "destroyed_at": None}


def _off_hours(at: datetime, config: Settings) -> bool:
    return (at.weekday() not in config.office_weekdays
            or not config.office_start_hour <= at.hour < config.office_end_hour)


def _anomalies(rows: list[dict[str, Any]], config: Settings) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for r in rows:
        if r.get("disposition") == "overdue":
            found.append({"kind": "no_disposition", "seq": r["seq"], "user_iin": r["user_iin"],
                          "resource": r["resource"], "at": r["at"]})
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
                         for k in ("attached", "destroyed", "pending", "overdue")},
        "anomalies": dict(sorted(Counter(a["kind"] for a in anomalies).items())),
    }


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


def table(doc: dict[str, Any]) -> str:
    """A human-readable rendering for the terminal."""
    t = doc["totals"]
    lines = [f"Requests {doc['period']['from']} .. {doc['period']['to']} (Astana time): "
             f"{t['requests']} ({t['answered']} answered, {t['refused']} refused; "
             f"{t['unattributed_refusals']} unattributed refusals)",
             "dispositions: " + ", ".join(f"{k} {v}" for k, v in t["dispositions"].items()),
             "", f"{'seq':>6}  {'at':25}  {'user':12}  {'res':>3}  {'case':20}  outcome"]
    for r in doc["rows"]:
        outcome = r.get("disposition") if r["outcome"] == "answered" else r["code"]
        lines.append(f"{r['seq']:>6}  {r['at']:25}  {r['user_iin']:12}  {r['resource'] or '':>3}"
                     f"  {(r['case_number'] or '')[:20]:20}  {r['outcome']} {outcome or ''}")
    lines += ["", f"anomalies: {len(doc['anomalies'])}"]
    lines += [f"  {a['kind']}: " + ", ".join(f"{k}={v}" for k, v in a.items() if k != "kind")
              for a in doc["anomalies"]]
    return "\n".join(lines)


def add_routes(app: FastAPI, engine: Engine, config: GatewayConfig,
               refuse: Callable[[Refusal, RequestContext], Response]) -> None:
    """GET /v1/reports?from=YYYY-MM-DD&to=YYYY-MM-DD for controllers and the operator."""

    def work(authorization: str | None, start: str, end: str) -> dict[str, Any]:
        session = auth.session_of(engine, authorization)
        with engine.connect() as conn:
            user = registry.require_active(conn, session.iin)
        if user.role not in REPORT_ROLES:
            raise Refusal("controller_only", f"role {user.role!r} may not see reports")
        try:
            first, last = date.fromisoformat(start), date.fromisoformat(end)
        except ValueError as exc:
            raise Refusal("param_invalid", "from and to are dates YYYY-MM-DD") from exc
        return build(engine, Settings.of(config), first, last)

    async def reports_endpoint(request: Request,
                               start: Annotated[str, Query(alias="from")] = "",
                               end: Annotated[str, Query(alias="to")] = "") -> Response:
        ctx = RequestContext(endpoint="reports",
                             peer=request.client.host if request.client else None)
        try:
            doc = await run_in_threadpool(work, request.headers.get("authorization"), start, end)
        except Refusal as refusal:
            return await run_in_threadpool(refuse, refusal, ctx)
        return JSONResponse(doc)

    app.add_api_route(API_PREFIX + "/reports", reports_endpoint, methods=["GET"],
                      summary="The departmental-control report (R-CTL-1)")
