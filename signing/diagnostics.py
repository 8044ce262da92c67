"""What a PKCS#11 module shows without a PIN: slots, tokens, PIN flags, public certificates."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pkcs11
from cryptography import x509
from pkcs11 import Attribute, ObjectClass, TokenFlag

from signing.errors import SigningError
from signing.pkcs11 import certificate_objects, load_module, pin_state
from signing.token import PinState


@dataclass(frozen=True)
class PublicObject:
    """A certificate readable without login, and whether its public key sits beside it."""

    id: bytes
    label: str
    certificate: x509.Certificate
    has_public_key: bool


@dataclass
class SlotReport:
    """One slot: its description, and the token in it if any."""

    slot_id: int
    description: str
    token_present: bool
    label: str | None = None
    serial: str | None = None
    manufacturer: str | None = None
    model: str | None = None
    initialized: bool = False
    login_required: bool = False
    pin: PinState | None = None
    objects: list[PublicObject] = field(default_factory=list)
    note: str | None = None


@dataclass
class ModuleReport:
    """A module: loaded or why not, and its slots."""

    path: str
    loaded: bool
    error: str | None = None
    slots: list[SlotReport] = field(default_factory=list)


def _text(value: object) -> str:
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace").strip()
    return str(value).strip()


def public_objects(token: pkcs11.Token) -> list[PublicObject]:
    """Certificates visible in a session without login (CKA_PRIVATE false)."""
    found: list[PublicObject] = []
    with token.open() as session:
        pub_ids = set()
        for key in session.get_objects({Attribute.CLASS: ObjectClass.PUBLIC_KEY}):
            try:
                pub_ids.add(bytes(key[Attribute.ID]))
            except pkcs11.PKCS11Error:
                continue
        for cka_id, label, cert in certificate_objects(session):
            found.append(PublicObject(cka_id, label, cert, bool(cka_id) and cka_id in pub_ids))
    return found


def probe_module(module: Path | str) -> ModuleReport:
    """Load ``module`` and describe every slot; never raises for token trouble."""
    report = ModuleReport(path=str(module), loaded=False)
    try:
        lib = load_module(module)
        slots = lib.get_slots(token_present=False)
    except (SigningError, pkcs11.PKCS11Error, OSError) as exc:
        report.error = str(exc) or type(exc).__name__
        return report
    report.loaded = True
    for slot in slots:
        present = bool(slot.flags & pkcs11.SlotFlag.TOKEN_PRESENT)
        entry = SlotReport(slot.slot_id, _text(slot.slot_description), present)
        report.slots.append(entry)
        if not present:
            continue
        try:
            token = slot.get_token()
            flags = int(token.flags)
            entry.label = token.label.strip()
            entry.serial = _text(token.serial)
            entry.manufacturer = token.manufacturer_id.strip()
            entry.model = token.model.strip()
            entry.initialized = bool(flags & TokenFlag.TOKEN_INITIALIZED)
            entry.login_required = bool(flags & TokenFlag.LOGIN_REQUIRED)
            entry.pin = pin_state(flags)
            if entry.initialized:
                entry.objects = public_objects(token)
                if not entry.objects:
                    entry.note = ("no certificate is readable without login; this token may "
                                  "require the PIN to show them")
        except pkcs11.PKCS11Error as exc:
            entry.note = f"cannot read the token: {type(exc).__name__} {exc}".strip()
    return report


__all__ = ["ModuleReport", "PublicObject", "SlotReport", "probe_module", "public_objects"]
