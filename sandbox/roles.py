"""What the sandbox's controller and operator do without a window (issue 13):
`sio-desk demo --headless --as controller|operator`. Each run has an operator side of its own,
new every time, so a block or a decision made here never reaches the analyst's sandbox."""

from __future__ import annotations

import datetime as dt
import secrets
import shutil
from dataclasses import replace
from pathlib import Path
from typing import Any

from app.control import Control, Report, astana_today, last_month
from app.desk import Desk
from app.errors import DeskError
from app.operator import OperatorConsole
from app.validation import DEFAULT_LEGAL_GROUND, make_basis
from gateway import archive
from gateway.registry import SANDBOX_CONTROLLER, SANDBOX_OPERATOR
from sandbox.harness import (
    SandboxRun,
    TokenKind,
    open_desk,
    operator_dir_for,
    sandbox_token,
    start_sandbox,
)
from signing.sandbox_pki import SANDBOX_USERS, SandboxUser
from transport.clock import now_astana, now_utc
from transport.protocol import ApplicationForm

ANALYST = SANDBOX_USERS[0]
BLOCK_REASON = "Сұрау салу қызметтік емес мақсатта: өз ЖСН-і бойынша (SANDBOX)"
REVIEW_NOTE = "Өткен айдың сұраулары қаралды (SANDBOX)"
REFUSAL_REASON = "Лауазымы бұйрықпен расталмаған (п. 6 Правил, SANDBOX)"
# Two people not in the sandbox registry: one is registered, the other refused (App.4, §6).
APPLICANTS = (
    SandboxUser("analyst8", "ӨТЕПОВА", "ДӘРИҒА", "СЕРІКҚЫЗЫ", "960202400172",
                ANALYST.organization, ANALYST.bin),
    SandboxUser("analyst9", "ЖАҢАҰЛЫ", "ТАЛҒАТ", "", "950101300016",
                ANALYST.organization, ANALYST.bin),
)
SCAN_PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64  # the signed paper's scan, as a picture


def role_dirs(workdir: Path, role: str) -> tuple[Path, Path]:
    """`role`'s workstation folder beside `workdir` and its operator side, emptied now."""
    workdir = workdir.resolve()
    mine = workdir.parent / f"{workdir.name}-{role}"
    operator = operator_dir_for(mine)
    for stale in (operator, mine / "client", mine / "analyst", mine / "applicants"):
        if stale.exists():
            shutil.rmtree(stale)
    return mine, operator


def run_role(role: str, workdir: Path, *, token_kind: TokenKind | None = None,
             lang: str = "ru") -> dict[str, Any]:
    """Run `role`'s day once in a fresh sandbox; the summary the demo prints as JSON."""
    from sandbox.headless import offscreen_qt

    offscreen_qt()  # the analyst's printouts are laid out by Qt
    mine, operator = role_dirs(workdir, role)
    person = SANDBOX_CONTROLLER if role == "controller" else SANDBOX_OPERATOR
    with start_sandbox(mine, token_kind=token_kind, operator_dir=operator, user=person) as run:
        info = run.desk.token_info()
        user = run.desk.login(run.pin)
        did = _controller(run, lang) if role == "controller" else _operator(run)
        archive_dir = run.operator_dir / "journal-archive"
        archive.export(run.gateway.engine, archive_dir, run.gateway.config.trust(),
                       run.gateway.config.operator_signer)
        return {
            "sandbox": True,
            "role": user.role,
            "workdir": str(run.workdir),
            "operator_dir": str(run.operator_dir),
            "token": {"kind": run.token_kind, "label": info.label},
            "user": {"iin": user.iin, "name": user.name, "role": user.role},
            **did,
            "journal_archive": str(archive_dir),
            "operator_certificate": str(run.operator_certificate),
            "gateway_db": run.gateway_db,
        }


# -- the departmental controller (2022 §17, §21; R-CTL-1, R-CTL-2) ------------------------------

def _controller(run: SandboxRun, lang: str) -> dict[str, Any]:
    """An analyst asks twice (once about their own IIN); the controller opens last month's
    report and this month's, records the review, blocks the analyst; the analyst is refused."""
    control = Control(run.desk)
    if not control.is_controller:
        raise DeskError("controller_only")
    analyst = _analyst_desk(run)
    try:
        asked = _analyst_asks(run, analyst, lang)
        before = control.review_state()
        month = control.report(*last_month(astana_today()))
        today = astana_today()
        current = control.report(today.replace(day=1), today)
        receipt = control.review(month, REVIEW_NOTE)
        after = control.review_state()
        decision = control.block(ANALYST.iin, BLOCK_REASON)
        refused = _refused(analyst, run, lang)
    finally:
        analyst.close()
    return {
        "analyst_queries": asked,
        "report_last_month": _report(month),
        "report_this_month": _report(current),
        "review": {"journal_seq": receipt.journal_seq, "reviewed_at": receipt.reviewed_at,
                   "note": REVIEW_NOTE, "due_before": before.due, "due_after": after.due,
                   "period": list(month.period)},
        "block": {"iin": decision.iin, "decision": decision.decision,
                  "reason": decision.reason, "decided_at": decision.decided_at},
        "blocked_user_next_query": refused,
    }


def _analyst_desk(run: SandboxRun) -> Desk:
    """The first sandbox analyst's own workstation, beside the controller's."""
    token, _, pin = sandbox_token(run.workdir, run.pki, run.token_kind)
    desk = open_desk(run.workdir / "analyst", run.gateway.url, run.pki, token,
                     case_dir=run.workdir / "analyst" / "case-material")
    desk.login(pin)
    return desk


def _analyst_asks(run: SandboxRun, desk: Desk, lang: str) -> list[dict[str, Any]]:
    """A subject's record and the analyst's own (an anomaly), each attached to the case."""
    from sandbox.headless import DEMO_CASE, DEMO_PURPOSE, attach_one, example_params

    basis = make_basis(DEMO_CASE, DEFAULT_LEGAL_GROUND, DEMO_PURPOSE)
    subject = example_params(run.gateway.population, 1)
    return [attach_one(desk, 1, params, basis, lang)
            for params in (subject, {"iin": ANALYST.iin})]


def _refused(desk: Desk, run: SandboxRun, lang: str) -> dict[str, Any]:
    """The blocked analyst's next query: refused at once, with the controller's reason."""
    from sandbox.headless import DEMO_CASE, DEMO_PURPOSE, example_params

    basis = make_basis(DEMO_CASE, DEFAULT_LEGAL_GROUND, DEMO_PURPOSE)
    try:
        desk.query(1, example_params(run.gateway.population, 1), basis)
    except DeskError as exc:
        # The gateway's own code rides in a "refused" DeskError's values.
        return {"refused": True, "code": str(exc.values.get("code", exc.code)),
                "shown": exc.text(lang)}
    return {"refused": False, "code": None, "shown": ""}


def _report(report: Report) -> dict[str, Any]:
    kinds: dict[str, int] = {}
    for a in report.anomalies:
        kinds[a["kind"]] = kinds.get(a["kind"], 0) + 1
    return {"period": list(report.period), "requests": len(report.rows),
            "anomalies": dict(sorted(kinds.items())), "sha256": report.sha256}


# -- the operator (2022 §4–7, App.6; R-ACC-4, R-OPS-1, R-Q-3) ----------------------------------

def _operator(run: SandboxRun) -> dict[str, Any]:
    """Two people apply; the operator lists and opens both, registers one, refuses the other
    (the applicant reads the signed reason), announces works, opens and closes an emergency."""
    console = OperatorConsole(run.desk)
    if not console.is_operator:
        raise DeskError("operator_only")
    filed = [file_application(run, person) for person in APPLICANTS]
    incoming = console.incoming()
    opened = {a.id: console.open(a.id).check.status for a in incoming}
    registered = console.decide(filed[0][1].id, "register", "")
    refused = console.decide(filed[1][1].id, "refuse", REFUSAL_REASON)
    heard = filed[1][0].refresh(filed[1][1])
    starts = now_utc() + dt.timedelta(days=2)
    notice = console.publish_notice("Дерекқорды жаңарту (SANDBOX)", "Обновление СУБД (SANDBOX)",
                                    starts, starts + dt.timedelta(hours=3))
    entry = console.open_emergency("power_failure", "ИБП іске қосылды (SANDBOX)", 90,
                                   "Кезекші инженер (SANDBOX)",
                                   now_utc() - dt.timedelta(minutes=30))
    closed = console.close_emergency(entry.seq, now_utc(), "Қуат қалпына келтірілді")
    _, emergency = console.journal()
    row = next(r for s in emergency.sections for r in s.rows if r.seq == entry.seq)
    return {
        "applications": [{"id": a.id, "iin": a.iin, "action": a.action, "due_at": a.due_at,
                          "signature": opened[a.id]} for a in incoming],
        "registered": {"application_id": registered.application_id, "iin": registered.iin,
                       "decision": registered.decision},
        "refused": {"application_id": refused.application_id, "iin": refused.iin,
                    "decision": refused.decision, "reason": refused.reason},
        "applicant_read": {"state": heard.state, "reason": heard.reason,
                           "verified": heard.verified},
        "notice": {"journal_seq": notice.seq, "starts_at": starts.isoformat()},
        "emergency": {"opened_seq": entry.seq, "closed_seq": closed.seq,
                      "ended_at": row.ended_at},
    }


def file_application(run: SandboxRun, person: SandboxUser) -> tuple[Any, Any]:
    """`person` files a registration application from their own desk (a sandbox file key)."""
    from app.applications import Applicant
    from signing.filekey import FileKeyToken
    from signing.pades import blank_pdf
    from transport.client import GatewayClient

    password = secrets.token_urlsafe(12)
    token = FileKeyToken(run.pki.issue_user_p12(person, password), sandbox=True)
    config = replace(run.desk.config, state_dir=run.workdir / "applicants" / person.key)
    applicant = Applicant(token, config, GatewayClient(config.gateway_url, config.ca_file))
    applicant.unlock(password)
    form = ApplicationForm.model_validate({
        "action": "registration", "surname": person.surname, "name": person.first_name,
        "patronymic": person.patronymic, "iin": person.iin, "organization": person.organization,
        "organization_code": "1901", "bin": person.bin, "unit": "Талдау басқармасы",
        "position": "бас сарапшы", "work_phone": "+7 7172 00 11 22",
        "mobile_phone": "+7 701 111 22 33", "email": f"{person.key}@afm.example.kz",
        "work_address": "Астана, Мәңгілік Ел, 8", "agreement_read": True,
        "eds_on_protected_carrier": True, "personal_data_consent": True,
        "date": now_astana().date().isoformat(), "head_position": "басқарма басшысы",
        "head_name": "БАСШЫЕВ Б.Б. (SANDBOX)"})
    return applicant, applicant.file(form, blank_pdf(), SCAN_PNG, "scan.png")
