"""The operator's use cases (2022 §4–7; R-ACC-4, R-ACC-7): incoming applications with the one-day
deadline, one application's signed PDF and scans with its signature checked on this desk, and
the signed decision. Qt-free: ui/operator_console.py calls these from its worker thread."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from app.errors import DeskError
from app.operator_key import M, operator_signed_answer
from transport.clock import iso, now_astana, parse_iso, to_astana

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from app.desk import Desk
    from app.journal_export import Exported, Progress
    from signing.pades import VerifyReport
    from transport.commands import Command
    from transport.downtime import EmergencyView, NoticesView, WriteReceipt
    from transport.protocol import (
        ApplicationDetail,
        ApplicationSummary,
        Decision,
        SanctionRecord,
        UserEdited,
        UserRow,
    )

OPERATOR = "operator"
ROLES = ("afm_analyst", "controller", OPERATOR)  # the registry's roles an edit may give
Verdict = Literal["register", "refuse"]
SanctionKind = Literal["suspension", "closure", "deletion"]


def when_text(iso_text: str | None) -> str:
    """A wire time (ISO with offset) as people read it in Astana time; "—" for none."""
    from app.clock import astana_text

    return astana_text(parse_iso(iso_text)) if iso_text else "—"


def astana_now() -> dt.datetime:
    return now_astana()


def astana_today() -> dt.date:
    return now_astana().date()


def astana_moment(day: dt.date, hour: int, minute: int) -> dt.datetime:
    """A date and time typed by the operator, read as Astana time (R-Q-5)."""
    from transport.clock import ASTANA

    return dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=ASTANA)


def time_left(due_at: str, now: dt.datetime) -> dt.timedelta:
    """What is left of the one-day term (R-ACC-4) at `now`; negative once it has passed."""
    return parse_iso(due_at) - now


def suspension_problem(until: dt.date | None, today: dt.date) -> str | None:
    """Why a suspension's end date cannot be sent (it ends on a later day), or None."""
    if until is None:
        return "until_missing"
    return "until_past" if until <= today else None


def most_urgent_first(items: list[ApplicationSummary]) -> list[ApplicationSummary]:
    """Submitted applications by their deadline, the nearest (or passed) first."""
    return sorted(items, key=lambda a: (parse_iso(a.due_at), a.id))


@dataclass(frozen=True)
class Opened:
    """One application as the operator opens it: the gateway's detail, the signed PDF and its
    scans as bytes, and this desk's own check of the PDF's signatures."""

    detail: ApplicationDetail
    pdf: bytes
    scans: list[bytes]
    check: VerifyReport


class OperatorConsole:
    """The operator's calls to the gateway, through the desk's session and signing key."""

    def __init__(self, desk: Desk) -> None:
        self.desk = desk

    @property
    def is_operator(self) -> bool:
        """From the registry, as the gateway said at sign-in — never a local setting."""
        user = self.desk.user
        return user is not None and user.role == OPERATOR

    def incoming(self) -> list[ApplicationSummary]:
        """Applications awaiting a decision, the nearest deadline first."""
        listed = self.desk.with_session(
            lambda client, session: client.operator_applications(session, "submitted"))
        return most_urgent_first(listed.applications)

    def open(self, app_id: int) -> Opened:
        """Application `app_id` with its PDF checked here, as of now (signing.pades)."""
        from signing.pades import verify_pdf  # pyHanko is slow to import: only when opening

        detail = self.desk.with_session(
            lambda client, session: client.operator_application(session, app_id))
        if detail.id != app_id:
            raise DeskError("response_unbound")
        try:
            pdf = base64.b64decode(detail.pdf, validate=True)
            scans = [base64.b64decode(s, validate=True) for s in detail.scans]
        except (binascii.Error, ValueError) as exc:
            raise DeskError("response_unverified", detail=str(exc)) from exc
        return Opened(detail, pdf, scans, verify_pdf(pdf, self.desk.config.trust))

    def decide(self, app_id: int, verdict: Verdict, reason: str) -> Decision:
        """Register or refuse `app_id`, signed with the operator's signing key; a refusal
        states its reason (R-ACC-4). The gateway's operator-signed decision, checked."""
        from transport.protocol import Decision, OperatorDecision, QueryRequest

        reason = reason.strip()
        if verdict == "refuse" and not reason:
            raise DeskError("refusal_reason_missing")
        command = OperatorDecision(application_id=app_id, decision=verdict, reason=reason,
                                   nonce=QueryRequest.new_nonce(), issued_at=iso(now_astana()),
                                   operator_iin=self._me())
        decision = self._signed_answer(self.desk.client.decide, command.canonical(), Decision)
        if decision.application_id != app_id or decision.decision not in (verdict, "block"):
            raise DeskError("response_unbound")
        return decision

    # -- users (R-ACC-7, App.5 §17) ---------------------------------------------------------

    def users(self) -> list[UserRow]:
        """Every user with their state as admitted now and their newest sanction."""
        return self.desk.with_session(
            lambda client, session: client.operator_users(session)).users

    def block(self, iin: str, reason: str) -> Decision:
        """Block `iin` at once, signed; the gateway's operator-signed decision, checked."""
        from transport.protocol import OperatorBlock, QueryRequest

        command = OperatorBlock(iin=iin, reason=self._reason(reason),
                                nonce=QueryRequest.new_nonce(), issued_at=iso(now_astana()),
                                operator_iin=self._me())
        return self._user_decision(self.desk.client.block, command.canonical(), iin, "block")

    def unblock(self, iin: str, reason: str) -> Decision:
        """Undo a block, a suspension or a closure of `iin`, signed."""
        from transport.protocol import OperatorUnblock, QueryRequest

        command = OperatorUnblock(iin=iin, reason=self._reason(reason),
                                  nonce=QueryRequest.new_nonce(), issued_at=iso(now_astana()),
                                  operator_iin=self._me())
        return self._user_decision(self.desk.client.unblock, command.canonical(), iin,
                                   "unblock")

    def sanction(self, iin: str, kind: SanctionKind, until: dt.date | None,
                 reason: str) -> SanctionRecord:
        """Impose an App.5 §17 sanction on `iin`, signed; the signed record back, checked."""
        from transport.protocol import OperatorSanction, QueryRequest, SanctionRecord

        if kind == "suspension":
            problem = suspension_problem(until, now_astana().date())
            if problem is not None:  # the console's date field allows neither
                raise DeskError("request_invalid", detail=problem)
        command = OperatorSanction(
            iin=iin, sanction=kind, until=until.isoformat() if until and kind == "suspension"
            else "", reason=self._reason(reason), nonce=QueryRequest.new_nonce(),
            issued_at=iso(now_astana()), operator_iin=self._me())
        record = self._signed_answer(self.desk.client.sanction, command.canonical(),
                                     SanctionRecord)
        if (record.iin, record.sanction, record.until) != (iin, kind, command.until):
            raise DeskError("response_unbound")
        return record

    def edit_user(self, iin: str, position: str, organization: str, role: str,
                  reason: str) -> UserEdited:
        """Change `iin`'s position, organisation and role in the registry, signed; the signed
        edit back, checked (2022 §4–7)."""
        from transport.protocol import OperatorUserEdit, QueryRequest, UserEdited

        position, organization = position.strip(), organization.strip()
        if not position or not organization:
            raise DeskError("request_invalid", detail="position and organisation are required")
        if role not in ROLES:
            raise DeskError("request_invalid", detail=f"no such role {role!r}")
        command = OperatorUserEdit(
            iin=iin, position=position, organization=organization,
            role=role,  # type: ignore[arg-type]  # the model refuses another role
            reason=self._reason(reason), nonce=QueryRequest.new_nonce(),
            issued_at=iso(now_astana()), operator_iin=self._me())
        edited = self._signed_answer(self.desk.client.edit_user, command.canonical(),
                                     UserEdited)
        if (edited.iin, edited.position, edited.organization, edited.role) != (
                iin, position, organization, role):
            raise DeskError("response_unbound")
        return edited

    # -- notices and the emergency journal (R-Q-3, R-OPS-1, App.6) -------------------------

    def journal(self) -> tuple[NoticesView, EmergencyView]:
        """Announced works and the emergency journal by App.6 section, as users read them."""
        return self.desk.with_session(lambda client, session: client.downtime(session))

    def publish_notice(self, title_kk: str, title_ru: str, starts: dt.datetime,
                       ends: dt.datetime) -> WriteReceipt:
        """Announce planned technical works for all resources (R-Q-3), signed."""
        from transport.commands import NOTICE
        from transport.protocol import NoticeIn

        if ends <= starts:
            raise DeskError("request_invalid", detail="the works end before they start")
        nonce, issued = self._fresh()
        return self._write(NOTICE, NoticeIn(
            title_kk=title_kk.strip(), title_ru=title_ru.strip(), starts_at=iso(to_astana(
                starts)), ends_at=iso(to_astana(ends)), nonce=nonce, issued_at=issued))

    def open_emergency(self, section: str, actions: str, max_time_min: int, responsible: str,
                       started: dt.datetime) -> WriteReceipt:
        """Open a row of the emergency journal in one of App.6's sections (R-OPS-1), signed."""
        from transport.commands import EMERGENCY
        from transport.protocol import EmergencyIn

        nonce, issued = self._fresh()
        return self._write(EMERGENCY, EmergencyIn(
            section=section, actions=actions.strip(),  # type: ignore[arg-type]
            max_time_min=max_time_min, responsible=responsible.strip(),
            started_at=iso(to_astana(started)), nonce=nonce, issued_at=issued))

    def close_emergency(self, entry_seq: int, ended: dt.datetime,
                        actions: str = "") -> WriteReceipt:
        """Record the end of an open emergency row, and the actions taken since, signed."""
        from transport.commands import EMERGENCY_CLOSE
        from transport.protocol import EmergencyClose

        nonce, issued = self._fresh()
        closing = EmergencyClose(entry_seq=entry_seq, ended_at=iso(to_astana(ended)),
                                 nonce=nonce, issued_at=issued)
        if actions.strip():  # only a field set is signed (defaults are left out)
            closing = EmergencyClose(entry_seq=entry_seq, ended_at=iso(to_astana(ended)),
                                     actions=actions.strip(), nonce=nonce, issued_at=issued)
        return self._write(EMERGENCY_CLOSE, closing)

    # -- the journal itself (R-LOG-1, R-CTL-3) ----------------------------------------------

    def export_journal(self, parent: Path, progress: Progress,
                       cancelled: Callable[[], bool] = lambda: False) -> Exported:
        """Seal the journal and take its archive into a new folder in `parent`, verified
        against the pinned operator key (app.journal_export)."""
        from app.journal_export import export_journal

        return export_journal(self.desk, parent, progress, cancelled)

    def _write(self, command: Command[Any], payload: Any) -> WriteReceipt:
        client = self.desk.client
        return self.desk.send_signed(
            lambda signed, session: client.operator_write(command.path, signed, session),
            command.canonical(payload))

    @staticmethod
    def _fresh() -> tuple[str, str]:
        """A new nonce and the time of signing: what makes each write single-use and fresh."""
        from transport.protocol import QueryRequest

        return QueryRequest.new_nonce(), iso(now_astana())

    def _user_decision(self, endpoint: Any, payload: bytes, iin: str, kind: str) -> Decision:
        from transport.protocol import Decision

        decision = self._signed_answer(endpoint, payload, Decision)
        if decision.iin != iin or decision.decision != kind:
            raise DeskError("response_unbound")
        return decision

    @staticmethod
    def _reason(reason: str) -> str:
        reason = reason.strip()
        if not reason:
            raise DeskError("refusal_reason_missing")
        return reason

    def _signed_answer(self, endpoint: Any, payload: bytes, model: type[M]) -> M:
        """`payload` signed and sent to `endpoint`; its answer as `model` once the pinned
        operator key is found to have signed it."""
        return operator_signed_answer(self.desk.config, self.desk.send_signed(endpoint, payload),
                                      model)

    def _me(self) -> str:
        user = self.desk.user
        if user is None:
            raise DeskError("not_logged_in")
        return user.iin
