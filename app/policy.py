"""The administrator's policy file: where the gateway is and what the client trusts."""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from platformdirs import site_config_path, user_data_path

from app.config import Deferred, DeskConfig
from app.errors import DeskError

if TYPE_CHECKING:  # the certificate stack is imported when the certificates are parsed
    from signing.trust import TrustStore

POLICY_ENV = "SIO_DESK_POLICY"


def policy_path() -> Path:
    """The admin policy file, in the site config dir unless $SIO_DESK_POLICY names another."""
    override = os.environ.get(POLICY_ENV)
    return (
        Path(override)
        if override
        else site_config_path("sio-desk", appauthor=False) / "policy.json"
    )


@dataclass(frozen=True)
class Policy:
    desk: DeskConfig
    pkcs11_modules: tuple[str, ...]
    token_label: str | None
    # Issue 12: vendor mechanism ids for GOST keys on production tokens (signing.gost_mechanisms).
    pkcs11_gost_mechanisms: Mapping[str, int] = field(default_factory=dict)


def load_policy(path: Path | None = None) -> Policy:
    """Read and check the policy; every problem names the file and the key. The certificates it
    names are parsed at their first use (Desk's token read, after the first paint: issue 10)."""
    path = path or policy_path()
    if not path.exists():
        raise DeskError("policy_missing", path=str(path))
    try:
        raw = json.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DeskError("policy_invalid", path=str(path), detail=str(exc)) from exc
    if not isinstance(raw, dict):
        raise DeskError("policy_invalid", path=str(path), detail="top level must be an object")
    base = path.parent

    def need(key: str) -> str:
        value = raw.get(key)
        if not isinstance(value, str) or not value.strip():
            raise DeskError("policy_invalid", path=str(path), detail=f"'{key}' is required")
        return value

    def file(key: str) -> Path:
        p = (base / need(key)).resolve()
        if not p.exists():
            raise DeskError("policy_invalid", path=str(path), detail=f"'{key}': no file {p}")
        return p

    ca_file = file("ca_file")
    trust_dir = file("trust_dir")
    operators = raw.get("operator_certificates")
    if not isinstance(operators, list) or not operators:
        raise DeskError(
            "policy_invalid", path=str(path), detail="'operator_certificates' must list PEM files"
        )
    pinned = tuple(_existing(base / str(p), path) for p in operators)
    modules = raw.get("pkcs11_modules", [])
    if not isinstance(modules, list) or not all(isinstance(m, str) for m in modules):
        raise DeskError(
            "policy_invalid", path=str(path), detail="'pkcs11_modules' must be a list of paths"
        )
    label = raw.get("token_label")
    gost_mechanisms = _gost_mechanisms(raw.get("pkcs11_gost_mechanisms"), path)

    def number(key: str, default: float, low: float, high: float) -> float:
        value = raw.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int | float) \
                or not low <= value <= high:
            raise DeskError("policy_invalid", path=str(path),
                            detail=f"'{key}' must be a number from {low:g} to {high:g}")
        return float(value)

    allow_copy = raw.get("allow_copy", True)
    if not isinstance(allow_copy, bool):
        raise DeskError("policy_invalid", path=str(path), detail="'allow_copy' must be true/false")
    case_dir = raw.get("case_dir")
    if case_dir is not None and (not isinstance(case_dir, str) or not case_dir.strip()):
        raise DeskError("policy_invalid", path=str(path),
                        detail="'case_dir' must name the folder for case material")
    desk = DeskConfig(
        gateway_url=need("gateway_url"),
        ca_file=ca_file,
        trust=Deferred(lambda: _trust_store(trust_dir, path)),
        operator_sha256=Deferred(lambda: frozenset(_cert_sha256(p, path) for p in pinned)),
        sandbox=False,
        lang=str(raw.get("lang", "ru")),
        timeout_s=float(raw.get("timeout_s", 15.0)),
        state_dir=user_data_path("sio-desk", appauthor=False),
        # R-RES-1: printouts go where the administrator says; none named, export is disabled.
        case_dir=(base / case_dir).expanduser().resolve() if case_dir else None,
        retention_s=number("retention_hours", 8, 0.25, 24 * 30) * 3600,
        retention_warn_s=number("retention_warn_minutes", 15, 1, 240) * 60,
        allow_copy=allow_copy,  # R-RES-3
        clipboard_clear_s=number("clipboard_clear_s", 10, 1, 300),
    )
    return Policy(desk, tuple(modules), label if isinstance(label, str) else None,
                  gost_mechanisms)


def _gost_mechanisms(raw: object, policy: Path) -> dict[str, int]:
    from signing.gost_mechanisms import parse_gost_mechanisms

    try:
        return parse_gost_mechanisms(raw)
    except ValueError as exc:
        raise DeskError("policy_invalid", path=str(policy),
                        detail=f"'pkcs11_gost_mechanisms': {exc}") from exc


def _existing(cert_path: Path, policy: Path) -> Path:
    if not cert_path.is_file():
        raise DeskError("policy_invalid", path=str(policy), detail=f"{cert_path}: no such file")
    return cert_path


def _cert_sha256(cert_path: Path, policy: Path) -> str:
    from signing.errors import SignatureInvalid
    from signing.profile import fingerprint, load_certificate

    try:
        return fingerprint(load_certificate(cert_path.read_bytes()))
    except (OSError, SignatureInvalid) as exc:
        raise DeskError("policy_invalid", path=str(policy), detail=f"{cert_path}: {exc}") from exc


def _trust_store(trust_dir: Path, policy: Path) -> TrustStore:
    from signing.errors import SigningError
    from signing.trust import TrustStore

    try:
        return TrustStore.from_directory(trust_dir)
    except (OSError, SigningError, ValueError) as exc:
        raise DeskError("policy_invalid", path=str(policy), detail=f"{trust_dir}: {exc}") from exc
