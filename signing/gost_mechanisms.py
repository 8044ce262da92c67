"""The admin policy's PKCS#11 mechanism ids for GOST keys (issue 12), read without loading any
certificate or token stack (the policy is read before the first paint)."""

from __future__ import annotations

from typing import Any

GOST_KEY_KINDS = ("gost2004", "gost2015_256", "gost2015_512")


def parse_gost_mechanisms(raw: Any) -> dict[str, int]:
    """{key kind: CKM id} from the policy's object; ValueError naming what is wrong.

    Ids are numbers or "0x…" strings (vendor ids are usually written in hex)."""
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise ValueError("must be an object of key kind to mechanism id")
    out: dict[str, int] = {}
    for kind, value in raw.items():
        if kind not in GOST_KEY_KINDS:
            raise ValueError(f"unknown key kind {kind!r}; use {', '.join(GOST_KEY_KINDS)}")
        out[kind] = _mechanism_id(kind, value)
    return out


def _mechanism_id(kind: str, value: Any) -> int:
    if isinstance(value, str):
        try:
            number = int(value, 0)
        except ValueError:
            raise ValueError(f"{kind}: {value!r} is not a number") from None
    elif isinstance(value, int) and not isinstance(value, bool):
        number = value
    else:
        raise ValueError(f"{kind}: the mechanism id must be a number or a \"0x…\" string")
    if not 0 < number < 2**32:
        raise ValueError(f"{kind}: {value!r} is not a PKCS#11 mechanism id (CK_ULONG)")
    return number


__all__ = ["GOST_KEY_KINDS", "parse_gost_mechanisms"]
