"""Texts the UI derives from app values: errors, check reasons, PIN-state warnings, token lines."""

from __future__ import annotations

import logging
from typing import Any

from app.errors import DeskError
from app.messages import reason_text as app_reason_text
from ui import i18n
from ui.i18n import translate

log = logging.getLogger(__name__)


def reason_text(reason: str) -> str:
    """A form-check reason code in the current language (texts live in app.messages)."""
    return app_reason_text(reason, i18n.current())


def error_text(exc: BaseException) -> str:
    """What the analyst reads for a failure: DeskError in their language, anything else as is."""
    if isinstance(exc, DeskError):
        return exc.text(i18n.current())
    log.error("unexpected failure in a desk call", exc_info=exc)
    return translate("Errors", "Unexpected error: {detail}. The details are in the log.").format(
        detail=f"{type(exc).__name__}: {exc}"
    )


def pin_warnings(pin: Any) -> list[tuple[str, str]]:
    """(level, text) for each PIN-state flag the token reports, worst first (R-AUTH-1)."""
    out: list[tuple[str, str]] = []
    if pin is None:
        return out
    if getattr(pin, "locked", False):
        out.append(("error", DeskError("pin_locked").text(i18n.current())))
        return out
    if getattr(pin, "final_try", False):
        out.append(("error", translate("Pin", "Final try: one more wrong PIN locks the token.")))
    elif getattr(pin, "count_low", False):
        out.append(
            (
                "warning",
                translate(
                    "Pin", "Wrong PIN entered before: few attempts remain. Type it carefully."
                ),
            )
        )
    left = getattr(pin, "attempts_left", None)
    if isinstance(left, int):
        out.append(("info", translate("Pin", "Attempts left: {n}").format(n=left)))
    return out


def token_line(info: Any) -> str:
    """Token label with maker, model and serial; a file key says it is one (R-AUTH-4)."""
    parts = [p for p in (getattr(info, "manufacturer", ""), getattr(info, "model", "")) if p]
    serial = getattr(info, "serial", "")
    line = translate("Token", "Token: {label}").format(label=info.label)
    details = " ".join(parts)
    if serial:
        details = (
            translate("Token", "{details}, serial {serial}")
            .format(details=details, serial=serial)
            .lstrip(", ")
        )
    if details:
        line += f" ({details})"
    if getattr(info, "kind", "pkcs11") == "file":
        line += " — " + translate("Token", "a key file, allowed only in the sandbox")
    return line


LEVEL_STYLE = {
    "error": "color: #d93025; font-weight: bold;",  # mid-tones: readable light and dark
    "warning": "color: #b06000; font-weight: bold;",
    "info": "color: palette(window-text);",
}
