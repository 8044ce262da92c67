"""The operator's view of one application (R-ACC-4, 2022 §6): the signed PDF as filed, the
scans it embeds and every signature checked as of now; each view is journaled (R-LOG-4)."""

from __future__ import annotations

import base64
from datetime import datetime

from fastapi import FastAPI, Request
from sqlalchemy import Engine, select
from starlette.responses import Response

from gateway import auth, journal
from gateway.applications import full_name, operator_of, scans
from gateway.config import GatewayConfig
from gateway.context import RequestContext
from gateway.db import write_tx
from gateway.models import applications
from gateway.problems import Refusal
from gateway.session_read import Refuse, session_read
from gateway.timefmt import utc_text
from signing.pades import PdfSignatureReport, verify_pdf
from transport.clock import iso, now_utc, to_astana
from transport.errors import ErrorCode
from transport.protocol import (
    API_PREFIX,
    ApplicationDetail,
    ApplicationForm,
    PdfSignatureView,
)


def _signature_view(sig: PdfSignatureReport) -> PdfSignatureView:
    profile = sig.profile
    return PdfSignatureView(
        signer=profile.common_name if profile else "", signer_iin=profile.iin if profile else None,
        status=sig.status, reason=sig.reason, whole_document=sig.whole_document,
        signed_at=iso(to_astana(sig.signing_time)) if sig.signing_time else None)


def _astana(utc: str) -> str:
    return iso(to_astana(datetime.fromisoformat(utc)))


def detail(engine: Engine, config: GatewayConfig, session: auth.Session, app_id: int,
           ctx: RequestContext) -> ApplicationDetail:
    """Application `app_id` for the operator: its form, PDF, scans and signature check."""
    operator = operator_of(engine, session)
    with engine.connect() as conn:
        row = conn.execute(select(applications).where(
            applications.c.id == app_id)).mappings().first()
    if row is None:
        raise Refusal(ErrorCode.APPLICATION_NOT_FOUND, f"no application {app_id}")
    pdf = bytes(row["pdf"])
    report = verify_pdf(pdf, config.trust())  # as of now: a certificate revoked since shows
    form = ApplicationForm.model_validate_json(row["form"])
    with write_tx(engine) as conn:  # who looked at whose personal data (R-LOG-4)
        journal.append(conn, "read", actor_iin=operator.iin, detail={
            "endpoint": ctx.endpoint, "application_id": app_id,
            **({"peer": ctx.peer} if ctx.peer else {})})
    overdue = row["state"] == "submitted" and row["due_at"] < utc_text(now_utc())
    return ApplicationDetail(
        id=int(row["id"]), iin=row["iin"], action=row["action"], state=row["state"],
        full_name=full_name(form), organization=form.organization,
        submitted_at=_astana(row["submitted_at"]), due_at=_astana(row["due_at"]),
        overdue=overdue,
        decided_at=_astana(row["decided_at"]) if row["decided_at"] else None,
        form=form.model_dump(mode="json"), signer_iin=row["signer_iin"],
        pdf=base64.b64encode(pdf).decode("ascii"),
        scans=[base64.b64encode(s).decode("ascii") for s in scans(pdf)],
        pdf_status=report.status, pdf_reason=report.reason,
        signatures=[_signature_view(s) for s in report.signatures])


def _app_id(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 2**53:
        raise Refusal("param_invalid", "the application id is a positive number")
    return int(text)


def add_routes(app: FastAPI, engine: Engine, config: GatewayConfig, refuse: Refuse) -> None:
    """GET /v1/operator/applications/{id}: one application for the operator."""

    async def one(request: Request) -> Response:
        text = request.path_params.get("app_id", "")
        return await session_read(
            request, engine, refuse, "application_detail",
            lambda session, ctx: detail(engine, config, session, _app_id(text), ctx))

    app.add_api_route(API_PREFIX + "/operator/applications/{app_id}", one, methods=["GET"],
                      response_model=ApplicationDetail,
                      summary="One application: its signed PDF, scans and signature check")
