"""SoftHSM2 for the sandbox and tests: a real PKCS#11 token, provisioned like an NCA one.

SoftHSM2 reads its configuration (SOFTHSM2_CONF) once, when the module is first
initialised in a process. So: one SoftHSM token directory per process. Call
softhsm_environment() before anything loads the module; later calls with another
directory raise. Tokens created in another process after the module was loaded are not
seen here (SoftHSM does not rescan), so provision_token initialises tokens in-process.
"""

from __future__ import annotations

import ctypes
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import pkcs11
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from pkcs11 import Attribute, CertificateType, KeyType, ObjectClass, TokenFlag

from signing.errors import SigningError, TokenAbsent, TokenError
from signing.pkcs11 import is_loaded, load_module, module_key, raw_module
from signing.sandbox_pki import SandboxPKI, SandboxUser

SOFTHSM_PATHS = (
    "/usr/lib/softhsm/libsofthsm2.so",
    "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
    "/usr/local/lib/softhsm/libsofthsm2.so",
    "/usr/lib64/pkcs11/libsofthsm2.so",
    "/usr/lib64/softhsm/libsofthsm2.so",
    "/opt/homebrew/lib/softhsm/libsofthsm2.so",
    r"C:\SoftHSM2\lib\softhsm2-x64.dll",
)


def softhsm_module() -> Path | None:
    """The SoftHSM2 PKCS#11 module on this machine, or None."""
    for candidate in SOFTHSM_PATHS:
        if os.path.isfile(candidate):
            return Path(candidate)
    return None


def softhsm_environment(directory: Path) -> Path:
    """Write softhsm2.conf (tokens under ``directory``/tokens) and point SOFTHSM2_CONF at it."""
    directory = Path(directory).resolve()
    conf = directory / "softhsm2.conf"
    module = softhsm_module()
    current = os.environ.get("SOFTHSM2_CONF")
    if module is not None and is_loaded(module) and current != str(conf):
        raise SigningError(
            f"SoftHSM2 is already loaded in this process with config {current}; it reads its "
            "config once per process, so a second token directory needs a new process.",
            code="softhsm_config_fixed",
        )
    tokens = directory / "tokens"
    tokens.mkdir(parents=True, exist_ok=True)
    conf.write_text(
        f"directories.tokendir = {tokens}\n"
        "objectstore.backend = file\n"
        "log.level = ERROR\n"
        "slots.removable = false\n",
        encoding="utf-8",
    )
    os.environ["SOFTHSM2_CONF"] = str(conf)
    return conf


@dataclass
class ProvisionedToken:
    """A SoftHSM token holding a sandbox user's AUTH and signing keys."""

    module: Path
    label: str
    user_pin: str
    so_pin: str
    users_iin: str


def _init_token(module: Path, label: str, so_pin: str) -> None:
    lib = load_module(module)
    free = [
        slot for slot in lib.get_slots(token_present=True)
        if not slot.get_token().flags & TokenFlag.TOKEN_INITIALIZED
    ]
    if not free:
        raise TokenError("SoftHSM2 offers no free slot for a new token.")
    # python-pkcs11 has no C_InitToken; call it on the same loaded module through ctypes.
    func = raw_module(module).C_InitToken
    func.argtypes = [ctypes.c_ulong, ctypes.c_char_p, ctypes.c_ulong, ctypes.c_char_p]
    func.restype = ctypes.c_ulong
    pin = so_pin.encode()
    padded = label.encode("utf-8")[:32].ljust(32, b" ")
    rv = func(free[0].slot_id, pin, len(pin), padded)
    if rv != 0:
        raise TokenError(f"C_InitToken failed with CKR 0x{rv:08X}")


def _find(module: Path, label: str) -> pkcs11.Token | None:
    for slot in load_module(module).get_slots(token_present=True):
        token = slot.get_token()
        if token.flags & TokenFlag.TOKEN_INITIALIZED and token.label.strip() == label:
            return token
    return None


def _public_key(pub: pkcs11.PublicKey) -> rsa.RSAPublicKey:
    n = int.from_bytes(pub[Attribute.MODULUS], "big")
    e = int.from_bytes(pub[Attribute.PUBLIC_EXPONENT], "big")
    return rsa.RSAPublicNumbers(e, n).public_key()


def _ski(key: rsa.RSAPublicKey) -> bytes:
    # RFC 5280 method 1; NCA names key files and aliases by this value (NCA-EDS §3.1).
    return hashlib.sha1(  # noqa: S324  # an identifier, not a security hash
        key.public_bytes(Encoding.DER, PublicFormat.PKCS1)
    ).digest()


def _store_certificate(session: pkcs11.Session, cert: x509.Certificate, cka_id: bytes,
                       label: str) -> None:
    session.create_object({
        Attribute.CLASS: ObjectClass.CERTIFICATE,
        Attribute.CERTIFICATE_TYPE: CertificateType.X_509,
        Attribute.TOKEN: True,
        Attribute.PRIVATE: False,
        Attribute.ID: cka_id,
        Attribute.LABEL: label,
        Attribute.SUBJECT: cert.subject.public_bytes(),
        Attribute.ISSUER: cert.issuer.public_bytes(),
        Attribute.SERIAL_NUMBER: _der_integer(cert.serial_number),
        Attribute.VALUE: cert.public_bytes(Encoding.DER),
    })


def _der_integer(value: int) -> bytes:
    raw = value.to_bytes(value.bit_length() // 8 + 1, "big")
    return bytes([0x02, len(raw)]) + raw


def provision_token(
    directory: Path,
    pki: SandboxPKI,
    user: SandboxUser,
    *,
    label: str,
    user_pin: str = "12345678",
    so_pin: str = "87654321",
) -> ProvisionedToken:
    """Create a SoftHSM token with on-token AUTH and signing keys and their certificates."""
    module = softhsm_module()
    if module is None:
        raise TokenAbsent("SoftHSM2 is not installed (package softhsm2).")
    if "SOFTHSM2_CONF" not in os.environ:
        softhsm_environment(directory)
    if _find(module, label) is not None:
        raise SigningError(f"A token labelled {label!r} already exists; pick another label.",
                           code="token_exists")
    _init_token(module, label, so_pin)
    token = _find(module, label)
    if token is None:
        raise TokenError(f"SoftHSM2 did not show the new token {label!r}.")
    with token.open(rw=True, so_pin=so_pin) as so_session:
        so_session.init_pin(user_pin)
    token = _find(module, label)
    assert token is not None
    session = token.open(rw=True, user_pin=user_pin)
    try:
        purposes: tuple[tuple[Literal["authentication", "signing"], str], ...] = (
            ("authentication", "AUTH_RSA256"), ("signing", "RSA256"))
        for purpose, prefix in purposes:
            pub, priv = session.generate_keypair(
                KeyType.RSA, 2048, store=True, label=prefix,
                # The key never leaves the token: sensitive and not extractable.
                private_template={
                    Attribute.SENSITIVE: True,
                    Attribute.EXTRACTABLE: False,
                    Attribute.PRIVATE: True,
                    Attribute.SIGN: True,
                    Attribute.DECRYPT: purpose == "authentication",
                },
            )
            public_key = _public_key(pub)
            cka_id = _ski(public_key)
            key_label = f"{prefix}_{cka_id.hex()}"
            for obj in (pub, priv):
                obj[Attribute.ID] = cka_id
                obj[Attribute.LABEL] = key_label
            cert = pki.issue_user_certificate(user, public_key, purpose)
            _store_certificate(session, cert, cka_id, key_label)
        _store_certificate(session, pki.intermediate, b"", "CA " + pki.intermediate.subject
                           .rfc4514_string())
    finally:
        session.close()
    return ProvisionedToken(Path(module_key(module)), label, user_pin, so_pin, user.iin)
