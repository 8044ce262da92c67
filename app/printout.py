"""The printout of one result for the case material (R-RES-1): every text, in the analyst's
language, laid out by whichever renderer prints it (ui.printout_render). No Qt here."""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from datetime import datetime

from resources.catalogue import Resource

LANGS = ("kk", "ru", "en")
IMAGE_FIELDS = frozenset({"photo_png"})  # base64 PNG: printed as a picture, never as text

# key: (kk, ru, en)
_TEXTS: dict[str, tuple[str, str, str]] = {
    "title": ("ҚАО ААЖ сұрау салуының нәтижесі", "Результат запроса СИО ПСО",
              "Result of a query to the SIO"),
    "sandbox": ("СЫНАҚ ОРТАСЫ: нақты мәліметтер емес", "ПЕСОЧНИЦА: не настоящие сведения",
                "SANDBOX: not real information"),
    "case_number": ("Материалдың нөмірі", "Номер материала", "Material number"),
    "requester": ("Сұрау салушы", "Запросивший", "Requested by"),
    "organization": ("Ұйым", "Организация", "Organisation"),
    "resource": ("Ресурс", "Ресурс", "Resource"),
    "legal_ground": ("Құқықтық негіз", "Правовое основание", "Legal ground"),
    "purpose": ("Мақсаты", "Цель", "Purpose"),
    "asked_at": ("Сұрау уақыты (Астана)", "Время запроса (Астана)", "Asked at (Astana time)"),
    "answered_at": ("Жауап уақыты (Астана)", "Время ответа (Астана)",
                    "Answered at (Astana time)"),
    "printed_at": ("Басып шығарылған уақыты (Астана)", "Время печати (Астана)",
                   "Printed at (Astana time)"),
    "journal_seq": ("Журналдағы нөмірі", "Номер в журнале", "Journal entry"),
    "request_sha256": ("Сұрау хэші (SHA-256)", "Хэш запроса (SHA-256)",
                       "Request hash (SHA-256)"),
    "response_sha256": ("Жауап хэші (SHA-256)", "Хэш ответа (SHA-256)",
                        "Response hash (SHA-256)"),
    "operator_signature": ("Оператордың қолтаңбасы", "Подпись оператора",
                           "Operator's signature"),
    "verified": ("тексерілді, сұрауға байланысты (сертификат {serial})",
                 "проверена, связана с запросом (сертификат {serial})",
                 "verified, bound to the request (certificate {serial})"),
    "not_verified": ("ТЕКСЕРІЛМЕДІ", "НЕ ПРОВЕРЕНА", "NOT VERIFIED"),
    "records": ("Табылған жазбалар", "Найдено записей", "Records found"),
    "record_n": ("{n}-жазба ({total} ішінен)", "Запись {n} из {total}", "Record {n} of {total}"),
    "no_records": ("Жазбалар табылмады", "Записи не найдены", "No records found"),
    "truncated": ("Қысқартылған қызмет: сомалар берілмейді.",
                  "Усечённый сервис: суммы не передаются.",
                  "Reduced service: amounts are not returned."),
    "page": ("{page}-бет, барлығы {pages}", "Страница {page} из {pages}",
             "Page {page} of {pages}"),
    "qr_caption": ("QR: журнал № {seq}, жауап хэші, шлюз {gateway}",
                   "QR: журнал № {seq}, хэш ответа, шлюз {gateway}",
                   "QR: journal № {seq}, response hash, gateway {gateway}"),
    "confidential": (
        "Қызметтік пайдалану үшін. Мәліметтер тек сұрауда көрсетілген мақсатта пайдаланылады "
        "(Ережелердің 3, 19-20-тармақтары).",
        "Для служебного пользования. Сведения используются только в цели, указанной в запросе "
        "(пп. 3, 19–20 Правил).",
        "For official use. The information may be used only for the purpose stated in the query "
        "(Rules, paragraphs 3, 19–20).",
    ),
}


def text(key: str, lang: str, **values: object) -> str:
    """One label of the printout in kk, ru or en."""
    kk, ru, en = _TEXTS[key]
    chosen = {"kk": kk, "ru": ru, "en": en}.get(lang, ru)
    return chosen.format(**values) if values else chosen


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
