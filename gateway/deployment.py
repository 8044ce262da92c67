"""A deployment's configuration file: trust store, TLS, the operator's key, first operators."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from gateway.config import (
    DirectoryTrust,
    GatewayConfig,
    OperatorContacts,
    SeedUser,
    check_attestation_policy,
    default_db_url,
)
from signing.errors import SigningError
from signing.iin import is_valid_iin
from signing.signer import Signer
from signing.trust import REVOCATION_MODES

# The only resource backend this reference gateway has: it must be chosen knowingly, so that a
# deployment never answers synthetic data by accident.
BACKENDS = ("synthetic",)
TUNABLE = ("nonce_window_s", "session_ttl_s", "challenge_ttl_s", "max_body",
           "segment_max_entries", "segment_max_age_s", "population_size", "population_seed",
           "retention_hours", "bulk_per_hour", "many_users", "max_connections",
           "max_connections_per_peer", "rate_limit_burst", "refusals_itemized")
# Tunable numbers that may have a fraction (seconds, requests per second).
TUNABLE_REAL = ("header_timeout_s", "body_timeout_s", "rate_limit_per_s", "refusal_window_s")


class DeploymentError(Exception):
    """The configuration file is missing, malformed or names something that is not there."""


def load_deployment(path: Path, *, db_url: str | None = None) -> GatewayConfig:
    """A production GatewayConfig from the JSON file at `path` (relative paths from its folder)."""
    raw = _read(path)
    base = path.parent

    def need(key: str) -> Any:
        if key not in raw:
            raise DeploymentError(f"{path}: '{key}' is required")
        return raw[key]

    def file(key: str) -> Path:
        found = (base / str(need(key))).resolve()
        if not found.exists():
            raise DeploymentError(f"{path}: '{key}': {found} does not exist")
        return found

    if need("resources") not in BACKENDS:
        raise DeploymentError(f"{path}: 'resources' must be one of {', '.join(BACKENDS)}")
    trust_dir = file("trust_dir")
    extra = {k: raw[k] for k in (*TUNABLE, "retention_days") if k in raw}
    bad = [k for k, v in extra.items() if not isinstance(v, int) or isinstance(v, bool) or v <= 0]
    if bad:
        raise DeploymentError(f"{path}: {', '.join(bad)} must be positive whole numbers")
    real = {k: raw[k] for k in TUNABLE_REAL if k in raw}
    bad = [k for k, v in real.items()
           if not isinstance(v, int | float) or isinstance(v, bool) or not 0 < v < 1e9]
    if bad:
        raise DeploymentError(f"{path}: {', '.join(bad)} must be positive numbers")
    extra.update(real)
    if "retention_days" in extra:
        # Files written before retention was counted in hours (the desk's unit) still load.
        if "retention_hours" in extra:
            raise DeploymentError(f"{path}: give retention_hours or retention_days, not both")
        extra["retention_hours"] = 24 * extra.pop("retention_days")
    mode = raw.get("revocation_mode", "hard_fail")
    if mode not in REVOCATION_MODES:
        raise DeploymentError(f"{path}: 'revocation_mode' must be one of "
                              f"{', '.join(REVOCATION_MODES)} (hard_fail unless you must)")
    attestation = raw.get("attestation", "off"), raw.get("attestation_max_age_days", 30)
    try:
        check_attestation_policy(*attestation)
    except ValueError as exc:
        raise DeploymentError(f"{path}: {exc}") from exc
    return GatewayConfig(
        trust=DirectoryTrust(trust_dir),
        operator_signer=operator_signer(need("operator_key"), base, path),
        db_url=db_url or str(raw.get("db_url") or default_db_url()),
        sandbox=False,
        tls_cert=file("tls_cert"),
        tls_key=file("tls_key"),
        seed_users=_operators(raw.get("operators", []), path),
        revocation_mode=mode,  # soft_fail only when the file says so explicitly
        operator_contacts=_contacts(raw.get("operator_contacts", {}), path),
        attestation=attestation[0], attestation_max_age_days=attestation[1],  # 2022 §4
        **extra,
    )


def operator_signer(spec: Any, base: Path, path: Path) -> Signer:
    """The operator's signing key: on a PKCS#11 token (an HSM), or in a PKCS#12 file (RSA, or a
    GOST key laid out as NCA's)."""
    if not isinstance(spec, dict):
        raise DeploymentError(f"{path}: 'operator_key' must be an object")
    try:
        if "pkcs11_module" in spec:
            return _token_signer(spec, path)
        if "p12" in spec:
            return _p12_signer(base / str(spec["p12"]), _secret(spec, "password_env", path))
    except SigningError as exc:
        raise DeploymentError(f"{path}: the operator key cannot be used: {exc}") from exc
    raise DeploymentError(f"{path}: 'operator_key' needs 'pkcs11_module' or 'p12'")


def _token_signer(spec: dict[str, Any], path: Path) -> Signer:
    from signing.gost_mechanisms import parse_gost_mechanisms
    from signing.pkcs11 import Pkcs11Token
    from signing.token import pick

    label = spec.get("token_label")
    if not isinstance(label, str) or not label:
        raise DeploymentError(f"{path}: 'operator_key.token_label' is required with a module")
    try:  # issue 12: an HSM's vendor mechanism ids for a GOST operator key, as the desk's policy
        mechanisms = parse_gost_mechanisms(spec.get("gost_mechanisms"))
    except ValueError as exc:
        raise DeploymentError(f"{path}: 'operator_key.gost_mechanisms': {exc}") from exc
    token = Pkcs11Token.open(str(spec["pkcs11_module"]), label, gost_mechanisms=mechanisms)
    token.login(_secret(spec, "pin_env", path))
    return token.signer(pick(token.keypairs(), "signing"))


def _p12_signer(p12: Path, password: str) -> Signer:
    """The key file's signing key: RSA, or GOST in NCA's layout (issue 12: a GOST operator)."""
    from signing.filekey import p12_signer

    try:
        data = p12.read_bytes()
    except OSError as exc:
        raise DeploymentError(f"cannot read the operator key file {p12}: {exc}") from exc
    return p12_signer(data, password)


def _secret(spec: dict[str, Any], key: str, path: Path) -> str:
    name = spec.get(key)
    if not isinstance(name, str) or not name:
        raise DeploymentError(f"{path}: 'operator_key.{key}' must name an environment variable")
    value = os.environ.get(name)
    if value is None:
        raise DeploymentError(f"{path}: environment variable {name} is not set")
    return value


def _operators(items: Any, path: Path) -> tuple[SeedUser, ...]:
    """The first operators, registered at start so that applications can be decided at all."""
    if not isinstance(items, list):
        raise DeploymentError(f"{path}: 'operators' must be a list")
    out = []
    for item in items:
        if not isinstance(item, dict) or not is_valid_iin(str(item.get("iin", ""))):
            raise DeploymentError(f"{path}: every operator needs a valid 'iin'")
        if not item.get("name") or not item.get("organization"):
            raise DeploymentError(f"{path}: operator {item['iin']}: 'name' and 'organization'")
        out.append(SeedUser(iin=item["iin"], name=str(item["name"]),
                            organization=str(item["organization"]), role="operator"))
    return tuple(out)


def _contacts(item: Any, path: Path) -> OperatorContacts:
    """The phones and e-mail the operator publishes for outage reports (R-Q-4)."""
    if not isinstance(item, dict) or set(item) - {"phones", "email"}:
        raise DeploymentError(f"{path}: 'operator_contacts' takes 'phones' (a list) and 'email'")
    phones, email = item.get("phones", []), item.get("email", "")
    if not isinstance(phones, list) or not all(isinstance(p, str) and p.strip() for p in phones):
        raise DeploymentError(f"{path}: 'operator_contacts.phones' must be a list of numbers")
    if not isinstance(email, str) or (email and "@" not in email):
        raise DeploymentError(f"{path}: 'operator_contacts.email' must be an e-mail address")
    return OperatorContacts(tuple(p.strip() for p in phones), email.strip())


def _read(path: Path) -> dict[str, Any]:
    try:
        raw = json.loads(path.read_text("utf-8"))
    except FileNotFoundError as exc:
        raise DeploymentError(f"no configuration file at {path}") from exc
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DeploymentError(f"{path}: {exc}") from exc
    if not isinstance(raw, dict):
        raise DeploymentError(f"{path}: the top level must be an object")
    return raw
