"""Really signed, fuzzed payloads for the signed endpoints.

A body schemathesis generates for a `Signed` operation carries random base64: the gateway
refuses it at the signature, and everything after the signature — the payload's shape, the
handlers, the journal — would never be fuzzed. So a positive case of a signed operation gets,
most of the time, a payload the desk would send (fresh nonce and time, the right signer) with
0..3 mutations — a field set to a hostile value, dropped, or one added; sometimes
non-canonical bytes, bytes that are no payload at all (deep nesting, not UTF-8) or the wrong
key — signed by the sandbox user's real key.

The choices come from a generator seeded by the body schemathesis generated, so a derandomized
run makes the same choices; the nonce and the time are fresh, as a real client's are.
"""

from __future__ import annotations

import hashlib
import json
import random
import secrets
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from signing.cms import sign_detached
from signing.sandbox_pki import SANDBOX_USERS, SandboxPKI, SandboxUser
from transport.canonical import canonical_json
from transport.clock import iso, now_astana
from transport.protocol import API_PREFIX, Signed

BASIS = {"case_number": "2024-0001-ФМ",
         "legal_ground": "ҚР «ҚЖ/ТҚ қарсы іс-қимыл туралы» Заңы, 16-бап",
         "purpose": "Күдікті операция бойынша тексеру"}
# Values that broke, or could break, something once: out-of-range numbers and times, empty and
# huge texts, hidden characters, wrong types, deep and long structures.
HOSTILE: tuple[Any, ...] = (
    None, True, False, 0, -1, 2**31, 2**53 + 1, 2**63, 10**30, -(10**30), "", " ", "x" * 5000,
    "\u0000", "\u200b\u2800\u3164", "\u202e1234", "1" * 12, "000000000000", "a" * 64,
    "2024-13-45T00:00:00+05:00", "0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-12:00",
    "2024-01-01T00:00:00", "2024-01-01", "NaN", [], [None], [0], [53], [1, 1], list(range(60)),
    {}, {"a": {"b": {"c": []}}}, [[[[[[[[[[[]]]]]]]]]]],
)
# Whole payloads that are no payload at all: deep nesting, not UTF-8, numbers past any range.
RAW: tuple[bytes, ...] = (
    b"[" * 50_000 + b"]" * 50_000, b'{"a":' + b"[" * 50_000 + b"]" * 50_000 + b"}",
    b"\xff\xfe{}", b"1e999999", b"9" * 5000, b"NaN", b"", b"null", b'{"op":"notice","op":1}',
)
TIMES = ("issued_at", "starts_at", "ends_at", "started_at", "ended_at", "destroyed_at",
         "asked_at", "signed_at")


def _nonce() -> str:
    return secrets.token_hex(16)


def _templates(analyst: SandboxUser, operator: SandboxUser,
               agreement: Callable[[], dict[str, Any]]) -> dict[str, tuple[bool, Callable[
                   [], dict[str, Any]]]]:
    """path → (signed by the operator, a valid payload of that operation)."""
    bystander = SANDBOX_USERS[3].iin  # blocked and unblocked, never the fuzzing analyst

    def now(delta_days: float = 0) -> str:
        return iso(now_astana() + timedelta(days=delta_days))

    return {
        "/queries": (False, lambda: {
            "version": 1, "resource": 1, "params": {"iin": analyst.iin}, "basis": dict(BASIS),
            "nonce": _nonce(), "issued_at": now(), "user_iin": analyst.iin}),
        "/dispositions": (False, lambda: {
            "purpose": "sio-disposition", "journal_seq": 1, "request_sha256": "ab" * 32,
            "asked_at": None, "case_number": BASIS["case_number"], "action": "destroyed_unattached",
            "printout_sha256": None, "destroyed_at": now(), "nonce": _nonce(),
            "issued_at": now(), "user_iin": analyst.iin}),
        "/agreement/signature": (False, lambda: {**agreement(), "iin": analyst.iin,
                                                 "signed_at": now()}),
        "/notices": (True, lambda: {
            "op": "notice", "nonce": _nonce(), "issued_at": now(), "title_kk": "Жұмыстар",
            "title_ru": "Работы", "starts_at": now(365 * 70), "ends_at": now(365 * 70 + 1),
            "resources": [52]}),
        "/emergency": (True, lambda: {
            "op": "emergency", "nonce": _nonce(), "issued_at": now(), "section": "fire_alarm",
            "actions": "Эвакуация", "max_time_min": 60, "responsible": "Дежурный",
            "started_at": now(), "resources": []}),
        "/emergency/close": (True, lambda: {
            "op": "emergency_close", "nonce": _nonce(), "issued_at": now(), "entry_seq": 1,
            "ended_at": now(), "actions": None}),
        "/operator/decisions": (True, lambda: {
            "purpose": "sio-decision", "application_id": 1, "decision": "refuse",
            "reason": "fuzz", "nonce": _nonce(), "issued_at": now(),
            "operator_iin": operator.iin}),
        "/operator/blocks": (True, lambda: {
            "purpose": "sio-block", "iin": bystander, "reason": "fuzz", "nonce": _nonce(),
            "issued_at": now(), "operator_iin": operator.iin}),
        "/operator/unblocks": (True, lambda: {
            "purpose": "sio-unblock", "iin": bystander, "reason": "fuzz", "nonce": _nonce(),
            "issued_at": now(), "operator_iin": operator.iin}),
    }


class SignedPayloads:
    """Replaces the body of positive cases of signed operations (see the module's text)."""

    def __init__(self, pki: SandboxPKI, analyst: SandboxUser, operator: SandboxUser,
                 agreement: Callable[[], dict[str, Any]], share: float = 0.7) -> None:
        self.signers = {False: pki.software_signers(analyst), True: pki.software_signers(operator)}
        self.templates = _templates(analyst, operator, agreement)
        self.share = share
        self.used = 0

    def body_for(self, path: str, generated: Any) -> dict[str, Any] | None:
        """A signed body for `path` in place of `generated`, or None to keep what was made."""
        entry = self.templates.get(path.removeprefix(API_PREFIX))
        if entry is None:
            return None
        seed = hashlib.sha256(json.dumps(generated, sort_keys=True, default=str).encode())
        rng = random.Random(seed.digest())
        if rng.random() >= self.share:
            return None
        by_operator, template = entry
        payload = template()
        for _ in range(rng.choice((0, 0, 1, 1, 1, 2, 3))):
            _mutate(payload, rng)
        data = _bytes(payload, canonical=rng.random() > 0.05)
        if rng.random() < 0.05:
            data = rng.choice(RAW)
        auth_key, signing_key = self.signers[by_operator]
        signer = auth_key if rng.random() < 0.05 else signing_key  # the wrong key purpose
        self.used += 1
        return Signed.wrap(data, sign_detached(data, signer)).model_dump()


def _mutate(payload: dict[str, Any], rng: random.Random) -> None:
    target = payload
    if "basis" in payload and isinstance(payload["basis"], dict) and rng.random() < 0.2:
        target = payload["basis"]
    how = rng.random()
    keys = sorted(target)
    if how < 0.7 and keys:
        key = rng.choice(keys)
        target[key] = rng.choice(HOSTILE) if key not in TIMES or rng.random() < 0.5 else (
            rng.choice([h for h in HOSTILE if isinstance(h, str) and h[:1].isdigit()]))
    elif how < 0.85 and keys:
        del target[rng.choice(keys)]
    else:
        target[rng.choice(("extra", "_signature", "op", "purpose"))] = rng.choice(HOSTILE)


def _bytes(payload: dict[str, Any], canonical: bool) -> bytes:
    if canonical:
        try:
            return canonical_json(payload)
        except ValueError:
            pass
    return json.dumps(payload, ensure_ascii=True, indent=1).encode()
