"""User-facing texts for every error code, in Kazakh, Russian and English.

The tables hold the English sources; their kk/ru/en words are in the Qt Linguist catalogues
(resources/i18n, contexts "messages", "refusals" and "reasons"), the same the UI loads.
"""

from __future__ import annotations

import re
from typing import Any

from resources.i18n.reader import LANGS, QT_TRANSLATE_NOOP
from resources.i18n.reader import text as _tr

__all__ = ["LANGS", "param_label", "reason_text", "text"]

_TEXTS: dict[str, str] = {
    # code: English source (context "messages")
    "pin_incorrect": QT_TRANSLATE_NOOP("messages", "Wrong PIN.{left}"),
    "pin_locked": QT_TRANSLATE_NOOP("messages", "The token is locked: the PIN was entered wrongly too many times. Unlock it with the PUK."),
    "token_absent": QT_TRANSLATE_NOOP("messages", "No EDS token found. Insert the token and try again."),
    "token_error": QT_TRANSLATE_NOOP("messages", "Token error: {detail}"),
    "no_key_for_purpose": QT_TRANSLATE_NOOP("messages", "The token holds no suitable key: {detail}"),
    "file_key_forbidden": QT_TRANSLATE_NOOP("messages", "A key stored on the file system may not be used to sign in (Appendix 5 to the Rules, paragraph 8). Use a protected token."),
    "pin_unchanged": QT_TRANSLATE_NOOP("messages", "The new PIN must differ from the old one."),
    "pin_invalid": QT_TRANSLATE_NOOP("messages", "The token does not accept the new PIN: {detail}"),
    "pin_change_unsupported": QT_TRANSLATE_NOOP("messages", "A sandbox key file's password cannot be changed here; only a token's PIN can."),
    "not_logged_in": QT_TRANSLATE_NOOP("messages", "Sign in with your EDS first."),
    "basis_missing": QT_TRANSLATE_NOOP("messages", "Fill in the basis of the query: case/material number, legal ground and purpose (paragraph 3 of the Rules)."),
    "param_invalid": QT_TRANSLATE_NOOP("messages", "Field “{field}” is invalid: {detail}"),
    "resource_unavailable": QT_TRANSLATE_NOOP("messages", "Resource №{resource} is not available in this client yet."),
    "response_unverified": QT_TRANSLATE_NOOP("messages", "The response's signature did not verify, so the result is not shown: {detail}"),
    "response_unbound": QT_TRANSLATE_NOOP("messages", "The response does not belong to this request (hash mismatch); the result is not shown."),
    "channel_unreachable": QT_TRANSLATE_NOOP("messages", "Cannot reach the protected channel: {detail}"),
    # Issue 9: an answer over the desk's size cap is dropped unread; a flood is slowed down.
    "reply_too_large": QT_TRANSLATE_NOOP("messages", "The gateway's answer is larger than allowed and was not accepted: {detail}"),
    "rate_limited": QT_TRANSLATE_NOOP("messages", "Too many requests from this workstation. Wait a little and try again."),
    "policy_missing": QT_TRANSLATE_NOOP("messages", "No administrator policy file at {path}. The administrator sets the gateway, CA and token module there. To try the app: sio-desk demo"),
    "policy_invalid": QT_TRANSLATE_NOOP("messages", "The policy file is invalid ({path}): {detail}"),
    # R-AUTH-2/3, R-ACC-*: refusals the analyst must understand without the code.
    "no_agreement": QT_TRANSLATE_NOOP("messages", "Sign the agreement on rights of use with your EDS first."),
    "agreement_required": QT_TRANSLATE_NOOP("messages", "On first entry the agreement must be signed with your EDS (paragraph 10 of the Rules)."),
    "agreement_mismatch": QT_TRANSLATE_NOOP("messages", "A new version of the agreement is in force. Open the text again and sign it."),
    "agreement_already_signed": QT_TRANSLATE_NOOP("messages", "This version of the agreement is already signed."),
    "agreement_text_mismatch": QT_TRANSLATE_NOOP("messages", "The agreement text does not match its hash; it cannot be signed."),
    "user_blocked": QT_TRANSLATE_NOOP("messages", "Your access is blocked. Contact the system operator."),
    "blocked_own_request": QT_TRANSLATE_NOOP("messages", "Your account is blocked at your own request (absence from the workplace of more than two months). On your return, file a new electronic application for registration."),
    "not_registered": QT_TRANSLATE_NOOP("messages", "You are not registered: file an electronic application for registration."),
    # Issue 9: revocation fails closed; a revoked login certificate ends the session.
    "certificate_revocation_unknown": QT_TRANSLATE_NOOP("messages", "The certificate's revocation status cannot be established (no current CRL or OCSP "
        "answer). Contact the system operator."),
    "session_revoked": QT_TRANSLATE_NOOP("messages", "Your sign-in certificate has been revoked and the session has ended. Sign in again "
        "with a valid certificate."),
    "application_invalid": QT_TRANSLATE_NOOP("messages", "A field of the application is invalid: {detail}"),
    "iin_invalid": QT_TRANSLATE_NOOP("messages", "The IIN fails its check digit."),
    "bin_invalid": QT_TRANSLATE_NOOP("messages", "The BIN fails its check digit."),
    "confirmation_missing": QT_TRANSLATE_NOOP("messages", "Tick all three confirmations of the application."),
    "blocking_reason_missing": QT_TRANSLATE_NOOP("messages", "State the reason for blocking."),
    "application_date_invalid": QT_TRANSLATE_NOOP("messages", "The application date is in the future or out of date."),
    "application_pdf_invalid": QT_TRANSLATE_NOOP("messages", "The application PDF is unreadable or unsigned: {detail}"),
    "scan_missing": QT_TRANSLATE_NOOP("messages", "Embed the scanned paper copy in the signed PDF."),
    "applicant_mismatch": QT_TRANSLATE_NOOP("messages", "The PDF is not signed by the applicant."),
    "already_registered": QT_TRANSLATE_NOOP("messages", "This IIN is already registered; file a transfer application."),
    # R-RES-1: the vault, the case file and attaching results to case material.
    "no_state_dir": QT_TRANSLATE_NOOP("messages", "No data folder is configured for this workstation: the result cannot be kept safely. Contact the administrator."),
    "vault_write_failed": QT_TRANSLATE_NOOP("messages", "The result could not be written to the encrypted vault ({detail}). It was destroyed and the journal is told; send the query again."),
    "vault_missing": QT_TRANSLATE_NOOP("messages", "The result is not in the vault: it may have been destroyed already."),
    "vault_damaged": QT_TRANSLATE_NOOP("messages", "The result in the vault is damaged or its key is gone; it will not be opened."),
    "vault_destroy_failed": QT_TRANSLATE_NOOP("messages", "The local copy of the result could not be destroyed: {detail}. Contact the administrator."),
    "casefile_unreadable": QT_TRANSLATE_NOOP("messages", "The results register ({path}) cannot be read: {detail}. Nothing was removed; contact the administrator."),
    "casefile_write_failed": QT_TRANSLATE_NOOP("messages", "The results register could not be written ({detail}); check that the disk has space."),
    "already_running": QT_TRANSLATE_NOOP("messages", "SIO Desk is already open with this data folder ({path}) in another window. Use that one."),
    "result_not_pending": QT_TRANSLATE_NOOP("messages", "This result has already been attached or destroyed."),
    "result_unknown": QT_TRANSLATE_NOOP("messages", "There is no such result on this workstation."),
    "attach_nothing": QT_TRANSLATE_NOOP("messages", "Choose to print or to export."),
    "case_dir_missing": QT_TRANSLATE_NOOP("messages", "The administrator's policy names no folder for case material; export is not possible, printing is."),
    "printout_exists": QT_TRANSLATE_NOOP("messages", "The printout already exists: {path}. It will not be overwritten."),
    "export_failed": QT_TRANSLATE_NOOP("messages", "The printout could not be written to {path}: {detail}. The result stays in the vault."),
    "disposition_unknown": QT_TRANSLATE_NOOP("messages", "The gateway does not know this result's query; the signed report was not accepted."),
    "disposition_foreign": QT_TRANSLATE_NOOP("messages", "This result belongs to another user's query."),
    "disposition_malformed": QT_TRANSLATE_NOOP("messages", "The report on the result is not in the form the gateway expects; it will not be re-sent. Contact the administrator."),
    "disposition_time_invalid": QT_TRANSLATE_NOOP("messages", "The time the result was destroyed does not agree with the gateway's clock; check the workstation's clock."),
    "printout_missing": QT_TRANSLATE_NOOP("messages", "The exported printout's hash is missing; the report was not accepted."),
    "disposition_exists": QT_TRANSLATE_NOOP("messages", "What became of this result is already in the journal."),
    # Applications and operator commands (R-ACC-2..8).
    "application_form_mismatch": QT_TRANSLATE_NOOP("messages", "The signed PDF does not carry this application form; generate the PDF again and sign it."),
    "application_signature_stale": QT_TRANSLATE_NOOP("messages", "The application was not signed just before filing (over 24 hours ago, or before its date); sign it again."),
    "application_replayed": QT_TRANSLATE_NOOP("messages", "This signed application has already been filed."),
    "blocking_not_allowed": QT_TRANSLATE_NOOP("messages", "Only the user, a controller of their organisation or the operator may file a blocking application."),
    "last_operator": QT_TRANSLATE_NOOP("messages", "The last active operator cannot be blocked."),
    "not_blocked": QT_TRANSLATE_NOOP("messages", "This user is not blocked."),
    "time_invalid": QT_TRANSLATE_NOOP("messages", "The time must fall in 2000–2099 with an offset between −12:00 and +14:00."),
    "resources_invalid": QT_TRANSLATE_NOOP("messages", "Resources must be distinct numbers 1 to 52."),
    # Every other wire code of transport.errors.ErrorCode that is not marked internal has its
    # own text (tests/app/test_messages.py): signatures and certificates, the session, freshness,
    # downtime, the operator's console, and the gateway's own failures.
    "resource_not_allowed": QT_TRANSLATE_NOOP("messages", "Your role has no access to this resource."),
    "challenge_invalid": QT_TRANSLATE_NOOP("messages", "The sign-in challenge has expired or was already used. Sign in again."),
    "signature_invalid": QT_TRANSLATE_NOOP("messages", "The signature did not verify: {detail}"),
    "signature_unsupported": QT_TRANSLATE_NOOP("messages", "The gateway does not support this signature's algorithm."),
    "certificate_untrusted": QT_TRANSLATE_NOOP("messages", "The certificate does not chain to a trusted certification authority. Contact the administrator."),
    "certificate_expired": QT_TRANSLATE_NOOP("messages", "The EDS certificate has expired. Obtain a new certificate."),
    "certificate_not_yet_valid": QT_TRANSLATE_NOOP("messages", "The EDS certificate is not valid yet; check the workstation's clock."),
    "certificate_revoked": QT_TRANSLATE_NOOP("messages", "The EDS certificate has been revoked. Use a valid certificate."),
    "wrong_key_usage": QT_TRANSLATE_NOOP("messages", "The key is not meant for this: sign in with the authentication key, and sign queries and documents with the signing key."),
    "session_invalid": QT_TRANSLATE_NOOP("messages", "The session has ended or is not valid. Sign in again."),
    "iin_mismatch": QT_TRANSLATE_NOOP("messages", "The signature is not the signed-in user's: sign with your own EDS."),
    "nonce_replayed": QT_TRANSLATE_NOOP("messages", "This request was already received; it is not carried out again."),
    "clock_skew": QT_TRANSLATE_NOOP("messages", "The workstation's clock is too far from the operator's. Check the clock and try again."),
    "maintenance": QT_TRANSLATE_NOOP("messages", "The resource is temporarily unavailable for planned technical works: {detail}"),
    "emergency_downtime": QT_TRANSLATE_NOOP("messages", "The resource is temporarily unavailable because of an emergency. Try again later."),
    "operator_only": QT_TRANSLATE_NOOP("messages", "Only the operator may do this."),
    "workstation_not_attested": QT_TRANSLATE_NOOP("messages", "Access to the resources is given only while the workstation meets Appendix 3 to the Rules (paragraph 4 of the Rules), and its self-check has not been accepted. The desk runs the self-check and sends it to the operator; when it passes, send the query again."),
    "controller_only": QT_TRANSLATE_NOOP("messages", "Only a controller or the operator may see reports."),
    "emergency_not_open": QT_TRANSLATE_NOOP("messages", "The emergency journal has no open row with that number."),
    "application_not_found": QT_TRANSLATE_NOOP("messages", "There is no such application."),
    "application_decided": QT_TRANSLATE_NOOP("messages", "This application has already been decided."),
    "refusal_reason_missing": QT_TRANSLATE_NOOP("messages", "State the reason for the refusal."),
    "request_timeout": QT_TRANSLATE_NOOP("messages", "The request did not reach the gateway in time; check the connection and try again."),
    "journal_unavailable": QT_TRANSLATE_NOOP("messages", "The operator's journal cannot be written right now, so nothing was done. Try again later."),
    "internal_error": QT_TRANSLATE_NOOP("messages", "The gateway had an internal error; nothing was done. Try again later or contact the operator."),
    "report_malformed": QT_TRANSLATE_NOOP("messages", "The gateway's report cannot be read: {detail}"),
    "verifier_missing": QT_TRANSLATE_NOOP("messages", "The journal archive verifier (sio-gateway) is not installed on this workstation."),
    "archive_unverifiable": QT_TRANSLATE_NOOP("messages", "The archive could not be verified: {detail}"),
    # R-LOG-1: the operator's "seal and export the journal" (app/journal_export.py).
    "export_unavailable": QT_TRANSLATE_NOOP("messages", "The gateway could not seal the journal or write its archive (its signing key or disk space). Nothing was exported; the request is journaled. Contact the gateway's administrator."),
    "export_target_exists": QT_TRANSLATE_NOOP("messages", "The folder {path} already exists; it is not written over. Choose another folder."),
    "export_target_unwritable": QT_TRANSLATE_NOOP("messages", "The archive cannot be written to the chosen folder: {detail}"),
    "export_cancelled": QT_TRANSLATE_NOOP("messages", "The download was cancelled; nothing was left in the chosen folder. The journal stays sealed."),
    "archive_invalid": QT_TRANSLATE_NOOP("messages", "The gateway's archive is not a safe journal archive and was not kept: {detail}"),
    # A refusal whose own code is internal (a correct desk never provokes it): no raw code and
    # no English detail is shown; the code stays in the desk's log.
    "refused": QT_TRANSLATE_NOOP("messages", "The gateway refused the request. Try again; if it happens again, contact the system operator."),
}


# Gateway refusals whose ordinary text needs values a refusal does not carry, or would show the
# gateway's English detail: told without them, each with what to do next.
_REFUSALS: dict[str, str] = {
    "param_invalid": QT_TRANSLATE_NOOP("refusals", "The gateway did not accept the query's parameters. Check them and send the query again."),
    "param_named": QT_TRANSLATE_NOOP("refusals", "The gateway did not accept the query's parameters: {fields} — {reason}. Correct them "
        "and send again."),
    "resource_unavailable": QT_TRANSLATE_NOOP("refusals", "The gateway does not serve this resource yet. Choose another resource or contact the operator."),
    "signature_invalid": QT_TRANSLATE_NOOP("refusals", "The signature did not verify. Sign and send again; if it happens again, contact the administrator."),
    "application_invalid": QT_TRANSLATE_NOOP("refusals", "A field of the application is invalid. Check the fields and file the application again."),
    "application_pdf_invalid": QT_TRANSLATE_NOOP("refusals", "The application PDF is unreadable or unsigned. Generate the PDF again and sign it."),
    "maintenance": QT_TRANSLATE_NOOP("refusals", "The resource is temporarily unavailable for planned technical works{until}. Try again when they are over."),
}
_UNTIL = QT_TRANSLATE_NOOP("refusals", " (until {at})")
# gateway/resolvers.py writes a parameter refusal's detail as "<reason> <name,...>: <English>".
_PARAM_DETAIL = re.compile(r"([a-z_]+) ([a-z_]+(?:,[a-z_]+)*): ")
_ISO_UNTIL = re.compile(r"until (\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})")
# gateway/registry.py names the newest block's reason after "; reason: ".
_BLOCK_REASON = re.compile(r"; reason: (.+)$", re.S)
_BLOCKED_WHY = QT_TRANSLATE_NOOP("refusals", "Your access is blocked. Reason: “{reason}”. Contact the system operator or the official "
    "in charge of departmental control.")


# R-WS-6, 2022 §4: gateway.attestation writes the detail as "workstation attestation <why>: …".
_ATTEST_DETAIL = re.compile(r"workstation attestation ([a-z_]+)(?:: (.*))?$", re.S)
_STALE_DAYS = re.compile(r"over (\d+) days")
_NOT_ATTESTED = QT_TRANSLATE_NOOP("refusals", "Access to the resources is given only while the workstation meets Appendix 3 to the "
    "Rules (paragraph 4 of the Rules). {why} The desk runs the self-check now and sends it to the "
    "operator; when it passes, send the query again.")
_NOT_ATTESTED_WHY: dict[str, str] = {
    "missing": QT_TRANSLATE_NOOP("refusals", "The operator has no complete self-check of this workstation from you."),
    "failed": QT_TRANSLATE_NOOP("refusals", "The workstation's last self-check did not pass: {checks}."),
    "undetermined": QT_TRANSLATE_NOOP("refusals", "The workstation's last self-check could not establish: {checks}."),
    "stale": QT_TRANSLATE_NOOP("refusals", "The workstation's last self-check is older than {days} days."),
    "other_certificate": QT_TRANSLATE_NOOP("refusals", "The workstation's self-check was signed with another certificate than the one you "
        "sign with now."),
}


def text(key: str, lang: str = "en", /, **values: Any) -> str:
    """The message for error `key` in `lang` (English when the language is unknown)."""
    if key == "refused":
        return _refusal(str(values.get("code", "")), str(values.get("detail", "")), lang)
    source = _TEXTS.get(key)
    if source is None:
        return _tr("messages", _TEXTS["refused"], lang)
    values = {"left": _attempts(values.get("attempts_left"), lang), **values}
    if "reason" in values and "detail" not in values:
        values["detail"] = reason_text(str(values["reason"]), lang)
    if "field" in values:
        values["field"] = param_label(str(values["field"]), lang)
    shown = _tr("messages", source, lang)
    try:
        return shown.format(**values)
    except (KeyError, IndexError):
        return shown


def _refusal(code: str, detail: str, lang: str) -> str:
    """A gateway refusal in the analyst's words: never its code, never its English detail."""
    if code == "param_invalid" and (m := _PARAM_DETAIL.match(detail)) and m[1] in _REASONS:
        fields = ", ".join(f"«{param_label(n, lang)}»" for n in m[2].split(","))
        return _tr("refusals", _REFUSALS["param_named"], lang, fields=fields,
                   reason=reason_text(m[1], lang))
    if code == "user_blocked" and (m := _BLOCK_REASON.search(detail)):
        # 2022 §17: the user is told why (the reason as the controller or operator wrote it).
        return _tr("refusals", _BLOCKED_WHY, lang, reason=m[1].strip())
    if code == "workstation_not_attested" and (m := _ATTEST_DETAIL.match(detail)):
        why = _not_attested_why(m[1], m[2] or "", lang)
        if why is not None:
            return _tr("refusals", _NOT_ATTESTED, lang, why=why)
    if code == "maintenance":
        at = _ISO_UNTIL.search(detail)
        until = _tr("refusals", _UNTIL, lang, at=f"{at[1]} {at[2]}") if at else ""
        return _tr("refusals", _REFUSALS["maintenance"], lang, until=until)
    context, source = (("refusals", _REFUSALS[code]) if code in _REFUSALS
                       else ("messages", _TEXTS.get(code) or _TEXTS["refused"]))
    try:
        return _tr(context, source, lang).format(left="", detail="")
    except (KeyError, IndexError):
        return _tr("messages", _TEXTS["refused"], lang)


def _not_attested_why(reason: str, particulars: str, lang: str) -> str | None:
    """Why the workstation's attestation was not accepted, in `lang`; None if not known."""
    source = _NOT_ATTESTED_WHY.get(reason)
    if source is None:
        return None
    days = _STALE_DAYS.search(particulars)
    return _tr("refusals", source, lang, checks=check_titles(particulars.split(","), lang),
               days=days[1] if days else "")


def check_titles(check_ids: list[str], lang: str) -> str:
    """The self-check's rule checks among `check_ids`, by their titles in `lang` (advisories,
    which never decide, left out; every id shown when none is a rule check)."""
    from app.selfcheck.texts import title
    from app.selfcheck.thresholds import RULE_CHECKS

    ids = [c.strip() for c in check_ids if c.strip()]
    shown = [c for c in ids if c in RULE_CHECKS] or ids
    return ", ".join(f"«{title(c, lang)}»" for c in shown)


def param_label(name: str, lang: str) -> str:
    """A query parameter's label in `lang` as the catalogue names it; other names as they are."""
    from resources.catalogue import catalogue

    for res in catalogue().values():
        for p in res.all_params:
            if p.name == name:
                return p.label.get(lang) or p.label["ru"]
    return name


def _attempts(left: object, lang: str) -> str:
    if not isinstance(left, int):
        return ""
    return _tr("messages", QT_TRANSLATE_NOOP("messages", " Attempts left: {left}."), lang, left=left)


# Reason codes of app.validation (why a form field cannot be sent): English sources.
_REASONS: dict[str, str] = {
    "required": QT_TRANSLATE_NOOP("reasons", "required"),
    "iin_digits": QT_TRANSLATE_NOOP("reasons", "an IIN has 12 digits"),
    "iin_check": QT_TRANSLATE_NOOP("reasons", "the IIN's check digit or date is wrong"),
    "bin_digits": QT_TRANSLATE_NOOP("reasons", "a BIN has 12 digits"),
    "bin_check": QT_TRANSLATE_NOOP("reasons", "the BIN's check digit is wrong"),
    "iin_or_bin_digits": QT_TRANSLATE_NOOP("reasons", "an IIN or BIN has 12 digits"),
    "iin_or_bin_check": QT_TRANSLATE_NOOP("reasons", "neither a valid IIN nor a valid BIN"),
    "date_format": QT_TRANSLATE_NOOP("reasons", "a date is YYYY-MM-DD"),
    "plate_format": QT_TRANSLATE_NOOP("reasons", "a plate number looks like 123ABC02"),
    "vin_format": QT_TRANSLATE_NOOP("reasons", "a VIN has 17 letters and digits (no I, O, Q)"),
    "phone_format": QT_TRANSLATE_NOOP("reasons", "a phone number looks like +77011234567"),
    "text_too_long": QT_TRANSLATE_NOOP("reasons", "at most {max} characters"),
    "text_invisible": QT_TRANSLATE_NOOP("reasons", "no visible letters or digits"),
    "text_control": QT_TRANSLATE_NOOP("reasons", "control characters are not allowed"),
    "type_unknown": QT_TRANSLATE_NOOP("reasons", "unknown parameter type"),
    "not_a_param": QT_TRANSLATE_NOOP("reasons", "not a parameter of this resource"),
    "name_letters": QT_TRANSLATE_NOOP("reasons", "letters, spaces, hyphens or apostrophes only"),
    "name_too_long": QT_TRANSLATE_NOOP("reasons", "at most {max_name} characters"),
    "document_format": QT_TRANSLATE_NOOP("reasons", "a document number has 5–15 Latin capitals and digits, e.g. N12345678"),
    "org_name_short": QT_TRANSLATE_NOOP("reasons", "give more of the name"),
    "mixed_sets": QT_TRANSLATE_NOOP("reasons", "belongs to another way of searching: choose one way"),
    "empty_param": QT_TRANSLATE_NOOP("reasons", "sent without a value"),
    "ambiguous_matches": QT_TRANSLATE_NOOP("reasons", "several subjects have this name and the resource does not say whose a record is: find the IIN/BIN by name in №1 or №2 and ask by it"),
    "too_many_matches": QT_TRANSLATE_NOOP("reasons", "too many matches, narrow the search (e.g. by IIN/BIN)"),
    "need_one_param": QT_TRANSLATE_NOOP("reasons", "fill in one of the ways of searching"),
    "case_too_long": QT_TRANSLATE_NOOP("reasons", "at most {max_case} characters"),
    "purpose_short": QT_TRANSLATE_NOOP("reasons", "state the purpose (at least {min_purpose} characters)"),
}


def reason_text(code: str, lang: str = "en") -> str:
    """A validation reason in `lang`; an unknown code is shown as it is rather than hidden."""
    from app.validation import MAX_CASE, MIN_PURPOSE
    from resources.catalogue import MAX_NAME, MAX_TEXT

    source = _REASONS.get(code)
    if source is None:
        return code
    return _tr("reasons", source, lang).format(max=MAX_TEXT, max_case=MAX_CASE,
                                               min_purpose=MIN_PURPOSE, max_name=MAX_NAME)
