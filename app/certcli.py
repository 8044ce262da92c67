"""`sio-desk verify`, `cert-info` and `tokens`: signatures, certificates and tokens, offline."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from cryptography import x509

from resources.i18n.reader import QT_TRANSLATE_NOOP
from resources.i18n.reader import text as _tr
from signing.crl import load_crl_file
from signing.errors import SignatureInvalid, SigningError
from signing.iin import is_valid_bin, is_valid_iin
from signing.profile import CertProfile, load_certificate, name_string, profile_of, serial_hex
from signing.trust import CERT_SUFFIXES, TrustStore

ASTANA = ZoneInfo("Asia/Almaty")  # DESIGN: one clock, Astana time (UTC+5 since 2024-03-01)
STATUS_CODES: dict[str, str] = {
    "malformed": "invalid", "digest_mismatch": "invalid", "bad_signature": "invalid",
    "wrong_key_usage": "invalid", "untrusted": "untrusted", "expired": "expired",
    "not_yet_valid": "expired", "revoked": "revoked", "unsupported_algorithm": "unsupported",
    # Revocation fails closed: no fresh CRL and no good OCSP answer (signing.trust hard_fail).
    "revocation_unknown": "revocation_unknown",
}
# The summary's status words in the analyst's language (--lang); reasons stay in English.
# English sources; kk/ru/en in the Qt Linguist catalogues (context "certcli").
STATUS_WORDS: dict[str, str] = {
    "valid": QT_TRANSLATE_NOOP("certcli", "VALID"),
    "invalid": QT_TRANSLATE_NOOP("certcli", "INVALID"),
    "untrusted": QT_TRANSLATE_NOOP("certcli", "UNTRUSTED"),
    "revoked": QT_TRANSLATE_NOOP("certcli", "REVOKED"),
    "expired": QT_TRANSLATE_NOOP("certcli", "EXPIRED"),
    "unsupported": QT_TRANSLATE_NOOP("certcli", "UNSUPPORTED"),
    "revocation_unknown": QT_TRANSLATE_NOOP("certcli", "REVOCATION STATUS UNKNOWN"),
}


class UsageError(Exception):
    """Bad arguments or unreadable input: exit code 2."""


def _emit(doc: Any, as_json: bool, human: str) -> None:
    if as_json:
        print(json.dumps(doc, ensure_ascii=False, indent=2))
    else:
        print(human, file=sys.stderr)


def parse_time(text: str) -> dt.datetime:
    """ISO 8601 time; without a zone it is Astana time (R-Q-5)."""
    try:
        when = dt.datetime.fromisoformat(text)
    except ValueError as exc:
        raise UsageError(f"--at: not an ISO 8601 time: {text!r}") from exc
    if when.tzinfo is None:
        when = when.replace(tzinfo=ASTANA)
    return when.astimezone(dt.UTC)


def _iso(when: dt.datetime | None) -> str | None:
    return None if when is None else when.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _read_certs(path: Path) -> list[x509.Certificate]:
    data = path.read_bytes()
    if data.lstrip().startswith(b"-----BEGIN"):
        if b"-----BEGIN CERTIFICATE" not in data:
            return []
        return x509.load_pem_x509_certificates(data)
    return [load_certificate(data)]


def load_trust(trust: str | None, crls: Sequence[str]) -> TrustStore:
    """Every certificate in ``trust`` (a directory or a file) is an anchor; plus CRL files.

    An intermediate put in the trust directory is an anchor on purpose: the administrator
    may trust one NCA issuing CA without its root. Without --trust the policy's store is used.
    """
    if trust is None:
        store = _policy_trust()
    else:
        path = Path(trust)
        files = sorted(path.iterdir()) if path.is_dir() else [path]
        anchors: list[x509.Certificate] = []
        crl_files: list[Path] = []
        for file in files:
            suffix = file.suffix.lower()
            if suffix == ".crl":
                crl_files.append(file)
            elif suffix in CERT_SUFFIXES or file == path:
                try:
                    anchors += _read_certs(file)
                except (SignatureInvalid, ValueError) as exc:
                    raise UsageError(f"--trust: {file}: {exc}") from exc
        store = TrustStore(anchors, crls=[load_crl_file(f) for f in crl_files])
    for name in crls:
        try:
            store.add_crl(load_crl_file(name))
        except (OSError, SignatureInvalid) as exc:
            raise UsageError(f"--crl {name}: {exc}") from exc
    return store


def _policy_trust() -> TrustStore:
    try:
        from app.policy import load_policy

        return load_policy().desk.trust
    except Exception:  # no usable policy: an empty store ("untrusted")
        return TrustStore([])


def _signer_json(profile: CertProfile | None, signing_time: dt.datetime | None,
                 algorithm: str | None) -> dict[str, Any]:
    return {
        "iin": profile.iin if profile else None,
        "bin": profile.bin if profile else None,
        "common_name": profile.common_name if profile else None,
        "serial": profile.serial if profile else None,
        "signing_time": _iso(signing_time),
        "algorithm": algorithm or (profile.algorithm if profile else None),
    }


def _verify_cms(raw: bytes, data: bytes | None, trust: TrustStore, at: dt.datetime,
                args: argparse.Namespace) -> dict[str, Any]:
    from signing.cms import claimed_signer, encapsulated_content, verify_attached, verify_detached
    from signing.documents import unarmor_der

    cms_der = b""
    answers: dict[int, Any] = {}
    if args.ocsp:
        # With no fresh CRL, a good OCSP answer decides (the hard_fail policy); asked once.
        from signing.ocsp import check_ocsp

        def fetch(cert: x509.Certificate, issuer: x509.Certificate, when: dt.datetime) -> Any:
            url = args.ocsp_url if cert == leaf_of(cms_der) else None  # CAs: their AIA
            result = check_ocsp(cert, issuer, url, at=when, timeout=args.timeout)
            answers[cert.serial_number] = result
            return result

        trust.ocsp_fetch = fetch
    try:
        cms_der = unarmor_der(raw, "neither DER, PEM nor base64 CMS")
        content = encapsulated_content(cms_der)
        if content is None:
            if data is None:
                raise UsageError("a detached signature: give the signed data with --data FILE")
            verified = verify_detached(cms_der, data, trust, at=at)
        else:
            if data is not None and data != content:
                raise SignatureInvalid("digest_mismatch",
                                       "--data differs from the content the CMS carries")
            verified, _ = verify_attached(cms_der, trust, at=at)
    except SignatureInvalid as exc:
        cert = claimed_signer(cms_der) if cms_der else None
        profile = _safe_profile(cert)
        return {"status": STATUS_CODES.get(exc.code, "invalid"), "reason": str(exc),
                "code": exc.code, "signers": [_signer_json(profile, None, None)] if profile
                else []}
    doc: dict[str, Any] = {
        "status": "valid", "reason": "signature, chain and revocation checked",
        "signers": [_signer_json(verified.profile, verified.signing_time, None)],
    }
    _revocation(doc, verified.certificate, verified.chain, trust, at, args,
                answers.get(verified.certificate.serial_number))
    doc["revocation"]["policy"] = trust.policy.mode
    doc["revocation"]["path"] = [{"serial": d.serial, "status": d.status, "source": d.source}
                                 for d in verified.revocation]
    return doc


def leaf_of(cms_der: bytes) -> x509.Certificate | None:
    """The signer's certificate a CMS names (unverified), for --ocsp-url (the leaf's responder)."""
    from signing.cms import claimed_signer

    return claimed_signer(cms_der) if cms_der else None


def _safe_profile(cert: x509.Certificate | None) -> CertProfile | None:
    if cert is None:
        return None
    try:
        return profile_of(cert)
    except SignatureInvalid:
        return None


def _revocation(doc: dict[str, Any], leaf: x509.Certificate, chain: list[x509.Certificate],
                trust: TrustStore, at: dt.datetime, args: argparse.Namespace,
                asked: Any = None) -> None:
    """CRL status (already enforced by the chain check) and OCSP when asked (R-AUTH-1)."""
    issuer = chain[1] if len(chain) > 1 else None
    crl = trust.revocation(leaf, at, issuer)
    doc["revocation"] = {"crl": crl.status, "crl_reason": crl.reason}
    if not args.ocsp:
        return
    from signing.ocsp import OcspError, check_ocsp

    if issuer is None:
        doc.update(status="invalid", reason="OCSP: the issuer certificate is unknown")
        return
    try:
        result = asked or check_ocsp(leaf, issuer, args.ocsp_url, at=at, timeout=args.timeout)
    except OcspError as exc:
        doc["revocation"]["ocsp"] = "error"
        # The analyst asked for OCSP: without an answer we do not claim "valid".
        doc.update(status="invalid", reason=f"OCSP: {exc}")
        return
    doc["revocation"]["ocsp"] = result.trusted_status
    doc["revocation"]["ocsp_reason"] = result.reason
    if result.trusted_status == "revoked":
        doc.update(status="revoked", reason=f"OCSP: {result.reason}")
    elif result.trusted_status == "unknown":
        doc.update(status="invalid", reason=f"OCSP: {result.reason}")


def _verify_pdf(raw: bytes, trust: TrustStore, at: dt.datetime) -> dict[str, Any]:
    from signing.pades import verify_pdf

    report = verify_pdf(raw, trust, at)
    return {
        "status": report.status, "reason": report.reason,
        "signers": [_signer_json(s.profile, s.signing_time, s.profile.algorithm
                                 if s.profile else None) | {
                        "field": s.field_name, "status": s.status,
                        "whole_document": s.whole_document, "timestamped": s.timestamped}
                    for s in report.signatures],
    }


def _verify_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="sio-desk verify",
                                description="Verify a CMS signature, a signed PDF, a "
                                "time-stamp, a certificate, a CRL or an OCSP reply.")
    p.add_argument("file", help="CMS or time-stamp (DER, PEM or base64), a signed PDF, a "
                   "certificate, a CRL or an OCSP reply: the kind is detected")
    p.add_argument("--data", help="the signed data of a detached CMS")
    p.add_argument("--trust", help="directory (or file) of trusted CA certificates and CRLs")
    p.add_argument("--crl", action="append", default=[], help="a CRL file (base or delta)")
    p.add_argument("--at", help="validation time, ISO 8601 (default now; no zone = Astana)")
    p.add_argument("--ocsp", action="store_true", help="also ask the OCSP responder")
    p.add_argument("--ocsp-url", help="OCSP responder URL (default: from the certificate)")
    p.add_argument("--timeout", type=float, default=5.0, help="OCSP timeout, seconds")
    p.add_argument("--json", action="store_true", help="one JSON document on stdout")
    p.add_argument("--lang", choices=("kk", "ru", "en"), default="en")
    return p


def verify_main(argv: list[str]) -> int:
    """`sio-desk verify`: exit 0 only for a valid signature, 1 otherwise, 2 for usage errors."""
    logging.getLogger("pyhanko").setLevel(logging.CRITICAL)  # its tracebacks are not for users
    logging.getLogger("pyhanko_certvalidator").setLevel(logging.CRITICAL)
    args = _verify_parser().parse_args(argv)
    try:
        at = parse_time(args.at) if args.at else dt.datetime.now(dt.UTC)
        trust = load_trust(args.trust, args.crl)
        raw = Path(args.file).read_bytes()
        data = Path(args.data).read_bytes() if args.data else None
        doc = _verify_any(raw, data, trust, at, args)
    except (UsageError, OSError) as exc:
        doc = {"status": "invalid", "reason": str(exc), "signers": []}
        _emit(doc, args.json, f"sio-desk verify: {exc}")
        return 2
    doc.setdefault("validated_at", _iso(at))
    _emit(doc, args.json, _verify_summary(doc, args.lang))
    return 0 if doc["status"] == "valid" else 1


def _verify_any(raw: bytes, data: bytes | None, trust: TrustStore, at: dt.datetime,
                args: argparse.Namespace) -> dict[str, Any]:
    """Detect what the file is and check it (issue 12: CMS, PDF, TSP, certificate, CRL, OCSP)."""
    from signing.documents import detect

    try:
        found = detect(raw)
    except SignatureInvalid as exc:
        return {"status": "invalid", "reason": str(exc), "code": exc.code, "signers": [],
                "kind": None}
    if found.kind == "pdf":
        doc = _verify_pdf(raw, trust, at)
    elif found.kind == "cms":
        doc = _verify_cms(raw, data, trust, at, args)
    elif found.kind == "timestamp":
        doc = _verify_timestamp(found.der, data, trust, at if args.at else None)
    else:
        doc = _verify_object(found.kind, found.der, trust, at)
    return {"kind": found.kind} | doc


def _verify_timestamp(der: bytes, data: bytes | None, trust: TrustStore,
                      at: dt.datetime | None) -> dict[str, Any]:
    """A time-stamp token or TSA response, as of --at or else its own genTime."""
    from signing.cms import claimed_signer
    from signing.tsp import verify_timestamp

    try:
        checked = verify_timestamp(der, trust, data=data, at=at)
    except SignatureInvalid as exc:
        profile = _safe_profile(claimed_signer(der))
        return {"status": STATUS_CODES.get(exc.code, "invalid"), "reason": str(exc),
                "code": exc.code,
                "signers": [_signer_json(profile, None, None)] if profile else []}
    sig = checked.signature
    return {"status": "valid", "reason": "time-stamp signature, chain and revocation checked"
            + ("" if data is not None else " (the stamped data was not given)"),
            "signers": [_signer_json(sig.profile, checked.gen_time, None)],
            "gen_time": _iso(checked.gen_time), "policy": checked.policy,
            "imprint": {"algorithm": checked.imprint_algorithm, "hash": checked.imprint.hex()},
            "chain": _chain_json(sig.chain), "validated_at": _iso(at or checked.gen_time)}


def _chain_json(chain: Sequence[x509.Certificate]) -> list[dict[str, Any]]:
    out = []
    for cert in chain:
        profile = _safe_profile(cert)
        out.append({"subject": name_string(cert.subject), "serial": serial_hex(cert.serial_number),
                    "algorithm": profile.algorithm if profile else None})
    return out


def _verify_object(kind: str, der: bytes, trust: TrustStore, at: dt.datetime) -> dict[str, Any]:
    """A certificate, CRL or OCSP reply: its signature, its signer's path, as of ``at``."""
    from signing.crl import load_crl
    from signing.documents import check_certificate, check_crl, check_ocsp_reply

    if kind == "certificate":
        report = check_certificate(load_certificate(der), trust, at)
    elif kind == "crl":
        report = check_crl(load_crl(der), trust, at)
    else:
        report = check_ocsp_reply(der, trust, at)
    signer = _safe_profile(report.signer)
    doc: dict[str, Any] = {
        "status": "valid" if report.code is None else STATUS_CODES.get(report.code, "invalid"),
        "reason": report.reason,
        "signers": [_signer_json(signer, None, None)] if signer else [],
        "chain": _chain_json(report.chain),
        "details": {k: _iso(v) if isinstance(v, dt.datetime) else v
                    for k, v in report.details.items() if k != "answers"},
    }
    if report.signer is not None:
        doc["signed_by"] = name_string(report.signer.subject)
    if report.code is not None:
        doc["code"] = report.code
    if report.subject is not None:
        doc["subject"] = _signer_json(report.subject, None, None)
    if "answers" in report.details:
        doc["details"]["answers"] = [{k: _iso(v) if isinstance(v, dt.datetime) else v
                                      for k, v in a.items()} for a in report.details["answers"]]
    return doc


def _verify_summary(doc: dict[str, Any], lang: str) -> str:
    source = STATUS_WORDS.get(doc["status"])
    word = _tr("certcli", source, lang) if source else doc["status"]
    lines = [f"{word}: {doc['reason']}"]
    if doc.get("kind"):
        lines.append(f"  file: {doc['kind']}")
    subject = doc.get("subject")
    if subject:
        lines.append(f"  certificate of {subject['common_name']}  serial {subject['serial']}"
                     f"  ({subject['algorithm']})")
    for s in doc["signers"]:
        lines.append(f"  {s['common_name']}  IIN {s['iin']}  BIN {s['bin']}  serial {s['serial']}"
                     f"  signed {s['signing_time'] or '-'}  ({s['algorithm']})")
    rev = doc.get("revocation")
    if rev:
        lines.append(f"  revocation: CRL {rev['crl']}" + (f", OCSP {rev['ocsp']}"
                                                          if "ocsp" in rev else "")
                     + (f"; policy {rev['policy']}" if "policy" in rev else ""))
    if doc.get("signed_by"):
        lines.append(f"  signed by {doc['signed_by']}")
    for answer in doc.get("details", {}).get("answers", []):
        lines.append(f"  answers for serial {answer['serial']}: {answer['status']}")
    for link in doc.get("chain", [])[1:]:
        lines.append(f"  chain: {link['subject']}  serial {link['serial']}  ({link['algorithm']})")
    lines.append(f"  as of {doc.get('validated_at')}")
    return "\n".join(lines)


# cert-info ---------------------------------------------------------------------------------

def _identity(profile: CertProfile, test_trust: bool) -> dict[str, Any]:
    doc = profile.to_json()
    iin_ok = profile.iin is not None and is_valid_iin(profile.iin)
    bin_ok = profile.bin is None or is_valid_bin(profile.bin)
    doc["iin_valid"] = iin_ok
    # NCA test identities (IIN 123456789011 …) fail the checksum (NCA-EDS §4).
    test_identity = (profile.iin is not None and not iin_ok) or not bin_ok
    doc["test_identity"] = test_identity
    if test_identity and not test_trust:
        doc["warning"] = ("the IIN/BIN fails the checksum: an NCA test identity or a "
                          "malformed certificate; accepted only with --test-trust")
    return doc


def _certs_from_file(path: Path, password_env: str | None) -> list[x509.Certificate]:
    data = path.read_bytes()
    if path.suffix.lower() in (".p12", ".pfx") or (
        data[:1] == b"\x30" and not _is_certificate(data)
    ):
        from signing.filekey import p12_certificates

        if password_env is None:
            raise UsageError("a PKCS#12 file: give its password with --password-env VAR")
        password = os.environ.get(password_env)
        if password is None:
            raise UsageError(f"environment variable {password_env} is not set")
        certs = p12_certificates(data, password)
        # The key's own certificates; CA certificates travel in the file only to build the chain.
        leaves = [c for c in certs if not _is_ca(c)]
        return leaves or certs
    certs = _read_certs(path)
    if not certs:
        raise UsageError(f"{path}: no certificate found")
    return certs


def _is_ca(cert: x509.Certificate) -> bool:
    try:
        return bool(cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca)
    except x509.ExtensionNotFound:
        return False


def _is_certificate(der: bytes) -> bool:
    try:
        x509.load_der_x509_certificate(der)
    except ValueError:
        return False
    return True


def _token_certs(args: argparse.Namespace) -> list[x509.Certificate]:
    from signing.diagnostics import probe_module
    from signing.pkcs11 import Pkcs11Token, find_modules

    modules = find_modules([args.module] if args.module else _policy_modules())
    if not modules:
        raise UsageError("no PKCS#11 module found; give --module PATH")
    certs: list[x509.Certificate] = []
    notes: list[str] = []
    for module in modules:
        report = probe_module(module)
        for slot in report.slots:
            if not slot.initialized or (args.label and args.label not in (slot.label,
                                                                           slot.serial)):
                continue
            if args.pin_env:
                pin = os.environ.get(args.pin_env)
                if pin is None:
                    raise UsageError(f"environment variable {args.pin_env} is not set")
                token = Pkcs11Token.open(module, slot.serial or "")
                token.login(pin)
                try:
                    certs += [p.certificate for p in token.keypairs()]
                finally:
                    token.logout()
            else:
                certs += [o.certificate for o in slot.objects]
                if slot.note:
                    notes.append(f"{slot.label}: {slot.note}")
    if not certs:
        raise UsageError("no certificate found on the token(s)"
                         + (f" ({'; '.join(notes)}; give --pin-env VAR)" if notes else ""))
    return certs


def _policy_modules() -> list[str]:
    try:
        from app.policy import load_policy

        return list(load_policy().pkcs11_modules)
    except Exception:  # diagnostics work without a policy
        return []


def cert_info_main(argv: list[str]) -> int:
    """`sio-desk cert-info FILE|--token`: the NCA profile of each certificate."""
    p = argparse.ArgumentParser(prog="sio-desk cert-info",
                                description="Show who a certificate belongs to, NCA-style.")
    p.add_argument("file", nargs="?", help="PEM, DER or PKCS#12 (.p12) file")
    p.add_argument("--password-env", help="environment variable holding the .p12 password")
    p.add_argument("--token", action="store_true", help="read the certificates of a token")
    p.add_argument("--module", help="PKCS#11 module path")
    p.add_argument("--label", help="token label or serial")
    p.add_argument("--pin-env", help="environment variable holding the PIN (lists key pairs)")
    p.add_argument("--test-trust", action="store_true",
                   help="accept NCA test identities (invalid IIN checksum) without a warning")
    p.add_argument("--json", action="store_true")
    args = p.parse_args(argv)
    if bool(args.file) == bool(args.token):
        p.error("give either FILE or --token")
    try:
        certs = _token_certs(args) if args.token else _certs_from_file(
            Path(args.file), args.password_env)
        docs = [_identity(profile_of(c), args.test_trust) for c in certs]
    except UsageError as exc:
        _emit({"error": "usage", "message": str(exc)}, args.json, f"sio-desk cert-info: {exc}")
        return 2
    except (SigningError, OSError) as exc:
        code = getattr(exc, "code", "io_error")
        _emit({"error": code, "message": str(exc)}, args.json, f"sio-desk cert-info: {exc}")
        return 1
    out: Any = docs[0] if len(docs) == 1 else docs
    _emit(out, args.json, "\n\n".join(_cert_summary(d) for d in docs))
    return 0


def _cert_summary(doc: dict[str, Any]) -> str:
    s = doc["subject"]
    lines = [
        f"{s['common_name']}  (patronymic {s['patronymic'] or '-'})",
        f"  IIN {s['iin'] or '-'} ({'valid' if doc['iin_valid'] else 'INVALID checksum'})"
        f"  BIN {s['bin'] or '-'}  {s['organization'] or ''}",
        f"  {doc['holder_kind']} {','.join(doc['roles'])}; purpose {doc['purpose']}; "
        f"{doc['algorithm']}-{doc['key_bits']}",
        f"  serial {doc['serial']}; valid {doc['not_before']} .. {doc['not_after']}",
        f"  issuer {doc['issuer']}",
    ]
    if "warning" in doc:
        lines.append(f"  WARNING: {doc['warning']}")
    return "\n".join(lines)


# tokens ------------------------------------------------------------------------------------

def tokens_main(argv: list[str]) -> int:
    """`sio-desk tokens`: modules, slots, tokens, PIN flags; 2 when no module exists at all."""
    from signing.diagnostics import probe_module
    from signing.pkcs11 import find_modules

    p = argparse.ArgumentParser(prog="sio-desk tokens", description="Token diagnostics.")
    p.add_argument("--module", action="append", default=[], help="PKCS#11 module path")
    p.add_argument("--json", action="store_true")
    args = p.parse_args(argv)
    modules = find_modules(args.module + _policy_modules())
    if not modules:
        doc: dict[str, Any] = {"modules": [], "error": "no PKCS#11 module found"}
        _emit(doc, args.json, "sio-desk tokens: no PKCS#11 module found (install the token "
              "driver or set pkcs11_modules in the policy)")
        return 2
    reports = [probe_module(m) for m in modules]
    doc = {"modules": [_module_json(r) for r in reports]}
    _emit(doc, args.json, _tokens_summary(doc))
    return 0


def _module_json(report: Any) -> dict[str, Any]:
    return {
        "path": report.path, "loaded": report.loaded, "error": report.error,
        "slots": [{
            "slot_id": s.slot_id, "description": s.description,
            "token_present": s.token_present, "label": s.label, "serial": s.serial,
            "manufacturer": s.manufacturer, "model": s.model, "initialized": s.initialized,
            "login_required": s.login_required,
            "pin": None if s.pin is None else {
                "count_low": s.pin.count_low, "final_try": s.pin.final_try,
                "locked": s.pin.locked},
            "certificates": [_public_json(o) for o in s.objects],
            "note": s.note,
        } for s in report.slots],
    }


def _public_json(obj: Any) -> dict[str, Any]:
    profile = _safe_profile(obj.certificate)
    return {
        "id": obj.id.hex(), "label": obj.label, "has_public_key": obj.has_public_key,
        "common_name": profile.common_name if profile else None,
        "iin": profile.iin if profile else None,
        "purpose": profile.purpose if profile else None,
        "algorithm": profile.algorithm if profile else None,
        "serial": profile.serial if profile else None,
        "not_after": _iso(profile.not_after) if profile else None,
    }


def _tokens_summary(doc: dict[str, Any]) -> str:
    lines = []
    for m in doc["modules"]:
        lines.append(f"{m['path']}: " + ("loaded" if m["loaded"] else f"NOT LOADED ({m['error']})"))
        for s in m["slots"]:
            if not s["token_present"]:
                lines.append(f"  slot {s['slot_id']}: empty")
                continue
            pin = s["pin"] or {}
            flags = [k for k in ("count_low", "final_try", "locked") if pin.get(k)]
            lines.append(f"  slot {s['slot_id']}: {s['label']!r} serial {s['serial']} "
                         f"({s['manufacturer']} {s['model']}) PIN {','.join(flags) or 'ok'}")
            for c in s["certificates"]:
                lines.append(f"    {c['label']}: {c['common_name']} IIN {c['iin']} "
                             f"{c['purpose']} until {c['not_after']}")
            if s["note"]:
                lines.append(f"    note: {s['note']}")
    return "\n".join(lines)


__all__ = ["cert_info_main", "load_trust", "parse_time", "tokens_main",
           "verify_main"]
