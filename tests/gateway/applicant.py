"""Application PDFs made the way an applicant's desk makes them, for gateway tests: the scanned
paper copy and the form itself (its canonical JSON, APPLICATION_FORM_FILE) embedded, then the
whole PAdES-signed (R-ACC-2, R-ACC-3; issue 9, hole 1)."""

from __future__ import annotations

import base64
import datetime as dt
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from io import BytesIO
from typing import Any
from unittest import mock

from pydantic import ValidationError

from signing.pades import blank_pdf, sign_pdf
from signing.sandbox_pki import SandboxUser
from signing.signer import Signer
from transport.canonical import canonical_json
from transport.clock import iso, now_astana
from transport.protocol import APPLICATION_FORM_FILE, ApplicationForm

from .helpers import Gw

PNG_SCAN = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def form(user: SandboxUser, action: str = "registration", **change: Any) -> dict[str, Any]:
    """A complete App.4 form of `user`, dated today; `change` overrides fields."""
    data: dict[str, Any] = {
        "action": action, "surname": user.surname, "name": user.first_name,
        "patronymic": user.patronymic, "iin": user.iin, "organization": user.organization,
        "organization_code": "1901", "bin": user.bin, "unit": "Талдау басқармасы",
        "position": "бас маман", "work_phone": "+7 7172 00 00 00",
        "mobile_phone": "+7 701 000 00 00", "email": "analyst@afm.example.kz",
        "work_address": "Астана, Мәңгілік Ел даңғылы, 8", "agreement_read": True,
        "eds_on_protected_carrier": True, "personal_data_consent": True,
        "date": now_astana().date().isoformat(), "head_position": "басқарма басшысы",
        "head_name": "БАСШЫЕВ Б.Б.",
    }
    if action == "blocking":
        data["blocking_reason"] = "жұмыстан босатылды"
    if action == "transfer":  # R-ACC-10: the appointment order, signed an hour ago
        data["appointment_order_at"] = iso(now_astana() - dt.timedelta(hours=1))
    data.update(change)
    return data


def form_file(data: dict[str, Any]) -> bytes:
    """What the PDF embeds for a form: the canonical JSON of the validated form (as the gateway
    reads it); a form that does not validate is embedded as given."""
    try:
        return ApplicationForm.model_validate(data).canonical()
    except ValidationError:
        return canonical_json(data)


@contextmanager
def signing_clock(at: dt.datetime | None) -> Iterator[None]:
    """Make pyHanko put `at` into the signature's signing time (None: the real clock)."""
    if at is None:
        yield
        return
    from pyhanko.sign.signers import pdf_signer

    class _Clock(dt.datetime):
        @classmethod
        def now(cls, tz: dt.tzinfo | None = None) -> _Clock:
            moment = at.astimezone(tz) if tz is not None else at
            return cls.fromtimestamp(moment.timestamp(), tz=moment.tzinfo)

    with mock.patch.object(pdf_signer, "datetime", _Clock):
        yield


def application_pdf(signer: Signer, scan: bytes | None = PNG_SCAN,
                    form_data: dict[str, Any] | bytes | None = None, *,
                    signed_at: dt.datetime | None = None,
                    files: Sequence[tuple[str, bytes]] = ()) -> bytes:
    """The applicant's PDF: the scan and the form embedded, then PAdES-signed (R-ACC-3)."""
    from pyhanko.pdf_utils import embed
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    pdf = blank_pdf("SIO application")
    attached: list[tuple[str, bytes, str]] = []
    if scan is not None:
        attached.append(("scan.png", scan, "image/png"))
    if form_data is not None:
        body = form_data if isinstance(form_data, bytes) else form_file(form_data)
        attached.append((APPLICATION_FORM_FILE, body, "application/json"))
    attached += [(name, data, "application/octet-stream") for name, data in files]
    if attached:
        writer = IncrementalPdfFileWriter(BytesIO(pdf), strict=False)
        for name, data, mime in attached:
            stream = embed.EmbeddedFileObject.from_file_data(writer, data, mime_type=mime)
            embed.embed_file(writer, embed.FileSpec(file_spec_string=name,
                                                    embedded_data=stream))
        out = BytesIO()
        writer.write(out)
        pdf = out.getvalue()
    with signing_clock(signed_at):
        return sign_pdf(pdf, signer, reason="Application", location="Astana")


def submission(gw: Gw, user: SandboxUser, action: str = "registration", *,
               signer: Signer | None = None, signed_at: dt.datetime | None = None,
               **change: Any) -> dict[str, Any]:
    """A well-formed submission of `user`'s form, signed by `signer` (default: the user's
    signing key) with the very form embedded."""
    data = form(user, action, **change)
    pdf = application_pdf(signer or gw.pki.software_signers(user)[1], form_data=data,
                          signed_at=signed_at)
    return {"form": data, "pdf": base64.b64encode(pdf).decode()}
