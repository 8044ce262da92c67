"""journal verify's chain cache (issue 10): the same answers as the trust store, as of any time,
across the instants a certificate's status turns on (R-CTL-3, R-AUTH-6)."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path
from typing import Any

import pytest
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import Encoding

from gateway.trust_cache import SpanCachedTrust
from signing.errors import SignatureInvalid
from signing.sandbox_pki import SANDBOX_USERS, create_sandbox_pki
from signing.trust import SOFT_FAIL, TrustStore


def _answer(store: TrustStore, cert: x509.Certificate, at: dt.datetime,
            extra: list[x509.Certificate], soft: bool) -> tuple[Any, ...]:
    try:
        checked = store.check(cert, at, extra, policy=SOFT_FAIL if soft else None)
    except SignatureInvalid as exc:
        return ("refused", exc.code, exc.message)
    return ([c.public_bytes(Encoding.DER) for c in checked.path],
            [(d.status, d.reason, d.soft_failed) for d in checked.revocation])


@pytest.mark.req("R-CTL-3", "R-AUTH-6")
def test_cached_answers_equal_the_stores_around_every_instant(tmp_path: Path) -> None:
    pki = create_sandbox_pki(tmp_path / "pki")  # its own: this test revokes
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    kept = pki.issue_user_certificate(SANDBOX_USERS[0], key.public_key(), "signing")
    revoked = pki.issue_user_certificate(SANDBOX_USERS[1], key.public_key(), "signing")
    pki.revoke(revoked)
    store = pki.trust_store()
    cached = SpanCachedTrust(store)
    (entry,) = [r for c in store.crls for r in c if r.serial_number == revoked.serial_number]
    crl = next(c for c in store.crls if c.get_revoked_certificate_by_serial_number(
        revoked.serial_number) is not None)
    second = dt.timedelta(seconds=1)
    instants = [revoked.not_valid_before_utc, entry.revocation_date_utc, crl.last_update_utc,
                crl.next_update_utc or crl.last_update_utc, revoked.not_valid_after_utc,
                pki.intermediate.not_valid_after_utc]
    # Each instant, a moment either side, and a few times inside each span (twice: hits).
    times = [t + d for t in instants for d in (-second, dt.timedelta(0), second)]
    times += [entry.revocation_date_utc - dt.timedelta(hours=1)] * 3
    times += [entry.revocation_date_utc + dt.timedelta(minutes=m) for m in (1, 2, 3)]
    times += [revoked.not_valid_before_utc - dt.timedelta(days=3)] * 2
    random.Random(10).shuffle(times)
    answers = set()
    for at in times:
        for cert, extra in ((revoked, []), (kept, []), (revoked, [pki.intermediate])):
            for soft in (False, True):
                want = _answer(store, cert, at, extra, soft)
                assert _answer(cached, cert, at, extra, soft) == want, (at, cert.serial_number)
                answers.add(repr(want[:2]) if want[0] == "refused" else "ok")
    # The times did reach good, revoked, not yet valid and expired answers, and were reused.
    assert {"ok", "('refused', 'revoked')", "('refused', 'not_yet_valid')",
            "('refused', 'expired')"} <= answers
    assert cached.hits > cached.misses > 0
