"""The analyst's own paperwork, Qt-free: the agreement's blanks (2022 App.5) filled before
signing, and the App.4 applications (R-ACC-2..10, R-AUTH-8)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from transport import agreement_form
from transport.clock import now_astana
from transport.protocol import AgreementBlanks, AgreementText

DEFAULT_CITY = "Астана"  # where the Agency sits; the form lets the user write another city
# Blanks the user may edit; the name is the registered one and the date is the day of signing
# (the gateway checks both: R-AUTH-8).
EDITABLE_BLANKS = ("city", "position")


def agreement_blanks(full_name: str, position: str = "", city: str = DEFAULT_CITY,
                     today: dt.date | None = None) -> dict[str, str]:
    """The agreement's blanks prefilled: the registered name, today's date (Astana)."""
    day = today or now_astana().date()
    return {"city": city, "date": day.isoformat(), "full_name": full_name,
            "position": position}


def blank_problem(name: str, value: str) -> str | None:
    """Why `value` cannot fill blank `name` (a code of transport.agreement_form.problem)."""
    return agreement_form.problem(name, value)


def blank_limit(name: str) -> int:
    return agreement_form.limit(name)


def filled_agreement(document: AgreementText, values: dict[str, str]) -> dict[str, str]:
    """Both texts as they will be signed: {"kk": ..., "ru": ...}; ValueError if a blank is bad."""
    return {lang: agreement_form.fill(template, lang, values)
            for lang, template in (("kk", document.text_kk), ("ru", document.text_ru))}


def agreement_preview(document: AgreementText, values: dict[str, str]) -> dict[str, str]:
    """Both texts while being filled in: blanks that do not fit yet stay lines (not signable)."""
    return {lang: agreement_form.preview(template, lang, values)
            for lang, template in (("kk", document.text_kk), ("ru", document.text_ru))}


def blanks_model(values: dict[str, str]) -> AgreementBlanks:
    """The blanks as the statement carries them (ValueError, a pydantic one, if bad)."""
    return AgreementBlanks.model_validate(values)




# --- what the analyst filed last, kept to prefill the next form ----------------------------

PROFILE_FILE = "account-profile.json"


def load_profile(state_dir: Path | None) -> dict[str, str]:
    """The App.4 fields the analyst last filed (position, phones…); {} if none or unreadable."""
    if state_dir is None:
        return {}
    try:
        data = json.loads((state_dir / PROFILE_FILE).read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, str)}


def save_profile(state_dir: Path | None, fields: dict[str, str]) -> None:
    """Keep the fields for the next form (written whole, then renamed: never half a file)."""
    if state_dir is None:
        return
    state_dir.mkdir(parents=True, exist_ok=True)
    target = state_dir / PROFILE_FILE
    spare = target.with_suffix(".tmp")
    spare.write_text(json.dumps(fields, ensure_ascii=False, sort_keys=True), "utf-8")
    spare.replace(target)


__all__ = [
    "DEFAULT_CITY",
    "EDITABLE_BLANKS",
    "PROFILE_FILE",
    "agreement_blanks",
    "agreement_preview",
    "blank_limit",
    "blank_problem",
    "blanks_model",
    "filled_agreement",
    "load_profile",
    "save_profile",
]
