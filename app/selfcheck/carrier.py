"""R-WS-1 — a protected EDS carrier: a PKCS#11 module loads and a token is present."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from app.selfcheck.model import CheckResult, Mode, Status


@dataclass(frozen=True)
class TokenSeen:
    label: str
    serial: str
    manufacturer: str = ""
    model: str = ""
    pin_locked: bool = False


@dataclass(frozen=True)
class ModuleReading:
    path: str
    tokens: tuple[TokenSeen, ...] = ()
    error: str = ""  # the module did not load or list its slots


@dataclass(frozen=True)
class CarrierReading:
    modules: tuple[ModuleReading, ...]
    error: str = ""  # the PKCS#11 layer itself is unavailable


# A software token is a file on disk behind a PKCS#11 face: not a protected carrier (R-AUTH-4).
SOFTWARE_MARKERS = ("softhsm",)


def is_software(module: str, token: TokenSeen) -> bool:
    text = f"{Path(module).name} {token.manufacturer} {token.model}".lower()
    return any(m in text for m in SOFTWARE_MARKERS)


def read_carrier(configured: Sequence[str]) -> CarrierReading:
    """Every configured or known vendor module, loaded, with the tokens in its slots."""
    try:
        from signing.errors import SigningError
        from signing.pkcs11 import find_modules, list_tokens
    except ImportError as exc:  # python-pkcs11 missing from a broken install
        return CarrierReading((), f"PKCS#11 support unavailable: {exc}")
    out: list[ModuleReading] = []
    for module in find_modules(configured):
        try:
            infos = list_tokens(module)
        except SigningError as exc:
            out.append(ModuleReading(str(module), error=str(exc)))
            continue
        except Exception as exc:  # a vendor module can fail in ways python-pkcs11 does not map
            out.append(ModuleReading(str(module), error=f"{type(exc).__name__}: {exc}"))
            continue
        out.append(
            ModuleReading(
                str(module),
                tuple(
                    TokenSeen(i.label, i.serial, i.manufacturer, i.model, bool(i.pin.locked))
                    for i in infos
                ),
            )
        )
    return CarrierReading(tuple(out))


def check_token(
    reading: CarrierReading, mode: Mode = Mode.BLOCK, *, allow_software: bool = False
) -> CheckResult:
    """PASS when a module loads and holds a (hardware) token; FAIL when none does."""
    evidence: list[str] = []
    good: list[str] = []
    software: list[str] = []
    loaded = 0
    for m in reading.modules:
        if m.error:
            evidence.append(f"module {m.path}: did not load — {m.error}")
            continue
        loaded += 1
        if not m.tokens:
            evidence.append(f"module {m.path}: loaded, no token present")
        for t in m.tokens:
            soft = is_software(m.path, t)
            name = f"{t.label} (serial {t.serial}, {t.manufacturer} {t.model})".replace(" )", ")")
            state = ", PIN locked" if t.pin_locked else ""
            evidence.append(
                f"module {m.path}: token {name}{state}" + (", software token" if soft else "")
            )
            (software if soft and not allow_software else good).append(t.label)

    def result(status: Status, reason: str, value: str | None, **args: object) -> CheckResult:
        return CheckResult(
            "token",
            "R-WS-1",
            status,
            value,
            "≥ 1",
            "",
            reason,
            dict(args),
            tuple(evidence),
            mode=mode,
        )

    if reading.error:
        evidence.append(reading.error)
        return result(Status.FAIL, "token_no_support", None, detail=reading.error)
    if good:
        return result(Status.PASS, "token_ok", ", ".join(good), labels=", ".join(good))
    if software:
        return result(
            Status.FAIL, "token_software", ", ".join(software), labels=", ".join(software)
        )
    if not reading.modules:
        evidence.append("no configured or known PKCS#11 module on this workstation")
        return result(Status.FAIL, "token_no_module", None)
    if not loaded:
        return result(
            Status.FAIL,
            "token_module_error",
            None,
            detail="; ".join(m.error for m in reading.modules),
        )
    return result(Status.FAIL, "token_absent", None)
