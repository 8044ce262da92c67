"""The App.4 application as it is printed, signed by hand and stamped (R-ACC-2, R-ACC-3): the
2022 form's labels in Kazakh or Russian, laid out by the printout renderer. No Qt here."""

from __future__ import annotations

from app.printout import Line, Printout, PrintRecord
from resources.i18n.reader import QT_TRANSLATE_NOOP
from resources.i18n.reader import text as _tr
from transport.protocol import ApplicationForm

# key: English source (context "application_form"); the catalogues hold the Kazakh labels of the
# 2022 form and the Russian ones that translate them. The form is printed only in kk or ru.
_LABELS: dict[str, str] = {
    "title": QT_TRANSLATE_NOOP("application_form",
        "Electronic application for access to the information exchange system of law enforcement, "
        "special state and other bodies"),
    "intro": QT_TRANSLATE_NOOP("application_form",
        "To perform my official duties, I ask that access to the SIO be arranged with the "
        "parameters below:"),
    "sandbox": QT_TRANSLATE_NOOP("application_form", "SANDBOX: not a real application"),
    "full_name": QT_TRANSLATE_NOOP("application_form",
        "Surname, name, patronymic (if any) (in full)"),
    "iin": QT_TRANSLATE_NOOP("application_form", "Individual identification number (IIN)"),
    "workplace": QT_TRANSLATE_NOOP("application_form", "The applicant's place of work"),
    "organization": QT_TRANSLATE_NOOP("application_form", "Name of the organisation"),
    "organization_code": QT_TRANSLATE_NOOP("application_form",
        "The organisation's code in the Unified Register of Pre-trial Investigations"),
    "bin": QT_TRANSLATE_NOOP("application_form", "The organisation's BIN"),
    "unit": QT_TRANSLATE_NOOP("application_form", "Structural unit"),
    "position": QT_TRANSLATE_NOOP("application_form", "Position"),
    "contacts": QT_TRANSLATE_NOOP("application_form", "The applicant's contact details"),
    "work_phone": QT_TRANSLATE_NOOP("application_form", "Work phone"),
    "mobile_phone": QT_TRANSLATE_NOOP("application_form", "Mobile phone"),
    "email": QT_TRANSLATE_NOOP("application_form", "E-mail"),
    "work_address": QT_TRANSLATE_NOOP("application_form", "Work address"),
    "action": QT_TRANSLATE_NOOP("application_form", "Kind of action"),
    "registration": QT_TRANSLATE_NOOP("application_form", "Registration"),
    "transfer": QT_TRANSLATE_NOOP("application_form", "Transfer (editing)"),
    "blocking": QT_TRANSLATE_NOOP("application_form", "Blocking"),
    "blocking_reason": QT_TRANSLATE_NOOP("application_form", "Reason for blocking"),
    "controller_order": QT_TRANSLATE_NOOP("application_form",
        "The head's order appointing the official in charge of departmental control"),
    "order": QT_TRANSLATE_NOOP("application_form",
        "Date the appointment order was signed (Astana time)"),
    "confirmations": QT_TRANSLATE_NOOP("application_form", "I confirm"),
    "agreement_read": QT_TRANSLATE_NOOP("application_form",
        "I have read the agreement on rights of use of the SIO and agree to it."),
    "eds_on_protected_carrier": QT_TRANSLATE_NOOP("application_form",
        "I confirm that I hold an electronic digital signature on a protected carrier."),
    "personal_data_consent": QT_TRANSLATE_NOOP("application_form",
        "I allow my personal data to be passed on for registration in the SIO."),
    "signatures": QT_TRANSLATE_NOOP("application_form", "Signatures"),
    "date": QT_TRANSLATE_NOOP("application_form", "Date"),
    "applicant_signature": QT_TRANSLATE_NOOP("application_form", "The applicant's signature"),
    "head": QT_TRANSLATE_NOOP("application_form",
        "The applicant's head: position, full name (if any)"),
    "head_signature": QT_TRANSLATE_NOOP("application_form", "The head's signature / seal"),
    "page": QT_TRANSLATE_NOOP("application_form", "Page {page} of {pages}"),
    "qr_caption": QT_TRANSLATE_NOOP("application_form",
        "QR: hash of the application form (SHA-256)"),
    "footer": QT_TRANSLATE_NOOP("application_form",
        "A copy signed by hand and stamped is scanned and attached to the electronic application "
        "(paragraph 5 of the Rules)."),
}
LINE = "______________________"
TICK = "☒"
FORM_LANGS = ("kk", "ru")


def label(key: str, lang: str) -> str:
    return _tr("application_form", _LABELS[key], lang if lang in FORM_LANGS else "ru")


def application_printout(form: ApplicationForm, lang: str, *, sandbox: bool) -> Printout:
    """The App.4 application of `form` in Kazakh or Russian, ready for the renderer."""
    lang = lang if lang in FORM_LANGS else "ru"
    name = " ".join(p for p in (form.surname, form.name, form.patronymic) if p)
    header = (
        Line(label("full_name", lang), name),
        Line(label("iin", lang), form.iin),
    )
    workplace = PrintRecord(label("workplace", lang), (
        Line(label("organization", lang), form.organization),
        Line(label("organization_code", lang), form.organization_code),
        Line(label("bin", lang), form.bin),
        Line(label("unit", lang), form.unit),
        Line(label("position", lang), form.position),
    ))
    contacts = PrintRecord(label("contacts", lang), (
        Line(label("work_phone", lang), form.work_phone),
        Line(label("mobile_phone", lang), form.mobile_phone),
        Line(label("email", lang), form.email),
        Line(label("work_address", lang), form.work_address),
    ))
    chosen = tuple(Line(label(a, lang), TICK if form.action == a else "☐")
                   for a in ("registration", "transfer", "blocking"))
    reason = (Line(label("blocking_reason", lang), form.blocking_reason),) \
        if form.action == "blocking" else ()
    order = (Line(label("order", lang), form.appointment_order_at.replace("T", " ")[:16]),) \
        if form.action == "transfer" else ()
    role = (Line(label("controller_order", lang),
                 f"№ {form.role_order_number}, {form.role_order_date}"),) \
        if form.role == "controller" else ()
    action = PrintRecord(label("action", lang), chosen + reason + order + role)
    confirmations = PrintRecord(label("confirmations", lang), tuple(
        Line(TICK, label(c, lang))
        for c in ("agreement_read", "eds_on_protected_carrier", "personal_data_consent")))
    signatures = PrintRecord(label("signatures", lang), (
        Line(label("date", lang), form.date),
        Line(label("applicant_signature", lang), f"{LINE} / {name}"),
        Line(label("head", lang), f"{form.head_position}, {form.head_name}"),
        Line(label("head_signature", lang), LINE),
    ))
    return Printout(
        lang=lang,
        title=label("title", lang),
        sandbox_mark=label("sandbox", lang) if sandbox else None,
        header=header,
        notes=(label("intro", lang),),
        records=(workplace, contacts, action, confirmations, signatures),
        empty_text="",
        page_template=label("page", lang),
        qr_payload=f"SIO-APPLICATION;form_sha256={form.sha256()}",
        qr_caption=label("qr_caption", lang),
        footer=label("footer", lang),
    )


__all__ = ["FORM_LANGS", "application_printout", "label"]
