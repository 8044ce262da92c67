"""The departmental controller's use cases (R-CTL-1, R-CTL-2, R-CTL-5; 2022 §17, §21) and the
prosecutor's offline reading of a journal archive (R-CTL-3, R-LOG-1). Qt-free: the screens in
ui/reports_page.py and ui/archive_viewer.py call these from their worker thread."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.errors import DeskError
from transport.canonical import sha256_hex
from transport.clock import iso, now_astana

if TYPE_CHECKING:
    from app.desk import Desk
    from transport.protocol import Decision, RequestTrail, ReviewReceipt, ReviewState

CONTROLLER = "controller"
# Anomaly kinds as the gateway's report names them, and the one this client adds (own_iin).
ANOMALY_KINDS = ("no_disposition", "attached_elsewhere", "off_hours", "bulk", "one_subject",
                 "own_iin")
NO_DISPOSITION = frozenset({"pending", "overdue"})  # §21: a result with nothing done to it yet


def astana_today() -> date:
    return now_astana().date()


def last_month(today: date) -> tuple[date, date]:
    """The calendar month before `today`'s: the period "Reports" opens on (R-CTL-1)."""
    end = today.replace(day=1) - timedelta(days=1)
    return end.replace(day=1), end


@dataclass(frozen=True)
class Report:
    """One "Reports" document as the gateway sent it, and what the screen needs from it."""

    raw: bytes  # the gateway's bytes; a review signs their SHA-256
    doc: dict[str, Any]
    rows: list[dict[str, Any]]
    anomalies: list[dict[str, Any]]  # the gateway's and own_iin
    flags: dict[int, set[str]] = field(default_factory=dict)  # seq → anomaly kinds

    @property
    def sha256(self) -> str:
        return sha256_hex(self.raw)

    @property
    def period(self) -> tuple[str, str]:
        return str(self.doc["period"]["from"]), str(self.doc["period"]["to"])

    def users(self) -> list[tuple[str, str]]:
        """(IIN, name) of every user with a request in the period, by name."""
        found = {r["user_iin"]: str(r.get("user_name") or "") for r in self.rows}
        return sorted(found.items(), key=lambda kv: (kv[1], kv[0]))

    def values(self, key: str) -> list[str]:
        return sorted({str(r[key]) for r in self.rows if r.get(key) is not None})


def parse_report(raw: bytes) -> Report:
    """The report document; DeskError report_malformed if it is not the gateway's shape."""
    try:
        doc = json.loads(raw)
        rows, anomalies = list(doc["rows"]), list(doc["anomalies"])
        if not all(isinstance(doc["period"][k], str) for k in ("from", "to")):
            raise ValueError("the period is not two dates")
        if not all(isinstance(r, dict) and isinstance(r.get("seq"), int) for r in rows):
            raise ValueError("a row without its seq")
    except (ValueError, KeyError, TypeError) as exc:
        raise DeskError("report_malformed", detail=str(exc)) from exc
    if not any(a.get("kind") == "own_iin" for a in anomalies):  # a gateway before issue 13
        anomalies += own_iin(rows)
    return Report(raw, doc, rows, anomalies, flags_of(anomalies))


def own_iin(rows: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Requests in which the analyst looked up their own IIN (R-CTL-5: not a stated purpose)."""
    return [{"kind": "own_iin", "seq": r["seq"], "user_iin": r["user_iin"],
             "resource": r.get("resource"), "at": r.get("at")}
            for r in rows if isinstance(r.get("params"), dict)
            and r["user_iin"] in {str(v).strip() for v in r["params"].values()}]


def flags_of(anomalies: Iterable[dict[str, Any]]) -> dict[int, set[str]]:
    """Which anomalies each request takes part in (one seq, or a bulk/one-subject group)."""
    flags: dict[int, set[str]] = defaultdict(set)
    for a in anomalies:
        seqs = a.get("seqs") or ([a["seq"]] if "seq" in a else [])
        for seq in seqs:
            flags[int(seq)].add(str(a["kind"]))
    return dict(flags)


@dataclass(frozen=True)
class Filter:
    """The screen's filters; None matches everything (R-CTL-1: by user, resource, basis,
    disposition)."""

    user_iin: str | None = None
    resource: int | None = None
    basis: str | None = None  # a substring of the case number, legal ground or purpose
    disposition: str | None = None  # a DISPOSITION_STATES value, "refused", or "none" (§21)
    anomalous_only: bool = False

    def matches(self, row: dict[str, Any], flags: set[str]) -> bool:
        if self.user_iin is not None and row.get("user_iin") != self.user_iin:
            return False
        if self.resource is not None and row.get("resource") != self.resource:
            return False
        if self.basis:
            needle = self.basis.casefold()
            if not any(needle in str(row.get(k) or "").casefold()
                       for k in ("case_number", "legal_ground", "purpose")):
                return False
        if self.disposition is not None and disposition_of(row) != self.disposition and not (
                self.disposition == "none" and disposition_of(row) in NO_DISPOSITION):
            return False
        return not (self.anomalous_only and not flags)


def disposition_of(row: dict[str, Any]) -> str:
    """What became of the request's result (R-RES-1): a disposition state, or "refused"."""
    return "refused" if row.get("outcome") != "answered" else str(row.get("disposition") or "")


def select(report: Report, chosen: Filter) -> list[dict[str, Any]]:
    return [r for r in report.rows if chosen.matches(r, report.flags.get(r["seq"], set()))]


CSV_COLUMNS = ("seq", "at", "user_iin", "user_name", "resource", "case_number", "legal_ground",
               "purpose", "outcome", "code", "disposition", "attached_to", "destroyed_at",
               "anomalies")


def _cell(value: Any) -> str:
    text = "" if value is None else str(value)
    # A spreadsheet runs a cell that starts like a formula; the user typed these texts.
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def to_csv(report: Report, rows: Iterable[dict[str, Any]]) -> bytes:
    """The rows as CSV (UTF-8 with BOM, so spreadsheets read Kazakh letters), one per request."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for r in rows:
        flags = ";".join(sorted(report.flags.get(r["seq"], set())))
        writer.writerow([_cell(r.get(c)) if c not in ("disposition", "anomalies") else
                         (_cell(disposition_of(r)) if c == "disposition" else flags)
                         for c in CSV_COLUMNS])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


class Control:
    """The controller's calls to the gateway, through the desk's session and signing key."""

    def __init__(self, desk: Desk) -> None:
        self.desk = desk

    @property
    def is_controller(self) -> bool:
        """From the registry, as the gateway said at sign-in — never a local setting."""
        user = self.desk.user
        return user is not None and user.role == CONTROLLER

    def report(self, start: date, end: date) -> Report:
        raw = self.desk.with_session(
            lambda client, session: client.report(session, start.isoformat(), end.isoformat()))
        return parse_report(raw)

    def review_state(self) -> ReviewState:
        return self.desk.with_session(lambda client, session: client.review_state(session))

    def trail(self, seq: int) -> RequestTrail:
        return self.desk.with_session(lambda client, session: client.trail(session, seq))

    def review(self, report: Report, note: str) -> ReviewReceipt:
        """Sign and journal the review of `report` (R-CTL-1)."""
        from transport.protocol import QueryRequest, ReviewStatement

        me = self._me()
        first, last = report.period
        statement = ReviewStatement(
            period_from=first, period_to=last, report_sha256=report.sha256,
            requests=len(report.rows), anomalies=len(report.anomalies), note=note,
            nonce=QueryRequest.new_nonce(), issued_at=iso(now_astana()), controller_iin=me)
        return self.desk.send_signed(self.desk.client.review, statement.canonical())

    def block(self, iin: str, reason: str) -> Decision:
        """Block `iin` now (R-CTL-2, 2022 §17): signed with the controller's key; the gateway
        refuses the user's every request from then on, with the reason."""
        from transport.protocol import Decision, OperatorBlock, QueryRequest

        command = OperatorBlock(iin=iin, reason=reason, nonce=QueryRequest.new_nonce(),
                                issued_at=iso(now_astana()), operator_iin=self._me())
        reply = self.desk.send_signed(self.desk.client.block, command.canonical())
        try:
            decision = Decision.model_validate_json(reply.payload_bytes())
        except ValueError as exc:
            raise DeskError("response_unverified", detail=str(exc)) from exc
        if decision.iin != iin or decision.decision != "block":
            raise DeskError("response_unbound")
        return decision

    def signed_pdf(self, pdf: bytes) -> bytes:
        """The report's PDF PAdES-signed with the controller's EDS."""
        return self.desk.sign_pdf(pdf, reason="SIO departmental control report (R-CTL-1)")

    def _me(self) -> str:
        user = self.desk.user
        if user is None:
            raise DeskError("not_logged_in")
        return user.iin


# --- the prosecutor's viewer (R-CTL-3) --------------------------------------------------------

@dataclass(frozen=True)
class ArchiveVerdict:
    ok: bool
    entries: int
    first_bad_seq: int | None
    reason: str
    signers: list[dict[str, Any]]


@dataclass
class ArchiveRequest:
    """One request of an archive: who asked, on what basis, what came back, what became of it."""

    seq: int
    kind: str
    at: str
    actor_iin: str | None
    resource: int | None
    basis: dict[str, Any] | None
    request_sha256: str | None
    response_sha256: str | None
    code: str | None
    dispositions: list[dict[str, Any]] = field(default_factory=list)


def verifier_command() -> list[str]:
    """How to run `sio-gateway journal verify` beside this desk; DeskError if it is absent."""
    here = Path(sys.executable).parent
    for candidate in (here / "sio-gateway", here / "sio-gateway.exe"):
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return [str(candidate)]
    found = shutil.which("sio-gateway")
    if found:
        return [found]
    raise DeskError("verifier_missing")


def verify_archive(directory: Path, operator_cert: Path | None, timeout: float = 600, *,
                   operator_sha256: Iterable[str] = ()) -> ArchiveVerdict:
    """Run the gateway's own offline verification over an exported archive (R-CTL-3): hash
    chain, signed checkpoints by the named operator certificate (or the certificates whose
    SHA-256 the desk pins), every signed entry."""
    command = [*verifier_command(), "journal", "verify", str(directory), "--json"]
    if operator_cert is not None:
        command += ["--operator-cert", str(operator_cert)]
    for pin in sorted(operator_sha256):
        command += ["--operator-sha256", pin]
    try:
        done = subprocess.run(command, capture_output=True, timeout=timeout, check=False)
        verdict = json.loads(done.stdout)
    except (OSError, subprocess.TimeoutExpired, ValueError) as exc:
        raise DeskError("archive_unverifiable", detail=str(exc)) from exc
    if not isinstance(verdict, dict) or "ok" not in verdict:
        raise DeskError("archive_unverifiable", detail="the verifier's answer is malformed")
    return ArchiveVerdict(ok=bool(verdict["ok"]), entries=int(verdict.get("entries") or 0),
                          first_bad_seq=verdict.get("first_bad_seq"),
                          reason=str(verdict.get("reason") or ""),
                          signers=list(verdict.get("signers") or []))


def _lines(directory: Path) -> Iterator[dict[str, Any]]:
    """The archive's entries as stored, segment by segment; a line that is not JSON ends it (the
    verifier names that seq)."""
    for path in sorted(directory.glob("segment-*.jsonl")):
        for line in path.read_bytes().splitlines():
            try:
                entry = json.loads(line)
            except ValueError:
                return
            if not isinstance(entry, dict):
                return
            yield entry


def _json(text: Any) -> dict[str, Any]:
    try:
        value = json.loads(text) if isinstance(text, str) else None
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def archive_requests(directory: Path) -> list[ArchiveRequest]:
    """Every request (query or refusal with an actor) of an archive, each with its dispositions
    (R-RES-1) — read from the files as they are; verify_archive says what may be trusted."""
    requests: dict[int, ArchiveRequest] = {}
    for e in _lines(directory):
        kind, seq = e.get("kind"), e.get("seq")
        if not isinstance(seq, int):
            continue
        detail = _json(e.get("detail"))
        if kind in ("query", "refusal") and e.get("actor_iin"):
            basis = _json(e.get("basis")) or None
            requests[seq] = ArchiveRequest(
                seq=seq, kind=str(kind), at=str(e.get("at_astana") or ""),
                actor_iin=e.get("actor_iin"), resource=e.get("resource"), basis=basis,
                request_sha256=e.get("request_sha256"), response_sha256=e.get("response_sha256"),
                code=detail.get("code") if kind == "refusal" else None)
        elif kind == "disposition":
            target = requests.get(detail.get("query_seq"))  # type: ignore[arg-type]
            if target is not None:
                target.dispositions.append({
                    "seq": seq, "at": e.get("at_astana"), "action": detail.get("action"),
                    "case_number": detail.get("case_number"),
                    "printout_sha256": detail.get("printout_sha256")})
    return sorted(requests.values(), key=lambda r: r.seq)
