"""Canonical JSON (RFC 8785 style): the exact bytes that get signed and hashed."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from json.encoder import c_make_encoder, encode_basestring  # type: ignore[attr-defined]
from typing import Any


def canonical_json(value: Any) -> bytes:
    """Sorted keys, no insignificant whitespace, UTF-8 without escapes; floats are refused."""
    _refuse_floats(value)
    return json.dumps(
        value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    ).encode("utf-8")


def sorted_compact(value: Any) -> str:
    """json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False): canonical
    JSON's text without its float check, for values known to hold no float (a journal line's
    columns) or where a float may stand (a grouping key). Its encoder is made once: dumps()
    makes one per call, which counted over a million journal lines (issue 10)."""
    return "".join(_SORTED_COMPACT(value, 0))


def _not_json(value: Any) -> Any:
    raise TypeError(f"{type(value).__name__} is not JSON")


_SORTED_COMPACT: Callable[[Any, int], Sequence[str]] = (
    c_make_encoder(None, _not_json, encode_basestring, None, ":", ",", True, False, True)
    if c_make_encoder is not None else  # CPython has it
    lambda value, _level: [json.dumps(value, sort_keys=True, separators=(",", ":"),
                                      ensure_ascii=False)])


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _refuse_floats(value: Any) -> None:
    # Float rendering differs between implementations; signed payloads carry strings instead.
    if isinstance(value, float):
        raise ValueError("floats are not allowed in signed payloads; use strings")
    if isinstance(value, dict):
        for v in value.values():
            _refuse_floats(v)
    elif isinstance(value, list | tuple):
        for v in value:
            _refuse_floats(v)
