"""The printout of one result for the case material (R-RES-1): every text, in the analyst's
language, laid out by whichever renderer prints it (ui.printout_render). No Qt here."""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from datetime import datetime

from resources.catalogue import Resource
from resources.i18n.reader import LANGS, QT_TRANSLATE_NOOP
from resources.i18n.reader import text as _tr

IMAGE_FIELDS = frozenset({"photo_png"})  # base64 PNG: printed as a picture, never as text

# key: English source; kk/ru/en in the Qt Linguist catalogues (context "printout").
_TEXTS: dict[str, str] = {
    "title": QT_TRANSLATE_NOOP("printout", "Result of a query to the SIO"),
    "sandbox": QT_TRANSLATE_NOOP("printout", "SANDBOX: not real information"),
    "case_number": QT_TRANSLATE_NOOP("printout", "Material number"),
    "requester": QT_TRANSLATE_NOOP("printout", "Requested by"),
    "organization": QT_TRANSLATE_NOOP("printout", "Organisation"),
    "resource": QT_TRANSLATE_NOOP("printout", "Resource"),
    "legal_ground": QT_TRANSLATE_NOOP("printout", "Legal ground"),
    "purpose": QT_TRANSLATE_NOOP("printout", "Purpose"),
    "asked_at": QT_TRANSLATE_NOOP("printout", "Asked at (Astana time)"),
    "answered_at": QT_TRANSLATE_NOOP("printout", "Answered at (Astana time)"),
    "printed_at": QT_TRANSLATE_NOOP("printout", "Printed at (Astana time)"),
    "journal_seq": QT_TRANSLATE_NOOP("printout", "Journal entry"),
    "request_sha256": QT_TRANSLATE_NOOP("printout", "Request hash (SHA-256)"),
    "response_sha256": QT_TRANSLATE_NOOP("printout", "Response hash (SHA-256)"),
    "operator_signature": QT_TRANSLATE_NOOP("printout", "Operator's signature"),
    "verified": QT_TRANSLATE_NOOP("printout",
        "verified, bound to the request (certificate {serial})"),
    "not_verified": QT_TRANSLATE_NOOP("printout", "NOT VERIFIED"),
    "records": QT_TRANSLATE_NOOP("printout", "Records found"),
    "record_n": QT_TRANSLATE_NOOP("printout", "Record {n} of {total}"),
    "no_records": QT_TRANSLATE_NOOP("printout", "No records found"),
    "truncated": QT_TRANSLATE_NOOP("printout", "Reduced service: amounts are not returned."),
    "page": QT_TRANSLATE_NOOP("printout", "Page {page} of {pages}"),
    "qr_caption": QT_TRANSLATE_NOOP("printout",
        "QR: journal № {seq}, response hash, gateway {gateway}"),
    "confidential": QT_TRANSLATE_NOOP("printout",
        "For official use. The information may be used only for the purpose stated in the query "
        "(Rules, paragraphs 3, 19–20)."),
}


def text(key: str, lang: str, **values: object) -> str:
    """One label of the printout in kk, ru or en."""
    return _tr("printout", _TEXTS[key], lang if lang in LANGS else "ru", **values)


@dataclass(frozen=True)
class Line:
    """A label and its full value; renderers wrap long values, never cut them."""

    label: str
    value: str


@dataclass(frozen=True)
class PrintRecord:
    heading: str
    lines: tuple[Line, ...]
    image_png: bytes | None = None  # №19's photo, drawn beside the lines


@dataclass(frozen=True)
class Printout:
    """Everything one printout shows; the renderer adds page numbers and draws the QR."""

    lang: str
    title: str
    sandbox_mark: str | None
    header: tuple[Line, ...]
    notes: tuple[str, ...]
    records: tuple[PrintRecord, ...]
    empty_text: str
    page_template: str  # text("page") with {page} and {pages} left to fill
    qr_payload: str
    qr_caption: str
    footer: str


@dataclass(frozen=True)
class Requester:
    name: str
    iin: str
    organization: str


@dataclass(frozen=True)
class ResultFacts:
    """What a printout says of a result, independent of where it is kept."""

    resource: Resource
    case_number: str
    legal_ground: str
    purpose: str
    asked_at: str  # ISO, Astana time (R-Q-5)
    answered_at: str
    journal_seq: int
    request_sha256: str
    response_sha256: str
    operator_serial: str | None  # None: the operator's signature was not verified
    truncated: bool
    records: tuple[dict[str, str], ...]


def qr_payload(journal_seq: int, response_sha256: str, gateway: str) -> str:
    """What the QR holds, so a paper copy can be matched to its journal entry."""
    return f"SIO;seq={journal_seq};sha256={response_sha256};gw={gateway}"


def build(facts: ResultFacts, requester: Requester, *, lang: str, gateway: str,
          printed_at: datetime, sandbox: bool) -> Printout:
    """The printout of `facts` in `lang` (kk or ru; en in the sandbox)."""
    res = facts.resource
    signature = (text("verified", lang, serial=facts.operator_serial)
                 if facts.operator_serial else text("not_verified", lang))
    header = (
        Line(text("case_number", lang), facts.case_number),
        Line(text("requester", lang), f"{requester.name}, {requester.iin}"),
        Line(text("organization", lang), requester.organization),
        Line(text("resource", lang), res.title(lang)),
        Line(text("legal_ground", lang), facts.legal_ground),
        Line(text("purpose", lang), facts.purpose),
        Line(text("asked_at", lang), _shown_time(facts.asked_at)),
        Line(text("answered_at", lang), _shown_time(facts.answered_at)),
        Line(text("printed_at", lang), printed_at.strftime("%Y-%m-%d %H:%M:%S")),
        Line(text("journal_seq", lang), str(facts.journal_seq)),
        Line(text("request_sha256", lang), facts.request_sha256),
        Line(text("response_sha256", lang), facts.response_sha256),
        Line(text("operator_signature", lang), signature),
        Line(text("records", lang), str(len(facts.records))),
    )
    notes = (text("truncated", lang),) if facts.truncated else ()
    total = len(facts.records)
    records = tuple(_record(res, rec, i + 1, total, lang) for i, rec in enumerate(facts.records))
    return Printout(
        lang=lang,
        title=text("title", lang),
        sandbox_mark=text("sandbox", lang) if sandbox else None,
        header=header,
        notes=notes,
        records=records,
        empty_text=text("no_records", lang),
        page_template=text("page", lang, page="{page}", pages="{pages}"),
        qr_payload=qr_payload(facts.journal_seq, facts.response_sha256, gateway),
        qr_caption=text("qr_caption", lang, seq=facts.journal_seq, gateway=gateway),
        footer=text("confidential", lang),
    )


def _record(res: Resource, fields: dict[str, str], n: int, total: int, lang: str) -> PrintRecord:
    labels = {f.name: f.label.get(lang) or f.label["ru"] for f in res.fields}
    order = [f.name for f in res.fields] + [k for k in fields if k not in labels]
    image = None
    lines = []
    for name in order:
        if name not in fields:
            continue
        if name in IMAGE_FIELDS:
            image = _png(fields[name])
            continue
        lines.append(Line(labels.get(name, name), fields[name]))
    return PrintRecord(text("record_n", lang, n=n, total=total), tuple(lines), image)


def _png(value: str) -> bytes | None:
    try:
        data = base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        return None
    return data if data.startswith(b"\x89PNG\r\n\x1a\n") else None


def _shown_time(stamp: str) -> str:
    try:
        return datetime.fromisoformat(stamp).strftime("%Y-%m-%d %H:%M:%S")
    except ValueError:
        return stamp
